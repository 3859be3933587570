-- Ad freshness (issue 13): a published role expires at `expires_at` unless the employer renews it.
-- The expiry job sets `expired_at` (and queues the role for the search index in the same unit), and
-- a role with `expired_at` set is not findable; renewing clears it and moves `expires_at` on.
-- `expiry_notice_for` is the `expires_at` the employer was last told of a week ahead, so each
-- expiry date is announced once, and a renewed date once more.
ALTER TABLE job_roles ADD COLUMN expires_at TEXT;
ALTER TABLE job_roles ADD COLUMN expired_at TEXT;
ALTER TABLE job_roles ADD COLUMN expiry_notice_for TEXT;
CREATE INDEX job_roles_expiry ON job_roles (status, expired_at, expires_at);

-- Roles published before this migration expire 90 days (the default period) after they were
-- published, but never sooner than 30 days from now: ads posted long ago would otherwise all leave
-- search the minute this runs, with no week-ahead notice and no chance to renew. Roles added later
-- without a date (a bulk seed) are given one the same way by the expiry job.
UPDATE job_roles
SET expires_at = strftime('%Y-%m-%dT%H:%M:%fZ',
  max(julianday(published_at, '+90 days'), julianday('now', '+30 days')))
WHERE status = 'published' AND published_at IS NOT NULL;
