-- cases: one row per violation case joined with its recommendation, region and cycle,
-- with the derived funnel flags and durations every page uses.
-- Personal columns (asn_name, nip) are deliberately not part of this view. record_key is the
-- case's secret key of the cell-key method (analytics/cell_key.py): register queries sum it
-- beside each count (<count>_key) so that the public adjustment of that count is fixed.
-- A case is resolved when it ends without a violation (not registered, not proven,
-- stopped) or when the PPK answered the recommendation (followed up or refused).
CREATE VIEW cases AS
WITH joined AS (
    SELECT
        c.case_id,
        c.election_id,
        c.intake,
        c.reported_date,
        c.region_code,
        r.province_code,
        c.agency_name,
        c.agency_level,
        c.asn_status,
        c.position_code,
        c.category_code,
        c.medium,
        c.status,
        c.decided_date,
        c.forwarded_to,
        c.forwarded_date,
        c.is_synthetic,
        s.recommending_body,
        s.recommendation_date,
        s.recommended_sanction_code,
        s.ppk_agency,
        s.followup_status,
        s.followup_date,
        s.imposed_sanction_code,
        e.voting_date,
        coalesce(k.record_key, 0) AS record_key
    FROM violation_cases AS c
    JOIN regions AS r ON r.region_code = c.region_code
    JOIN elections AS e ON e.election_id = c.election_id
    LEFT JOIN sanctions AS s ON s.case_id = c.case_id
    LEFT JOIN record_keys AS k ON k.case_id = c.case_id
)
SELECT
    *,
    status IN ('diregistrasi', 'terbukti', 'tidak_terbukti', 'dihentikan') AS is_registered,
    status = 'terbukti' AS is_proven,
    recommendation_date IS NOT NULL AS is_recommended,
    coalesce(followup_status = 'ditindaklanjuti', false) AS is_followed_up,
    imposed_sanction_code IS NOT NULL AS is_sanctioned,
    CASE
        WHEN status IN ('tidak_diregistrasi', 'tidak_terbukti', 'dihentikan') THEN decided_date
        WHEN followup_status IN ('ditindaklanjuti', 'ditolak') THEN followup_date
    END AS resolution_date,
    CASE
        WHEN status IN ('dilaporkan', 'diregistrasi') THEN 'pemeriksaan'
        WHEN status = 'terbukti' AND recommendation_date IS NULL THEN 'menunggu_rekomendasi'
        WHEN followup_status = 'belum' THEN 'menunggu_ppk'
    END AS open_stage,
    (voting_date - reported_date)::INTEGER AS days_before_voting
FROM joined;
