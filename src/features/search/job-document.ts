/**
 * The search document of a published role: what Meilisearch stores, filters and sorts on.
 * Built from the database of record (the role and its children), never edited in place.
 */
import { monthlyPay, WEEKS_PER_MONTH } from '../../../matching/criteria/pay.ts';
import type { FlexibilityFact, JobCategory, RemoteMode } from '../../../matching/types.ts';
import { EMPLOYMENT_TYPES, JOB_CATEGORIES } from '../../../matching/vocabulary.ts';
import type { RoleChildren, RoleRow } from '../roles/role.repository.ts';
import { toRole } from '../roles/role.service.ts';
import { minutesOf, WEEKDAYS } from '../shared/schedule.schemas.ts';
import { geoPointCode } from './geo-codes.ts';
import { tradeWordsInTitle } from './her-words.ts';
import { conditionsOf, type JobCondition } from './job-conditions.ts';
import { keywordsFor } from './keywords.ts';
import type { Readings } from './readings.ts';

/**
 * The format of documents this version writes: raise it whenever documents gain a field that
 * searches or filters rely on, and a service finding older documents rebuilds its index at start.
 * 2: readings (readingsKana, readingsRomaji). 3: the mothers' filters (conditions). 4: the point
 * as a plain `point` instead of the engine's `_geo`. 5: the trade words the title says
 * (titleTerms).
 */
export const DOCUMENT_FORMAT = 5;

export interface JobDocument {
  id: string;
  organisationId: string;
  organisationName: string;
  title: string;
  description: string;
  category: JobCategory;
  categoryLabel: string;
  employmentType: string;
  employmentTypeLabel: string;
  keywords: string;
  /**
   * Hiragana and folded romaji of every word in the role's texts (role-readings.ts), so かまぼこ
   * and kamaboko find 蒲鉾; searched after the Japanese text, so they never outrank it.
   */
  readingsKana: string;
  readingsRomaji: string;
  payMin: number;
  payMax: number | null;
  payUnit: string;
  /** Pay as yen per hour over the role's own week, so hourly and monthly roles filter alike. */
  hourlyPay: number;
  scheduleKind: 'fixed' | 'flexible';
  hoursPerWeek: number;
  daysPerWeek: number;
  /** Weekdays with work, 1 = Monday. */
  weekdays: number[];
  earliestStart: number;
  latestEnd: number;
  remote: RemoteMode;
  weekendWork: boolean;
  nightWork: boolean;
  overtime: string;
  facts: FlexibilityFact[];
  verifiedFacts: FlexibilityFact[];
  prefCodes: string[];
  prefectures: string[];
  /** Location codes with their parents (city of a ward, prefecture of a city). */
  areaCodes: string[];
  areaNames: string[];
  /**
   * The first location's point, stored for the adapter to measure distances from (nearest first
   * is sorted there, over the roles of a ring). Deliberately not the engine's `_geo`: indexing
   * geo points costs Meilisearch seconds per batch at 100k roles, however small the batch.
   */
  point?: { lat: number; lng: number };
  /** The area of that point's location ('' without a point), for filters by place codes. */
  geoArea: string;
  /** The code of that point: `areaCode/town` at a town's point, else the area code ('' without). */
  geoPoint: string;
  publishedAt: number;
  version: number;
  /** The mothers' filters the role meets (job-conditions.ts), filtered on and counted as a facet. */
  conditions: JobCondition[];
  /** The trade words its title says (her-words.ts), so 事務 finds 営業事務 filed under sales. */
  titleTerms: string[];
  /** DOCUMENT_FORMAT at the time of writing. */
  documentFormat: number;
}

/**
 * Maps a role with its children (and its readings, when known) to its document.
 * @example toJobDocument(row, children, readings).readingsRomaji // 'kaigo herupa …'
 */
export function toJobDocument(
  row: RoleRow,
  children: RoleChildren,
  readings: Readings = { kana: '', romaji: '' },
): JobDocument {
  const role = toRole(row, children);
  const windows = role.schedule.kind === 'fixed' ? role.schedule.shifts : role.schedule.windows;
  const minutes = windows.map((w) => ({
    day: WEEKDAYS.indexOf(w.day) + 1,
    start: minutesOf(w.start),
    end: minutesOf(w.end),
  }));
  const days = [...new Set(minutes.map((w) => w.day))].sort();
  const hoursPerWeek =
    role.schedule.kind === 'fixed'
      ? minutes.reduce((sum, w) => sum + w.end - w.start, 0) / 60
      : role.schedule.minHoursPerWeek;
  const daysPerWeek = role.schedule.kind === 'fixed' ? days.length : role.schedule.minDaysPerWeek;
  const facts = Object.entries(role.facts).filter(([, f]) => f?.available) as [
    FlexibilityFact,
    { verified: boolean },
  ][];
  const first = children.locations.find((l) => l.lat !== null && l.lng !== null);
  return {
    id: role.id,
    organisationId: role.organisation.id,
    organisationName: role.organisation.name,
    title: role.title,
    description: role.description,
    category: role.category,
    categoryLabel: JOB_CATEGORIES[role.category].ja,
    employmentType: role.employmentType,
    employmentTypeLabel: EMPLOYMENT_TYPES[role.employmentType].ja,
    keywords: keywordsFor(
      role.category,
      role.remote.mode,
      facts.map(([name]) => name),
    ),
    readingsKana: readings.kana,
    readingsRomaji: readings.romaji,
    payMin: role.pay.min,
    payMax: role.pay.max ?? null,
    payUnit: role.pay.unit,
    hourlyPay: Math.round(
      monthlyPay(role.pay.min, role.pay.unit, hoursPerWeek, daysPerWeek) /
        Math.max(1, hoursPerWeek * WEEKS_PER_MONTH),
    ),
    scheduleKind: role.schedule.kind,
    hoursPerWeek,
    daysPerWeek,
    weekdays: days,
    earliestStart: Math.min(...minutes.map((w) => w.start)),
    latestEnd: Math.max(...minutes.map((w) => w.end)),
    remote: role.remote.mode,
    weekendWork: role.weekendWork,
    nightWork: role.nightWork,
    overtime: role.overtime,
    facts: facts.map(([name]) => name),
    verifiedFacts: facts.filter(([, f]) => f.verified).map(([name]) => name),
    prefCodes: [...new Set(role.locations.map((l) => l.prefCode))],
    prefectures: [...new Set(role.locations.map((l) => l.prefecture))],
    // A ward's city is listed too, so filtering by 横浜市 finds roles in 横浜市港北区.
    areaCodes: [
      ...new Set(
        children.locations.flatMap((l) => (l.parent_code ? [l.area_code, l.parent_code] : [l.area_code])),
      ),
    ],
    areaNames: role.locations.map((l) => l.name),
    ...(first?.lat != null && first.lng != null ? { point: { lat: first.lat, lng: first.lng } } : {}),
    geoArea: first ? first.area_code : '',
    geoPoint: first ? geoPointCode(first.area_code, first.town) : '',
    publishedAt: Date.parse(role.publishedAt ?? role.createdAt),
    version: role.version,
    conditions: conditionsOf(role),
    titleTerms: tradeWordsInTitle(role.title),
    documentFormat: DOCUMENT_FORMAT,
  };
}
