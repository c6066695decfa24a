-- backlog_by_age: open cases on $as_of by the stage they wait in and how long they have waited
-- there. Waiting starts at the report (pemeriksaan: Bawaslu examination), at the proven decision
-- or forwarding (menunggu_rekomendasi: awaiting the KASN/BKN recommendation) or at the
-- recommendation (menunggu_ppk: awaiting the PPK's answer).
-- Parameters: the shared filters; $as_of (NULL: the register's newest date of any case or sanction,
-- views/25_filtered_cases_at_age.sql).
-- Columns: open_stage, stage_order, age_band, band_order, cases, oldest_days.
WITH reference AS (
    SELECT coalesce($as_of::DATE, register_newest_date()) AS as_of
),
open_cases AS (
    SELECT
        open_stage,
        ((SELECT as_of FROM reference) - CASE open_stage
            WHEN 'pemeriksaan' THEN reported_date
            WHEN 'menunggu_rekomendasi' THEN coalesce(forwarded_date, decided_date, reported_date)
            WHEN 'menunggu_ppk' THEN recommendation_date
        END)::INTEGER AS waiting_days,
        record_key
    FROM filtered_cases($election_id, $date_from, $date_to, $province_code, $regency_code, $category_code, $position_code, $agency_level)
    WHERE open_stage IS NOT NULL
)
SELECT
    open_stage,
    CASE open_stage WHEN 'pemeriksaan' THEN 1 WHEN 'menunggu_rekomendasi' THEN 2 ELSE 3 END AS stage_order,
    CASE
        WHEN waiting_days <= 30 THEN '0-30'
        WHEN waiting_days <= 90 THEN '31-90'
        WHEN waiting_days <= 180 THEN '91-180'
        WHEN waiting_days <= 365 THEN '181-365'
        ELSE '>365'
    END AS age_band,
    CASE
        WHEN waiting_days <= 30 THEN 1
        WHEN waiting_days <= 90 THEN 2
        WHEN waiting_days <= 180 THEN 3
        WHEN waiting_days <= 365 THEN 4
        ELSE 5
    END AS band_order,
    count(*)::BIGINT AS cases,
    max(waiting_days) AS oldest_days,
    cell_key(sum(record_key)) AS cases_key
FROM open_cases
GROUP BY ALL
ORDER BY stage_order, band_order;
