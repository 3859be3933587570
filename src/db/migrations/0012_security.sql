-- Failed sign-ins are counted per address and client (IP), so that someone who knows her address
-- can no longer lock her out by failing on purpose: the guessing client is stopped, her own is
-- not. Rows from before this migration belong to no client ('').
ALTER TABLE sign_in_failures ADD COLUMN client TEXT NOT NULL DEFAULT '';
CREATE INDEX sign_in_failures_client ON sign_in_failures (email, client, failed_at);
