-- headline_numbers_by_scope: the stored answer of headline_numbers.sql (as the register stands now,
-- no filter but the cycle and the area) for $election_id, $province_code and $regency_code:
-- one row, or none where that combination is not stored (a regency with another province).
-- Parameters: $election_id, $province_code, $regency_code. Columns: reported, registered, proven,
-- recommended, followed_up, sanctioned, open_cases, resolved, followup_rate_pct,
-- median_days_to_resolution, any_synthetic (those of headline_numbers.sql).
SELECT * EXCLUDE (scope_election_id, scope_province_code, scope_regency_code)
FROM headline_by_scope
WHERE scope_election_id IS NOT DISTINCT FROM $election_id
  AND scope_province_code IS NOT DISTINCT FROM $province_code
  AND scope_regency_code IS NOT DISTINCT FROM $regency_code;
