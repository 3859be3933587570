/**
 * The suggestion job: proposes to each member ready for it (support stage 2 or above) her
 * strongest feasible roles, as matches in `suggested`. Idempotent — a (member, role) pair that
 * has a match in any state, including rejected, withdrawn or dismissed, is never proposed again —
 * and it keeps each role under its quota of open matches, so introductions spread.
 */
import type { AppDeps } from '../../deps.ts';
import { defaultConfig, newId } from '../../deps.ts';
import type { MemberProfile } from '../members/member.schemas.ts';
import type { MemberService } from '../members/member.service.ts';
import type { JobSearchService } from '../search/job-search.service.ts';
import {
  jobResumePoint,
  memberIdsForSuggestions,
  newMatchWrites,
  openMatchCounts,
  openSuggestionCount,
  roleIdsMatchedBy,
  saveJobResumePoint,
} from './match.repository.ts';

export interface SuggestionOptions {
  /** Below this combined score a role is not worth a coordinator's or a member's attention. */
  minScore: number;
  /** At most this many unanswered suggestions per member at a time. */
  perMember: number;
  /** A role with this many open matches gets no more suggestions. */
  roleQuota: number;
}

export const DEFAULT_SUGGESTIONS: SuggestionOptions = defaultConfig.suggestions;

/** The actor recorded on events the system itself causes. */
export const SYSTEM_ACTOR = { id: 'system', role: 'system' } as const;

const PAGE = 200;
/** The name its progress is kept under when it runs in slices. */
const JOB = 'suggestions';

export interface SuggestionRun {
  members: number;
  suggested: number;
}

export interface SuggestionSlice extends SuggestionRun {
  /** The member id the next slice starts after; null when this slice finished the pass. */
  resumeAfter: string | null;
}

export function createSuggestionJob(
  { database, clock, config }: AppDeps,
  services: { jobs: JobSearchService; members: MemberService },
  options: SuggestionOptions = config.suggestions,
) {
  const { db } = database;

  /** Proposes her strongest new roles, within her share and each role's quota; returns how many. */
  async function suggestFor(profile: MemberProfile): Promise<number> {
    const strongest = await services.jobs.strongestFor(profile, options.perMember * 4);
    const taken = await roleIdsMatchedBy(db, profile.userId);
    const open = await openMatchCounts(
      db,
      strongest.map((m) => m.roleId),
    );
    // Her unanswered suggestions count against her share, so a run with nothing new adds nothing.
    const slots = Math.max(0, options.perMember - (await openSuggestionCount(db, profile.userId)));
    const chosen = strongest
      .filter((m) => m.score >= options.minScore && !taken.has(m.roleId))
      .filter((m) => (open.get(m.roleId) ?? 0) < options.roleQuota)
      .slice(0, slots);
    let suggested = 0;
    for (const match of chosen) {
      try {
        await database.atomic(
          newMatchWrites(
            db,
            {
              id: newId(),
              memberId: profile.userId,
              roleId: match.roleId,
              organisationId: match.organisationId,
              state: 'suggested',
              action: 'suggest',
              actor: SYSTEM_ACTOR,
              reason: `score ${match.score.toFixed(2)}`,
              at: clock.now().toISOString(),
            },
            newId(),
          ),
        );
        suggested += 1;
      } catch (error) {
        // Another run (or her own interest) created this pair meanwhile: nothing to add.
        if (!(await roleIdsMatchedBy(db, profile.userId)).has(match.roleId)) throw error;
      }
    }
    return suggested;
  }

  /** Ready members in id order after `after`, at most `maxMembers` of them. */
  async function runFrom(after: string, maxMembers: number): Promise<SuggestionSlice> {
    let members = 0;
    let suggested = 0;
    let last = after;
    while (members < maxMembers) {
      const page = Math.min(PAGE, maxMembers - members);
      const ids = await memberIdsForSuggestions(db, last, page);
      for (const profile of await services.members.profiles(ids)) {
        suggested += await suggestFor(profile);
      }
      members += ids.length;
      if (ids.length < page) return { members, suggested, resumeAfter: null };
      last = ids[ids.length - 1] as string;
    }
    return { members, suggested, resumeAfter: last };
  }

  return {
    /**
     * Runs over every ready member once.
     * @example const { suggested } = await suggestions.run()
     */
    async run(): Promise<SuggestionRun> {
      const { members, suggested } = await runFrom('', Number.POSITIVE_INFINITY);
      return { members, suggested };
    },

    /**
     * One slice of a pass over the ready members: up to `maxMembers` after where the previous
     * slice stopped, starting a new pass after the last one. For runs bounded in time and
     * queries (a Worker's cron run); the place is kept in the database between runs.
     * @example await suggestions.runSlice(100) // a pass over 1,000 members takes ten runs
     */
    async runSlice(maxMembers: number): Promise<SuggestionSlice> {
      const slice = await runFrom(await jobResumePoint(db, JOB), maxMembers);
      await saveJobResumePoint(db, JOB, slice.resumeAfter ?? '', clock.now().toISOString()).execute();
      return slice;
    },
  };
}

export type SuggestionJob = ReturnType<typeof createSuggestionJob>;
