-- After a hire: check-ins at fixed points (2 weeks, 1, 2, 3 months by default), the coordinator's
-- follow-up queue (a low answer, 「相談したい」, no answer, a separation, a missed mentoring
-- session, a silent mentee), and separations (退職) the employer records.

CREATE TABLE check_ins (
  id TEXT PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES members (user_id) ON DELETE CASCADE,
  match_id TEXT NOT NULL REFERENCES matches (id) ON DELETE CASCADE,
  -- Days after the hire this check-in is for (14, 30, 60, 90 unless configured otherwise).
  after_days INTEGER NOT NULL CHECK (after_days BETWEEN 1 AND 730),
  due_at TEXT NOT NULL,
  -- When she was told it is open (by the scheduled job); null until then.
  announced_at TEXT,
  answered_at TEXT,
  -- 「お仕事の様子」 1 (つらい) to 5 (とても順調).
  wellbeing INTEGER CHECK (wellbeing BETWEEN 1 AND 5),
  comment TEXT,
  wants_contact INTEGER CHECK (wants_contact IN (0, 1)),
  UNIQUE (match_id, after_days)
);
CREATE INDEX check_ins_member ON check_ins (member_id, due_at);
CREATE INDEX check_ins_due ON check_ins (answered_at, due_at);

-- What a coordinator should look at, with why; one per (source, reason), closed with a contact note.
CREATE TABLE follow_ups (
  id TEXT PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES members (user_id) ON DELETE CASCADE,
  reason TEXT NOT NULL CHECK (reason IN
    ('low_answer', 'wants_contact', 'no_answer', 'separation', 'missed_session', 'silent_mentee')),
  -- What raised it: a check-in, a match (separation), a mentoring session or pair.
  source_type TEXT NOT NULL CHECK (source_type IN ('check_in', 'match', 'session', 'pair')),
  source_id TEXT NOT NULL,
  -- What the coordinator needs to see beside the reason (JSON: which session, which reason code):
  -- never anything the member has not let the coordinator read.
  detail TEXT NOT NULL DEFAULT '{}',
  opened_at TEXT NOT NULL,
  closed_at TEXT,
  closed_by TEXT,
  contact_note TEXT,
  UNIQUE (source_type, source_id, reason)
);
CREATE INDEX follow_ups_open ON follow_ups (closed_at, opened_at);
CREATE INDEX follow_ups_member ON follow_ups (member_id, opened_at);

-- A hire that ended (退職), recorded by the employer with a reason code.
CREATE TABLE separations (
  match_id TEXT PRIMARY KEY REFERENCES matches (id) ON DELETE CASCADE,
  member_id TEXT NOT NULL REFERENCES members (user_id) ON DELETE CASCADE,
  separated_on TEXT NOT NULL,
  reason_code TEXT NOT NULL,
  note TEXT,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX separations_member ON separations (member_id);
