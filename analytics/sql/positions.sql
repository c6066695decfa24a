-- positions: position groups in display order. Columns: the positions table.
SELECT * FROM positions ORDER BY sort_order;
