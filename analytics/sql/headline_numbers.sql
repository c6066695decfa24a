-- headline_numbers: the funnel totals and resolution times for the filtered cases, as the
-- register stands now ($age_days NULL) or as it stood $age_days days after voting day (to
-- compare a cycle still in progress with an earlier one at the same age; see
-- views/25_filtered_cases_at_age.sql). Registration has no date, so `registered` is the
-- current state even at an age.
-- Parameters: the shared filters; $age_days. Columns: reported, registered, proven, recommended,
-- followed_up, sanctioned, open_cases, resolved, followup_rate_pct (followed up / recommended),
-- median_days_to_resolution (open cases censored, views/26_resolution_survival.sql), any_synthetic.
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
    FROM filtered_cases_at_age($election_id, $date_from, $date_to, $province_code, $regency_code, $category_code,
                               $position_code, $agency_level, $age_days)
),
survival AS (
    SELECT median_days FROM resolution_survival($election_id, $date_from, $date_to, $province_code, $regency_code,
                                                $category_code, $position_code, $agency_level, $age_days, 'all')
)
SELECT
    reported, registered, proven, recommended, followed_up, sanctioned, open_cases, resolved, followup_rate_pct,
    (SELECT median_days FROM survival) AS median_days_to_resolution,
    any_synthetic,
    reported_key, registered_key, proven_key, recommended_key, followed_up_key, sanctioned_key, open_cases_key, resolved_key
FROM counts;
