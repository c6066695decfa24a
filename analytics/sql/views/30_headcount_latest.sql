-- headcount_latest: one denominator per region for per-1,000-ASN rates: the most recent
-- count, preferring real over synthetic, ASN over PNS-only, and for provinces counts of
-- all agencies located there over the provincial government's own staff.
CREATE VIEW headcount_latest AS
SELECT region_code, asn_count, year, count_basis, coverage, value_qualifier, is_synthetic,
       source_title, source_url, publisher
FROM (
    SELECT h.*,
           row_number() OVER (
               PARTITION BY h.region_code
               ORDER BY h.is_synthetic,
                        CASE WHEN r.level = 'province' AND h.coverage = 'all_agencies_in_region' THEN 0
                             WHEN r.level = 'regency' AND h.coverage = 'regional_government' THEN 0
                             ELSE 1 END,
                        CASE h.count_basis WHEN 'asn' THEN 0 ELSE 1 END,
                        h.year DESC,
                        h.headcount_id
           ) AS rank_in_region
    FROM asn_headcount AS h
    JOIN regions AS r USING (region_code)
    WHERE h.value_qualifier IN ('exact', 'approx')
)
WHERE rank_in_region = 1;
