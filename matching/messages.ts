/**
 * Every sentence the module can say, in Japanese and English. Short and concrete: a member reads them
 * on a phone, and a coordinator must see at a glance why a pair was removed. Parameters carry keys
 * (skill tags, qualification keys) and numbers; labels come from the vocabulary at render time.
 */
import { formatMinute } from './calendar.ts';
import { EMPLOYMENT_TYPES, FLEXIBILITY_FACTS, QUALIFICATIONS, SKILL_LEVELS, SKILLS } from './vocabulary.ts';

type P = Readonly<Record<string, number | string | readonly string[]>>;
type Template = (p: P) => string;

const num = (p: P, k: string): number => Number(p[k] ?? 0);
const str = (p: P, k: string): string => String(p[k] ?? '');
const list = (p: P, k: string): readonly string[] => (Array.isArray(p[k]) ? (p[k] as readonly string[]) : []);

const DAY_JA = ['', '月', '火', '水', '木', '金', '土', '日'];
const DAY_EN = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
/** Said when the estimate ran between municipality points, not towns: it is coarser. */
const precisionJa = (p: P) => (p.precision === 'area' ? '・市区町村の中心どうし' : '');
const precisionEn = (p: P) => (p.precision === 'area' ? ', between municipality centres' : '');

const MODE = {
  car: { ja: '車', en: 'by car' },
  transit: { ja: '電車・バス', en: 'by public transport' },
  walk_bicycle: { ja: '徒歩・自転車', en: 'on foot or by bicycle' },
} as Record<string, { ja: string; en: string }>;
const PICKUP = {
  nursery: { ja: '保育園のお迎え', en: 'nursery pickup' },
  kindergarten: { ja: '幼稚園のお迎え', en: 'kindergarten pickup' },
  after_school_club: { ja: '学童のお迎え', en: 'after-school club pickup' },
  school: { ja: 'お子さんの帰宅', en: 'your child coming home from school' },
  other: { ja: 'お迎え', en: 'pickup' },
} as Record<string, { ja: string; en: string }>;
const UNIT = {
  hour: { ja: '時給', en: 'an hour' },
  day: { ja: '日給', en: 'a day' },
  month: { ja: '月給', en: 'a month' },
  year: { ja: '年収', en: 'a year' },
} as Record<string, { ja: string; en: string }>;
/** Extra facts that are not in the vocabulary because they are derived, not stored. */
const DERIVED_FACTS: Record<string, { ja: string; en: string }> = {
  no_overtime: { ja: '残業なし', en: 'No overtime' },
};

const grouped = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const yenJa = (p: P): string => `${UNIT[str(p, 'unit')]?.ja ?? ''}${grouped(num(p, 'amount'))}円`;
const yenEn = (p: P): string => `¥${grouped(num(p, 'amount'))} ${UNIT[str(p, 'unit')]?.en ?? ''}`;
/** The role's pay as advertised: 時給1,200〜1,400円, or 時給1,200円〜 without a top. */
const rangeJa = (p: P): string => {
  const unit = UNIT[str(p, 'roleUnit')]?.ja ?? '';
  const max = p.max === undefined ? undefined : num(p, 'max');
  return max && max > num(p, 'min')
    ? `${unit}${grouped(num(p, 'min'))}〜${grouped(max)}円`
    : `${unit}${grouped(num(p, 'min'))}円〜`;
};
const rangeEn = (p: P): string => {
  const unit = UNIT[str(p, 'roleUnit')]?.en ?? '';
  const max = p.max === undefined ? undefined : num(p, 'max');
  return max && max > num(p, 'min')
    ? `¥${grouped(num(p, 'min'))}–${grouped(max)} ${unit}`
    : `from ¥${grouped(num(p, 'min'))} ${unit}`;
};
const payJa = (p: P, k: string): string => yenJa({ unit: str(p, 'unit'), amount: num(p, k) });
const payEn = (p: P, k: string): string => yenEn({ unit: str(p, 'unit'), amount: num(p, k) });
const skillJa = (t: string): string => SKILLS[t]?.ja ?? t;
const skillEn = (t: string): string => SKILLS[t]?.en ?? t;
const qualJa = (t: string): string => QUALIFICATIONS[t]?.ja ?? t;
const qualEn = (t: string): string => QUALIFICATIONS[t]?.en ?? t;
const factJa = (t: string): string =>
  (FLEXIBILITY_FACTS as Record<string, { ja: string }>)[t]?.ja ?? DERIVED_FACTS[t]?.ja ?? t;
const factEn = (t: string): string =>
  (FLEXIBILITY_FACTS as Record<string, { en: string }>)[t]?.en ?? DERIVED_FACTS[t]?.en ?? t;
const hours = (p: P, k: string): string => String(Math.round(num(p, k) * 10) / 10);
const shiftJa = (p: P): string =>
  `${DAY_JA[num(p, 'day')]}曜 ${formatMinute(num(p, 'start'))}〜${formatMinute(num(p, 'end'))}`;
const shiftEn = (p: P): string =>
  `${DAY_EN[num(p, 'day')]} ${formatMinute(num(p, 'start'))}–${formatMinute(num(p, 'end'))}`;
/**
 * A pickup names its time only when she entered it; an estimate says so ("the usual 18:00, an
 * estimate"), so no card states a time she never gave.
 */
const pickupJa = (p: P): string =>
  str(p, 'entered') === 'yes'
    ? `${PICKUP[str(p, 'kind')]?.ja}（${formatMinute(num(p, 'time'))}）`
    : `${PICKUP[str(p, 'kind')]?.ja}（一般的な${formatMinute(num(p, 'time'))}で見積もり）`;
const pickupEn = (p: P): string =>
  str(p, 'entered') === 'yes'
    ? `${PICKUP[str(p, 'kind')]?.en} (${formatMinute(num(p, 'time'))})`
    : `${PICKUP[str(p, 'kind')]?.en} (estimated at the usual ${formatMinute(num(p, 'time'))})`;
const careNoteJa = (p: P): string => (str(p, 'careEstimated') === 'yes' ? '・お子さんの年齢から推定' : '');
const careNoteEn = (p: P): string => (str(p, 'careEstimated') === 'yes' ? '; care assumed from age' : '');
const missingJa = (p: P): string =>
  list(p, 'missing').length ? `（不足：${list(p, 'missing').map(skillJa).join('・')}）` : '';
const missingEn = (p: P): string =>
  list(p, 'missing').length ? ` (missing: ${list(p, 'missing').map(skillEn).join(', ')})` : '';
/** "have/total" for each kind of skill the role lists; a kind it does not list is left out. */
const skillCounts = (p: P, label: { required: string; niceToHave: string }): string[] => [
  ...(num(p, 'total') > 0 ? [`${label.required} ${num(p, 'have')}/${num(p, 'total')}`] : []),
  ...(num(p, 'niceTotal') > 0 ? [`${label.niceToHave} ${num(p, 'niceHave')}/${num(p, 'niceTotal')}`] : []),
];

const UNIT_JA: Record<string, (n: number) => string> = {
  minutes: (n) => `${Math.round(n)}分`,
  hours_per_week: (n) => `週${Math.round(n * 10) / 10}時間`,
  days_per_week: (n) => `週${Math.round(n)}日`,
};
const UNIT_EN: Record<string, (n: number) => string> = {
  minutes: (n) => `${Math.round(n)} min`,
  hours_per_week: (n) => `${Math.round(n * 10) / 10} h/week`,
  days_per_week: (n) => `${Math.round(n)} day(s) a week`,
};
const nearMissJa = (p: P): string => `あと${UNIT_JA[str(p, 'unit')]?.(num(p, 'amount')) ?? ''}足りません`;
const nearMissEn = (p: P): string => `Short by ${UNIT_EN[str(p, 'unit')]?.(num(p, 'amount')) ?? ''}`;

export const MESSAGES = {
  // — hard constraints —
  stage_not_assessed: {
    ja: () => '支援段階がまだ決まっていないため、自動ではご提案していません',
    en: () => 'Support stage not assessed yet: no automatic suggestions',
  },
  stage_stabilising: {
    ja: () => '今は生活の安定を優先する段階のため、自動ではご提案していません',
    en: () => 'Stage 1 (stabilising): no automatic suggestions for now',
  },
  blocked_employer: { ja: () => 'ブロックしている事業者です', en: () => 'You have blocked this employer' },
  employment_type_excluded: {
    ja: (p) => `雇用形態（${EMPLOYMENT_TYPES[str(p, 'type') as 'full_time']?.ja}）がご希望に含まれていません`,
    en: (p) =>
      `Employment type (${EMPLOYMENT_TYPES[str(p, 'type') as 'full_time']?.en}) is not one you accept`,
  },
  qualification_missing: {
    ja: (p) => `必要な資格：${list(p, 'qualifications').map(qualJa).join('・')}がありません`,
    en: (p) => `Required qualification missing: ${list(p, 'qualifications').map(qualEn).join(', ')}`,
  },
  out_of_reach: {
    ja: (p) => `通勤に約${num(p, 'minutes')}分（目安）かかり、ご希望の${num(p, 'max')}分以内に収まりません`,
    en: (p) => `About ${num(p, 'minutes')} min to get there (estimate): more than your ${num(p, 'max')} min`,
  },
  out_of_reach_far: {
    ja: (p) => `通える距離ではありません（約${num(p, 'km')}km）`,
    en: (p) => `Too far to commute (about ${num(p, 'km')} km)`,
  },
  schedule_shift_outside_window: {
    ja: (p) => `${shiftJa(p)}の勤務が、働ける時間帯に収まりません`,
    en: (p) => `The ${shiftEn(p)} shift is outside the hours you can work`,
  },
  schedule_remote_only_window: {
    ja: (p) => `${shiftJa(p)}は在宅のみで働ける時間帯のため、出社の勤務は入れられません`,
    en: (p) => `${shiftEn(p)} is a time you can only work from home; this shift is on site`,
  },
  schedule_home_too_late: {
    ja: (p) =>
      `${shiftJa(p)}の勤務では、通勤${num(p, 'commute')}分で帰宅が${formatMinute(num(p, 'home'))}になり、帰宅の時間（${formatMinute(num(p, 'limit'))}）に間に合いません`,
    en: (p) =>
      `With the ${shiftEn(p)} shift and a ${num(p, 'commute')} min commute you would be home at ${formatMinute(num(p, 'home'))}, after ${formatMinute(num(p, 'limit'))}`,
  },
  schedule_leave_too_early: {
    ja: (p) =>
      `${shiftJa(p)}の勤務では、通勤${num(p, 'commute')}分のため${formatMinute(num(p, 'leave'))}に家を出る必要があり、出られる時間（${formatMinute(num(p, 'limit'))}）より早くなります`,
    en: (p) =>
      `The ${shiftEn(p)} shift and a ${num(p, 'commute')} min commute mean leaving at ${formatMinute(num(p, 'leave'))}, before ${formatMinute(num(p, 'limit'))}`,
  },
  near_miss: {
    ja: (p) => nearMissJa(p),
    en: (p) => nearMissEn(p),
  },
  schedule_not_placeable: {
    ja: (p) =>
      `週${num(p, 'minDays')}日・${hours(p, 'minHours')}時間以上の勤務を、ご都合の時間（通勤込み）に組めません（組めるのは週${num(p, 'days')}日・${hours(p, 'hours')}時間）`,
    en: (p) =>
      `Cannot fit the minimum of ${num(p, 'minDays')} days and ${hours(p, 'minHours')} h/week into your hours with the commute (you have ${num(p, 'days')} days, ${hours(p, 'hours')} h)`,
  },
  schedule_office_days: {
    ja: (p) => `出社が週${num(p, 'officeDays')}日必要ですが、通勤込みで出社できる日が足りません`,
    en: (p) => `${num(p, 'officeDays')} office days a week are needed; with the commute you have fewer`,
  },
  schedule_over_max_hours: {
    ja: (p) => `週${hours(p, 'hours')}時間の勤務で、ご希望の上限（週${hours(p, 'max')}時間）を超えます`,
    en: (p) => `${hours(p, 'hours')} h/week: more than your limit of ${hours(p, 'max')} h/week`,
  },
  night_work: {
    ja: () => '夜間（22:00〜5:00）の勤務がありますが、その時間はご都合がつきません',
    en: () => 'The role includes night work (22:00–05:00), when you are not available',
  },
  weekend_work: {
    ja: () => '土日の勤務がありますが、土日はご都合がつきません',
    en: () => 'The role includes weekend work, and you are not available at weekends',
  },
  pay_below_floor: {
    ja: (p) => `給与（${payJa(p, 'amount')}相当）が最低希望額（${payJa(p, 'floor')}）を下回ります`,
    en: (p) => `Pay (about ${payEn(p, 'amount')}) is below your minimum (${payEn(p, 'floor')})`,
  },
  // — schedule fit —
  pickup_ok: {
    ja: (p) => `${pickupJa(p)}に間に合います${careNoteJa(p)}`,
    en: (p) => `You can make ${pickupEn(p)}${careNoteEn(p)}`,
  },
  home_by_ok: {
    ja: (p) => `ご入力の帰宅時間（${formatMinute(num(p, 'limit'))}）までに帰れます（通勤込み）`,
    en: (p) => `You are home by the time you gave (${formatMinute(num(p, 'limit'))}), commute included`,
  },
  pickup_tight: {
    ja: (p) => `${pickupJa(p)}にぎりぎり間に合います（余裕${num(p, 'margin')}分）`,
    en: (p) => `You can just make ${pickupEn(p)} (${num(p, 'margin')} min to spare)`,
  },
  pickup_late: {
    ja: (p) => `${pickupJa(p)}に間に合わない日があります`,
    en: (p) => `Some days you would miss ${pickupEn(p)}`,
  },
  pickup_depends: {
    ja: (p) => `勤務の組み方によっては${pickupJa(p)}に間に合いません`,
    en: (p) => `Depending on how the hours are arranged, you may miss ${pickupEn(p)}`,
  },
  no_pickup: { ja: () => 'お迎えの時間を気にせず働けます', en: () => 'No pickup time to work around' },
  hours_within: {
    ja: (p) => `週${hours(p, 'hours')}時間：ご希望の範囲内`,
    en: (p) => `${hours(p, 'hours')} h/week: within what you asked for`,
  },
  hours_low: {
    ja: (p) => `週${hours(p, 'hours')}時間：ご希望（週${hours(p, 'max')}時間まで）より少なめです`,
    en: (p) => `${hours(p, 'hours')} h/week: fewer than the ${hours(p, 'max')} h you can work`,
  },
  // — commute —
  commute_remote: { ja: () => '完全在宅勤務です', en: () => 'Fully remote' },
  commute_minutes: {
    ja: (p) => `通勤 約${num(p, 'minutes')}分（目安・${MODE[str(p, 'mode')]?.ja}${precisionJa(p)}）`,
    en: (p) => `About ${num(p, 'minutes')} min ${MODE[str(p, 'mode')]?.en} (estimate${precisionEn(p)})`,
  },
  commute_near_limit: {
    ja: (p) =>
      `通勤 約${num(p, 'minutes')}分（目安・${MODE[str(p, 'mode')]?.ja}${precisionJa(p)}）：ご希望の${num(p, 'max')}分を少し超えるかもしれません。実際の経路をコーディネーターが確認します`,
    en: (p) =>
      `About ${num(p, 'minutes')} min ${MODE[str(p, 'mode')]?.en} (estimate${precisionEn(p)}): may be a little over your ${num(p, 'max')} min; a coordinator will check the real route`,
  },
  commute_hybrid: {
    ja: (p) =>
      `在宅勤務あり・出社は週${num(p, 'officeDays')}日（通勤 約${num(p, 'minutes')}分・目安${precisionJa(p)}）`,
    en: (p) =>
      `Partly remote: ${num(p, 'officeDays')} office days a week (about ${num(p, 'minutes')} min each way, estimate${precisionEn(p)})`,
  },
  commute_relocation: {
    ja: (p) => `移住先の候補（${str(p, 'place')}）から通える仕事です`,
    en: (p) => `Within reach of ${str(p, 'place')}, where you would like to move`,
  },
  remote_wish_unmet: {
    ja: () => '在宅勤務をご希望ですが、出社が必要です',
    en: () => 'You asked for remote work; this role needs you on site',
  },
  // — pay —
  // The advertised pay and her wish, side by side: no share computed from a guessed rate.
  pay_meets_wish: {
    ja: (p) => `給与 ${rangeJa(p)}（ご希望 ${payJa(p, 'wish')}）：ご希望に届きます`,
    en: (p) => `Pay ${rangeEn(p)} (you hoped for ${payEn(p, 'wish')}): reaches your wish`,
  },
  pay_below_wish: {
    ja: (p) => `給与 ${rangeJa(p)}（ご希望 ${payJa(p, 'wish')}）：ご希望より低めです`,
    en: (p) => `Pay ${rangeEn(p)} (you hoped for ${payEn(p, 'wish')}): below your wish`,
  },
  pay_no_wish: {
    ja: (p) => `給与 ${payJa(p, 'amount')}〜（ご希望額は未入力）`,
    en: (p) => `Pay from ${payEn(p, 'amount')} (no pay wish given)`,
  },
  // — flexibility —
  flexibility_facts: {
    ja: (p) =>
      [
        ...list(p, 'verified').map((f) => `${factJa(f)}（確認済み）`),
        ...list(p, 'unverified').map(factJa),
      ].join('・'),
    en: (p) =>
      [
        ...list(p, 'verified').map((f) => `${factEn(f)} (verified)`),
        ...list(p, 'unverified').map(factEn),
      ].join(', '),
  },
  flexibility_none: {
    ja: () => '子育てと両立するための制度は確認できていません',
    en: () => 'No family-friendly arrangements confirmed yet',
  },
  // — skills —
  skills_required: {
    ja: (p) => `必要なスキル ${num(p, 'have')}/${num(p, 'total')}${missingJa(p)}`,
    en: (p) => `Required skills: ${num(p, 'have')} of ${num(p, 'total')}${missingEn(p)}`,
  },
  skills_none_required: {
    ja: () => '必須スキルはありません（未経験可）',
    en: () => 'No required skills: beginners welcome',
  },
  skills_used: {
    ja: (p) => `得意なスキル（${list(p, 'skills').map(skillJa).join('・')}）が活かせます`,
    en: (p) => `Uses your strengths: ${list(p, 'skills').map(skillEn).join(', ')}`,
  },
  role_skills: {
    ja: (p) => skillCounts(p, { required: '必須スキル', niceToHave: '歓迎スキル' }).join('・') + missingJa(p),
    en: (p) =>
      skillCounts(p, { required: 'Required skills', niceToHave: 'nice-to-have' }).join(', ') + missingEn(p),
  },
  role_skills_none: {
    ja: () => 'この求人はスキルを指定していません',
    en: () => 'The role lists no skills',
  },
  skill_level: {
    ja: (p) => `${skillJa(str(p, 'tag'))}：${SKILL_LEVELS[num(p, 'level') as 1]?.ja}`,
    en: (p) => `${skillEn(str(p, 'tag'))}: ${SKILL_LEVELS[num(p, 'level') as 1]?.en}`,
  },
  // — hours for the employer —
  role_hours_fixed: {
    ja: (p) => `すべてのシフト（週${hours(p, 'hours')}時間）に入れます`,
    en: (p) => `Can work every shift (${hours(p, 'hours')} h/week)`,
  },
  role_hours_flexible: {
    ja: (p) => `週${hours(p, 'hours')}時間まで勤務可能（希望 週${hours(p, 'preferred')}時間）`,
    en: (p) => `Can work up to ${hours(p, 'hours')} h/week (role would like ${hours(p, 'preferred')})`,
  },
  // — stage —
  stage_gentle: {
    ja: () => '短時間・無理のない働き方から始められます',
    en: () => 'Short hours and little pressure: a gentle start',
  },
  stage_heavy: {
    ja: (p) => `今の段階には負担が大きいかもしれません（週${hours(p, 'hours')}時間）`,
    en: (p) => `May be a lot for now (${hours(p, 'hours')} h/week)`,
  },
  stage_step_up: {
    ja: () => '働く時間・収入を増やしていきたい今の段階に合った仕事です',
    en: () => 'Suits your stage: building up hours and income',
  },
  stage_career: {
    ja: (p) => `キャリアにつながる仕事で、目標収入（${payJa(p, 'goal')}）に届く見込みです`,
    en: (p) => `A career step that can reach your income goal (${payEn(p, 'goal')})`,
  },
  stage_career_short: {
    ja: (p) => `目標収入（${payJa(p, 'goal')}）には届きにくい仕事です（約${num(p, 'percent')}%）`,
    en: (p) => `Unlikely to reach your income goal (${payEn(p, 'goal')}): about ${num(p, 'percent')}%`,
  },
  // — text relevance —
  text_match: {
    ja: (p) => `検索した言葉との一致度 ${num(p, 'percent')}%`,
    en: (p) => `Matches your search: ${num(p, 'percent')}%`,
  },
  // — notes —
  start_date_later: {
    ja: (p) => `勤務開始は${str(p, 'role')}ですが、${str(p, 'member')}からのご希望です（要相談）`,
    en: (p) => `The role starts ${str(p, 'role')}; you can start from ${str(p, 'member')} (to discuss)`,
  },
} satisfies Record<string, { ja: Template; en: Template }>;

export type ReasonCode = keyof typeof MESSAGES;
