-- Her direction (issue 11): the kinds of work she wants, in her order (a JSON array of job
-- category keys, first = most wanted), what she wants next in her words (自己PR), and whether she
-- wants a career step now or a stable base first (NULL: her support stage decides).
-- Existing members said none of these: no categories, no words, the stage decides as before.
ALTER TABLE members ADD COLUMN desired_categories TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(desired_categories) AND json_type(desired_categories) = 'array');
ALTER TABLE members ADD COLUMN self_pr TEXT CHECK (self_pr IS NULL OR length(self_pr) <= 800);
ALTER TABLE members ADD COLUMN career_pace TEXT CHECK (career_pace IS NULL OR career_pace IN ('career_step', 'stable_base'));
