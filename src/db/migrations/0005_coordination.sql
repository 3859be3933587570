-- Coordination: a member's support stage history, consultation notes, and the append-only audit
-- log of who changed or read what.

CREATE TABLE member_stage_history (
  id TEXT PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES members (user_id) ON DELETE CASCADE,
  stage INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 5),
  previous_stage INTEGER,
  reason TEXT NOT NULL,
  set_by TEXT NOT NULL,
  set_at TEXT NOT NULL
);
CREATE INDEX member_stage_history_member ON member_stage_history (member_id, set_at);

CREATE TABLE consultation_notes (
  id TEXT PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES members (user_id) ON DELETE CASCADE,
  consulted_on TEXT NOT NULL,
  topic TEXT NOT NULL,
  body TEXT NOT NULL,
  next_step TEXT,
  author_id TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX consultation_notes_member ON consultation_notes (member_id, consulted_on);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  action TEXT NOT NULL,
  subject_type TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  detail TEXT
);
CREATE INDEX audit_log_subject ON audit_log (subject_type, subject_id, id);
CREATE INDEX audit_log_actor ON audit_log (actor_id, id);

-- Append-only: history that can be edited is not history.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
