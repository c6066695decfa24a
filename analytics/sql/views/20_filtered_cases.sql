-- filtered_cases(...): the cases matching the shared filters. A NULL argument means "all".
-- Every page query reads cases through this macro so that filters mean the same everywhere.
CREATE MACRO filtered_cases(p_election, p_date_from, p_date_to, p_province, p_regency, p_category, p_position, p_agency_level) AS TABLE
SELECT *
FROM cases
WHERE (p_election IS NULL OR election_id = p_election)
  AND (p_date_from IS NULL OR reported_date >= p_date_from)
  AND (p_date_to IS NULL OR reported_date <= p_date_to)
  AND (p_province IS NULL OR province_code = p_province)
  AND (p_regency IS NULL OR region_code = p_regency)
  AND (p_category IS NULL OR category_code = p_category)
  AND (p_position IS NULL OR position_code = p_position)
  AND (p_agency_level IS NULL OR agency_level = p_agency_level);
