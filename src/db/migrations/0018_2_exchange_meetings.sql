-- Exchange meetings (交流会): gatherings a coordinator holds so single parents meet each other.
-- Members near the place (same prefecture as where they live or plan to move) or anyone for an
-- online one, at the stages it is for, reply yes or no; beyond the capacity a yes waits in line
-- and moves up when someone cancels. Attendance is recorded by the coordinator afterwards.

CREATE TABLE meetings (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  -- The day (Japan date) and times (Japan, HH:MM) it is held.
  held_on TEXT NOT NULL,
  start_time TEXT NOT NULL,
  end_time TEXT NOT NULL,
  online INTEGER NOT NULL CHECK (online IN (0, 1)),
  -- Where it is held (null for an online meeting), and the venue as members are told it.
  area_code TEXT REFERENCES areas (code),
  place TEXT,
  capacity INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 500),
  children_welcome INTEGER NOT NULL CHECK (children_welcome IN (0, 1)),
  childcare_provided INTEGER NOT NULL CHECK (childcare_provided IN (0, 1)),
  -- Support stages it is for (JSON array); null: every stage.
  stages TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  -- When the day-before reminder went to those coming.
  reminded_at TEXT,
  CHECK (online = 1 OR area_code IS NOT NULL)
);
CREATE INDEX meetings_day ON meetings (held_on);

CREATE TABLE meeting_replies (
  meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  member_id TEXT NOT NULL REFERENCES members (user_id) ON DELETE CASCADE,
  -- going: has a seat. waiting: said yes when it was full (in order of replied_at).
  -- not_going: said no, or cancelled.
  state TEXT NOT NULL CHECK (state IN ('going', 'waiting', 'not_going')),
  replied_at TEXT NOT NULL,
  -- The cancellation that moved her up from the waiting list (so she alone is told).
  promoted_by TEXT,
  -- Recorded by the coordinator: 1 came, 0 did not; null not recorded.
  attended INTEGER CHECK (attended IN (0, 1)),
  PRIMARY KEY (meeting_id, member_id)
);
CREATE INDEX meeting_replies_member ON meeting_replies (member_id);
CREATE INDEX meeting_replies_state ON meeting_replies (meeting_id, state, replied_at);
