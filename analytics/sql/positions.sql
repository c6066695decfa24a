-- positions: position groups in display order.
SELECT * FROM positions ORDER BY sort_order;
