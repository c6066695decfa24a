-- headline_numbers: the funnel totals and resolution times for the filtered cases.
-- Parameters: the shared filters. Columns: reported, registered, proven, recommended,
-- followed_up, sanctioned, open_cases, resolved, followup_rate_pct (followed up / recommended
-- with a PPK answer or still open), median_days_to_resolution, any_synthetic.
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
    median(resolution_date - reported_date) AS median_days_to_resolution,
    coalesce(bool_or(is_synthetic), false) AS any_synthetic,
    cell_key(sum(record_key)) AS reported_key,
    cell_key(sum(record_key) FILTER (WHERE is_registered)) AS registered_key,
    cell_key(sum(record_key) FILTER (WHERE is_proven)) AS proven_key,
    cell_key(sum(record_key) FILTER (WHERE is_recommended)) AS recommended_key,
    cell_key(sum(record_key) FILTER (WHERE is_followed_up)) AS followed_up_key,
    cell_key(sum(record_key) FILTER (WHERE is_sanctioned)) AS sanctioned_key,
    cell_key(sum(record_key) FILTER (WHERE resolution_date IS NULL)) AS open_cases_key,
    cell_key(sum(record_key) FILTER (WHERE resolution_date IS NOT NULL)) AS resolved_key
FROM filtered_cases($election_id, $date_from, $date_to, $province_code, $regency_code, $category_code, $position_code, $agency_level);
