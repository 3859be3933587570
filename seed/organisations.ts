/**
 * Generated employers: local firms (a clinic, a care company, a bakery) with sites in or near one
 * municipality, and national companies with branches in many prefectures, each with an HR user.
 * Most are verified by the demo coordinator; some await verification and a few were rejected.
 */

import { JOB_CATEGORIES } from '../matching/vocabulary.ts';
import type { OrganisationTable, UserTable } from '../src/db/schema.ts';
import type { AreaIndex, SeedArea } from './areas.ts';
import {
  FAMILY_NAMES,
  LOCAL_NAME_PATTERNS,
  NATIONAL_COMPANIES,
  NATIONAL_NAME_PATTERNS,
  placeStem,
  SIDE_CATEGORIES,
  STEMS,
  toKatakana,
} from './names.ts';
import type { Random, Weighted } from './random.ts';
import { after, daysAgo } from './time.ts';
import type { SeededCategory } from './trades.ts';
import { CATEGORY_WEIGHTS } from './trades.ts';

/** A user row before the loader adds the (shared) password hash. */
export type SeedUser = Pick<
  UserTable,
  'id' | 'email' | 'role' | 'display_name' | 'organisation_id' | 'created_at' | 'updated_at'
>;

export interface SeedOrganisation {
  row: OrganisationTable;
  /** A local firm's own trade; undefined for national companies. */
  primary?: SeededCategory;
  /** Where its roles are: the home place (and a nearby site or two) or one place per branch. */
  sites: readonly SeedArea[];
  categories: Weighted<SeededCategory>;
  /** Relative number of roles it posts. */
  size: number;
}

const ORG_DESCRIPTIONS: readonly string[] = [
  '{place}を拠点に、地域密着で{trade}に取り組んでいます。',
  '創業{years}年、{place}で{trade}を続けています。',
  '{place}で{trade}を営んでいます。子育て中のスタッフが多く働いています。',
  '地域のみなさまに支えられ、{place}で{trade}を続けて{years}年になります。',
];

/** What a local firm of each trade does, for its description ("…で{trade}を続けています"). */
const TRADE_NOUNS: Record<SeededCategory, string> = {
  care: '介護サービス',
  office: '地域の暮らしを支える仕事',
  medical_office: '地域医療',
  childcare_assistant: '保育',
  retail: '地域のお店',
  food: '食のサービス',
  call_center: 'コールセンター業務',
  accounting: '会計・税務のサポート',
  it_web: 'Web制作とシステム開発',
  manufacturing: 'ものづくり',
};

/**
 * A 13-digit corporate number (法人番号) with a valid check digit (the leading digit:
 * 9 − (Σ digit × (1 or 2, alternating from the right)) mod 9), so validators accept it.
 */
function corporateNumber(random: Random): string {
  const body = Array.from({ length: 12 }, () => random.int(0, 9));
  const sum = body.reduceRight((acc, digit, i) => acc + digit * ((12 - i) % 2 === 1 ? 1 : 2), 0);
  return `${9 - (sum % 9)}${body.join('')}`;
}

/** How many of `count` organisations are national companies: a few, never all. */
export function nationalCount(count: number): number {
  if (count <= 1) return 0;
  return Math.max(Math.min(3, count - 1), Math.round(count * 0.03));
}

/** Prefectures for a national company's branches: its head office plus others by population. */
function branchPrefectures(random: Random, areas: AreaIndex, headOffice: string, count: number): string[] {
  const chosen = new Set([headOffice]);
  const pool = areas.prefectures.map((p) => [p.prefCode, areas.population(p.prefCode)] as const);
  while (chosen.size < Math.min(count, pool.length))
    chosen.add(random.weighted(pool.filter(([code]) => !chosen.has(code))));
  return [...chosen].sort();
}

/**
 * Generates `count` organisations and one HR user for each (two for national companies).
 * @example const { organisations, users } = generateOrganisations(random, areas, 40, now, coordinatorId, 0)
 */
export function generateOrganisations(
  random: Random,
  areas: AreaIndex,
  count: number,
  now: Date,
  verifierId: string,
): { organisations: SeedOrganisation[]; users: SeedUser[] } {
  const organisations: SeedOrganisation[] = [];
  const users: SeedUser[] = [];
  const nationals = nationalCount(count);

  for (let index = 0; index < count; index++) {
    const national = index < nationals;
    const id = random.uuid();
    const createdAt = daysAgo(random, now, 60, 1000);
    let name: string;
    let kana: string | null;
    let categories: Weighted<SeededCategory>;
    let sites: SeedArea[];
    let description: string;
    let home: SeedArea;
    let primaryCategory: SeededCategory | undefined;

    if (national) {
      const known = NATIONAL_COMPANIES[index];
      const [pattern, patternKana, patternCategories] = random.pick(NATIONAL_NAME_PATTERNS);
      const [stem, stemKana] = random.pick(STEMS);
      name = known?.name ?? pattern.replaceAll('{s}', stem);
      kana = known?.kana ?? patternKana.replaceAll('{s}', toKatakana(stemKana));
      const headOffice = known?.headOffice ?? random.pick(['13', '13', '27', '23', '14', '40', '11']);
      home = areas.capitalOf(headOffice);
      // The first company reaches every prefecture, so every prefecture has hometown jobs.
      const prefectures = branchPrefectures(random, areas, headOffice, index === 0 ? 47 : random.int(8, 40));
      sites = [];
      for (const pref of prefectures) {
        sites.push(random.chance(0.5) ? areas.capitalOf(pref) : areas.pickPlaceIn(random, pref));
        // Big prefectures get extra branches (several stores across Kanagawa, not one).
        const extra = Math.min(3, Math.floor(areas.population(pref) / 300));
        for (let i = 0; i < extra; i++) {
          const place = areas.pickPlaceIn(random, pref);
          if (!sites.includes(place)) sites.push(place);
        }
      }
      categories = (known?.categories ?? patternCategories).map((c) => [c, 1] as const);
      description =
        known?.description ??
        `全国${prefectures.length}都道府県に拠点を持つ${JOB_CATEGORIES[categories[0]?.[0] ?? 'office'].ja}の会社です。`;
    } else {
      home = areas.pickPlace(random);
      // The first local firms cover every trade once, so even a small demo has all ten.
      const local = index - nationals;
      const primary =
        local < CATEGORY_WEIGHTS.length
          ? (CATEGORY_WEIGHTS[local]?.[0] ?? 'office')
          : random.weighted(CATEGORY_WEIGHTS);
      const [pattern, patternKana] = random.pick(LOCAL_NAME_PATTERNS[primary]);
      // A third of local firms are named after their town (藤沢ケアサービス); one-character stems like 北 read badly.
      const townStem = placeStem(home.name);
      const fromPlace = random.chance(0.35) && townStem.length >= 2;
      const [stem, stemKana] = fromPlace ? [townStem, null] : random.pick(STEMS);
      name = pattern.replaceAll('{s}', stem);
      kana = stemKana === null ? null : patternKana.replaceAll('{s}', toKatakana(stemKana));
      primaryCategory = primary;
      categories = [[primary, 85], ...SIDE_CATEGORIES.map((c) => [c, 7.5] as const)];
      const nearby = areas.near(home, 15);
      sites = [home];
      if (nearby.length > 0 && random.chance(0.25)) sites.push(...random.sample(nearby, random.int(1, 2)));
      description = random
        .pick(ORG_DESCRIPTIONS)
        .replace('{place}', home.name)
        .replace('{trade}', TRADE_NOUNS[primary])
        .replace('{years}', String(random.int(3, 60)));
    }

    const alwaysVerified = index === 0 || (index >= nationals && index < nationals + CATEGORY_WEIGHTS.length);
    const state = alwaysVerified
      ? 'verified'
      : national
        ? random.chance(0.95)
          ? 'verified'
          : 'unverified'
        : random.weighted([
            ['verified', 85],
            ['unverified', 11],
            ['rejected', 4],
          ] as const);
    const decidedAt = state === 'unverified' ? null : after(random, createdAt, 10, now);
    organisations.push({
      ...(primaryCategory ? { primary: primaryCategory } : {}),
      row: {
        id,
        name,
        name_kana: kana,
        scale: national ? 'national' : 'local',
        corporate_number: national || random.chance(0.8) ? corporateNumber(random) : null,
        head_office_area_code: home.code,
        description,
        website: national || random.chance(0.6) ? `https://org-${id.slice(0, 8)}.example.com` : null,
        verification_state: state,
        verified_at: state === 'verified' ? decidedAt : null,
        verified_by: state === 'unverified' ? null : verifierId,
        created_at: createdAt,
        updated_at: decidedAt ?? createdAt,
      },
      sites,
      categories,
      size: national
        ? 15 + sites.length
        : random.weighted([
            [1, 40],
            [2, 25],
            [4, 20],
            [8, 10],
            [16, 5],
          ] as const),
    });

    for (let n = 0; n < (national ? 2 : 1); n++) {
      users.push({
        id: random.uuid(),
        email: `employer-${String(index + 1).padStart(5, '0')}${n > 0 ? `-${n + 1}` : ''}@demo.yorisoi.jp`,
        role: 'employer',
        display_name: `${random.pick(FAMILY_NAMES)}（${name} 採用担当）`,
        organisation_id: id,
        created_at: createdAt,
        updated_at: createdAt,
      });
    }
  }
  return { organisations, users };
}
