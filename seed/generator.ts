/**
 * The demo-data generator: pure and deterministic. `generateDataset` makes the organisations
 * and staff up front (thousands at most) and hands out roles and members as re-playable batches,
 * so 100,000 roles never sit in memory at once. Each kind of row draws from its own PRNG stream,
 * so with the same organisations, changing the number of roles leaves the members as they were.
 */
import type { OrganisationTable } from '../src/db/schema.ts';
import { loadAreas, type SeedArea } from './areas.ts';
import { demoData } from './demo.ts';
import { emptyMemberRows, generateMember, type MemberRows } from './members.ts';
import { generateOrganisations, type SeedOrganisation, type SeedUser } from './organisations.ts';
import { createRandom, WeightedTable } from './random.ts';
import { emptyRoleRows, generateRole, type RoleRows } from './roles.ts';

export type { MemberRows } from './members.ts';
export type { SeedUser } from './organisations.ts';
export type { RoleRows } from './roles.ts';

export interface GenerateOptions {
  seed: number;
  /** Generated roles, besides the demo employer's four. */
  roles: number;
  /** Generated members, besides the demo member. */
  members: number;
  /** Defaults to roles / 8 (at least 6). */
  organisations?: number;
  /** Every timestamp and age is relative to this instant. */
  now: Date;
}

export interface DatasetCounts {
  organisations: number;
  /** All users: staff, employers and members. */
  users: number;
  roles: number;
  members: number;
}

export interface Dataset {
  /** Organisations, demo one first. */
  organisations: readonly OrganisationTable[];
  /** Coordinator, admin and employer users (member users come with their member rows). */
  users: readonly SeedUser[];
  /** Roles and their child rows, demo roles first; every call replays the same sequence. */
  roleBatches(batchSize?: number): Generator<RoleRows>;
  /** Members, their users and child rows, demo member first; every call replays the same sequence. */
  memberBatches(batchSize?: number): Generator<MemberRows>;
  counts: DatasetCounts;
  /** The demo coordinator, who verified organisations and facts. */
  coordinatorId: string;
}

/** Default number of organisations for a number of roles: about eight roles each. */
export const defaultOrganisations = (roles: number) => Math.max(6, Math.round(roles / 8));

function check(options: GenerateOptions): void {
  const counts = {
    roles: options.roles,
    members: options.members,
    organisations: options.organisations ?? 0,
  };
  for (const [name, value] of Object.entries(counts)) {
    if (!Number.isInteger(value) || value < 0)
      throw new RangeError(`${name} must be a whole number ≥ 0 (got ${value})`);
  }
  if (!Number.isInteger(options.seed)) throw new RangeError(`seed must be an integer (got ${options.seed})`);
  if (Number.isNaN(options.now.getTime())) throw new RangeError('now must be a valid date');
  if (options.roles > 0 && options.organisations === 0)
    throw new RangeError('roles need at least one organisation');
}

/**
 * Plans a dataset. Nothing is generated until the batches are iterated.
 * @example
 * const dataset = generateDataset({ seed: 42, roles: 300, members: 100, now: new Date('2026-04-01T00:00:00Z') })
 * for (const batch of dataset.roleBatches()) console.log(batch.roles.length)
 */
export function generateDataset(options: GenerateOptions): Dataset {
  check(options);
  const { seed, now } = options;
  const areas = loadAreas();
  const demo = demoData(createRandom(seed, 'demo'), areas, now);
  const organisationCount = options.organisations ?? defaultOrganisations(options.roles);
  const generated = generateOrganisations(
    createRandom(seed, 'organisations'),
    areas,
    organisationCount,
    now,
    demo.coordinatorId,
  );
  const organisationIds = [demo.organisation.id, ...generated.organisations.map((o) => o.row.id)];

  function* roleBatches(batchSize = 2000): Generator<RoleRows> {
    const random = createRandom(seed, 'roles');
    const byPostings =
      generated.organisations.length > 0
        ? new WeightedTable(generated.organisations, (o) => o.size)
        : undefined;
    const posted = new Map<SeedOrganisation, number>();
    // The first national company posts one published role in each prefecture first: hometown jobs everywhere.
    const everywhere = generated.organisations[0];
    const hometown = everywhere?.row.scale === 'national' ? firstSitePerPrefecture(everywhere.sites) : [];
    // Then the first local firm of each trade posts one role of its trade: all ten in any demo.
    const trades = generated.organisations.filter((o) => o.primary !== undefined).slice(0, 10);
    let rows = copyRows(demo.roles);
    for (let i = 0; i < options.roles; i++) {
      const context = { areas, now, verifierId: demo.coordinatorId };
      const hometownSite = hometown[i];
      const trade = trades[i - hometown.length];
      if (everywhere && hometownSite) {
        generateRole(
          random,
          { ...context, organisation: everywhere, site: hometownSite, status: 'published' },
          rows,
        );
      } else if (trade?.primary) {
        generateRole(
          random,
          { ...context, organisation: trade, category: trade.primary, status: 'published' },
          rows,
        );
      } else if (byPostings) {
        const organisation = byPostings.pick(random);
        // A national company spreads its roles over its branches in turn.
        const count = posted.get(organisation) ?? 0;
        posted.set(organisation, count + 1);
        const site =
          organisation.row.scale === 'national'
            ? organisation.sites[count % organisation.sites.length]
            : undefined;
        generateRole(random, { ...context, organisation, ...(site ? { site } : {}) }, rows);
      }
      if (rows.roles.length >= batchSize) {
        yield rows;
        rows = emptyRoleRows();
      }
    }
    if (rows.roles.length > 0) yield rows;
  }

  function* memberBatches(batchSize = 1000): Generator<MemberRows> {
    const random = createRandom(seed, 'members');
    let rows = copyRows(demo.member);
    for (let i = 0; i < options.members; i++) {
      generateMember(random, { index: i + 1, areas, now, organisationIds }, rows);
      if (rows.members.length >= batchSize) {
        yield rows;
        rows = emptyMemberRows();
      }
    }
    if (rows.members.length > 0) yield rows;
  }

  const users = [...demo.users, ...generated.users];
  return {
    organisations: [demo.organisation, ...generated.organisations.map((o) => o.row)],
    users,
    roleBatches,
    memberBatches,
    coordinatorId: demo.coordinatorId,
    counts: {
      organisations: organisationIds.length,
      users: users.length + options.members + demo.member.users.length,
      roles: options.roles + demo.roles.roles.length,
      members: options.members + demo.member.members.length,
    },
  };
}

/** A copy with fresh arrays, so a batch that grows never changes the demo rows it started from. */
function copyRows<T extends object>(rows: T): T {
  return Object.fromEntries(Object.entries(rows).map(([key, list]) => [key, [...(list as unknown[])]])) as T;
}

/** One site per prefecture, in prefecture order. */
function firstSitePerPrefecture(sites: readonly SeedArea[]): SeedArea[] {
  const seen = new Map<string, SeedArea>();
  for (const site of sites) if (!seen.has(site.prefCode)) seen.set(site.prefCode, site);
  return [...seen.values()].sort((a, b) => a.prefCode.localeCompare(b.prefCode));
}

/** Every row of a dataset in memory: for tests and small demos, not for 100,000 roles. */
export interface MaterialisedDataset {
  organisations: readonly OrganisationTable[];
  users: SeedUser[];
  roles: RoleRows;
  members: MemberRows;
}

/**
 * Collects all batches into one object (e.g. to compare two runs byte for byte).
 * @example JSON.stringify(materialise(generateDataset(options)))
 */
export function materialise(dataset: Dataset): MaterialisedDataset {
  const roles = emptyRoleRows();
  for (const batch of dataset.roleBatches())
    for (const key of Object.keys(roles) as (keyof RoleRows)[]) (roles[key] as unknown[]).push(...batch[key]);
  const members = emptyMemberRows();
  for (const batch of dataset.memberBatches())
    for (const key of Object.keys(members) as (keyof MemberRows)[])
      (members[key] as unknown[]).push(...batch[key]);
  return {
    organisations: dataset.organisations,
    users: [...dataset.users, ...members.users],
    roles,
    members,
  };
}
