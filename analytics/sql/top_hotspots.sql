-- top_hotspots: regencies with the most reported cases, with the per-1,000-ASN rate where a
-- denominator exists. Parameters: the shared filters; $limit.
-- Columns: region_code, region_name, province_name, reported, proven, asn_count,
-- headcount_is_synthetic, proven_per_1000_asn.
SELECT
    c.region_code,
    r.region_name,
    p.region_name AS province_name,
    count(*)::BIGINT AS reported,
    count(*) FILTER (WHERE c.is_proven)::BIGINT AS proven,
    h.asn_count,
    h.is_synthetic AS headcount_is_synthetic,
    round(1000.0 * count(*) FILTER (WHERE c.is_proven) / h.asn_count, 2) AS proven_per_1000_asn,
    cell_key(sum(c.record_key)) AS reported_key,
    cell_key(sum(c.record_key) FILTER (WHERE c.is_proven)) AS proven_key
FROM filtered_cases($election_id, $date_from, $date_to, $province_code, $regency_code, $category_code, $position_code, $agency_level) AS c
JOIN regions AS r ON r.region_code = c.region_code
JOIN regions AS p ON p.region_code = r.province_code
LEFT JOIN headcount_latest AS h ON h.region_code = c.region_code
GROUP BY c.region_code, r.region_name, p.region_name, h.asn_count, h.is_synthetic
ORDER BY reported DESC, c.region_code
LIMIT $limit;
