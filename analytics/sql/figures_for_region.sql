-- figures_for_region: published figures about $region_code (a province includes its regencies).
-- Columns: the published_figures columns plus region_name, metric_label_id and metric_label_en.
SELECT
    f.*,
    r.region_name,
    m.label_id AS metric_label_id,
    m.label_en AS metric_label_en
FROM published_figures AS f
JOIN regions AS r ON r.region_code = f.region_code
JOIN metrics AS m ON m.metric = f.metric
WHERE f.region_code = $region_code OR r.province_code = $region_code
ORDER BY f.as_of_date DESC NULLS LAST, f.figure_id;
