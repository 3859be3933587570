/**
 * Skills (soft), on both sides. For the employer: required skills at their levels first, then the
 * nice-to-have ones. For her: the same coverage (she will not struggle), plus whether the role uses
 * the skills she is good at (level 2 or more), because a job that wastes a career is a poor match too.
 * A level below the one asked earns partial credit (level 1 of 2 → half): skills grow on the job.
 */
import type { PairState } from '../pair-state.ts';
import type { PreparedMember, PreparedRole } from '../prepare.ts';
import { type Reason, reason } from '../reasons.ts';
import type { SkillWithLevel } from '../types.ts';

/** Her level in a skill (0 when she does not have it); her list is short, so a scan is fastest. */
export function skillLevel(pm: PreparedMember, tag: string): number {
  const skills = pm.member.skills;
  for (let i = 0; i < skills.length; i++) {
    const s = skills[i] as SkillWithLevel;
    if (s.tag === tag) return s.level;
  }
  return 0;
}

/** Skills fully covered by the last coverage() call; a module variable so the hot loop allocates nothing. */
let lastHave = 0;

/** Average credit over the wanted skills (1 when none are wanted). */
function coverage(pm: PreparedMember, wanted: readonly SkillWithLevel[]): number {
  let have = 0;
  let cov = 0;
  for (let i = 0; i < wanted.length; i++) {
    const s = wanted[i] as SkillWithLevel;
    const level = skillLevel(pm, s.tag);
    if (level >= s.level) {
      have++;
      cov += 1;
    } else cov += level / s.level;
  }
  lastHave = have;
  return wanted.length ? cov / wanted.length : 1;
}

/**
 * Computes coverage once for both sides and returns her side's skills score; the employer side
 * reads the coverage from the state (scoreRoleSkills).
 *
 * @example scoreSkills(pm, pr, state) // 1 when she has every required skill and the role uses hers
 */
export function scoreSkills(pm: PreparedMember, pr: PreparedRole, state: PairState): number {
  const req = coverage(pm, pr.role.requiredSkills);
  state.requiredHave = lastHave;
  state.requiredCoverage = req;
  const nice = coverage(pm, pr.role.niceToHaveSkills);
  state.niceHave = lastHave;
  state.niceCoverage = pr.role.niceToHaveSkills.length ? nice : 0;
  // Her strengths are her skills at level 2 or more: the ones she would like to use.
  let used = 0;
  let strong = 0;
  const skills = pm.member.skills;
  for (let i = 0; i < skills.length; i++) {
    const sk = skills[i] as SkillWithLevel;
    if (sk.level < 2) continue;
    strong++;
    if (pr.skillTags.has(sk.tag)) used++;
  }
  state.strongUsed = used;
  // Using one or two of her strengths is already a good use of them; without strengths, neutral.
  const uses = strong === 0 ? 0.5 : Math.min(1, used / Math.min(2, strong));
  return 0.6 * req + 0.4 * uses;
}

/**
 * How she covers what the employer asks: 75% required, 25% nice-to-have (0.5 when none are listed).
 *
 * @example scoreRoleSkills(pm, pr, state) // call after scoreSkills
 */
export function scoreRoleSkills(_pm: PreparedMember, pr: PreparedRole, state: PairState): number {
  const nice = pr.role.niceToHaveSkills.length ? state.niceCoverage : 0.5;
  return 0.75 * state.requiredCoverage + 0.25 * nice;
}

function missingRequired(pm: PreparedMember, pr: PreparedRole): string[] {
  return pr.role.requiredSkills.filter((s) => skillLevel(pm, s.tag) < s.level).map((s) => s.tag);
}

/**
 * Her side, in her words: 「求められるスキル（Excel）をお持ちです」 or 「足りないスキル：簿記・記帳」,
 * and the strengths the role uses. 「未経験可」 only when the role asks neither skills nor
 * qualifications: a nursing role with no skills listed still needs 看護師, so it says that instead.
 * (The employer's count, 「必須スキル 2/3」, is the employer side's reason, not hers.)
 */
export function explainSkills(pm: PreparedMember, pr: PreparedRole, state: PairState): Reason[] {
  const total = pr.role.requiredSkills.length;
  const out: Reason[] = [];
  const qualifications = pr.role.requiredQualifications;
  if (total === 0 && qualifications.length === 0) out.push(reason('skills_none_required', 'positive'));
  else if (total === 0) out.push(reason('qualifications_held', 'positive', { qualifications }));
  else {
    const missing = missingRequired(pm, pr);
    out.push(
      missing.length
        ? reason('skills_missing', missing.length === total ? 'negative' : 'neutral', { missing })
        : reason('skills_have', 'positive', { skills: pr.role.requiredSkills.map((s) => s.tag) }),
    );
  }
  if (state.strongUsed > 0) {
    // Strengths the sentence above already named are not named twice.
    const named = out[0]?.code === 'skills_have' ? pr.role.requiredSkills : [];
    const skills = pm.member.skills
      .filter((k) => k.level >= 2 && pr.skillTags.has(k.tag) && !named.some((n) => n.tag === k.tag))
      .map((k) => k.tag);
    if (skills.length) out.push(reason('skills_used', 'positive', { skills }));
  }
  return out;
}

/** For the employer: the required qualifications she holds (a ranked pair holds them all). */
function roleQualifications(pr: PreparedRole): Reason[] {
  const qualifications = pr.role.requiredQualifications;
  return qualifications.length ? [reason('role_qualifications', 'positive', { qualifications })] : [];
}

/**
 * 「必須スキル 2/3・歓迎スキル 1/2（不足：簿記・記帳）」 for the employer's view; a role that lists
 * no skills says so in words, where "0/0" would only puzzle the reader.
 */
export function explainRoleSkills(pm: PreparedMember, pr: PreparedRole, state: PairState): Reason[] {
  if (pr.role.requiredSkills.length === 0 && pr.role.niceToHaveSkills.length === 0) {
    return [...roleQualifications(pr), reason('role_skills_none', 'neutral', {})];
  }
  const missing = missingRequired(pm, pr);
  return [
    ...roleQualifications(pr),
    reason('role_skills', missing.length ? 'negative' : 'positive', {
      have: state.requiredHave,
      total: pr.role.requiredSkills.length,
      niceHave: state.niceHave,
      niceTotal: pr.role.niceToHaveSkills.length,
      missing,
    }),
  ];
}
