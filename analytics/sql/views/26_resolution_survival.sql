-- resolution_survival(<the filters of filtered_cases>, p_age_days, p_level): per group of p_level
-- ('province', 'regency', anything else: one group 'all'), the median days from report to
-- resolution with open cases counted as not yet finished (Kaplan-Meier, open cases censored at
-- their censor_date) rather than left out. The median is the first day the share still open
-- falls below one half; where it is exactly one half over an interval, the middle of that
-- interval, so that with no open case it equals the plain median. It is NULL where half or more
-- of the cases are still open after the last resolution (not reached yet).
CREATE MACRO resolution_survival(p_election, p_date_from, p_date_to, p_province, p_regency, p_category, p_position,
                                 p_agency_level, p_age_days, p_level) AS TABLE
WITH durations AS (
    SELECT
        CASE p_level WHEN 'province' THEN province_code WHEN 'regency' THEN region_code ELSE 'all' END AS group_code,
        coalesce(resolution_date, censor_date) - reported_date AS days,
        resolution_date IS NOT NULL AS finished
    FROM filtered_cases_at_age(p_election, p_date_from, p_date_to, p_province, p_regency, p_category, p_position,
                               p_agency_level, p_age_days)
),
steps AS (
    SELECT group_code, days, count(*) FILTER (WHERE finished) AS finishing, count(*) AS leaving
    FROM durations
    GROUP BY group_code, days
),
at_risk AS (
    SELECT *, sum(leaving) OVER (PARTITION BY group_code ORDER BY days DESC ROWS UNBOUNDED PRECEDING) AS still_running
    FROM steps
),
curve AS (
    SELECT
        group_code,
        days,
        CASE WHEN bool_or(finishing = still_running) OVER running THEN 0.0
             ELSE exp(sum(ln(CASE WHEN finishing < still_running THEN 1.0 - finishing::DOUBLE / still_running ELSE 1.0 END)) OVER running) END AS share_open,
        -- the next day on which a case is resolved: where the share is exactly one half until then
        lead(days) OVER (PARTITION BY group_code ORDER BY days) AS next_days
    FROM at_risk
    WHERE finishing > 0
    WINDOW running AS (PARTITION BY group_code ORDER BY days ROWS UNBOUNDED PRECEDING)
)
SELECT
    group_code,
    -- exactly one half at the last resolution: the rest are open, so the median is not reached
    min(CASE WHEN abs(share_open - 0.5) < 1e-9 THEN (days + next_days) / 2.0
             WHEN share_open < 0.5 THEN days::DOUBLE END) AS median_days
FROM curve
GROUP BY group_code;
