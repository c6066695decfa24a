-- headline(<the filters of filtered_cases>, p_age_days): the funnel totals and resolution times of
-- the filtered cases, as the register stands now (p_age_days NULL) or as it stood p_age_days days
-- after voting day; the body of headline_numbers.sql, and of the answers stored per area and cycle
-- (90_headline_by_scope.sql). Registration has no date, so `registered` is the current state even
-- at an age. Columns: those of headline_numbers.sql.
CREATE MACRO headline(p_election, p_date_from, p_date_to, p_province, p_regency, p_category, p_position,
                      p_agency_level, p_age_days) AS TABLE
WITH counts AS (
    SELECT
        count(*)::BIGINT AS reported,
        count(*) FILTER (WHERE is_registered)::BIGINT AS registered,
        count(*) FILTER (WHERE is_proven)::BIGINT AS proven,
        count(*) FILTER (WHERE is_recommended)::BIGINT AS recommended,
        count(*) FILTER (WHERE is_followed_up)::BIGINT AS followed_up,
        count(*) FILTER (WHERE is_sanctioned)::BIGINT AS sanctioned,
        count(*) FILTER (WHERE resolution_date IS NULL)::BIGINT AS open_cases,
        count(*) FILTER (WHERE resolution_date IS NOT NULL)::BIGINT AS resolved,
        round(100.0 * count(*) FILTER (WHERE is_followed_up) / nullif(count(*) FILTER (WHERE is_recommended), 0), 1) AS followup_rate_pct,
        coalesce(bool_or(is_synthetic), false) AS any_synthetic,
        cell_key(sum(record_key)) AS reported_key,
        cell_key(sum(record_key) FILTER (WHERE is_registered)) AS registered_key,
        cell_key(sum(record_key) FILTER (WHERE is_proven)) AS proven_key,
        cell_key(sum(record_key) FILTER (WHERE is_recommended)) AS recommended_key,
        cell_key(sum(record_key) FILTER (WHERE is_followed_up)) AS followed_up_key,
        cell_key(sum(record_key) FILTER (WHERE is_sanctioned)) AS sanctioned_key,
        cell_key(sum(record_key) FILTER (WHERE resolution_date IS NULL)) AS open_cases_key,
        cell_key(sum(record_key) FILTER (WHERE resolution_date IS NOT NULL)) AS resolved_key
    FROM filtered_cases_at_age(p_election, p_date_from, p_date_to, p_province, p_regency, p_category,
                               p_position, p_agency_level, p_age_days)
),
survival AS (
    SELECT median_days FROM resolution_survival(p_election, p_date_from, p_date_to, p_province, p_regency,
                                                p_category, p_position, p_agency_level, p_age_days, 'all')
)
SELECT
    reported, registered, proven, recommended, followed_up, sanctioned, open_cases, resolved, followup_rate_pct,
    (SELECT median_days FROM survival) AS median_days_to_resolution,
    any_synthetic,
    reported_key, registered_key, proven_key, recommended_key, followed_up_key, sanctioned_key, open_cases_key, resolved_key
FROM counts;
