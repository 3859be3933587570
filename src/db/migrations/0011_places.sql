-- Places finer than a municipality. `area_towns` holds every town (大字・町丁目) of Japan with its
-- representative point (seed/reference/jp-towns.json.gz; sources and attribution in
-- seed/reference/README.md). The rows are not in this migration: 190,000 inserts would be applied
-- to every new database, test databases included. The Node service loads them on start when the
-- table is empty; `npm run dev:worker` and `npm run deploy` load them into D1 (seed/towns.ts).
-- A member's home town and a role location's town are stored with their point, so matching and
-- search never need the table, and a point stays as chosen even if the town list changes.
CREATE TABLE area_towns (
  area_code TEXT NOT NULL REFERENCES areas (code),
  name TEXT NOT NULL,
  lat REAL NOT NULL,
  lng REAL NOT NULL,
  PRIMARY KEY (area_code, name)
) WITHOUT ROWID;

ALTER TABLE members ADD COLUMN home_town TEXT;
ALTER TABLE members ADD COLUMN home_lat REAL;
ALTER TABLE members ADD COLUMN home_lng REAL;

-- A role location's address as the employer wrote it, the town it lies in, and the town's point.
ALTER TABLE role_locations ADD COLUMN address TEXT;
ALTER TABLE role_locations ADD COLUMN town TEXT;
ALTER TABLE role_locations ADD COLUMN lat REAL;
ALTER TABLE role_locations ADD COLUMN lng REAL;
