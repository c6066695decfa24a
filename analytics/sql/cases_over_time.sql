-- cases_over_time: reported and proven cases per period of reported_date.
-- Parameters: the shared filters; $bucket ('week', 'month', ...).
-- Columns: period_start, reported, proven.
SELECT
    date_trunc($bucket, reported_date)::DATE AS period_start,
    count(*)::BIGINT AS reported,
    count(*) FILTER (WHERE is_proven)::BIGINT AS proven,
    cell_key(sum(record_key)) AS reported_key,
    cell_key(sum(record_key) FILTER (WHERE is_proven)) AS proven_key
FROM filtered_cases($election_id, $date_from, $date_to, $province_code, $regency_code, $category_code, $position_code, $agency_level)
GROUP BY ALL
ORDER BY period_start;
