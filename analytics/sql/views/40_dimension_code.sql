-- dimension_code(dimension, ...): the value of one breakdown dimension of a case, so that every
-- query that groups "by dimension" maps names to columns in one place.
-- Dimensions: category, position, agency_level, medium, asn_status, intake.
CREATE MACRO dimension_code(p_dimension, category_code, position_code, agency_level, medium, asn_status, intake) AS
CASE p_dimension
    WHEN 'category' THEN category_code
    WHEN 'position' THEN position_code
    WHEN 'agency_level' THEN agency_level
    WHEN 'medium' THEN medium
    WHEN 'asn_status' THEN asn_status
    WHEN 'intake' THEN intake
END;
