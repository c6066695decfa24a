-- headline_numbers: the funnel totals and resolution times for the filtered cases, as the
-- register stands now ($age_days NULL) or as it stood $age_days days after voting day (to
-- compare a cycle still in progress with an earlier one at the same age; see
-- views/25_filtered_cases_at_age.sql). Registration has no date, so `registered` is the
-- current state even at an age.
-- Parameters: the shared filters; $age_days. Columns: reported, registered, proven, recommended,
-- followed_up, sanctioned, open_cases, resolved, followup_rate_pct (followed up / recommended),
-- median_days_to_resolution (open cases censored, views/26_resolution_survival.sql), any_synthetic.
SELECT *
FROM headline($election_id, $date_from, $date_to, $province_code, $regency_code, $category_code, $position_code,
              $agency_level, $age_days);
