/**
 * Member profiles as ranking needs them — the API's MemberProfile and the matching module's
 * MatchMember — cached per process (per isolate on Workers) by id and stamp. Callers first ask the
 * database which members they may see and at which stamp (one small query that selects no profile
 * columns; privacy filters such as an employer she blocked apply there), so an edited profile,
 * a changed block list or a new support stage is never served from the cache: only members new
 * to it or changed since are loaded in full. Ranking a role's candidates among 10k members then
 * costs the ranking, not the loading; and reusing the same MatchMember objects lets the matching
 * module keep what it prepares for each member.
 *
 * The stamp is her version, which every write of her profile steps (the 0013 trigger holds every
 * write to the step), and her support stage, the one column a coordinator sets without it.
 * Entries are shared between callers and must be treated as immutable.
 *
 * Ranking a role's candidates wants every member: `all()` keeps the whole set beside the change
 * counter it was read at (migration 0017's triggers step it with every write to a profile), so a
 * call while nothing changed costs one one-row query; after a change, one query of every stamp
 * and a load of only the changed profiles.
 */
import type { MatchMember } from '../../../matching/types.ts';
import type { Database } from '../../db/database.ts';
import type { AreaService } from '../areas/area.service.ts';
import { areaCodesOf, memberForMatching, toMatchMember } from '../matches/match-inputs.ts';
import {
  findAllMemberStamps,
  findMembers,
  loadMemberChildren,
  type MemberChildren,
  type MemberStamp,
  memberChangeCount,
} from './member.repository.ts';
import type { MemberProfile } from './member.schemas.ts';
import { toMemberProfile } from './member.service.ts';

export interface PreparedMember {
  profile: MemberProfile;
  matchMember: MatchMember;
}

interface Entry extends PreparedMember {
  stamp: string;
}

/** Every member of a large deployment (10k profiles are a few tens of MB prepared). */
const DEFAULT_CAPACITY = 50_000;
/**
 * Stale profiles are loaded this many at a time, with other work let in between chunks: a cold
 * cache never holds one huge result, and filling it for 10k members never holds the one thread
 * (other requests, `/health`) for more than a chunk's worth (tens of milliseconds).
 */
const LOAD_CHUNK = 500;

/** Lets queued requests and timers run: a resolved await alone only lets other promises in. */
const letOthersIn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function stampOf(s: { version: number; support_stage: number | null }): string {
  return `${s.version}:${s.support_stage ?? '-'}`;
}

export function createPreparedMembers(database: Database, areas: AreaService, capacity = DEFAULT_CAPACITY) {
  const { db } = database;
  const cache = new Map<string, Entry>();
  let everyone: { changes: number; members: readonly PreparedMember[] } | undefined;

  async function refresh(ids: readonly string[]) {
    const rows = await findMembers(db, ids);
    const lists = await loadMemberChildren(
      db,
      rows.map((r) => r.user_id),
    );
    const profiles = rows.map((row) => ({
      // The stamp of the row actually loaded: a write landing between the caller's stamp query and
      // this load is then cached under its own stamp, and the next call sees it as current.
      stamp: stampOf(row),
      profile: toMemberProfile(row, lists.get(row.user_id) as MemberChildren),
    }));
    const forMatching = profiles.map((p) => memberForMatching(p.profile));
    const places = await areas.places(areaCodesOf([], forMatching));
    profiles.forEach(({ stamp, profile }, i) => {
      cache.delete(profile.userId);
      cache.set(profile.userId, {
        stamp,
        profile,
        matchMember: toMatchMember(forMatching[i] as (typeof forMatching)[number], places),
      });
    });
    // A Map keeps insertion order: the first keys are the least recently loaded.
    while (cache.size > capacity) cache.delete(cache.keys().next().value as string);
  }

  /** The members of these stamps, prepared, in their order; a profile gone meanwhile is left out. */
  async function load(stamps: readonly MemberStamp[]): Promise<PreparedMember[]> {
    const stale = stamps.filter((s) => cache.get(s.user_id)?.stamp !== stampOf(s)).map((s) => s.user_id);
    for (let i = 0; i < stale.length; i += LOAD_CHUNK) {
      if (i > 0) await letOthersIn();
      await refresh(stale.slice(i, i + LOAD_CHUNK));
    }
    return stamps.flatMap((s) => {
      const entry = cache.get(s.user_id);
      return entry ? [entry] : [];
    });
  }

  return {
    /** @example const prepared = await preparedMembers.load(await findMemberStamps(db, ids)) */
    load,

    /**
     * Every member with a profile, prepared, in id order. The counter is read before the stamps:
     * a write landing in between makes the next call read the stamps again, never the reverse.
     * @example const members = await preparedMembers.all()
     */
    async all(): Promise<readonly PreparedMember[]> {
      const changes = await memberChangeCount(db);
      if (everyone?.changes === changes) return everyone.members;
      const members = await load(await findAllMemberStamps(db));
      // Profiles deleted meanwhile are no longer among the stamps: nothing of theirs stays cached.
      if (cache.size > members.length) {
        const current = new Set(members.map((m) => m.profile.userId));
        for (const id of cache.keys()) if (!current.has(id)) cache.delete(id);
      }
      everyone = { changes, members };
      return members;
    },
  };
}

export type PreparedMembers = ReturnType<typeof createPreparedMembers>;
