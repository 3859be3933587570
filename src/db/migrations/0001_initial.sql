-- Yorisoi initial schema: the area master, accounts, employers, roles and member profiles.
-- One source of schema truth: the Node service applies this file through Kysely's migrator,
-- and wrangler applies the same file to D1. Migrations are frozen once landed; change the
-- schema with a new file.

CREATE TABLE areas (
  code TEXT PRIMARY KEY CHECK (length(code) = 6),
  kind TEXT NOT NULL CHECK (kind IN ('prefecture', 'municipality', 'ward')),
  pref_code TEXT NOT NULL CHECK (length(pref_code) = 2),
  prefecture TEXT NOT NULL,
  parent_code TEXT REFERENCES areas (code),
  name TEXT NOT NULL,
  kana TEXT NOT NULL,
  lat REAL,
  lng REAL
);
CREATE INDEX areas_pref_code ON areas (pref_code, kind);
CREATE INDEX areas_name ON areas (name);
CREATE INDEX areas_kana ON areas (kana);

CREATE TABLE organisations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_kana TEXT,
  scale TEXT NOT NULL CHECK (scale IN ('local', 'national')),
  corporate_number TEXT,
  head_office_area_code TEXT NOT NULL REFERENCES areas (code),
  description TEXT NOT NULL DEFAULT '',
  website TEXT,
  verification_state TEXT NOT NULL DEFAULT 'unverified'
    CHECK (verification_state IN ('unverified', 'verified', 'rejected')),
  verified_at TEXT,
  verified_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('member', 'employer', 'coordinator', 'admin')),
  display_name TEXT NOT NULL,
  organisation_id TEXT REFERENCES organisations (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX users_organisation ON users (organisation_id);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE job_roles (
  id TEXT PRIMARY KEY,
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  category TEXT NOT NULL,
  employment_type TEXT NOT NULL,
  pay_min INTEGER NOT NULL CHECK (pay_min > 0),
  pay_max INTEGER CHECK (pay_max IS NULL OR pay_max >= pay_min),
  pay_unit TEXT NOT NULL CHECK (pay_unit IN ('hour', 'day', 'month', 'year')),
  schedule_kind TEXT NOT NULL CHECK (schedule_kind IN ('fixed', 'flexible')),
  min_hours_per_week REAL,
  min_days_per_week INTEGER,
  preferred_hours_per_week REAL,
  overtime TEXT NOT NULL CHECK (overtime IN ('none', 'occasional', 'regular')),
  weekend_work INTEGER NOT NULL CHECK (weekend_work IN (0, 1)),
  night_work INTEGER NOT NULL CHECK (night_work IN (0, 1)),
  remote_mode TEXT NOT NULL CHECK (remote_mode IN ('none', 'hybrid', 'full')),
  office_days_per_week INTEGER,
  start_date TEXT,
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'closed')),
  published_at TEXT,
  closed_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX job_roles_organisation ON job_roles (organisation_id, status);
CREATE INDEX job_roles_status ON job_roles (status, published_at);

CREATE TABLE role_windows (
  role_id TEXT NOT NULL REFERENCES job_roles (id) ON DELETE CASCADE,
  day INTEGER NOT NULL CHECK (day BETWEEN 1 AND 7),
  start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
  end_minute INTEGER NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
  CHECK (end_minute > start_minute)
);
CREATE INDEX role_windows_role ON role_windows (role_id);

CREATE TABLE role_locations (
  role_id TEXT NOT NULL REFERENCES job_roles (id) ON DELETE CASCADE,
  area_code TEXT NOT NULL REFERENCES areas (code),
  label TEXT,
  PRIMARY KEY (role_id, area_code)
);
CREATE INDEX role_locations_area ON role_locations (area_code);

CREATE TABLE role_skills (
  role_id TEXT NOT NULL REFERENCES job_roles (id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
  required INTEGER NOT NULL CHECK (required IN (0, 1)),
  PRIMARY KEY (role_id, tag)
);

CREATE TABLE role_qualifications (
  role_id TEXT NOT NULL REFERENCES job_roles (id) ON DELETE CASCADE,
  qualification TEXT NOT NULL,
  PRIMARY KEY (role_id, qualification)
);

CREATE TABLE role_facts (
  role_id TEXT NOT NULL REFERENCES job_roles (id) ON DELETE CASCADE,
  fact TEXT NOT NULL,
  available INTEGER NOT NULL CHECK (available IN (0, 1)),
  verified_at TEXT,
  verified_by TEXT,
  PRIMARY KEY (role_id, fact)
);

CREATE TABLE members (
  user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  family_name TEXT NOT NULL,
  given_name TEXT NOT NULL,
  phone TEXT,
  area_code TEXT NOT NULL REFERENCES areas (code),
  hide_municipality INTEGER NOT NULL DEFAULT 0 CHECK (hide_municipality IN (0, 1)),
  max_hours_per_week REAL NOT NULL,
  earliest_start_date TEXT,
  max_commute_minutes INTEGER NOT NULL,
  commute_mode TEXT NOT NULL CHECK (commute_mode IN ('car', 'transit', 'walk_bicycle')),
  pay_floor_amount INTEGER,
  pay_floor_unit TEXT,
  pay_wish_amount INTEGER,
  pay_wish_unit TEXT,
  remote_wish TEXT NOT NULL CHECK (remote_wish IN ('required', 'preferred', 'no_preference')),
  support_stage INTEGER CHECK (support_stage BETWEEN 1 AND 5),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX members_area ON members (area_code);

CREATE TABLE member_windows (
  member_id TEXT NOT NULL REFERENCES members (user_id) ON DELETE CASCADE,
  day INTEGER NOT NULL CHECK (day BETWEEN 1 AND 7),
  start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
  end_minute INTEGER NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
  CHECK (end_minute > start_minute)
);
CREATE INDEX member_windows_member ON member_windows (member_id);

CREATE TABLE member_children (
  member_id TEXT NOT NULL REFERENCES members (user_id) ON DELETE CASCADE,
  birth_year INTEGER NOT NULL,
  birth_month INTEGER NOT NULL CHECK (birth_month BETWEEN 1 AND 12)
);
CREATE INDEX member_children_member ON member_children (member_id);

CREATE TABLE member_skills (
  member_id TEXT NOT NULL REFERENCES members (user_id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
  PRIMARY KEY (member_id, tag)
);

CREATE TABLE member_qualifications (
  member_id TEXT NOT NULL REFERENCES members (user_id) ON DELETE CASCADE,
  qualification TEXT NOT NULL,
  PRIMARY KEY (member_id, qualification)
);

CREATE TABLE member_employment_types (
  member_id TEXT NOT NULL REFERENCES members (user_id) ON DELETE CASCADE,
  employment_type TEXT NOT NULL,
  PRIMARY KEY (member_id, employment_type)
);

CREATE TABLE member_target_areas (
  member_id TEXT NOT NULL REFERENCES members (user_id) ON DELETE CASCADE,
  area_code TEXT NOT NULL REFERENCES areas (code),
  needs_relocation_support INTEGER NOT NULL CHECK (needs_relocation_support IN (0, 1)),
  PRIMARY KEY (member_id, area_code)
);

CREATE TABLE member_blocks (
  member_id TEXT NOT NULL REFERENCES members (user_id) ON DELETE CASCADE,
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  created_at TEXT NOT NULL,
  PRIMARY KEY (member_id, organisation_id)
);
CREATE INDEX member_blocks_organisation ON member_blocks (organisation_id);
