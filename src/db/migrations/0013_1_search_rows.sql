-- Degraded search that does bounded work, and full-text rows that can be found by role.
--
-- role_search_rows: one row per role with the figures search filters and sorts on (pay per hour
-- over the role's own week, hours, working days as a bit mask, first and last minute, the first
-- located place's point), so a search without the engine applies every filter in SQL and reads
-- child rows only for the page. Its integer key is also the role's rowid in the full-text table,
-- so replacing a role's text is a lookup by key instead of a scan of every row (role_id is
-- UNINDEXED there). Kept by the same statements that rewrite the full-text rows.
CREATE TABLE role_search_rows (
  key INTEGER PRIMARY KEY,
  role_id TEXT NOT NULL UNIQUE,
  hourly_pay INTEGER NOT NULL,
  hours_per_week REAL NOT NULL,
  earliest_start INTEGER NOT NULL,
  latest_end INTEGER NOT NULL,
  weekday_mask INTEGER NOT NULL,
  lat REAL,
  lng REAL
);
CREATE INDEX role_search_rows_pay ON role_search_rows (hourly_pay);

INSERT INTO role_search_rows (role_id, hourly_pay, hours_per_week, earliest_start, latest_end, weekday_mask, lat, lng)
SELECT f.id,
       CAST(ROUND(
         CASE f.pay_unit
           WHEN 'hour' THEN f.pay_min * f.hours * 52.0 / 12
           WHEN 'day' THEN f.pay_min * f.days * 52.0 / 12
           WHEN 'month' THEN f.pay_min
           ELSE f.pay_min / 12.0
         END / MAX(1, f.hours * 52.0 / 12)) AS INTEGER),
       f.hours, f.earliest_start, f.latest_end, f.weekday_mask, f.lat, f.lng
FROM (
  SELECT r.id, r.pay_min, r.pay_unit,
         CASE r.schedule_kind WHEN 'fixed' THEN COALESCE(w.minutes, 0) / 60.0 ELSE COALESCE(r.min_hours_per_week, 0) END AS hours,
         CASE r.schedule_kind WHEN 'fixed' THEN COALESCE(w.days, 0) ELSE COALESCE(r.min_days_per_week, 0) END AS days,
         COALESCE(w.earliest_start, 0) AS earliest_start,
         COALESCE(w.latest_end, 0) AS latest_end,
         COALESCE(w.weekday_mask, 0) AS weekday_mask,
         (SELECT a.lat FROM role_locations l JOIN areas a ON a.code = l.area_code
           WHERE l.role_id = r.id AND a.lat IS NOT NULL AND a.lng IS NOT NULL ORDER BY l.area_code LIMIT 1) AS lat,
         (SELECT a.lng FROM role_locations l JOIN areas a ON a.code = l.area_code
           WHERE l.role_id = r.id AND a.lat IS NOT NULL AND a.lng IS NOT NULL ORDER BY l.area_code LIMIT 1) AS lng
  FROM job_roles r
  LEFT JOIN (
    SELECT role_id, SUM(end_minute - start_minute) AS minutes, COUNT(DISTINCT day) AS days,
           MIN(start_minute) AS earliest_start, MAX(end_minute) AS latest_end,
           SUM(DISTINCT 1 << (day - 1)) AS weekday_mask
    FROM role_windows GROUP BY role_id
  ) w ON w.role_id = r.id
) f;

-- The full-text table again, its rowid now the role's key.
DROP TABLE role_search_text;
CREATE VIRTUAL TABLE role_search_text USING fts5(role_id UNINDEXED, body, tokenize = 'trigram');
INSERT INTO role_search_text (rowid, role_id, body)
SELECT k.key, r.id,
       r.title || ' ' || r.description || ' ' || o.name || ' ' ||
       COALESCE((SELECT group_concat(a.name, ' ') FROM role_locations l JOIN areas a ON a.code = l.area_code
                 WHERE l.role_id = r.id), '')
FROM job_roles r JOIN organisations o ON o.id = r.organisation_id JOIN role_search_rows k ON k.role_id = r.id;
