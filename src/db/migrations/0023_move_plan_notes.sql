-- Relocation support (issue 20): her coordinator's note on her move to one of her target areas
-- (what is arranged, what to do next), which she reads on her move page. Kept apart from
-- member_target_areas, which her profile rewrites on every save, so saving her profile never
-- erases what her coordinator wrote. One note per member and place; the latest replaces it.
CREATE TABLE move_plan_notes (
  member_id TEXT NOT NULL REFERENCES members (user_id) ON DELETE CASCADE,
  area_code TEXT NOT NULL REFERENCES areas (code),
  note TEXT NOT NULL CHECK (length(note) BETWEEN 1 AND 1000),
  written_by TEXT NOT NULL,
  written_at TEXT NOT NULL,
  PRIMARY KEY (member_id, area_code)
);
