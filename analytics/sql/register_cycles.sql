-- register_cycles: the cycles the case register holds any case of, and whether it is synthetic.
-- Whether a whole cycle is in the register is no count: the public release uses it to show a
-- cycle with no case at all as empty (not "< 5"), and open data to list the cycles.
-- Columns: election_id, is_synthetic.
SELECT election_id, coalesce(bool_or(is_synthetic), false) AS is_synthetic
FROM violation_cases
GROUP BY election_id
ORDER BY election_id;
