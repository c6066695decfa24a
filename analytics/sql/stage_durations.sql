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
WITH deadlines AS (
    SELECT
        reported_date, decided_date, forwarded_date, recommendation_date, followup_date, followup_status, record_key,
        -- registration is due $verification_days after the report; the decision, the review's
        -- working days after that
        CASE
            WHEN status = 'tidak_diregistrasi' THEN reported_date + $verification_days::INTEGER
            ELSE add_working_days(reported_date + $verification_days::INTEGER, $review_working_days::INTEGER)
        END AS bawaslu_deadline
    FROM filtered_cases($election_id, $date_from, $date_to, $province_code, $regency_code, $category_code, $position_code, $agency_level)
),
-- one pass: each case gives one row per stage, kept where it completed that stage
durations AS (
    SELECT unnest([
        {stage: 'bawaslu', stage_order: 1, included: decided_date IS NOT NULL,
         days: decided_date - reported_date, in_level: decided_date <= bawaslu_deadline},
        {stage: 'forwarding', stage_order: 2, included: forwarded_date IS NOT NULL AND decided_date IS NOT NULL,
         days: forwarded_date - decided_date, in_level: NULL::BOOLEAN},
        {stage: 'recommendation', stage_order: 3, included: recommendation_date IS NOT NULL AND forwarded_date IS NOT NULL,
         days: recommendation_date - forwarded_date, in_level: NULL::BOOLEAN},
        {stage: 'followup', stage_order: 4, included: followup_date IS NOT NULL AND followup_status IN ('ditindaklanjuti', 'ditolak'),
         days: followup_date - recommendation_date, in_level: NULL::BOOLEAN}
    ], recursive := true), record_key
    FROM deadlines
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
WHERE included
GROUP BY stage, stage_order
ORDER BY stage_order;
