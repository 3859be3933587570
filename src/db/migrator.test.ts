/**
 * Migrations from empty: every table is created, the area master is complete, a second run is a
 * no-op, and the statement splitter keeps trigger bodies whole.
 */
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { readMigrationSources } from '../adapter/node/sqlite.ts';
import { migrateToLatest, splitStatements } from './migrator.ts';
import type { DB } from './schema.ts';

describe('migrations', () => {
  it("0010 keeps old rows meaning what they meant: breaks 0, each day's window span as her care limits", async () => {
    const sqlite = new SQLite(':memory:');
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
    const sources = readMigrationSources();
    const before = Object.fromEntries(Object.entries(sources).filter(([name]) => name < '0010'));
    await migrateToLatest(db, before);
    sqlite.pragma('foreign_keys = OFF');
    sqlite.exec(`
      INSERT INTO member_windows (member_id, day, start_minute, end_minute) VALUES
        ('m1', 1, 510, 720), ('m1', 1, 780, 1050), ('m1', 3, 540, 900);
      INSERT INTO member_children (member_id, birth_year, birth_month) VALUES ('m1', 2021, 5);
      INSERT INTO role_windows (role_id, day, start_minute, end_minute) VALUES ('r1', 1, 510, 1050);
    `);
    expect((await migrateToLatest(db, sources))[0]).toBe('0010_her_real_week');
    expect(await db.selectFrom('member_care_limits').selectAll().orderBy('day').execute()).toEqual([
      { member_id: 'm1', day: 1, leave_from: 510, home_by: 1050 },
      { member_id: 'm1', day: 3, leave_from: 540, home_by: 900 },
    ]);
    expect(await db.selectFrom('member_windows').select('remote_only').distinct().execute()).toEqual([
      { remote_only: 0 },
    ]);
    expect(await db.selectFrom('member_children').select(['care', 'pickup_minute']).execute()).toEqual([
      { care: null, pickup_minute: null },
    ]);
    expect(await db.selectFrom('role_windows').select('break_minutes').execute()).toEqual([
      { break_minutes: 0 },
    ]);
    await db.destroy();
  });

  it('0021_3 gives published ads an expiry 90 days after publication, but at least 30 days from now', async () => {
    const sqlite = new SQLite(':memory:');
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
    const sources = readMigrationSources();
    await migrateToLatest(
      db,
      Object.fromEntries(Object.entries(sources).filter(([name]) => name < '0021_3')),
    );
    sqlite.pragma('foreign_keys = OFF');
    const day = 86_400_000;
    const ago = (days: number) => new Date(Date.now() - days * day).toISOString();
    const insert = sqlite.prepare(`INSERT INTO job_roles (id, organisation_id, title, description, category,
        employment_type, pay_min, pay_unit, schedule_kind, overtime, weekend_work, night_work, remote_mode,
        status, published_at, created_at, updated_at)
      VALUES (?, 'o1', 't', 'd', 'care', 'part_time', 1200, 'hour', 'flexible', 'none', 0, 0, 'none', ?, ?, ?, ?)`);
    insert.run('old', 'published', ago(365), ago(400), ago(365));
    insert.run('recent', 'published', ago(10), ago(10), ago(10));
    insert.run('draft', 'draft', null, ago(5), ago(5));
    expect((await migrateToLatest(db, sources))[0]).toBe('0021_3_ad_expiry');
    const rows = sqlite.prepare('SELECT id, expires_at FROM job_roles ORDER BY id').all() as {
      id: string;
      expires_at: string | null;
    }[];
    const daysAway = (iso: string | null) =>
      Math.round((new Date(iso as string).getTime() - Date.now()) / day);
    expect(rows.map((r) => [r.id, r.expires_at === null ? null : daysAway(r.expires_at)])).toEqual([
      ['draft', null],
      ['old', 30],
      ['recent', 80],
    ]);
    // Stored as the app stores instants, so they compare with its own as text.
    expect(rows[1]?.expires_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    await db.destroy();
  });

  it('build the whole schema on an empty database, once', async () => {
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
    const applied = await migrateToLatest(db, readMigrationSources());
    expect(applied).toEqual([
      '0001_initial',
      '0002_area_master',
      '0003_search',
      '0004_matches',
      '0005_coordination',
      '0006_sensitive',
      '0007_notifications',
      '0008_sign_in_throttle',
      '0009_job_progress',
      '0010_her_real_week',
      '0011_places',
      '0012_security',
      '0013_1_search_rows',
      '0013_2_edit_versions',
      '0014_accounts',
      '0015_1_follow_up',
      '0015_2_mentoring',
      '0016_1_direction',
      '0016_2_relocation',
      '0016_3_close_date',
      '0017_member_changes',
      '0018_1_area_notices',
      '0018_2_exchange_meetings',
      '0018_3_employer_prospects',
      '0019_readings',
      '0020_job_details',
      '0021_1_favourites',
      '0021_2_saved_searches',
      '0021_3_ad_expiry',
      '0022_member_resume',
      '0023_move_plan_notes',
      '0024_prospect_invitations',
      '0027_search_changes',
    ]);
    expect(await migrateToLatest(db, readMigrationSources())).toEqual([]);

    // FTS5 keeps shadow tables (role_search_text_data, …) beside the virtual table; they are its own.
    const tables = (await db.introspection.getTables())
      .map((t) => t.name)
      .filter((name) => !/^role_search_text_/.test(name))
      .sort();
    expect(tables).toEqual(
      [
        'account_tokens',
        'area_notice_areas',
        'area_notice_reads',
        'area_notices',
        'area_towns',
        'areas',
        'audit_log',
        'change_counters',
        'check_ins',
        'consultation_notes',
        'favourites',
        'follow_ups',
        'job_progress',
        'job_roles',
        'mail_outbox',
        'match_events',
        'matches',
        'meeting_replies',
        'meetings',
        'member_blocks',
        'member_care_limits',
        'member_children',
        'member_employment_types',
        'member_qualifications',
        'member_sensitive',
        'member_skills',
        'member_stage_history',
        'member_target_areas',
        'member_windows',
        'members',
        'mentoring_cohorts',
        'mentoring_mentors',
        'mentoring_pairs',
        'mentoring_sessions',
        'move_plan_notes',
        'notifications',
        'organisations',
        'prospect_events',
        'prospect_invitations',
        'prospects',
        'role_facts',
        'role_locations',
        'role_qualifications',
        'role_readings',
        'role_search_rows',
        'role_search_text',
        'role_skills',
        'search_outbox',
        'separations',
        'role_windows',
        'saved_searches',
        'sessions',
        'sign_in_failures',
        'users',
      ].sort(),
    );
    const counts = await db
      .selectFrom('areas')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('kind')
      .orderBy('kind')
      .execute();
    expect(counts).toEqual([
      { kind: 'municipality', n: 1747 },
      { kind: 'prefecture', n: 47 },
      { kind: 'ward', n: 175 },
    ]);
    const yokohama = await db
      .selectFrom('areas')
      .selectAll()
      .where('code', '=', '141003')
      .executeTakeFirstOrThrow();
    expect(yokohama).toMatchObject({
      name: '横浜市',
      kana: 'よこはまし',
      pref_code: '14',
      kind: 'municipality',
    });
    expect(yokohama.lat).toBeCloseTo(35.44, 1);
    const withoutPoint = await db.selectFrom('areas').select('name').where('lat', 'is', null).execute();
    expect(withoutPoint.map((a) => a.name).sort()).toEqual(
      ['留別村', '留夜別村', '紗那村', '色丹村', '蘂取村'].sort(),
    );
    await db.destroy();
  });

  it('split statements at line-ending semicolons but keep trigger bodies whole', () => {
    const source = [
      '-- comment',
      'CREATE TABLE a (x INTEGER);',
      '',
      'CREATE TRIGGER a_touch AFTER INSERT ON a BEGIN',
      '  UPDATE a SET x = x + 1;',
      '  SELECT 1;',
      'END;',
      'INSERT INTO a VALUES (1);',
    ].join('\n');
    const statements = splitStatements(source);
    expect(statements).toHaveLength(3);
    expect(statements[1]).toMatch(/^CREATE TRIGGER[\s\S]*END;$/);
    expect(() => splitStatements('CREATE TABLE b (y)')).toThrow(/without ';'/);
  });
});
