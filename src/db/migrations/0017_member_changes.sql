-- A counter of writes to member profiles, stepped by triggers in the same statement as the write
-- (so in the same atomic unit, on SQLite and D1 alike, whichever code path wrote). A process that
-- caches prepared profiles reads this one row to know whether its copy of every member is still
-- current, instead of re-reading 10k profiles (or their stamps) for each coordinator's ranking.
-- Every write of a profile's child rows (blocks, windows, skills, …) rewrites its members row too.
CREATE TABLE change_counters (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);

INSERT INTO change_counters (name, value) VALUES ('members', 0);

CREATE TRIGGER members_changed_insert AFTER INSERT ON members
BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'members';
END;

CREATE TRIGGER members_changed_update AFTER UPDATE ON members
BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'members';
END;

CREATE TRIGGER members_changed_delete AFTER DELETE ON members
BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'members';
END;
