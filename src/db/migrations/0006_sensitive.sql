-- Sensitive personal data (要配慮個人情報): what a member chooses to share about her family
-- situation or domestic violence, only with her consent, kept apart from her profile so no
-- profile read can carry it. Coordinators read it; every such read is audited.
CREATE TABLE member_sensitive (
  member_id TEXT PRIMARY KEY REFERENCES members (user_id) ON DELETE CASCADE,
  consented_at TEXT NOT NULL,
  family_situation TEXT,
  dv_support_needed INTEGER NOT NULL DEFAULT 0 CHECK (dv_support_needed IN (0, 1)),
  dv_notes TEXT,
  updated_at TEXT NOT NULL
);
