/**
 * Retrieval from the database when the search engine is unreachable (degraded mode). SQL narrows
 * the candidates (status, places, remote, employment type, text); the rest of the filters, the
 * sort and the facet counts run over those candidates' search documents, with the same meaning
 * as the engine's. Text relevance is not ranked here: matches come newest first.
 */
import type { Kysely } from 'kysely';
import { distanceKm } from '../../../matching/index.ts';
import type { DB } from '../../db/schema.ts';
import { findRolesByIds, loadRoleChildren } from '../roles/role.repository.ts';
import { type JobDocument, toJobDocument } from './job-document.ts';
import type { JobIndexQuery, JobIndexResult } from './job-index.ts';
import { findPublishedRoleIds } from './job-search.repository.ts';
import { CATEGORY_KEYWORDS, FACT_KEYWORDS, REMOTE_KEYWORDS } from './keywords.ts';

/** Enough candidates for a person's search; beyond this a degraded answer asks her to narrow it. */
const MAX_CANDIDATES = 2000;

/**
 * The words a database search looks for: Meilisearch reads at most the first 10 words of a query,
 * and so does this (which also keeps every statement well within D1's 100 bound parameters).
 */
const MAX_TERMS = 10;

/** Splits a query into words (ASCII and full-width spaces), each once, at most MAX_TERMS. */
export function queryTerms(q: string): string[] {
  return [...new Set(q.split(/[\s\u3000]+/).filter(Boolean))].slice(0, MAX_TERMS);
}

/** The trades, remote modes and facts a word names: 事務 also finds 一般事務 roles, zaitaku remote ones. */
function namedBy(term: string) {
  const word = term.toLowerCase();
  const names = (keywords: string[]) => keywords.some((k) => k.toLowerCase().includes(word));
  return {
    categories: Object.entries(CATEGORY_KEYWORDS)
      .filter(([, keywords]) => names(keywords))
      .map(([category]) => category),
    remoteModes: Object.entries(REMOTE_KEYWORDS)
      .filter(([, keywords]) => names(keywords))
      .map(([mode]) => mode),
    facts: Object.entries(FACT_KEYWORDS)
      .filter(([, keywords]) => names(keywords ?? []))
      .map(([fact]) => fact),
  };
}

function fitsAvailability(doc: JobDocument, a: NonNullable<JobIndexQuery['availability']>): boolean {
  if (doc.hoursPerWeek > a.maxHoursPerWeek) return false;
  if (doc.scheduleKind === 'flexible') return true;
  return (
    doc.earliestStart >= a.earliestStart &&
    doc.latestEnd <= a.latestEnd &&
    doc.weekdays.every((d) => a.weekdays.includes(d))
  );
}

function withinReach(doc: JobDocument, reach: NonNullable<JobIndexQuery['reach']>): boolean {
  if (doc.remote === 'full') return true;
  const point = doc._geo;
  if (point && reach.circles.some((c) => distanceKm(c, point) * 1000 <= c.radiusMeters)) return true;
  return (
    doc.prefCodes.some((p) => reach.prefCodes.includes(p)) ||
    doc.areaCodes.some((a) => reach.areaCodes.includes(a))
  );
}

function count(values: string[], into: Record<string, number>) {
  for (const value of values) into[value] = (into[value] ?? 0) + 1;
}

export async function retrieveFromDatabase(db: Kysely<DB>, query: JobIndexQuery): Promise<JobIndexResult> {
  const ids = await findPublishedRoleIds(db, {
    terms: queryTerms(query.q).map((text) => ({ text, ...namedBy(text) })),
    ...(query.prefCodes ? { prefCodes: query.prefCodes } : {}),
    ...(query.areaCodes ? { areaCodes: query.areaCodes } : {}),
    ...(query.remote ? { remote: query.remote } : {}),
    ...(query.employmentTypes ? { employmentTypes: query.employmentTypes } : {}),
    ...(query.excludeOrganisationIds ? { excludeOrganisationIds: query.excludeOrganisationIds } : {}),
    limit: MAX_CANDIDATES,
  });
  const rows = await findRolesByIds(db, ids);
  const children = await loadRoleChildren(db, ids);
  const near = query.near;
  const documents = rows
    .map((row) => {
      const doc = toJobDocument(row, children.get(row.id) as NonNullable<ReturnType<typeof children.get>>);
      const km = near && doc._geo ? distanceKm(near, doc._geo) : undefined;
      return { doc, meters: km === undefined ? undefined : km * 1000 };
    })
    .filter(({ doc, meters }) => {
      if (query.minHourlyPay !== undefined && doc.hourlyPay < query.minHourlyPay) return false;
      if (near?.radiusMeters !== undefined && (meters === undefined || meters > near.radiusMeters))
        return false;
      if (query.reach && !withinReach(doc, query.reach)) return false;
      return !query.availability || fitsAvailability(doc, query.availability);
    });

  const order: Record<
    JobIndexQuery['sort'],
    (a: (typeof documents)[number], b: (typeof documents)[number]) => number
  > = {
    distance: (a, b) => (a.meters ?? Number.POSITIVE_INFINITY) - (b.meters ?? Number.POSITIVE_INFINITY),
    pay: (a, b) => b.doc.hourlyPay - a.doc.hourlyPay,
    newest: (a, b) => b.doc.publishedAt - a.doc.publishedAt,
    relevance: (a, b) => b.doc.publishedAt - a.doc.publishedAt,
  };
  documents.sort((a, b) => order[query.sort](a, b) || (a.doc.id < b.doc.id ? -1 : 1));

  const facets: JobIndexResult['facets'] = { prefCodes: {}, employmentType: {}, remote: {} };
  if (query.facets) {
    for (const { doc } of documents) {
      count(doc.prefCodes, facets.prefCodes);
      count([doc.employmentType], facets.employmentType);
      count([doc.remote], facets.remote);
    }
  }
  return {
    hits: documents.slice(query.offset, query.offset + query.limit).map(({ doc, meters }) => ({
      id: doc.id,
      relevance: 1,
      ...(meters !== undefined ? { distanceMeters: meters } : {}),
    })),
    total: documents.length,
    facets,
  };
}
