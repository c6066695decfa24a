-- cases_around_events: for each documented event dated to the day, the cases reported in the
-- same regency in the $window_days days before it and in the $window_days days after it
-- (the event day itself is in neither window). Events dated only to a month or a year are left
-- out: their windows would be guesses. Cases follow the shared filters except the dates; the
-- election filter is applied to the cases, not to the events.
-- Parameters: the shared filters; $window_days.
-- Columns: event_id, event_date, region_code, region_name, event_type, title, before, after.
WITH scoped_cases AS (
    SELECT region_code, reported_date, record_key
    FROM filtered_cases($election_id, NULL, NULL, $province_code, $regency_code, $category_code, $position_code, $agency_level)
)
SELECT
    e.event_id,
    e.event_date,
    e.region_code,
    r.region_name,
    e.event_type,
    e.title,
    count(c.reported_date) FILTER (WHERE c.reported_date < e.event_date)::BIGINT AS before,
    count(c.reported_date) FILTER (WHERE c.reported_date > e.event_date)::BIGINT AS after,
    cell_key(sum(c.record_key) FILTER (WHERE c.reported_date < e.event_date)) AS before_key,
    cell_key(sum(c.record_key) FILTER (WHERE c.reported_date > e.event_date)) AS after_key
FROM socialization_events AS e
JOIN regions AS r ON r.region_code = e.region_code
LEFT JOIN scoped_cases AS c
    ON c.region_code = e.region_code
   AND c.reported_date BETWEEN e.event_date - $window_days::INTEGER AND e.event_date + $window_days::INTEGER
WHERE e.date_precision = 'day'
  AND r.level = 'regency'
  AND ($province_code IS NULL OR r.province_code = $province_code)
  AND ($regency_code IS NULL OR e.region_code = $regency_code)
GROUP BY ALL
ORDER BY e.event_date, e.event_id;
