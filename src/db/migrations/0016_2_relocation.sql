-- Relocation plans (issue 11): for each area she would move to, the first month she can live
-- there (YYYY-MM) and her commute limit there. Existing targets gave neither: whenever a role
-- needs, and the same limit as at home.
ALTER TABLE member_target_areas ADD COLUMN move_from TEXT CHECK (move_from IS NULL OR move_from GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]');
ALTER TABLE member_target_areas ADD COLUMN max_commute_minutes INTEGER CHECK (max_commute_minutes IS NULL OR max_commute_minutes BETWEEN 5 AND 180);
