-- Optimistic concurrency on role and profile edits. A profile gets a version like a role's, and
-- every write that sets a version must step it by exactly one from the version it replaces: a
-- write prepared from a version read before someone else's write sets a stale number and is
-- aborted, with everything in its batch, instead of silently undoing the other write. (D1 has no
-- interactive transactions, so the check cannot be a read inside the write; the trigger is.)
ALTER TABLE members ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

CREATE TRIGGER job_roles_version_step BEFORE UPDATE OF version ON job_roles
WHEN NEW.version <> OLD.version + 1
BEGIN
  SELECT RAISE(ABORT, 'version_conflict');
END;

CREATE TRIGGER members_version_step BEFORE UPDATE OF version ON members
WHEN NEW.version <> OLD.version + 1
BEGIN
  SELECT RAISE(ABORT, 'version_conflict');
END;
