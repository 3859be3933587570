/**
 * Every action from every state, for every role: exactly the moves in the lifecycle are allowed.
 */
import { describe, expect, it } from 'vitest';
import { USER_ROLES } from '../auth/actor.ts';
import {
  isIntroduced,
  MATCH_STATES,
  type MatchAction,
  type MatchState,
  nextState,
} from './match-lifecycle.ts';

/** The allowed moves, written out independently of the transition table. */
const ALLOWED: [MatchState | 'none', MatchAction, string, MatchState][] = [
  ['none', 'express_interest', 'member', 'interested'],
  ['suggested', 'express_interest', 'member', 'interested'],
  ['withdrawn', 'express_interest', 'member', 'interested'],
  ['dismissed', 'express_interest', 'member', 'interested'],
  ['suggested', 'dismiss', 'member', 'dismissed'],
  ['interested', 'review', 'coordinator', 'under_review'],
  ['interested', 'review', 'admin', 'under_review'],
  ...(['interested', 'under_review'] as const).flatMap((from) =>
    (['coordinator', 'admin'] as const).flatMap((role) => [
      [from, 'approve', role, 'approved'] as [MatchState, MatchAction, string, MatchState],
      [from, 'reject', role, 'rejected'] as [MatchState, MatchAction, string, MatchState],
    ]),
  ),
  ['approved', 'record_interview', 'employer', 'interviewing'],
  ['approved', 'record_hired', 'employer', 'hired'],
  ['interviewing', 'record_hired', 'employer', 'hired'],
  ['approved', 'record_not_hired', 'employer', 'not_hired'],
  ['interviewing', 'record_not_hired', 'employer', 'not_hired'],
  ...(['suggested', 'interested', 'under_review', 'approved', 'interviewing'] as const).map(
    (from) => [from, 'withdraw', 'member', 'withdrawn'] as [MatchState, MatchAction, string, MatchState],
  ),
];

const ACTIONS: MatchAction[] = [
  'express_interest',
  'dismiss',
  'review',
  'approve',
  'reject',
  'record_interview',
  'record_hired',
  'record_not_hired',
  'withdraw',
];

describe('match lifecycle', () => {
  it('allows exactly the listed moves, for exactly the listed roles', () => {
    const allowed = new Set(ALLOWED.map(([from, action, role]) => `${from} ${action} ${role}`));
    for (const from of ['none', ...MATCH_STATES] as const) {
      for (const action of ACTIONS) {
        for (const role of USER_ROLES) {
          const result = nextState(from, action, role, 'a reason');
          const key = `${from} ${action} ${role}`;
          if (allowed.has(key)) {
            expect(result, key).toEqual({ to: ALLOWED.find(([f, a, r]) => `${f} ${a} ${r}` === key)?.[3] });
          } else expect('refused' in result, key).toBe(true);
        }
      }
    }
  });

  it('requires a reason to approve, reject, or record a not-hired outcome', () => {
    expect(nextState('under_review', 'reject', 'coordinator', '  ')).toEqual({
      refused: expect.objectContaining({ kind: 'reason_required' }),
    });
    expect(nextState('interviewing', 'record_not_hired', 'employer')).toEqual({
      refused: expect.objectContaining({ kind: 'reason_required' }),
    });
    expect(nextState('interested', 'review', 'coordinator')).toEqual({ to: 'under_review' });
  });

  it('introduces a member only from approval on', () => {
    expect(MATCH_STATES.filter(isIntroduced)).toEqual(['approved', 'interviewing', 'hired', 'not_hired']);
  });
});
