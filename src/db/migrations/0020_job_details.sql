-- Complete job details (issue 13): what a Japanese job ad states beside pay and hours, and two
-- facts mothers filter on. All optional: a role saved before this states none of them (NULL, or
-- 0 for the two yes/no facts: "not stated", never "no"), so nothing is claimed for an employer.
--   交通費 commute_allowance: 'full' (全額支給), 'capped' (上限 commute_allowance_cap yen a month), 'none'
--   社会保険 social_insurance: 'yes', 'conditional' (条件を満たせば加入), 'no'
--   休日・休暇 holidays, 最寄り駅・アクセス access, 服装・髪型 dress_code: free text
--   募集人数 openings; 試用期間 trial_months (0 = なし) with trial_note
--   未経験OK inexperienced_ok, 扶養内OK within_dependent_ok
-- 応募締切 is the close date of 0016_3.
ALTER TABLE job_roles ADD COLUMN commute_allowance TEXT CHECK (commute_allowance IN ('full', 'capped', 'none'));
ALTER TABLE job_roles ADD COLUMN commute_allowance_cap INTEGER CHECK (commute_allowance_cap > 0);
ALTER TABLE job_roles ADD COLUMN social_insurance TEXT CHECK (social_insurance IN ('yes', 'conditional', 'no'));
ALTER TABLE job_roles ADD COLUMN holidays TEXT;
ALTER TABLE job_roles ADD COLUMN access TEXT;
ALTER TABLE job_roles ADD COLUMN openings INTEGER CHECK (openings > 0);
ALTER TABLE job_roles ADD COLUMN trial_months INTEGER CHECK (trial_months BETWEEN 0 AND 12);
ALTER TABLE job_roles ADD COLUMN trial_note TEXT;
ALTER TABLE job_roles ADD COLUMN dress_code TEXT;
ALTER TABLE job_roles ADD COLUMN inexperienced_ok INTEGER NOT NULL DEFAULT 0 CHECK (inexperienced_ok IN (0, 1));
ALTER TABLE job_roles ADD COLUMN within_dependent_ok INTEGER NOT NULL DEFAULT 0 CHECK (within_dependent_ok IN (0, 1));

-- The mothers' filters of each role as bits (src/features/search/job-conditions.ts names them),
-- so degraded search filters and counts them from this one row. Filled here for existing roles
-- with a frozen copy of conditionBitsSql(); the service keeps it from then on.
ALTER TABLE role_search_rows ADD COLUMN conditions INTEGER NOT NULL DEFAULT 0;
UPDATE role_search_rows SET conditions = (SELECT (
      (CASE WHEN EXISTS (SELECT 1 FROM role_facts f WHERE f.role_id = r.id AND f.available = 1 AND f.fact IN ('short_time_allowed')) THEN 1 ELSE 0 END)
    | (CASE WHEN EXISTS (SELECT 1 FROM role_facts f WHERE f.role_id = r.id AND f.available = 1 AND f.fact IN ('sick_child_absence_ok')) THEN 2 ELSE 0 END)
    | (CASE WHEN r.overtime = 'none' THEN 4 ELSE 0 END)
    | (CASE WHEN r.weekend_work = 0 AND NOT EXISTS (SELECT 1 FROM role_windows w WHERE w.role_id = r.id AND w.day >= 6)
        THEN 8 ELSE 0 END)
    | (CASE WHEN (CASE r.schedule_kind WHEN 'fixed' THEN (SELECT COUNT(DISTINCT day) FROM role_windows WHERE role_id = r.id) ELSE r.min_days_per_week END) <= 3 THEN 16 ELSE 0 END)
    | (CASE WHEN (CASE r.schedule_kind WHEN 'fixed'
      THEN (SELECT COALESCE(MAX(worked), 0) FROM (SELECT day, MIN(start_minute) AS s, MAX(end_minute) AS e,
      SUM(end_minute - start_minute - break_minutes) AS worked
    FROM role_windows WHERE role_id = r.id GROUP BY day)) ELSE MAX(COALESCE(r.min_hours_per_day, 0) * 60.0,
      COALESCE(r.min_hours_per_week, 0) * 60.0 / MAX(1, (SELECT COUNT(DISTINCT day) FROM role_windows WHERE role_id = r.id))) END) <= 240 THEN 32 ELSE 0 END)
    | (CASE WHEN (CASE r.schedule_kind WHEN 'fixed'
      THEN (SELECT COALESCE(MAX(e), 0) FROM (SELECT day, MIN(start_minute) AS s, MAX(end_minute) AS e,
      SUM(end_minute - start_minute - break_minutes) AS worked
    FROM role_windows WHERE role_id = r.id GROUP BY day))
      ELSE (SELECT COALESCE(MAX(MIN(e, s + MAX(COALESCE(r.min_hours_per_day, 0) * 60.0,
      COALESCE(r.min_hours_per_week, 0) * 60.0 / MAX(1, (SELECT COUNT(DISTINCT day) FROM role_windows WHERE role_id = r.id))))), 0) FROM (SELECT day, MIN(start_minute) AS s, MAX(end_minute) AS e,
      SUM(end_minute - start_minute - break_minutes) AS worked
    FROM role_windows WHERE role_id = r.id GROUP BY day)) END) <= 900 THEN 64 ELSE 0 END)
    | (CASE WHEN (CASE r.schedule_kind WHEN 'fixed'
      THEN (SELECT COALESCE(MAX(e), 0) FROM (SELECT day, MIN(start_minute) AS s, MAX(end_minute) AS e,
      SUM(end_minute - start_minute - break_minutes) AS worked
    FROM role_windows WHERE role_id = r.id GROUP BY day))
      ELSE (SELECT COALESCE(MAX(MIN(e, s + MAX(COALESCE(r.min_hours_per_day, 0) * 60.0,
      COALESCE(r.min_hours_per_week, 0) * 60.0 / MAX(1, (SELECT COUNT(DISTINCT day) FROM role_windows WHERE role_id = r.id))))), 0) FROM (SELECT day, MIN(start_minute) AS s, MAX(end_minute) AS e,
      SUM(end_minute - start_minute - break_minutes) AS worked
    FROM role_windows WHERE role_id = r.id GROUP BY day)) END) <= 1020 THEN 128 ELSE 0 END)
    | (CASE WHEN r.inexperienced_ok = 1 THEN 256 ELSE 0 END)
    | (CASE WHEN r.remote_mode <> 'none' THEN 512 ELSE 0 END)
    | (CASE WHEN EXISTS (SELECT 1 FROM role_facts f WHERE f.role_id = r.id AND f.available = 1 AND f.fact IN ('onsite_nursery', 'childcare_subsidy')) THEN 1024 ELSE 0 END)
    | (CASE WHEN r.commute_allowance IN ('full', 'capped') THEN 2048 ELSE 0 END)
    | (CASE WHEN r.social_insurance = 'yes' THEN 4096 ELSE 0 END)
    | (CASE WHEN r.within_dependent_ok = 1 THEN 8192 ELSE 0 END)) FROM job_roles r WHERE r.id = role_search_rows.role_id)
;
