-- A role's application close date (issue 11): the last day applications are taken. Soft in
-- matching (a passed date pushes the role down and says so); existing roles gave none.
ALTER TABLE job_roles ADD COLUMN closes_on TEXT CHECK (closes_on IS NULL OR closes_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]');
