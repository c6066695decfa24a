-- events: documented socialization and prevention events in the selected area and period.
-- Events are placed by date, not by cycle: the election filter does not apply to them.
-- Parameters: $province_code, $regency_code, $date_from, $date_to (NULL = all).
-- Columns: the socialization_events columns plus region_name, province_code, province_name,
-- event_type_label_id, event_type_label_en and event_type_order.
SELECT
    e.*,
    r.region_name,
    r.province_code,
    p.region_name AS province_name,
    et.label_id AS event_type_label_id,
    et.label_en AS event_type_label_en,
    et.sort_order AS event_type_order
FROM socialization_events AS e
JOIN regions AS r ON r.region_code = e.region_code
JOIN regions AS p ON p.region_code = r.province_code
JOIN event_types AS et ON et.code = e.event_type
WHERE ($province_code IS NULL OR r.province_code = $province_code)
  AND ($regency_code IS NULL OR e.region_code = $regency_code)
  AND ($date_from IS NULL OR e.event_date >= $date_from)
  AND ($date_to IS NULL OR e.event_date <= $date_to)
ORDER BY e.event_date, e.event_id;
