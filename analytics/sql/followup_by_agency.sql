-- followup_by_agency: the PPK's answers to recommendations, per PPK agency.
-- Parameters: the shared filters.
-- Columns: ppk_agency, recommended, followed_up, refused, pending, followup_rate_pct
-- (followed up / recommended), median_days_to_followup (recommendation to answer, answered only).
SELECT
    ppk_agency,
    count(*)::BIGINT AS recommended,
    count(*) FILTER (WHERE followup_status = 'ditindaklanjuti')::BIGINT AS followed_up,
    count(*) FILTER (WHERE followup_status = 'ditolak')::BIGINT AS refused,
    count(*) FILTER (WHERE followup_status = 'belum')::BIGINT AS pending,
    round(100.0 * count(*) FILTER (WHERE followup_status = 'ditindaklanjuti') / count(*), 1) AS followup_rate_pct,
    median(followup_date - recommendation_date) FILTER (WHERE followup_status IN ('ditindaklanjuti', 'ditolak')) AS median_days_to_followup,
    cell_key(sum(record_key)) AS recommended_key,
    cell_key(sum(record_key) FILTER (WHERE followup_status = 'ditindaklanjuti')) AS followed_up_key,
    cell_key(sum(record_key) FILTER (WHERE followup_status = 'ditolak')) AS refused_key,
    cell_key(sum(record_key) FILTER (WHERE followup_status = 'belum')) AS pending_key
FROM filtered_cases($election_id, $date_from, $date_to, $province_code, $regency_code, $category_code, $position_code, $agency_level)
WHERE is_recommended
GROUP BY ppk_agency
ORDER BY recommended DESC, ppk_agency;
