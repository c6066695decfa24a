-- region_metrics: one row per region of $level ('province' or 'regency'), including regions
-- with no cases (counts 0, rates NULL), for the map and the ranking; as the register stands now
-- ($age_days NULL) or as it stood $age_days days after voting day (headline_numbers.sql).
-- Parameters: the shared filters; $level; $age_days.
-- Columns: region_code, region_name, province_code, reported, proven, recommended, followed_up, resolved,
-- followup_rate_pct, median_days_to_resolution, asn_count, headcount_year, headcount_is_synthetic,
-- proven_per_1000_asn, any_synthetic.
WITH per_region AS (
    SELECT
        CASE WHEN $level = 'province' THEN province_code ELSE region_code END AS region_code,
        count(*)::BIGINT AS reported,
        count(*) FILTER (WHERE is_proven)::BIGINT AS proven,
        count(*) FILTER (WHERE is_recommended)::BIGINT AS recommended,
        count(*) FILTER (WHERE is_followed_up)::BIGINT AS followed_up,
        count(*) FILTER (WHERE resolution_date IS NOT NULL)::BIGINT AS resolved,
        bool_or(is_synthetic) AS any_synthetic,
        cell_key(sum(record_key)) AS reported_key,
        cell_key(sum(record_key) FILTER (WHERE is_proven)) AS proven_key,
        cell_key(sum(record_key) FILTER (WHERE is_recommended)) AS recommended_key,
        cell_key(sum(record_key) FILTER (WHERE is_followed_up)) AS followed_up_key,
        cell_key(sum(record_key) FILTER (WHERE resolution_date IS NOT NULL)) AS resolved_key
    FROM filtered_cases_at_age($election_id, $date_from, $date_to, $province_code, $regency_code, $category_code,
                               $position_code, $agency_level, $age_days)
    GROUP BY 1
),
survival AS (
    SELECT group_code AS region_code, median_days AS median_days_to_resolution
    FROM resolution_survival($election_id, $date_from, $date_to, $province_code, $regency_code, $category_code,
                             $position_code, $agency_level, $age_days, $level)
)
SELECT
    r.region_code,
    r.region_name,
    r.province_code,
    coalesce(p.reported, 0)::BIGINT AS reported,
    coalesce(p.proven, 0)::BIGINT AS proven,
    coalesce(p.recommended, 0)::BIGINT AS recommended,
    coalesce(p.followed_up, 0)::BIGINT AS followed_up,
    coalesce(p.resolved, 0)::BIGINT AS resolved,
    round(100.0 * p.followed_up / nullif(p.recommended, 0), 1) AS followup_rate_pct,
    s.median_days_to_resolution,
    h.asn_count,
    h.year AS headcount_year,
    h.is_synthetic AS headcount_is_synthetic,
    round(1000.0 * coalesce(p.proven, 0) / h.asn_count, 3) AS proven_per_1000_asn,
    coalesce(p.any_synthetic, false) AS any_synthetic,
    coalesce(p.reported_key, 0) AS reported_key,
    coalesce(p.proven_key, 0) AS proven_key,
    coalesce(p.recommended_key, 0) AS recommended_key,
    coalesce(p.followed_up_key, 0) AS followed_up_key,
    coalesce(p.resolved_key, 0) AS resolved_key
FROM regions AS r
LEFT JOIN per_region AS p USING (region_code)
LEFT JOIN survival AS s USING (region_code)
LEFT JOIN headcount_latest AS h USING (region_code)
WHERE r.level = $level
ORDER BY r.region_code;
