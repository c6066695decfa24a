-- data_as_of: the latest date in each table family. Columns: register_cases_as_of,
-- register_sanctions_as_of, figures_as_of, events_as_of, register_is_synthetic.
SELECT
    (SELECT greatest(max(reported_date), max(decided_date), max(forwarded_date)) FROM violation_cases) AS register_cases_as_of,
    (SELECT greatest(max(recommendation_date), max(followup_date)) FROM sanctions) AS register_sanctions_as_of,
    (SELECT max(coalesce(published_date, as_of_date)) FROM published_figures) AS figures_as_of,
    (SELECT max(event_date) FROM socialization_events) AS events_as_of,
    (SELECT coalesce(bool_or(is_synthetic), false) FROM violation_cases) AS register_is_synthetic;
