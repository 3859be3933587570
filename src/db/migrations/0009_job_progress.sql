-- Where a long job stopped, so that a run bounded in time and queries (a Worker's cron run) takes
-- the next slice instead of starting over: for the suggestion job, the last member id it looked at
-- ('' starts a new pass).
CREATE TABLE job_progress (
  job TEXT PRIMARY KEY,
  resume_after TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
