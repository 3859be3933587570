-- Failed sign-ins by the address typed, so that guessing one account's password is slowed to a
-- handful of tries per quarter hour. Addresses without an account are counted the same way, so
-- the answer never tells which addresses exist. A successful sign-in clears its address's rows;
-- rows older than the window are removed as new failures arrive.
CREATE TABLE sign_in_failures (
  email TEXT NOT NULL,
  failed_at TEXT NOT NULL
);
CREATE INDEX sign_in_failures_email ON sign_in_failures (email, failed_at);
CREATE INDEX sign_in_failures_age ON sign_in_failures (failed_at);
