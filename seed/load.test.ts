/**
 * The loader against a real, migrated SQLite database (in memory, foreign keys on): a small
 * dataset lands whole and consistent, the demo accounts can sign in with their role, and a reset
 * empties the data but keeps the area master.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite, type SqliteDatabase } from '../src/adapter/node/sqlite.ts';
import { scryptHasher } from '../src/features/auth/password.ts';
import { defaultOrganisations } from './generator.ts';
import { DEMO_ACCOUNTS, isDatabaseEmpty, resetDatabase, type SeedSummary, seedDatabase } from './load.ts';

const OPTIONS = { seed: 2026, roles: 300, members: 100, now: new Date('2026-04-01T03:00:00.000Z') };

let database: SqliteDatabase;
let summary: SeedSummary;
let emptyBefore: boolean;
const progress: { done: number; total: number; phase: string }[] = [];

const count = (sql: string): number => (database.sqlite.prepare(sql).pluck().get() as number) ?? 0;

beforeAll(async () => {
  database = await openSqlite(':memory:');
  emptyBefore = await isDatabaseEmpty(database);
  summary = await seedDatabase(database, {
    ...OPTIONS,
    onProgress: (done, total, phase) => progress.push({ done, total, phase }),
  });
});

afterAll(async () => {
  await database.close();
});

describe('seedDatabase', () => {
  it('loads the requested sizes plus the demo rows', async () => {
    expect(emptyBefore).toBe(true);
    expect(await isDatabaseEmpty(database)).toBe(false);
    expect(count('SELECT count(*) FROM job_roles')).toBe(OPTIONS.roles + 4);
    expect(count('SELECT count(*) FROM members')).toBe(OPTIONS.members + 1);
    expect(count('SELECT count(*) FROM organisations')).toBe(defaultOrganisations(OPTIONS.roles) + 1);
    expect(count('SELECT count(*) FROM users')).toBe(summary.users);
    expect(summary).toMatchObject({
      roles: OPTIONS.roles + 4,
      members: OPTIONS.members + 1,
      organisations: defaultOrganisations(OPTIONS.roles) + 1,
    });
  });

  it('leaves no dangling foreign key', () => {
    expect(database.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(database.sqlite.pragma('foreign_key_check')).toEqual([]);
  });

  it('gives every role windows, and every on-site or hybrid role a location', () => {
    expect(
      count(
        'SELECT count(*) FROM job_roles r WHERE NOT EXISTS (SELECT 1 FROM role_windows w WHERE w.role_id = r.id)',
      ),
    ).toBe(0);
    expect(
      count(`SELECT count(*) FROM job_roles r WHERE r.remote_mode <> 'full'
             AND NOT EXISTS (SELECT 1 FROM role_locations l WHERE l.role_id = r.id)`),
    ).toBe(0);
  });

  it('publishes roles only of verified organisations', () => {
    expect(count(`SELECT count(*) FROM job_roles WHERE status = 'published'`)).toBeGreaterThan(
      OPTIONS.roles / 2,
    );
    expect(
      count(`SELECT count(*) FROM job_roles r JOIN organisations o ON o.id = r.organisation_id
             WHERE r.status <> 'draft' AND o.verification_state <> 'verified'`),
    ).toBe(0);
    expect(count(`SELECT count(DISTINCT verification_state) FROM organisations`)).toBeGreaterThanOrEqual(2);
  });

  it('matches users to their role: members have profiles, employers an organisation, staff none', () => {
    expect(
      count(`SELECT count(*) FROM members m JOIN users u ON u.id = m.user_id WHERE u.role <> 'member'`),
    ).toBe(0);
    expect(
      count(
        `SELECT count(*) FROM users u WHERE u.role = 'member' AND NOT EXISTS (SELECT 1 FROM members m WHERE m.user_id = u.id)`,
      ),
    ).toBe(0);
    expect(
      count(`SELECT count(*) FROM users WHERE (role = 'employer') <> (organisation_id IS NOT NULL)`),
    ).toBe(0);
    expect(
      count(
        `SELECT count(*) FROM organisations o WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.organisation_id = o.id AND u.role = 'employer')`,
      ),
    ).toBe(0);
  });

  it('builds the database full-text rows for every role', () => {
    expect(count('SELECT count(*) FROM role_search_text')).toBe(count('SELECT count(*) FROM job_roles'));
  });

  it('reports progress up to the total', () => {
    const last = progress[progress.length - 1];
    expect(last && last.done === last.total && last.total > 0).toBe(true);
    expect(new Set(progress.map((p) => p.phase))).toEqual(
      new Set(['organisations', 'roles', 'members', 'search text']),
    );
    const dones = progress.map((p) => p.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
  });
});

describe('demo accounts', () => {
  it('exist with the right roles', () => {
    expect(DEMO_ACCOUNTS.map((a) => a.role).sort()).toEqual(['admin', 'coordinator', 'employer', 'member']);
    for (const account of DEMO_ACCOUNTS) {
      expect(
        database.sqlite.prepare('SELECT role FROM users WHERE email = ?').pluck().get(account.email),
      ).toBe(account.role);
    }
  });

  it('sign in with the demo password', async () => {
    const member = DEMO_ACCOUNTS.find((a) => a.role === 'member');
    const stored = database.sqlite
      .prepare('SELECT password_hash FROM users WHERE email = ?')
      .pluck()
      .get(member?.email) as string;
    const hasher = scryptHasher();
    expect(await hasher.verify(member?.password ?? '', stored)).toBe(true);
    expect(await hasher.verify('wrong password', stored)).toBe(false);
  });

  it('give the demo employer a verified organisation in Kanagawa with draft and published roles', () => {
    const employer = DEMO_ACCOUNTS.find((a) => a.role === 'employer');
    const organisation = database.sqlite
      .prepare(
        `SELECT o.id, o.verification_state, a.pref_code FROM users u JOIN organisations o ON o.id = u.organisation_id
         JOIN areas a ON a.code = o.head_office_area_code WHERE u.email = ?`,
      )
      .get(employer?.email) as { id: string; verification_state: string; pref_code: string };
    expect(organisation).toMatchObject({ verification_state: 'verified', pref_code: '14' });
    const statuses = database.sqlite
      .prepare('SELECT status FROM job_roles WHERE organisation_id = ?')
      .pluck()
      .all(organisation.id);
    expect(statuses.filter((s) => s === 'published').length).toBeGreaterThanOrEqual(2);
    expect(statuses.filter((s) => s === 'draft').length).toBeGreaterThanOrEqual(2);
  });

  it('give the demo member a complete profile in 横浜市港北区, stage 3, with a nursery-age child', () => {
    const member = DEMO_ACCOUNTS.find((a) => a.role === 'member');
    const row = database.sqlite
      .prepare(
        `SELECT m.user_id, m.support_stage, a.name FROM users u JOIN members m ON m.user_id = u.id JOIN areas a ON a.code = m.area_code WHERE u.email = ?`,
      )
      .get(member?.email) as { user_id: string; support_stage: number; name: string };
    expect(row).toMatchObject({ support_stage: 3, name: '横浜市港北区' });
    const children = database.sqlite
      .prepare('SELECT birth_year * 12 + birth_month AS month FROM member_children WHERE member_id = ?')
      .pluck()
      .all(row.user_id) as number[];
    const thisMonth = OPTIONS.now.getUTCFullYear() * 12 + OPTIONS.now.getUTCMonth() + 1;
    expect(children).toHaveLength(2);
    expect(Math.min(...children.map((m) => thisMonth - m))).toBeLessThan(6 * 12);
    for (const table of [
      'member_windows',
      'member_skills',
      'member_qualifications',
      'member_employment_types',
      'member_target_areas',
    ]) {
      expect(count(`SELECT count(*) FROM ${table} WHERE member_id = '${row.user_id}'`)).toBeGreaterThan(0);
    }
  });
});

describe('resetDatabase', () => {
  it('empties every data table but keeps the area master, so seeding again works', async () => {
    const areas = count('SELECT count(*) FROM areas');
    const emptied = resetDatabase(database);
    expect(emptied).toEqual(
      expect.arrayContaining(['users', 'job_roles', 'members', 'organisations', 'role_search_text']),
    );
    expect(emptied).not.toContain('areas');
    expect(count('SELECT count(*) FROM areas')).toBe(areas);
    expect(await isDatabaseEmpty(database)).toBe(true);
    expect(
      count('SELECT count(*) FROM job_roles') +
        count('SELECT count(*) FROM role_windows') +
        count('SELECT count(*) FROM role_search_text'),
    ).toBe(0);
    expect(database.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);

    const again = await seedDatabase(database, { ...OPTIONS, roles: 20, members: 5 });
    expect(again.roles).toBe(24);
    expect(database.sqlite.pragma('foreign_key_check')).toEqual([]);
  });
});
