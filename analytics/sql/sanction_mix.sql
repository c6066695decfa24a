-- sanction_mix: sanctions recommended by KASN/BKN and sanctions imposed by the PPK, per
-- sanction type in order of severity (types with no case included, with 0).
-- Each side is counted in one pass over the chosen cases, grouped by its code.
-- Parameters: the shared filters.
-- Columns: code, label_id, label_en, sanction_group, severity, recommended, imposed.
WITH chosen AS (
    SELECT recommended_sanction_code, imposed_sanction_code, record_key
    FROM filtered_cases($election_id, $date_from, $date_to, $province_code, $regency_code, $category_code, $position_code, $agency_level)
    WHERE is_recommended
),
recommended AS (
    SELECT recommended_sanction_code AS code, count(*) AS cases, sum(record_key) AS key_sum
    FROM chosen GROUP BY recommended_sanction_code
),
imposed AS (
    SELECT imposed_sanction_code AS code, count(*) AS cases, sum(record_key) AS key_sum
    FROM chosen GROUP BY imposed_sanction_code
)
SELECT
    st.code,
    st.label_id,
    st.label_en,
    st.sanction_group,
    st.severity,
    coalesce(r.cases, 0)::BIGINT AS recommended,
    coalesce(i.cases, 0)::BIGINT AS imposed,
    cell_key(r.key_sum) AS recommended_key,
    cell_key(i.key_sum) AS imposed_key
FROM sanction_types AS st
LEFT JOIN recommended AS r ON r.code = st.code
LEFT JOIN imposed AS i ON i.code = st.code
ORDER BY st.severity, st.code;
