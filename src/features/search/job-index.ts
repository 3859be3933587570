/**
 * The search port: what the app needs from a search engine for published roles. The Meilisearch
 * adapter implements it over fetch, so it runs on Node and Workers alike; when the engine cannot
 * be reached, methods throw `SearchUnavailableError` and callers degrade to the database.
 */
import type { JobCondition } from './job-conditions.ts';
import type { JobDocument } from './job-document.ts';

export class SearchUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SearchUnavailableError';
  }
}

export type JobSort = 'relevance' | 'distance' | 'pay' | 'newest';

/**
 * The place codes within a circle (see geo-codes.ts): areas wholly inside, and the exact points
 * (towns, or areas at their own point) inside where the edge crosses an area. An engine filters
 * on these instead of measuring distances (Meilisearch keeps no geo points: see job-document.ts).
 */
export interface GeoCodes {
  areas: string[];
  points: string[];
}

/** A circle in metres around a point, with its place codes (an engine needs them to filter). */
export interface GeoCircle {
  lat: number;
  lng: number;
  radiusMeters: number;
  within?: GeoCodes;
}

export interface JobIndexQuery {
  q: string;
  prefCodes?: string[];
  areaCodes?: string[];
  /**
   * Radius filter around a point, in metres (with its place codes), and the centre distances are
   * measured from. `rings`: smaller circles around it, nearest first, with their place codes, so
   * an engine can sort a word-less search by distance over the few roles of the smallest ring
   * holding a page instead of over the whole index. Each ring lies inside the radius and inside
   * one of the reach's circles, so within a ring those two filters hold of themselves.
   */
  near?: {
    lat: number;
    lng: number;
    radiusMeters?: number;
    within?: GeoCodes;
    rings?: { radiusMeters: number; within: GeoCodes }[];
  };
  remote?: ('none' | 'hybrid' | 'full')[];
  employmentTypes?: string[];
  /** Trades (job categories), any of them. */
  categories?: string[];
  /**
   * The trades her words named (her-words.ts): a role of one of them, or whose title says one of
   * these words (the document's titleTerms), whatever trade it is filed under.
   */
  trades?: { categories: string[]; titleWords: string[] };
  /** Mothers' filters (job-conditions.ts), every one of them. */
  conditions?: JobCondition[];
  minHourlyPay?: number;
  /** Coarse availability prefilter: only roles whose workdays are among these, within these hours. */
  availability?: { weekdays: number[]; maxHoursPerWeek: number; earliestStart: number; latestEnd: number };
  excludeOrganisationIds?: string[];
  /**
   * Roles a member could get to: fully remote, or near one of these points (her home and the
   * places she would move to), or in one of these prefectures or areas (where she would move).
   */
  reach?: {
    circles: GeoCircle[];
    prefCodes: string[];
    areaCodes: string[];
  };
  sort: JobSort;
  limit: number;
  offset: number;
  facets: boolean;
}

export interface JobIndexHit {
  id: string;
  /** Text relevance 0–1 from the engine. */
  relevance: number;
  distanceMeters?: number;
}

export interface JobIndexResult {
  hits: JobIndexHit[];
  total: number;
  facets: {
    prefCodes: Record<string, number>;
    employmentType: Record<string, number>;
    remote: Record<string, number>;
    /** Roles meeting each condition, among those found. */
    conditions: Record<string, number>;
  };
}

/**
 * How far the index can be trusted right now:
 * - `current`: it holds every change but the last moments' (normal operation);
 * - `catchingUp`: the engine answers but changes made while it was away are still being sent;
 *   searches use it and say `degraded: true`;
 * - `building`: it is being filled or rebuilt and may lack most roles; searches use the database;
 * - `unavailable`: the engine is down; searches use the database without trying it first.
 */
export type IndexFreshness = 'current' | 'catchingUp' | 'building' | 'unavailable';

export interface JobIndex {
  /**
   * The tracked freshness, where a runtime keeps one (the Node service's sync loop); without it
   * the index counts as current and an unreachable engine is found out by the search itself.
   */
  freshness?(): IndexFreshness;
  /** Creates the index if needed and applies its settings; safe to call at every start. */
  prepare(): Promise<void>;
  search(query: JobIndexQuery): Promise<JobIndexResult>;
  /** Adds or replaces documents and waits until the engine confirms them. */
  upsert(documents: JobDocument[]): Promise<void>;
  /** Removes documents and waits until the engine confirms it. */
  remove(ids: string[]): Promise<void>;
  /** Builds a new index from the batches given and swaps it in atomically. */
  rebuild(batches: AsyncIterable<JobDocument[]>, onProgress?: (indexed: number) => void): Promise<void>;
  /** How many documents the index holds. */
  documentCount(): Promise<number>;
  /**
   * How many documents lack fields the current document format has (written before an upgrade),
   * which filters would then miss; where a runtime checks this, any means a rebuild at start.
   */
  outdatedDocuments?(): Promise<number>;
  /** All ids and versions in the index, to compare with the database. */
  versions(): Promise<Map<string, number>>;
  healthy(): Promise<boolean>;
}
