/**
 * The suggestion job: proposes to each member ready for it (support stage 2 or above) her
 * strongest feasible roles, as matches in `suggested`. Idempotent — a (member, role) pair that
 * has a match in any state, including rejected, withdrawn or dismissed, is never proposed again —
 * and it keeps each role under its quota of open matches, so introductions spread.
 */
import type { AppDeps } from '../../deps.ts';
import { defaultConfig, newId } from '../../deps.ts';
import type { MemberService } from '../members/member.service.ts';
import type { JobSearchService } from '../search/job-search.service.ts';
import {
  memberIdsForSuggestions,
  newMatchWrites,
  openMatchCounts,
  openSuggestionCount,
  roleIdsMatchedBy,
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

export function createSuggestionJob(
  { database, clock, config }: AppDeps,
  services: { jobs: JobSearchService; members: MemberService },
  options: SuggestionOptions = config.suggestions,
) {
  const { db } = database;
  return {
    /**
     * Runs over every ready member once.
     * @example const { suggested } = await suggestions.run()
     */
    async run(): Promise<{ members: number; suggested: number }> {
      let members = 0;
      let suggested = 0;
      for (let after = ''; ; ) {
        const ids = await memberIdsForSuggestions(db, after, PAGE);
        if (ids.length === 0) break;
        for (const profile of await services.members.profiles(ids)) {
          members += 1;
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
        }
        after = ids[ids.length - 1] as string;
      }
      return { members, suggested };
    },
  };
}

export type SuggestionJob = ReturnType<typeof createSuggestionJob>;
