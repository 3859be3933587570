/**
 * One generated job role and its child rows: the trade decides the schedule, skills,
 * qualifications and facts (trades.ts); the title and description are composed from phrases
 * that are true of that data, so an ad never says "時短OK" when the role does not allow it.
 */

import type { EmploymentType, FlexibilityFact } from '../matching/types.ts';
import { FLEXIBILITY_FACT_KEYS } from '../matching/vocabulary.ts';
import type {
  JobRoleTable,
  RoleFactTable,
  RoleLocationTable,
  RoleQualificationTable,
  RoleSkillTable,
  RoleWindowTable,
} from '../src/db/schema.ts';
import type { AreaIndex, SeedArea } from './areas.ts';
import { jobDetails } from './job-details.ts';
import { placeStem } from './names.ts';
import type { SeedOrganisation } from './organisations.ts';
import { CLOSINGS, FACT_SENTENCES, NICE_QUALIFICATIONS, OPENINGS, PATTERN_PHRASES } from './phrases.ts';
import type { Random, Weighted } from './random.ts';
import { describeWindows, type ScheduleDraft } from './schedules.ts';
import { after, dateFromNow, latest } from './time.ts';
import { seedAddress, seedTown } from './towns.ts';
import { type SeededCategory, TRADES, type TradePattern } from './trades.ts';

export interface RoleRows {
  roles: JobRoleTable[];
  windows: RoleWindowTable[];
  locations: RoleLocationTable[];
  skills: RoleSkillTable[];
  qualifications: RoleQualificationTable[];
  facts: RoleFactTable[];
}

export const emptyRoleRows = (): RoleRows => ({
  roles: [],
  windows: [],
  locations: [],
  skills: [],
  qualifications: [],
  facts: [],
});

export interface RoleContext {
  organisation: SeedOrganisation;
  /** The branch a national company's role is at (chosen round-robin by the caller). */
  site?: SeedArea;
  /** Force a category (the first roles cover every trade). */
  category?: SeededCategory;
  /** Force a status, e.g. 'published' for the one-role-per-prefecture hometown jobs. */
  status?: JobRoleTable['status'];
  areas: AreaIndex;
  now: Date;
  /** The coordinator who verified facts (the demo coordinator). */
  verifierId: string;
}

/** Regional pay: the metros pay more, and no hourly wage goes below the prefecture's minimum wage. */
const PAY_FACTOR: Record<string, number> = {
  '13': 1.15,
  '14': 1.1,
  '27': 1.08,
  '11': 1.04,
  '12': 1.04,
  '23': 1.05,
  '26': 1.03,
  '28': 1.03,
  '40': 1.02,
};
const MIN_HOURLY: Record<string, number> = {
  '13': 1230,
  '14': 1230,
  '27': 1180,
  '11': 1150,
  '12': 1150,
  '23': 1150,
};

const FACT_KEYS: readonly FlexibilityFact[] = FLEXIBILITY_FACT_KEYS;

/** Each category's kinds of job with their weights, built once rather than per role. */
const PATTERN_WEIGHTS: Record<string, Weighted<TradePattern>> = Object.fromEntries(
  Object.entries(TRADES).map(([category, trade]) => [
    category,
    trade.patterns.map((p) => [p, p.weight] as const),
  ]),
);

function pay(
  random: Random,
  pattern: TradePattern,
  category: keyof typeof TRADES,
  employment: EmploymentType,
  prefCode: string,
) {
  const trade = TRADES[category];
  const factor = PAY_FACTOR[prefCode] ?? 0.97;
  if (employment === 'full_time' || employment === 'contract') {
    const min = Math.min(
      320_000,
      Math.max(180_000, Math.round((random.int(trade.monthly[0], trade.monthly[1]) * factor) / 5000) * 5000),
    );
    return {
      pay_min: min,
      pay_max: random.chance(0.6) ? min + random.step(10_000, 60_000, 5000) : null,
      pay_unit: 'month',
    };
  }
  const floor = MIN_HOURLY[prefCode] ?? 1050;
  const freelanceBonus = employment === 'freelance' || pattern.key === 'developer' ? 1.15 : 1;
  const base = Math.round((random.int(trade.hourly[0], trade.hourly[1]) * factor * freelanceBonus) / 10) * 10;
  const min = Math.min(1800, Math.max(floor, base));
  return {
    pay_min: min,
    pay_max: random.chance(0.55) ? Math.min(2000, min + random.step(50, 300, 10)) : null,
    pay_unit: 'hour',
  };
}

function title(random: Random, base: string, tags: string[]): string {
  const chosen = random.sample(
    tags,
    random.weighted([
      [0, 2],
      [1, 5],
      [2, 4],
    ] as const),
  );
  if (chosen.length === 0) return base;
  // A base that already ends in brackets ("訪問介護スタッフ（直行直帰OK）") takes the tags inside them.
  const withTags = (tagList: string[]) =>
    tagList.length === 0
      ? base
      : base.endsWith('）')
        ? `${base.slice(0, -1)}・${tagList.join('・')}）`
        : `${base}（${tagList.join('・')}）`;
  const text = random.chance(0.3) ? `【${chosen[0]}】${withTags(chosen.slice(1))}` : withTags(chosen);
  return text.slice(0, 80);
}

function scheduleSentence(random: Random, schedule: ScheduleDraft): string {
  const when = describeWindows(schedule.windows);
  if (schedule.kind === 'fixed') return random.pick([`勤務は${when}です。`, `勤務時間は${when}の固定です。`]);
  return random.pick([
    `${when}の間で、週${schedule.minDays}日・${schedule.minHours}時間以上のシフトを組みます。`,
    `${when}のうち、週${schedule.minDays}日以上・合計${schedule.minHours}時間以上でご都合に合わせて働けます。`,
  ]);
}

/**
 * Generates one role at `context.organisation` and appends its rows to `out`.
 * @example const rows = emptyRoleRows(); generateRole(random, { organisation, areas, now, verifierId }, rows)
 */
export function generateRole(random: Random, context: RoleContext, out: RoleRows): void {
  const { organisation, areas, now } = context;
  const org = organisation.row;
  const category = context.category ?? random.weighted(organisation.categories);
  const pattern = random.weighted(PATTERN_WEIGHTS[category] ?? []);
  const phrases = PATTERN_PHRASES[pattern.key];
  if (!phrases) throw new Error(`No phrases for ${pattern.key}`);
  const employment = random.weighted(pattern.employment);
  const fullTime = employment === 'full_time' || employment === 'contract';
  const schedule = pattern.schedule(random, fullTime);
  const remote = random.weighted(pattern.remote);
  const officeDays = remote === 'hybrid' ? random.int(1, 3) : null;
  const site =
    context.site ??
    (random.chance(0.8) ? organisation.sites[0] : random.pick(organisation.sites)) ??
    areas.capitalOf('13');
  const id = random.uuid();

  // A fully remote role usually names no workplace; every other role has at least one.
  const sites = remote === 'full' && random.chance(0.7) ? [] : [site];
  if (sites.length > 0 && !context.site && organisation.sites.length > 1 && random.chance(0.3)) {
    const other = random.pick(organisation.sites);
    if (other !== site) sites.push(other);
  }
  for (const place of sites) {
    // Half the workplaces have an address resolved to its town (seed/towns.ts: from the id, so
    // the generator's random stream is unchanged); the others stay at the area's point.
    const town = seedTown(place.code, `${id}/${place.code}`, 0.5);
    out.locations.push({
      role_id: id,
      area_code: place.code,
      label: random.pick(phrases.labels).replace('{place}', placeStem(place.name)),
      ...(town ? { address: seedAddress(town, id), town: town[0], lat: town[1], lng: town[2] } : {}),
    });
  }

  const required = new Set<string>();
  for (const [tag, level, p] of pattern.required) {
    if (random.chance(p)) {
      required.add(tag);
      out.skills.push({ role_id: id, tag, level, required: 1 });
    }
  }
  for (const [tag, level, p] of pattern.nice) {
    if (!required.has(tag) && random.chance(p)) {
      required.add(tag);
      out.skills.push({ role_id: id, tag, level, required: 0 });
    }
  }
  const qualifications = pattern.qualifications.filter(([, p]) => random.chance(p)).map(([key]) => key);
  for (const qualification of qualifications) out.qualifications.push({ role_id: id, qualification });

  const status =
    context.status ??
    (org.verification_state === 'verified'
      ? random.weighted([
          ['published', 80],
          ['draft', 8],
          ['closed', 12],
        ] as const)
      : 'draft');
  const createdAt = after(random, org.created_at, 900, now);
  const publishedAt = status === 'draft' ? null : after(random, latest(createdAt, org.verified_at), 14, now);
  const closedAt = status === 'closed' && publishedAt ? after(random, publishedAt, 180, now) : null;

  // Facts: offered with the trade's probability, sometimes stated as "no"; rural and national
  // employers are likelier to help with relocation (the hometown / U-turn case).
  const stated = new Map<FlexibilityFact, boolean>();
  for (const fact of FACT_KEYS) {
    let p = pattern.facts[fact] ?? 0;
    if (fact.startsWith('relocation') && (site.rural || org.scale === 'national')) p += 0.1;
    if (fact === 'childcare_subsidy' && org.scale === 'national') p += 0.1;
    if (random.chance(p)) stated.set(fact, true);
    else if (p > 0 && random.chance(0.12)) stated.set(fact, false);
  }
  for (const [fact, available] of stated) {
    const verified = publishedAt !== null && random.chance(0.35);
    out.facts.push({
      role_id: id,
      fact,
      available: available ? 1 : 0,
      verified_at: verified && publishedAt ? after(random, publishedAt, 30, now) : null,
      verified_by: verified ? context.verifierId : null,
    });
  }

  for (const w of schedule.windows)
    out.windows.push({
      role_id: id,
      day: w.day,
      start_minute: w.start,
      end_minute: w.end,
      break_minutes: schedule.kind === 'fixed' ? legalBreakMinutes(w.end - w.start) : 0,
    });
  const weekend = schedule.windows.some((w) => w.day >= 6);
  const night = schedule.windows.some((w) => w.end > 22 * 60 || w.start < 5 * 60);

  const tags = [...schedule.tags];
  if (employment === 'part_time') tags.push('扶養内OK');
  if (required.size === 0 && qualifications.length === 0) tags.push('未経験歓迎');
  if (qualifications.length > 0) tags.push('資格を活かせる');
  if (remote === 'hybrid') tags.push('在宅勤務あり');
  if (remote === 'full') tags.push('フルリモート');
  if (stated.get('short_time_allowed')) tags.push('時短OK');
  if (stated.get('sick_child_absence_ok')) tags.push('子どもの急な休みOK');

  out.roles.push({
    id,
    organisation_id: org.id,
    title: title(random, random.pick(phrases.titles), tags),
    description: describe(random, {
      patternKey: pattern.key,
      duties: phrases.duties,
      org: org.name,
      place: site.name,
      schedule,
      remote,
      officeDays,
      stated,
      qualifications,
    }),
    category,
    employment_type: employment,
    ...pay(random, pattern, category, employment, site.prefCode),
    schedule_kind: schedule.kind,
    min_hours_per_week: schedule.minHours,
    min_days_per_week: schedule.minDays,
    preferred_hours_per_week: schedule.preferredHours,
    min_hours_per_day: null,
    max_hours_per_week: null,
    split_days_allowed: 0,
    overtime: random.weighted(pattern.overtime),
    weekend_work: weekend ? 1 : 0,
    night_work: night ? 1 : 0,
    remote_mode: remote,
    office_days_per_week: officeDays,
    start_date: status !== 'closed' && random.chance(0.45) ? dateFromNow(now, random.int(7, 60)) : null,
    // What the title already says (未経験歓迎, 扶養内OK) is stated as a fact too.
    ...jobDetails({
      id,
      category,
      employment,
      weekend,
      siteName: sites[0]?.name,
      inexperiencedOk: required.size === 0 && qualifications.length === 0,
      withinDependentOk: employment === 'part_time',
    }),
    status,
    published_at: publishedAt,
    closed_at: closedAt,
    created_at: createdAt,
    updated_at: latest(createdAt, publishedAt, closedAt),
    version: 1 + (publishedAt ? 1 : 0) + (closedAt ? 1 : 0),
  });
}

interface DescriptionParts {
  patternKey: string;
  duties: readonly string[];
  org: string;
  place: string;
  schedule: ScheduleDraft;
  remote: string;
  officeDays: number | null;
  stated: ReadonlyMap<FlexibilityFact, boolean>;
  qualifications: readonly string[];
}

/** 2–4 sentences: one duty always, then a random choice of the others, kept in reading order. */
function describe(random: Random, parts: DescriptionParts): string {
  const [duty, secondDuty] = random.sample(parts.duties, 2);
  const offered = [...parts.stated]
    .filter(([fact, available]) => available && FACT_SENTENCES[fact])
    .map(([fact]) => fact);
  const factSentences = offered.length > 0 ? FACT_SENTENCES[random.pick(offered)] : undefined;
  const nice = NICE_QUALIFICATIONS[parts.patternKey];
  const niceSentence = nice && !parts.qualifications.includes(nice[0]) ? nice[1] : undefined;
  const remoteSentence =
    parts.remote === 'full'
      ? '完全在宅でのお仕事です（PCは貸与します）。'
      : parts.remote === 'hybrid'
        ? `出社は週${parts.officeDays}日で、ほかの日は在宅勤務です。`
        : undefined;
  const optional = [
    random.pick(OPENINGS).replaceAll('{org}', parts.org).replaceAll('{place}', parts.place),
    secondDuty,
    scheduleSentence(random, parts.schedule),
    remoteSentence,
    factSentences ? random.pick(factSentences) : undefined,
    niceSentence,
    random.pick(CLOSINGS),
  ];
  const available = optional
    .map((text, order) => ({ text, order }))
    .filter((s): s is { text: string; order: number } => !!s.text);
  // The remote sentence is never dropped: whether one must go to an office matters too much.
  const keep = random.sample(
    available.filter((s) => s.text !== remoteSentence),
    random.int(1, 3) - (remoteSentence ? 1 : 0),
  );
  const chosen = [...keep, ...available.filter((s) => s.text === remoteSentence)].sort(
    (a, b) => a.order - b.order,
  );
  const opening = chosen.find((s) => s.order === 0);
  const rest = chosen.filter((s) => s.order !== 0).map((s) => s.text);
  return [opening?.text, duty, ...rest].filter(Boolean).join('');
}

/**
 * The break the Labour Standards Act (労働基準法 第34条) requires inside a shift: 45 minutes over
 * 6 hours, an hour over 8. Seeded shifts take exactly that, as most employers do.
 *
 * @example legalBreakMinutes(9 * 60) // 60
 */
export function legalBreakMinutes(spanMinutes: number): number {
  if (spanMinutes > 8 * 60 + 45) return 60;
  return spanMinutes > 6 * 60 ? 45 : 0;
}
