-- cases_crosstab: reported cases for every pair of values of two dimensions
-- ($row_dimension, $column_dimension; names as in cases_by_dimension).
-- Parameters: the shared filters; $row_dimension, $column_dimension.
-- Columns: row_code, column_code, reported, proven.
SELECT
    dimension_code($row_dimension, category_code, position_code, agency_level, medium, asn_status, intake) AS row_code,
    dimension_code($column_dimension, category_code, position_code, agency_level, medium, asn_status, intake) AS column_code,
    count(*)::BIGINT AS reported,
    count(*) FILTER (WHERE is_proven)::BIGINT AS proven,
    cell_key(sum(record_key)) AS reported_key,
    cell_key(sum(record_key) FILTER (WHERE is_proven)) AS proven_key
FROM filtered_cases($election_id, $date_from, $date_to, $province_code, $regency_code, $category_code, $position_code, $agency_level)
GROUP BY ALL
ORDER BY row_code, column_code;
