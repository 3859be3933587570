-- Her real week (issue 21): worked time, work windows apart from care limits, children's care.
--
-- Shifts carry their unpaid break; existing shifts had none recorded, so they migrate with 0.
ALTER TABLE role_windows ADD COLUMN break_minutes INTEGER NOT NULL DEFAULT 0 CHECK (break_minutes BETWEEN 0 AND 240);

-- Flexible roles: the shortest day the role accepts, the most hours a week it offers, and whether a
-- day may hold several blocks. Existing roles said none of these (NULL / no).
ALTER TABLE job_roles ADD COLUMN min_hours_per_day REAL;
ALTER TABLE job_roles ADD COLUMN max_hours_per_week REAL;
ALTER TABLE job_roles ADD COLUMN split_days_allowed INTEGER NOT NULL DEFAULT 0 CHECK (split_days_allowed IN (0, 1));

-- A work window she can only use from home (on-site work never goes there).
ALTER TABLE member_windows ADD COLUMN remote_only INTEGER NOT NULL DEFAULT 0 CHECK (remote_only IN (0, 1));

-- Per-day care limits: leave home not before, be home by (minutes from 00:00, Japan time).
CREATE TABLE member_care_limits (
  member_id TEXT NOT NULL REFERENCES members (user_id) ON DELETE CASCADE,
  day INTEGER NOT NULL CHECK (day BETWEEN 1 AND 7),
  leave_from INTEGER CHECK (leave_from BETWEEN 0 AND 1440),
  home_by INTEGER CHECK (home_by BETWEEN 0 AND 1440),
  PRIMARY KEY (member_id, day)
);

-- Until now her windows held the commute as well: the old rule fitted the trip inside them, so each
-- window's day span was in effect when she could leave home and when she had to be back. Keeping
-- that span as her care limits keeps every existing match exactly as it was, and never lets a role
-- through that would make her late for a pickup she planned around; she loosens them when she edits.
INSERT INTO member_care_limits (member_id, day, leave_from, home_by)
SELECT member_id, day, MIN(start_minute), MAX(end_minute) FROM member_windows GROUP BY member_id, day;

-- Each child's care arrangement and, if she gives it, the real pickup / home-by time. Existing
-- children said neither: matching estimates them from age on the April school year.
ALTER TABLE member_children ADD COLUMN care TEXT CHECK (care IN ('nursery', 'kindergarten', 'school', 'after_school_club', 'at_home', 'other'));
ALTER TABLE member_children ADD COLUMN pickup_minute INTEGER CHECK (pickup_minute BETWEEN 0 AND 1440);
