-- register_codes: the codes of $dimension that each cycle's cases use at all, over the whole
-- register whatever the filters: a cycle's vocabulary. A code a cycle never uses is "not
-- recorded in this cycle" (its categories may differ from another cycle's), which is not the
-- same as a code with no case in the selection.
-- Parameters: $dimension (only 'category': queries.VOCABULARY_DIMENSIONS). Columns: election_id, code.
SELECT DISTINCT
    election_id,
    dimension_code($dimension, category_code, position_code, agency_level, medium, asn_status, intake) AS code
FROM cases
ORDER BY election_id, code;
