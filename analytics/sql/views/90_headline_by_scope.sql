-- headline_by_scope: a table, not a view: headline_numbers as the register stands now for every
-- area and cycle the sidebar offers without further filters (all of Kalimantan, each province,
-- each regency with its province; each cycle and all cycles together), computed once per data
-- version in one statement. These are the most asked answers (Ringkasan, Profil wilayah, Sanksi,
-- the briefing and the light edition each start with one); headline_numbers_by_scope.sql reads
-- them, and queries.headline_numbers falls back to the query itself for any other filter.
CREATE TABLE headline_by_scope AS
WITH cycles AS (
    SELECT election_id FROM elections
    UNION ALL
    SELECT NULL
),
scopes AS (
    SELECT c.election_id, NULL::VARCHAR AS province_code, NULL::VARCHAR AS regency_code FROM cycles AS c
    UNION ALL
    SELECT c.election_id, r.region_code, NULL FROM cycles AS c, regions AS r WHERE r.level = 'province'
    UNION ALL
    SELECT c.election_id, r.province_code, r.region_code FROM cycles AS c, regions AS r WHERE r.level = 'regency'
)
SELECT s.election_id AS scope_election_id, s.province_code AS scope_province_code,
       s.regency_code AS scope_regency_code, h.*
FROM scopes AS s,
     LATERAL headline(s.election_id, NULL, NULL, s.province_code, s.regency_code, NULL, NULL, NULL, NULL) AS h;
