-- events_for_region: documented events held in $region_code (a province includes its regencies).
-- Columns: the socialization_events columns plus region_name, event_type_label_id and
-- event_type_label_en.
SELECT
    e.*,
    r.region_name,
    et.label_id AS event_type_label_id,
    et.label_en AS event_type_label_en
FROM socialization_events AS e
JOIN regions AS r ON r.region_code = e.region_code
JOIN event_types AS et ON et.code = e.event_type
WHERE e.region_code = $region_code OR r.province_code = $region_code
ORDER BY e.event_date DESC, e.event_id;
