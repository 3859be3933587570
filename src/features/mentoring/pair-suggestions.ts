/**
 * Which consenting mentor suits a mentee, explained like a match: same area or hometown, children
 * of similar ages (the same school-age worries), and the mentor's own experience in the work the
 * mentee is looking for. Pure: no I/O, the service hands in what it loaded.
 */

export interface PairPerson {
  userId: string;
  givenName: string;
  familyName: string;
  areaCode: string;
  prefCode: string;
  /** Prefectures she would move (back) to, for the mentee; where the mentor comes from is her area. */
  targetPrefCodes: readonly string[];
  /** Ages of her children in whole years. */
  childAges: readonly number[];
  skills: readonly string[];
  /** Job categories: for a mentee the ones she asked about, for a mentor the ones she was hired in. */
  workCategories: readonly string[];
}

export type PairReasonCode =
  | 'same_area'
  | 'same_prefecture'
  | 'hometown'
  | 'children_ages'
  | 'work_experience'
  | 'shared_skills';

/** What each reason adds to the fit (0–1 in all); why each weighs what it does is beside it. */
export const PAIR_WEIGHTS: Record<PairReasonCode, number> = {
  // Meeting in person every two weeks is easiest in the same town, and she knows the local services.
  same_area: 0.3,
  same_prefecture: 0.2,
  // A mentor living where the mentee wants to move knows what a U-turn there takes.
  hometown: 0.25,
  // Similar ages mean the same nursery, school and after-school-club questions.
  children_ages: 0.25,
  // Having done the work the mentee is looking for is the most concrete help.
  work_experience: 0.3,
  shared_skills: 0.1,
};

export interface PairSuggestion {
  mentorId: string;
  score: number;
  reasons: PairReasonCode[];
}

const youngest = (ages: readonly number[]) => (ages.length ? Math.min(...ages) : undefined);

/**
 * The mentors ranked for a mentee, best first, each with the reasons that make the fit.
 * @example suggestMentors(mentee, mentors)[0] // { mentorId, score: 0.85, reasons: ['same_area', 'children_ages', …] }
 */
export function suggestMentors(mentee: PairPerson, mentors: readonly PairPerson[]): PairSuggestion[] {
  return mentors
    .filter((mentor) => mentor.userId !== mentee.userId)
    .map((mentor) => {
      const reasons: PairReasonCode[] = [];
      if (mentor.areaCode === mentee.areaCode) reasons.push('same_area');
      else if (mentor.prefCode === mentee.prefCode) reasons.push('same_prefecture');
      if (mentee.targetPrefCodes.includes(mentor.prefCode) && mentor.prefCode !== mentee.prefCode)
        reasons.push('hometown');
      const a = youngest(mentee.childAges);
      const b = youngest(mentor.childAges);
      if (a !== undefined && b !== undefined && Math.abs(a - b) <= 3) reasons.push('children_ages');
      if (mentor.workCategories.some((c) => mentee.workCategories.includes(c)))
        reasons.push('work_experience');
      if (mentor.skills.some((s) => mentee.skills.includes(s))) reasons.push('shared_skills');
      const score = Math.min(
        1,
        reasons.reduce((sum, r) => sum + PAIR_WEIGHTS[r], 0),
      );
      return { mentorId: mentor.userId, score: Math.round(score * 100) / 100, reasons };
    })
    .sort((x, y) => y.score - x.score || x.mentorId.localeCompare(y.mentorId));
}

/** A reason in words, Japanese or English. */
export const PAIR_REASON_TEXT: Record<'ja' | 'en', Record<PairReasonCode, string>> = {
  ja: {
    same_area: '同じ市区町村に住んでいます',
    same_prefecture: '同じ都道府県に住んでいます',
    hometown: 'メンティーが移りたい地域に住んでいます',
    children_ages: '子どもの年齢が近いです',
    work_experience: 'メンティーが希望する仕事の経験があります',
    shared_skills: '共通のスキルがあります',
  },
  en: {
    same_area: 'Lives in the same municipality',
    same_prefecture: 'Lives in the same prefecture',
    hometown: 'Lives where the mentee wants to move',
    children_ages: 'Children of similar ages',
    work_experience: 'Has worked in the kind of job the mentee is looking for',
    shared_skills: 'Shares skills with the mentee',
  },
};
