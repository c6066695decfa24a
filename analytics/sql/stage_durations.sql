-- stage_durations: days spent in each stage of handling, for the cases that completed it.
-- Stages: bawaslu (reported -> Bawaslu decision), forwarding (decision -> forwarded to KASN/BKN),
-- recommendation (forwarded -> recommendation), followup (recommendation -> PPK answer).
-- The Bawaslu stage is measured against the service levels: registration within
-- $verification_days calendar days, then the decision within $review_working_days working days
-- (Monday-Friday; public holidays are not known to the register and are not excluded).
-- A case not registered must be decided within the registration deadline alone.
-- Parameters: the shared filters; $verification_days, $review_working_days.
-- Columns: stage, stage_order, cases, median_days, p90_days, max_days, within_service_level
-- (NULL for stages without a service level), within_service_level_pct.
WITH spans AS (
    SELECT
        *,
        reported_date + $verification_days::INTEGER AS registration_deadline
    FROM filtered_cases($election_id, $date_from, $date_to, $province_code, $regency_code, $category_code, $position_code, $agency_level)
),
deadlines AS (
    SELECT
        *,
        CASE
            WHEN status = 'tidak_diregistrasi' THEN registration_deadline
            -- the decision deadline: the review's working days after the registration deadline
            ELSE add_working_days(registration_deadline, $review_working_days::INTEGER)
        END AS bawaslu_deadline
    FROM spans
),
durations AS (
    SELECT 'bawaslu' AS stage, 1 AS stage_order, (decided_date - reported_date) AS days,
           decided_date <= bawaslu_deadline AS in_level, record_key
    FROM deadlines WHERE decided_date IS NOT NULL
    UNION ALL
    SELECT 'forwarding', 2, (forwarded_date - decided_date), NULL, record_key
    FROM deadlines WHERE forwarded_date IS NOT NULL AND decided_date IS NOT NULL
    UNION ALL
    SELECT 'recommendation', 3, (recommendation_date - forwarded_date), NULL, record_key
    FROM deadlines WHERE recommendation_date IS NOT NULL AND forwarded_date IS NOT NULL
    UNION ALL
    SELECT 'followup', 4, (followup_date - recommendation_date), NULL, record_key
    FROM deadlines WHERE followup_date IS NOT NULL AND followup_status IN ('ditindaklanjuti', 'ditolak')
)
SELECT
    stage,
    stage_order,
    count(*)::BIGINT AS cases,
    median(days) AS median_days,
    quantile_cont(days, 0.9) AS p90_days,
    max(days) AS max_days,
    CASE WHEN count(in_level) > 0 THEN count(*) FILTER (WHERE in_level) END::BIGINT AS within_service_level,
    round(100.0 * count(*) FILTER (WHERE in_level) / nullif(count(in_level), 0), 1) AS within_service_level_pct,
    cell_key(sum(record_key)) AS cases_key,
    cell_key(sum(record_key) FILTER (WHERE in_level)) AS within_service_level_key
FROM durations
GROUP BY stage, stage_order
ORDER BY stage_order;
