-- violation_categories: categories in display order. Columns: the violation_categories table.
SELECT * FROM violation_categories ORDER BY sort_order;
