/**
 * Turns an evaluated pair into the result a person reads: every component with its score, weight
 * and reasons, and for a removed pair every violated constraint with its sentence. Runs only for the
 * pairs that are returned, so the hot loop never builds text.
 */
import {
  CONSTRAINT_BITS,
  type ConstraintCode,
  type ConstraintMargin,
  constraintCodes,
  NEAR_MISS_LIMITS,
} from './constraints.ts';
import { closeDateNote } from './criteria/close-date.ts';
import { explainCommute, explainOutOfReach } from './criteria/commute.ts';
import { explainDirection } from './criteria/direction.ts';
import { explainEmploymentType } from './criteria/employment-type.ts';
import { explainFlexibility } from './criteria/flexibility.ts';
import { explainPay, explainPayFloor } from './criteria/pay.ts';
import { explainMissingQualifications, explainUnconfirmedQualifications } from './criteria/qualifications.ts';
import { explainRoleHours } from './criteria/role-hours.ts';
import { explainScheduleViolation } from './criteria/schedule.ts';
import { explainScheduleFit } from './criteria/schedule-fit.ts';
import { explainRoleSkills, explainSkills } from './criteria/skills.ts';
import { explainStartTooEarly } from './criteria/start-date.ts';
import { explainStageFit } from './criteria/support-stage.ts';
import { explainTextRelevance } from './criteria/text-relevance.ts';
import {
  C,
  COMPONENT_KEYS,
  type ComponentKey,
  FIRST_EMPLOYER_COMPONENT,
  marginOf,
  type PairState,
} from './pair-state.ts';
import type { PreparedMember, PreparedRole } from './prepare.ts';
import { type Reason, type ReasonParam, reason } from './reasons.ts';

export type Side = 'member' | 'employer';

export interface ComponentScore {
  key: ComponentKey;
  /** 'member': how the role suits her; 'employer': how she suits the role. */
  side: Side;
  /** 0–1. */
  score: number;
  /** Share of its side's score (weights renormalised over the components present). */
  weight: number;
  /** At least one reason, most important first. */
  reasons: Reason[];
}

export interface ScoredMatch {
  memberId: string;
  roleId: string;
  organisationId: string;
  /** Both sides combined (weighted harmonic mean), 0–1. */
  score: number;
  /** The score the list is ordered by after re-ranking (equals `score` when not re-ranked). */
  rankScore: number;
  memberSide: number;
  employerSide: number;
  /** Estimated one-way commute in minutes (0 when fully remote). */
  commuteMinutes: number;
  openIntroductions: number;
  components: ComponentScore[];
  /** Every component reason, the most telling first (strong or weak components before middling ones), each once. */
  reasons: Reason[];
  /**
   * For her: the reasons of the components that score the role for her, most telling first, each
   * once. Never the employer's count of her skills (「必須スキル 1/1」).
   */
  memberReasons: Reason[];
  /**
   * For the employer: how she suits the role (qualifications, skills, hours), each once. Nothing
   * about her children, her home or her plans: those stay between her and the coordinator.
   */
  employerReasons: Reason[];
  /** Things to discuss that do not change the score (e.g. the start date). */
  notes: Reason[];
}

export interface Violation {
  code: ConstraintCode;
  reason: Reason;
}

export interface InfeasibleMatch {
  memberId: string;
  roleId: string;
  organisationId: string;
  violations: Violation[];
  /** How far each violation missed, for those a check could measure (same order as violations). */
  margins: ConstraintMargin[];
  /**
   * Missed only by a small margin (every violation measured and within NEAR_MISS_LIMITS): worth a
   * coordinator asking the employer or the member rather than giving up on the pair.
   */
  nearMiss: boolean;
}

/** Constraints a coordinator can do something about by asking; the others are facts or choices. */
const NEGOTIABLE =
  CONSTRAINT_BITS.out_of_reach | CONSTRAINT_BITS.schedule_infeasible | CONSTRAINT_BITS.start_too_early;

/** The margins of a fully evaluated infeasible pair, and whether they make it a near miss. */
export function marginsOf(
  pm: PreparedMember,
  state: PairState,
): { margins: ConstraintMargin[]; nearMiss: boolean } {
  const margins: ConstraintMargin[] = [];
  let near = (state.violations & ~NEGOTIABLE) === 0;
  for (const code of constraintCodes(state.violations)) {
    let m = marginOf(state, code);
    // The commute check may not record its margin; the estimate against her maximum is the miss.
    if (!m && code === 'out_of_reach' && state.commuteMinutes < 1440)
      m = {
        code,
        shortBy: {
          amount: state.commuteMinutes - (state.commuteMax || pm.member.maxCommuteMinutes),
          unit: 'minutes',
        },
      };
    if (m && m.shortBy.amount > 0 && Number.isFinite(m.shortBy.amount)) {
      margins.push(m);
      if (m.shortBy.amount > NEAR_MISS_LIMITS[m.shortBy.unit]) near = false;
    } else near = false;
  }
  return { margins, nearMiss: near };
}

function componentReasons(i: number, pm: PreparedMember, pr: PreparedRole, state: PairState): Reason[] {
  switch (i) {
    case C.schedule:
      return explainScheduleFit(pm, pr, state);
    case C.commute:
      return explainCommute(pm, pr, state);
    case C.pay:
      return explainPay(pm, pr, state);
    case C.flexibility:
      return explainFlexibility(pm, pr);
    case C.skills:
      return explainSkills(pm, pr, state);
    case C.stage:
      return explainStageFit(pm, pr, state);
    case C.direction:
      return explainDirection(pm, pr);
    case C.text:
      return explainTextRelevance(state.scores[C.text] as number);
    case C.roleSkills:
      return explainRoleSkills(pm, pr, state);
    default:
      return explainRoleHours(pm, pr, state);
  }
}

/**
 * Builds the full result for a pair `evaluatePair` found feasible (reads the state it filled).
 *
 * @example evaluatePair(pm, pr, ctx, state, false) === 0 && explainMatch(pm, pr, state)
 */
export function explainMatch(pm: PreparedMember, pr: PreparedRole, state: PairState): ScoredMatch {
  const components: ComponentScore[] = [];
  let mW = 0;
  let eW = 0;
  for (let i = 0; i < COMPONENT_KEYS.length; i++) {
    if (i < FIRST_EMPLOYER_COMPONENT) mW += state.weights[i] as number;
    else eW += state.weights[i] as number;
  }
  const importance: number[] = [];
  for (let i = 0; i < COMPONENT_KEYS.length; i++) {
    const w = state.weights[i] as number;
    if (w <= 0) continue;
    const side: Side = i < FIRST_EMPLOYER_COMPONENT ? 'member' : 'employer';
    const weight = w / (side === 'member' ? mW : eW);
    const score = state.scores[i] as number;
    components.push({
      key: COMPONENT_KEYS[i] as ComponentKey,
      side,
      score,
      weight,
      reasons: componentReasons(i, pm, pr, state),
    });
    importance.push(weight * Math.abs(score - 0.5));
  }
  const order = components
    .map((_, i) => i)
    .sort((a, b) => (importance[b] as number) - (importance[a] as number) || a - b);
  const reasons: Reason[] = [];
  const memberReasons: Reason[] = [];
  const employerReasons: Reason[] = [];
  for (const i of order) {
    const component = components[i] as ComponentScore;
    for (const r of component.reasons) {
      // The same sentence from two components (or twice from one) is said once.
      if (reasons.some((seen) => sameReason(seen, r))) continue;
      reasons.push(r);
      (component.side === 'member' ? memberReasons : employerReasons).push(r);
    }
  }
  return {
    memberId: pm.member.id,
    roleId: pr.role.id,
    organisationId: pr.role.organisationId,
    score: state.total,
    rankScore: state.total,
    memberSide: state.memberSide,
    employerSide: state.employerSide,
    commuteMinutes: state.commuteMinutes,
    openIntroductions: pr.role.openIntroductions,
    components,
    reasons,
    memberReasons,
    employerReasons,
    notes: noteList(closeDateNote(pm, pr)),
  };
}

/**
 * Same code and same parameters (arrays element by element). A pair has about a dozen reasons, so
 * comparing directly is cheaper than building a text key for each, hundreds of times per ranking.
 */
function sameReason(a: Reason, b: Reason): boolean {
  if (a === b) return true;
  if (a.code !== b.code) return false;
  const keys = Object.keys(a.params);
  if (keys.length !== Object.keys(b.params).length) return false;
  for (const key of keys) if (!sameParam(a.params[key], b.params[key])) return false;
  return true;
}

function sameParam(a: ReasonParam | undefined, b: ReasonParam | undefined): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  return a.every((x, k) => x === b[k]);
}

const noteList = (note: Reason | undefined): Reason[] => (note ? [note] : []);

function violationReason(
  code: ConstraintCode,
  pm: PreparedMember,
  pr: PreparedRole,
  state: PairState,
): Reason {
  switch (code) {
    case 'qualification_missing':
      return explainMissingQualifications(pm, pr);
    case 'qualification_unconfirmed':
      return explainUnconfirmedQualifications(pm, pr);
    case 'start_too_early':
      return explainStartTooEarly(pm, pr, state);
    case 'employment_type_excluded':
      return explainEmploymentType(pr);
    case 'out_of_reach':
      return explainOutOfReach(pm, pr, state);
    case 'schedule_infeasible':
      return explainScheduleViolation(pm, pr, state);
    case 'pay_below_floor':
      return explainPayFloor(pm, state);
    default:
      return reason(code, 'negative');
  }
}

/**
 * Builds the removed pair with every violation (the state must come from a full evaluation, i.e.
 * `stopAtFirst` false, so all violations are known).
 *
 * @example explainInfeasible(pm, pr, state).violations[0]?.code // 'out_of_reach'
 */
export function explainInfeasible(pm: PreparedMember, pr: PreparedRole, state: PairState): InfeasibleMatch {
  const codes = constraintCodes(state.violations);
  const violations: Violation[] = new Array(codes.length);
  for (let k = 0; k < codes.length; k++) {
    const code = codes[k] as ConstraintCode;
    violations[k] = { code, reason: violationReason(code, pm, pr, state) };
  }
  const { margins, nearMiss } = marginsOf(pm, state);
  return {
    memberId: pm.member.id,
    roleId: pr.role.id,
    organisationId: pr.role.organisationId,
    violations,
    margins,
    nearMiss,
  };
}

/**
 * A margin as a sentence: 「あと15分足りません」 / "Short by 15 min".
 *
 * @example renderReason(marginReason({ code: 'out_of_reach', shortBy: { amount: 4, unit: 'minutes' } }))
 */
export function marginReason(m: ConstraintMargin): Reason {
  return reason('near_miss', 'neutral', { amount: m.shortBy.amount, unit: m.shortBy.unit });
}
