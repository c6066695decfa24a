-- regions: provinces and regencies. Columns: the regions table.
SELECT * FROM regions ORDER BY region_code;
