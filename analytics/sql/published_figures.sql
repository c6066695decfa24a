-- published_figures: the published-figures registry with metric and region labels.
-- Parameters: $election_id, $metric_group (NULL = all).
-- Columns: the published_figures columns plus metric_label_id, metric_label_en, metric_unit,
-- metric_group, region_name, province_code, election_label_id, election_label_en, voting_date.
SELECT
    f.*,
    m.label_id AS metric_label_id,
    m.label_en AS metric_label_en,
    m.unit AS metric_unit,
    m.metric_group,
    r.region_name,
    r.province_code,
    e.label_id AS election_label_id,
    e.label_en AS election_label_en,
    e.voting_date
FROM published_figures AS f
JOIN metrics AS m ON m.metric = f.metric
LEFT JOIN regions AS r ON r.region_code = f.region_code
LEFT JOIN elections AS e ON e.election_id = f.election_id
WHERE ($election_id IS NULL OR f.election_id = $election_id)
  AND ($metric_group IS NULL OR m.metric_group = $metric_group)
ORDER BY e.voting_date NULLS LAST, f.metric, f.as_of_date NULLS LAST, f.figure_id;
