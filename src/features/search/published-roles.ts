/**
 * Published roles as browsing needs them — the API's Role and the matching module's MatchRole —
 * cached by id and content stamp. A read asks the database which ids are still findable and at
 * which stamp (one small query), so a closed or edited role is never served from the cache; only
 * roles new to it or changed since are loaded in full. That question is skipped when no search
 * change happened since every asked role was last confirmed: each write that changes what a role
 * shows or whether it is findable enqueues one (search-outbox.repository.ts), so the answer would
 * be the same. Reusing the same MatchRole objects also lets the matching module keep the data it
 * prepares for each role.
 */
import type { MatchRole } from '../../../matching/types.ts';
import type { Database } from '../../db/database.ts';
import type { AreaService } from '../areas/area.service.ts';
import { areaCodesOf, roleForMatching, toMatchRole } from '../matches/match-inputs.ts';
import {
  findFindableRoleStamps,
  findRolesByIds,
  loadRoleChildren,
  type RoleChildren,
} from '../roles/role.repository.ts';
import type { Role } from '../roles/role.schemas.ts';
import { toRole } from '../roles/role.service.ts';
import { searchChangeCount } from './search-outbox.repository.ts';

export interface PublishedRole {
  role: Role;
  matchRole: MatchRole;
}

interface Entry extends PublishedRole {
  stamp: string;
  /** The search change count when the role was last seen findable at this stamp. */
  confirmed: number;
}

/** Enough for the roles within reach of many members at once; a few KB each. */
const DEFAULT_CAPACITY = 10_000;

export function createPublishedRoles(database: Database, areas: AreaService, capacity = DEFAULT_CAPACITY) {
  const { db } = database;
  const cache = new Map<string, Entry>();

  function remember(id: string, entry: Entry) {
    cache.delete(id);
    cache.set(id, entry);
    // A Map keeps insertion order: the first key is the least recently used.
    while (cache.size > capacity) cache.delete(cache.keys().next().value as string);
  }

  /**
   * Asks which of these roles are findable and at which stamp, loads those new to the cache or
   * changed since, and marks every findable one confirmed at `changes`.
   */
  async function confirm(ids: readonly string[], changes: number) {
    const stamps = await findFindableRoleStamps(db, ids);
    const stampOf = new Map(stamps.map((s) => [s.id, `${s.version}:${s.organisation_updated_at}`]));
    const stale = stamps.filter((s) => cache.get(s.id)?.stamp !== stampOf.get(s.id)).map((s) => s.id);
    if (stale.length > 0) {
      const [rows, children] = await Promise.all([findRolesByIds(db, stale), loadRoleChildren(db, stale)]);
      const roles = rows.map((row) => toRole(row, children.get(row.id) as RoleChildren));
      const places = await areas.places(
        areaCodesOf(
          roles.map((r) => roleForMatching(r)),
          [],
        ),
      );
      for (const role of roles) {
        const stamp = stampOf.get(role.id);
        if (stamp)
          remember(role.id, {
            stamp,
            confirmed: changes,
            role,
            matchRole: toMatchRole(roleForMatching(role), places),
          });
      }
    }
    for (const { id } of stamps) {
      const entry = cache.get(id);
      if (entry) entry.confirmed = changes;
    }
  }

  return {
    /**
     * The findable roles among these ids, keyed by id; ids no longer findable are absent.
     * @example const roles = await publishedRoles.load(hits.map((h) => h.id))
     */
    async load(ids: readonly string[]): Promise<Map<string, PublishedRole>> {
      if (ids.length === 0) return new Map();
      const changes = await searchChangeCount(db);
      if (!ids.every((id) => cache.get(id)?.confirmed === changes)) await confirm(ids, changes);
      // Confirmed now: findable at the stamp held. A role no longer findable keeps an older count.
      const found = new Map<string, PublishedRole>();
      for (const id of ids) {
        const entry = cache.get(id);
        if (entry?.confirmed === changes) {
          remember(id, entry);
          found.set(id, entry);
        }
      }
      return found;
    },
  };
}

export type PublishedRoles = ReturnType<typeof createPublishedRoles>;
