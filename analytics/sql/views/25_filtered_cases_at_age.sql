-- filtered_cases_at_age(<the filters of filtered_cases>, p_age_days): the filtered cases as they
-- stood p_age_days days after their cycle's voting day, for comparing a cycle still in progress
-- with an earlier one at the same age. A NULL age means "as the register stands now".
-- At an age, a case counts only if it was reported by then, and a step counts only if its own
-- date falls by then: proven (decided_date), recommended (recommendation_date), followed up and
-- sanctioned (followup_date), resolved (resolution_date). The register keeps no registration
-- date, so is_registered is not evaluated at an age and must not be compared at one.
-- censor_date is the day an open case was last seen open: the age's cut-off or the register's
-- newest date, whichever comes first (the survival median of 26_resolution_survival.sql).
CREATE MACRO register_newest_date() AS (
    SELECT max(greatest(reported_date, decided_date, forwarded_date, recommendation_date, followup_date)) FROM cases
);

CREATE MACRO filtered_cases_at_age(p_election, p_date_from, p_date_to, p_province, p_regency, p_category, p_position,
                                   p_agency_level, p_age_days) AS TABLE
WITH aged AS (
    SELECT *, least(coalesce(voting_date + p_age_days::INTEGER, register_newest_date()), register_newest_date()) AS censor_date
    FROM filtered_cases(p_election, p_date_from, p_date_to, p_province, p_regency, p_category, p_position, p_agency_level)
)
-- Without an age every flag is the register's own (a step without its date still counts); at an
-- age a step counts only when its date is known and falls by the cut-off.
SELECT * REPLACE (
    is_proven AND (p_age_days IS NULL OR decided_date <= censor_date) AS is_proven,
    is_recommended AND (p_age_days IS NULL OR recommendation_date <= censor_date) AS is_recommended,
    is_followed_up AND (p_age_days IS NULL OR followup_date <= censor_date) AS is_followed_up,
    is_sanctioned AND (p_age_days IS NULL OR followup_date <= censor_date) AS is_sanctioned,
    CASE WHEN p_age_days IS NULL OR resolution_date <= censor_date THEN resolution_date END AS resolution_date
)
FROM aged
WHERE p_age_days IS NULL OR reported_date <= censor_date;
