/**
 * The match lifecycle, as one table: which action moves a match from which states to which
 * state, who may take it, and whether a reason is required. Everything that changes a match's
 * state goes through `nextState`, so an illegal move is refused the same way everywhere.
 *
 *   suggested ─┬─ express_interest → interested ─ review → under_review ─┬─ approve → approved ─ record_interview → interviewing ─┬─ record_hired → hired
 *              └─ dismiss → dismissed            (decide from either)    └─ reject → rejected                                   └─ record_not_hired → not_hired
 *   withdraw: from any open state → withdrawn (the member, at any point)
 */
import type { UserRole } from '../../db/schema.ts';
import { ACCESS } from '../shared/access.ts';

export const MATCH_STATES = [
  'suggested',
  'interested',
  'under_review',
  'approved',
  'rejected',
  'interviewing',
  'hired',
  'not_hired',
  'withdrawn',
  'dismissed',
] as const;
export type MatchState = (typeof MATCH_STATES)[number];

export type MatchAction =
  | 'express_interest'
  | 'dismiss'
  | 'review'
  | 'approve'
  | 'reject'
  | 'record_interview'
  | 'record_hired'
  | 'record_not_hired'
  | 'withdraw';

interface Transition {
  from: readonly (MatchState | 'none')[];
  to: MatchState;
  /** Who may take it: the same declaration as the route and page that take it. */
  by: readonly UserRole[];
  reasonRequired: boolean;
}

/** States in which the member has said yes and nothing is concluded yet. */
export const OPEN: readonly MatchState[] = [
  'suggested',
  'interested',
  'under_review',
  'approved',
  'interviewing',
];

/**
 * States in which she has said she is interested and has not taken it back: what a card marks
 * 「応募済み」. Everything after her yes counts, a decision or an outcome too.
 */
export const SAID_INTERESTED: readonly MatchState[] = MATCH_STATES.filter(
  (s) => s !== 'suggested' && s !== 'withdrawn' && s !== 'dismissed',
);

/** Open states in which the employer has not been told who she is yet. */
export const BEFORE_INTRODUCTION: readonly MatchState[] = ['suggested', 'interested', 'under_review'];

export const TRANSITIONS: Record<MatchAction, Transition> = {
  // Her consent to be introduced; a withdrawn or dismissed match can be revived by her.
  express_interest: {
    from: ['none', 'suggested', 'withdrawn', 'dismissed'],
    to: 'interested',
    by: ACCESS.ownMatches,
    reasonRequired: false,
  },
  dismiss: { from: ['suggested'], to: 'dismissed', by: ACCESS.ownMatches, reasonRequired: false },
  review: { from: ['interested'], to: 'under_review', by: ACCESS.reviewMatches, reasonRequired: false },
  approve: {
    from: ['interested', 'under_review'],
    to: 'approved',
    by: ACCESS.reviewMatches,
    reasonRequired: true,
  },
  reject: {
    from: ['interested', 'under_review'],
    to: 'rejected',
    by: ACCESS.reviewMatches,
    reasonRequired: true,
  },
  record_interview: {
    from: ['approved'],
    to: 'interviewing',
    by: ACCESS.introductions,
    reasonRequired: false,
  },
  record_hired: {
    from: ['approved', 'interviewing'],
    to: 'hired',
    by: ACCESS.introductions,
    reasonRequired: false,
  },
  record_not_hired: {
    from: ['approved', 'interviewing'],
    to: 'not_hired',
    by: ACCESS.introductions,
    reasonRequired: true,
  },
  withdraw: { from: OPEN, to: 'withdrawn', by: ACCESS.ownMatches, reasonRequired: false },
};

export type TransitionRefusal =
  | { kind: 'not_allowed'; message: string }
  | { kind: 'illegal'; message: string }
  | { kind: 'reason_required'; message: string };

/**
 * The state an action leads to, or why it cannot be taken.
 * @example nextState('interested', 'approve', 'coordinator', 'fits her week') // { to: 'approved' }
 * @example nextState('hired', 'withdraw', 'member') // { refused: { kind: 'illegal', … } }
 */
export function nextState(
  current: MatchState | 'none',
  action: MatchAction,
  role: UserRole,
  reason?: string,
): { to: MatchState } | { refused: TransitionRefusal } {
  const rule = TRANSITIONS[action];
  if (!rule.by.includes(role)) {
    return {
      refused: { kind: 'not_allowed', message: `A ${role} account cannot ${action.replaceAll('_', ' ')}` },
    };
  }
  if (!rule.from.includes(current)) {
    const from =
      current === 'none' ? 'a role without a match' : `a match that is ${current.replaceAll('_', ' ')}`;
    return { refused: { kind: 'illegal', message: `Cannot ${action.replaceAll('_', ' ')} ${from}` } };
  }
  if (rule.reasonRequired && !reason?.trim()) {
    return {
      refused: { kind: 'reason_required', message: `A reason is required to ${action.replaceAll('_', ' ')}` },
    };
  }
  return { to: rule.to };
}

/**
 * Whether the action is open to this kind of account from this state (a reason aside): what
 * pages ask before offering a button, so they never offer what the service would refuse.
 * @example canAct('withdraw', 'hired', 'member') // false
 */
export function canAct(action: MatchAction, current: MatchState, role: UserRole): boolean {
  const rule = TRANSITIONS[action];
  return rule.by.includes(role) && rule.from.includes(current);
}

/** States in which a coordinator's decision is awaited: what approval and rejection move from. */
export const AWAITING_DECISION: readonly MatchState[] = MATCH_STATES.filter((s) =>
  TRANSITIONS.approve.from.includes(s),
);

/**
 * States in which a match is an introduction — the employer sees who she is: the state approval
 * leads to, and every state the employer's own outcomes lead on to from there. Read from the
 * table, so a new outcome is an introduction without anyone listing it. Withdrawn is not one:
 * once she takes it back, the employer no longer sees her. Every query and page that shows her
 * identity to an employer, or counts introductions, uses this list (or `isIntroduced`).
 */
export const INTRODUCED: readonly MatchState[] = introducedStates();

function introducedStates(): MatchState[] {
  const reached = new Set<MatchState | 'none'>([TRANSITIONS.approve.to]);
  const outcomes = Object.values(TRANSITIONS).filter((rule) => rule.by.includes('employer'));
  for (let grew = true; grew; ) {
    grew = false;
    for (const rule of outcomes) {
      if (!reached.has(rule.to) && rule.from.some((s) => reached.has(s))) {
        reached.add(rule.to);
        grew = true;
      }
    }
  }
  return MATCH_STATES.filter((s) => reached.has(s));
}

/** Whether a match in this state is an introduction the employer may see (`INTRODUCED`). */
export function isIntroduced(state: MatchState): boolean {
  return INTRODUCED.includes(state);
}
