-- Favourites (issue 13, お気に入り・キープ): the roles a member keeps to look at again. One row per
-- (account, role); keeping twice changes nothing. A kept role that closes or expires stays in her
-- list (shown as ended), so it never disappears silently; deleting the account or a draft role
-- takes its rows with it.
CREATE TABLE favourites (
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role_id TEXT NOT NULL REFERENCES job_roles (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  PRIMARY KEY (user_id, role_id)
);
CREATE INDEX favourites_newest ON favourites (user_id, created_at);
CREATE INDEX favourites_role ON favourites (role_id);
