-- add_working_days(d, n): the date n working days (Monday-Friday) after d, as
-- numpy.busday_offset(d, n, roll='backward') counts them: a weekend start counts from the
-- Friday before. Public holidays are not known here and are not excluded.
CREATE MACRO add_working_days(d, n) AS
    (d - CASE isodow(d) WHEN 6 THEN 1 WHEN 7 THEN 2 ELSE 0 END)
    + (n + 2 * ((least(isodow(d), 5) - 1 + n) // 5))::INTEGER;
