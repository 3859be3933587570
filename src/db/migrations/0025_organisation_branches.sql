-- Branches (拠点) of an organisation (issue 20): a national firm hiring in members' hometowns keeps
-- its branches once and picks them as a role's locations. role_locations stays the one record of
-- where a role is; a branch is the organisation's own list of places, copied into a role when
-- chosen. Deleting a branch leaves the roles posted at it as they are.
CREATE TABLE organisation_branches (
  id TEXT PRIMARY KEY,
  organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  area_code TEXT NOT NULL REFERENCES areas (code),
  address TEXT,
  town TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX organisation_branches_organisation ON organisation_branches (organisation_id, name);
