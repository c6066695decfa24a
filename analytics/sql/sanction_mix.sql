-- sanction_mix: sanctions recommended by KASN/BKN and sanctions imposed by the PPK, per
-- sanction type in order of severity (types with no case included, with 0).
-- Parameters: the shared filters.
-- Columns: code, label_id, label_en, sanction_group, severity, recommended, imposed.
WITH chosen AS (
    SELECT recommended_sanction_code, imposed_sanction_code, record_key
    FROM filtered_cases($election_id, $date_from, $date_to, $province_code, $regency_code, $category_code, $position_code, $agency_level)
    WHERE is_recommended
)
SELECT
    st.code,
    st.label_id,
    st.label_en,
    st.sanction_group,
    st.severity,
    (SELECT count(*) FROM chosen WHERE recommended_sanction_code = st.code)::BIGINT AS recommended,
    (SELECT count(*) FROM chosen WHERE imposed_sanction_code = st.code)::BIGINT AS imposed,
    (SELECT cell_key(sum(record_key)) FROM chosen WHERE recommended_sanction_code = st.code) AS recommended_key,
    (SELECT cell_key(sum(record_key)) FROM chosen WHERE imposed_sanction_code = st.code) AS imposed_key
FROM sanction_types AS st
ORDER BY st.severity, st.code;
