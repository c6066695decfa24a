-- cases_by_days_before_voting: cases per cycle binned by days before that cycle's voting day,
-- so that cycles can be overlaid. Parameters: the shared filters except the cycle is kept
-- per row; $bin_days. Columns: election_id, days_before_voting (bin start), reported.
SELECT
    election_id,
    (floor(days_before_voting / $bin_days) * $bin_days)::INTEGER AS days_before_voting,
    count(*)::BIGINT AS reported,
    cell_key(sum(record_key)) AS reported_key
FROM filtered_cases($election_id, $date_from, $date_to, $province_code, $regency_code, $category_code, $position_code, $agency_level)
GROUP BY ALL
ORDER BY election_id, days_before_voting;
