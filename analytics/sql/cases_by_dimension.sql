-- cases_by_dimension: cases per cycle and per value of one $dimension
-- ('category', 'position', 'agency_level', 'medium', 'asn_status' or 'intake').
-- Parameters: the shared filters; $dimension. Columns: election_id, code, reported, proven.
SELECT
    election_id,
    CASE $dimension
        WHEN 'category' THEN category_code
        WHEN 'position' THEN position_code
        WHEN 'agency_level' THEN agency_level
        WHEN 'medium' THEN medium
        WHEN 'asn_status' THEN asn_status
        WHEN 'intake' THEN intake
    END AS code,
    count(*)::BIGINT AS reported,
    count(*) FILTER (WHERE is_proven)::BIGINT AS proven
FROM filtered_cases($election_id, $date_from, $date_to, $province_code, $regency_code, $category_code, $position_code, $agency_level)
GROUP BY ALL
ORDER BY election_id, reported DESC, code;
