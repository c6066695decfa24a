-- violation_categories: categories in display order.
SELECT * FROM violation_categories ORDER BY sort_order;
