-- cell_key(total): a cell key of the cell-key method (analytics/cell_key.py) from the sum of its
-- cases' record keys: register queries put cell_key(sum(record_key) ...) beside each count.
CREATE MACRO cell_key(total) AS (coalesce(total, 0) % 4294967296)::BIGINT;
