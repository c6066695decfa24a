-- cases_by_dimension: cases per cycle and per value of one $dimension
-- ('category', 'position', 'agency_level', 'medium', 'asn_status' or 'intake').
-- Parameters: the shared filters; $dimension; $pooled (all cycles together, election_id 'semua').
-- Columns: election_id, code, reported, proven.
SELECT
    CASE WHEN $pooled THEN 'semua' ELSE election_id END AS election_id,
    dimension_code($dimension, category_code, position_code, agency_level, medium, asn_status, intake) AS code,
    count(*)::BIGINT AS reported,
    count(*) FILTER (WHERE is_proven)::BIGINT AS proven,
    cell_key(sum(record_key)) AS reported_key,
    cell_key(sum(record_key) FILTER (WHERE is_proven)) AS proven_key
FROM filtered_cases($election_id, $date_from, $date_to, $province_code, $regency_code, $category_code, $position_code, $agency_level)
GROUP BY ALL
ORDER BY election_id, reported DESC, code;
