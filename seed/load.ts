/**
 * Loads a generated dataset into SQLite through the raw better-sqlite3 handle: prepared
 * statements, one transaction per batch of a few thousand rows. Going through Kysely would
 * compile a query per row; this path loads 100,000 roles and 10,000 members in seconds.
 */
import type Database from 'better-sqlite3';
import type { Insertable } from 'kysely';
import type { SqliteDatabase } from '../src/adapter/node/sqlite.ts';
import type { Database as AppDatabase } from '../src/db/database.ts';
import type { DB } from '../src/db/schema.ts';
import { scryptHasher } from '../src/features/auth/password.ts';
import { refreshRoleSearchText } from '../src/features/search/search-outbox.repository.ts';
import { DEMO_PASSWORD } from './demo.ts';
import { type Dataset, generateDataset, type MemberRows, type RoleRows, type SeedUser } from './generator.ts';

export { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SIZES, type DemoAccount } from './demo.ts';

export interface SeedOptions {
  seed: number;
  /** Generated roles, besides the demo employer's. */
  roles: number;
  /** Generated members, besides the demo member. */
  members: number;
  organisations?: number;
  now: Date;
  /** Called after each batch; `done` and `total` count organisations, roles and members (and roles again while their search text is built). */
  onProgress?: (done: number, total: number, phase: string) => void;
}

export interface SeedSummary {
  seed: number;
  organisations: number;
  users: number;
  roles: number;
  members: number;
  /** Rows written across all tables. */
  rows: number;
  elapsedMs: number;
}

/** Columns written per table, in one place so the INSERTs and the row shapes cannot drift apart. */
const COLUMNS = {
  organisations: [
    'id',
    'name',
    'name_kana',
    'scale',
    'corporate_number',
    'head_office_area_code',
    'description',
    'website',
    'verification_state',
    'verified_at',
    'verified_by',
    'created_at',
    'updated_at',
  ],
  users: [
    'id',
    'email',
    'password_hash',
    'role',
    'display_name',
    'organisation_id',
    'created_at',
    'updated_at',
    'email_verified_at',
  ],
  job_roles: [
    'id',
    'organisation_id',
    'title',
    'description',
    'category',
    'employment_type',
    'pay_min',
    'pay_max',
    'pay_unit',
    'schedule_kind',
    'min_hours_per_week',
    'min_days_per_week',
    'preferred_hours_per_week',
    'overtime',
    'weekend_work',
    'night_work',
    'remote_mode',
    'office_days_per_week',
    'start_date',
    'commute_allowance',
    'commute_allowance_cap',
    'social_insurance',
    'holidays',
    'access',
    'openings',
    'trial_months',
    'trial_note',
    'dress_code',
    'inexperienced_ok',
    'within_dependent_ok',
    'status',
    'published_at',
    'closed_at',
    'created_at',
    'updated_at',
    'version',
  ],
  role_windows: ['role_id', 'day', 'start_minute', 'end_minute'],
  role_locations: ['role_id', 'area_code', 'label', 'address', 'town', 'lat', 'lng'],
  role_skills: ['role_id', 'tag', 'level', 'required'],
  role_qualifications: ['role_id', 'qualification'],
  role_facts: ['role_id', 'fact', 'available', 'verified_at', 'verified_by'],
  members: [
    'user_id',
    'family_name',
    'given_name',
    'phone',
    'area_code',
    'hide_municipality',
    'max_hours_per_week',
    'earliest_start_date',
    'max_commute_minutes',
    'commute_mode',
    'pay_floor_amount',
    'pay_floor_unit',
    'pay_wish_amount',
    'pay_wish_unit',
    'remote_wish',
    'support_stage',
    'home_town',
    'home_lat',
    'home_lng',
    'desired_categories',
    'self_pr',
    'career_pace',
    'created_at',
    'updated_at',
  ],
  member_windows: ['member_id', 'day', 'start_minute', 'end_minute'],
  member_children: ['member_id', 'birth_year', 'birth_month'],
  member_skills: ['member_id', 'tag', 'level'],
  member_qualifications: ['member_id', 'qualification'],
  member_employment_types: ['member_id', 'employment_type'],
  member_target_areas: [
    'member_id',
    'area_code',
    'needs_relocation_support',
    'move_from',
    'max_commute_minutes',
  ],
  member_blocks: ['member_id', 'organisation_id', 'created_at'],
} satisfies { [T in keyof DB]?: readonly (keyof DB[T] & string)[] };

/**
 * Roles per transaction (about 12 rows each). Role ids are random UUIDs, as in production, so
 * every commit rewrites pages all over the id indexes; measured on 100k roles, commits of 10,000
 * roles load in ~15 s where commits of 2,000 took ~23 s. Members are fewer and smaller.
 */
const ROLES_PER_TRANSACTION = 10_000;
const MEMBERS_PER_TRANSACTION = 2_500;

type Inserter<T> = (rows: readonly Insertable<T>[]) => number;

/** Columns whose absence means a value other than NULL (a member with no direction: no categories). */
const COLUMN_DEFAULTS: Record<string, unknown> = { desired_categories: '[]' };

/** A prepared INSERT for one table, binding values positionally in COLUMNS order. */
function inserter<K extends keyof typeof COLUMNS>(sqlite: Database.Database, table: K): Inserter<DB[K]> {
  const columns = COLUMNS[table] as readonly string[];
  const statement = sqlite.prepare(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  return (rows) => {
    // Optional columns (a member's town) are absent from rows that have none: NULL.
    for (const row of rows)
      statement.run(
        columns.map(
          (column) => (row as unknown as Record<string, unknown>)[column] ?? COLUMN_DEFAULTS[column] ?? null,
        ),
      );
    return rows.length;
  };
}

/** Lets the event loop run between batches, so a progress bar redraws and Ctrl-C is heard. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Generates and inserts a dataset, demo accounts included. Every account gets the demo password.
 * @example
 * const summary = await seedDatabase(database, { seed: 42, roles: 300, members: 100, now: new Date() })
 */
export async function seedDatabase(database: SqliteDatabase, options: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  const dataset: Dataset = generateDataset(options);
  // One hash for every seeded account: scrypt at OWASP cost takes ~0.6 s per hash by design, so
  // hashing 20,000 demo accounts separately would take hours. They share one password anyway.
  const passwordHash = await scryptHasher().hash(DEMO_PASSWORD);
  const { sqlite } = database;
  const insert = {
    organisations: inserter(sqlite, 'organisations'),
    users: inserter(sqlite, 'users'),
    roles: inserter(sqlite, 'job_roles'),
    roleWindows: inserter(sqlite, 'role_windows'),
    roleLocations: inserter(sqlite, 'role_locations'),
    roleSkills: inserter(sqlite, 'role_skills'),
    roleQualifications: inserter(sqlite, 'role_qualifications'),
    roleFacts: inserter(sqlite, 'role_facts'),
    members: inserter(sqlite, 'members'),
    memberWindows: inserter(sqlite, 'member_windows'),
    memberChildren: inserter(sqlite, 'member_children'),
    memberSkills: inserter(sqlite, 'member_skills'),
    memberQualifications: inserter(sqlite, 'member_qualifications'),
    memberEmploymentTypes: inserter(sqlite, 'member_employment_types'),
    memberTargetAreas: inserter(sqlite, 'member_target_areas'),
    memberBlocks: inserter(sqlite, 'member_blocks'),
  };
  // Demo accounts are verified, as if each had followed her mail, so the demo can be used at once.
  const withHash = (users: readonly SeedUser[]) =>
    users.map((user) => ({ ...user, password_hash: passwordHash, email_verified_at: user.created_at }));

  const { counts } = dataset;
  // Progress counts organisations, roles, members, and the roles again for their search text.
  const total = counts.organisations + counts.roles + counts.members + counts.roles;
  let done = 0;
  let rows = 0;
  const report = (phase: string) => options.onProgress?.(done, total, phase);

  const loadOrganisations = sqlite.transaction(
    (organisations: Dataset['organisations'], users: readonly SeedUser[]) => {
      rows += insert.organisations(organisations) + insert.users(withHash(users));
    },
  );
  const loadRoles = sqlite.transaction((batch: RoleRows) => {
    rows +=
      insert.roles(batch.roles) + insert.roleWindows(batch.windows) + insert.roleLocations(batch.locations);
    rows +=
      insert.roleSkills(batch.skills) +
      insert.roleQualifications(batch.qualifications) +
      insert.roleFacts(batch.facts);
  });
  const loadMembers = sqlite.transaction((batch: MemberRows) => {
    rows +=
      insert.users(withHash(batch.users)) +
      insert.members(batch.members) +
      insert.memberWindows(batch.windows);
    rows +=
      insert.memberChildren(batch.children) +
      insert.memberSkills(batch.skills) +
      insert.memberQualifications(batch.qualifications);
    rows +=
      insert.memberEmploymentTypes(batch.employmentTypes) +
      insert.memberTargetAreas(batch.targetAreas) +
      insert.memberBlocks(batch.blocks);
  });

  // Random UUID keys land all over every index; a big page cache keeps those B-trees in memory
  // during the load (several times faster than the 2 MB default), and is put back afterwards.
  const cacheSize = sqlite.pragma('cache_size', { simple: true });
  sqlite.pragma('cache_size = -262144');
  try {
    report('organisations');
    loadOrganisations(dataset.organisations, dataset.users);
    done += counts.organisations;
    report('organisations');
    for (const batch of dataset.roleBatches(ROLES_PER_TRANSACTION)) {
      loadRoles(batch);
      done += batch.roles.length;
      report('roles');
      await breathe();
    }
    for (const batch of dataset.memberBatches(MEMBERS_PER_TRANSACTION)) {
      loadMembers(batch);
      done += batch.members.length;
      report('members');
      await breathe();
    }
  } finally {
    sqlite.pragma(`cache_size = ${Number(cacheSize)}`);
  }
  // The database's own full-text table (search while Meilisearch is down) is derived from the
  // roles; one INSERT … SELECT builds it for all of them. Meilisearch itself is not fed here:
  // the service rebuilds its index when the index does not match the database.
  report('search text');
  await database.atomic(refreshRoleSearchText('all'));
  done += counts.roles;
  report('search text');
  // Fresh statistics for the query planner, and fold the WAL back into the database file.
  sqlite.pragma('optimize');
  sqlite.pragma('wal_checkpoint(TRUNCATE)');

  return {
    seed: options.seed,
    organisations: counts.organisations,
    users: counts.users,
    roles: counts.roles,
    members: counts.members,
    rows,
    elapsedMs: Math.round(performance.now() - started),
  };
}

/**
 * True when no user exists yet: the signal for `npm start` to load the demo.
 * @example if (await isDatabaseEmpty(database)) await seedDatabase(database, options)
 */
export async function isDatabaseEmpty(database: AppDatabase): Promise<boolean> {
  const user = await database.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return user === undefined;
}

/**
 * Deletes every data row but keeps the area master (and migration bookkeeping), for `--reset`.
 * Tables are found at run time, so tables other features add later are emptied too.
 * @example resetDatabase(database) // then seedDatabase(database, options)
 */
export function resetDatabase(database: SqliteDatabase): string[] {
  const { sqlite } = database;
  const tables = (sqlite.pragma('table_list') as { schema: string; name: string; type: string }[])
    .filter((t) => t.schema === 'main' && (t.type === 'table' || t.type === 'virtual'))
    .map((t) => t.name)
    .filter((name) => name !== 'areas' && !name.startsWith('sqlite_') && !name.startsWith('kysely_'))
    .sort();
  // Every table but areas is emptied, so references between them cannot dangle; switching the
  // checks off avoids having to know a delete order for tables this file has never heard of.
  sqlite.pragma('foreign_keys = OFF');
  try {
    sqlite.transaction(() => {
      for (const table of tables) sqlite.prepare(`DELETE FROM "${table.replaceAll('"', '""')}"`).run();
    })();
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  return tables;
}
