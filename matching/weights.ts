/**
 * Every weight of the soft score, in one place, with why it is what it is. Hard constraints have no
 * weight: they remove a pair outright. Callers may override any weight through the options; weights
 * within a side are renormalised, so they only need to be right relative to each other.
 */

/** How the role suits her. */
export interface MemberWeights {
  /**
   * 0.26 — the largest: members say a weekday-and-hour window and pickup by 18:00 decide whether a
   * job is possible at all; feasibility is already hard, this ranks the comfortable fits first.
   */
  schedule: number;
  /** 0.18 — half of the members want 30 minutes or less; every minute is taken from the children. */
  commute: number;
  /**
   * 0.16 — sick-child absence and no overtime are what keep a job once she has it; "子育てに配慮" in
   * an ad is a slogan, so only structured (and preferably verified) facts count.
   */
  flexibility: number;
  /** 0.16 — independence before the youngest turns 18 is the association's goal; the floor is hard. */
  pay: number;
  /** 0.10 — her skills in use; low because many members are returning after years at home. */
  skills: number;
  /** 0.14 — the coordinator's stage says what she can carry now (short and gentle vs a career step). */
  stage: number;
  /**
   * 0.14 — the kinds of work she asked for, in her order, and her own words: as much as her stage,
   * because a concierge starts from what she wants to do; less than schedule and commute, which
   * decide whether she can do it at all. Present only when she gave a direction.
   */
  direction: number;
  /**
   * 0.10 — only present when she searched with words; a hint of intent, not of fit, so it never
   * outweighs schedule or commute.
   */
  text: number;
}

/** How she suits the role (what an employer looks at). */
export interface EmployerWeights {
  /** 0.6 — required skills and their levels first, nice-to-have second. */
  skills: number;
  /** 0.4 — hours she can give against the hours the employer would like. */
  hours: number;
}

/**
 * How the two sides combine. We use a weighted harmonic mean (like F1): a 0.9 / 0.3 pair scores 0.43
 * (arithmetic would say 0.66), so a match that is great for one side and poor for the other never
 * rises above a balanced one. Her side weighs more because the service exists for her.
 */
export interface SideWeights {
  member: number;
  employer: number;
}

export interface Weights {
  member: MemberWeights;
  employer: EmployerWeights;
  sides: SideWeights;
}

export const DEFAULT_WEIGHTS: Weights = {
  member: {
    schedule: 0.26,
    commute: 0.18,
    flexibility: 0.16,
    pay: 0.16,
    skills: 0.1,
    stage: 0.14,
    direction: 0.14,
    text: 0.1,
  },
  employer: { skills: 0.6, hours: 0.4 },
  sides: { member: 0.6, employer: 0.4 },
};

/** Partial overrides, e.g. `{ member: { commute: 0.3 } }`. */
export interface WeightOverrides {
  member?: Partial<MemberWeights>;
  employer?: Partial<EmployerWeights>;
  sides?: Partial<SideWeights>;
}

/**
 * Merges overrides into the defaults and rejects negative or non-finite weights, which would make the
 * score meaningless rather than merely different.
 *
 * @example resolveWeights({ member: { commute: 0.3 } }).member.commute // 0.3
 */
export function resolveWeights(overrides?: WeightOverrides): Weights {
  const w: Weights = {
    member: { ...DEFAULT_WEIGHTS.member, ...overrides?.member },
    employer: { ...DEFAULT_WEIGHTS.employer, ...overrides?.employer },
    sides: { ...DEFAULT_WEIGHTS.sides, ...overrides?.sides },
  };
  for (const group of [w.member, w.employer, w.sides] as unknown as Record<string, number>[]) {
    for (const [k, v] of Object.entries(group)) {
      if (!Number.isFinite(v) || v < 0) throw new RangeError(`Weight ${k} must be a finite number ≥ 0`);
    }
  }
  if (w.sides.member + w.sides.employer <= 0) throw new RangeError('Side weights must not both be 0');
  return w;
}
