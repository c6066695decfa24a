-- milestones: institutional milestones in date order. Columns: the milestones table.
SELECT * FROM milestones ORDER BY milestone_date;
