-- elections: election cycles, most recent first. Columns: the elections table.
SELECT * FROM elections ORDER BY voting_date DESC;
