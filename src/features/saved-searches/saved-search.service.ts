/**
 * Saved searches with new-job alerts. A member names the search she is looking at and chooses
 * daily or weekly; when it is due, the scheduled job runs that search as her (her profile's hard
 * constraints applied, as when she browses) and sends only roles published since the last check:
 * an in-app notification, which the delivery relay also e-mails unless she stopped that kind.
 *
 * A check considers roles published after the last check (strictly) up to where the search index
 * is known to be complete (just before the oldest change still in the search outbox, or now), so a role published while the index catches up is kept
 * for the next alert rather than lost. The alert and the move of the window are one guarded
 * atomic unit: a run killed midway or repeated neither loses nor duplicates an alert.
 */

import type { SavedSearchTable } from '../../db/schema.ts';
import type { AppDeps } from '../../deps.ts';
import { newId } from '../../deps.ts';
import { AppError, invalidField, notFound } from '../../errors.ts';
import type { Actor } from '../auth/actor.ts';
import type { JobSearchQuery } from '../search/job-search.schemas.ts';
import { JobSearchQuerySchema } from '../search/job-search.schemas.ts';
import type { JobSearchService } from '../search/job-search.service.ts';
import { ACCESS, requireAdmitted } from '../shared/access.ts';
import {
  countSavedSearches,
  deleteOwnSavedSearch,
  dueSavedSearches,
  findOwnSavedSearch,
  insertAlertIfUnchecked,
  insertSavedSearch,
  oldestPendingSearchChange,
  recordCheck,
  savedSearchesOf,
  updateOwnSavedSearch,
} from './saved-search.repository.ts';
import type { SavedSearch, SavedSearchInput, SavedSearchUpdate } from './saved-search.schemas.ts';

const DAY_MS = 86_400_000;
const PERIOD_MS = { daily: DAY_MS, weekly: 7 * DAY_MS } as const;
/** Enough for the searches one person keeps; more is a list nobody reads. */
const MAX_PER_MEMBER = 20;
/** Searches one scheduled run alerts (each is one search): a Worker's cron run stays bounded. */
const ALERTS_PER_RUN = 20;
/** Roles one alert lists by name; the rest are counted. */
const NAMED_IN_ALERT = 5;
/** Parts of a search that say how to show it, not what to find. */
const PRESENTATION = new Set(['lang', 'limit', 'offset']);

/** What the search schema fills in when nothing is asked (its defaults). */
const DEFAULTS = JobSearchQuerySchema.parse({}) as Record<string, unknown>;

/**
 * A validated search as its canonical query string: keys in order, blanks and presentation
 * (page, language) and the schema's own defaults dropped, lists as repeated keys. Whatever the schema knows is kept.
 * @example canonicalQuery(JobSearchQuerySchema.parse({ q: '事務', prefCode: '14' })) // 'prefCode=14&q=事務'
 */

export function canonicalQuery(query: JobSearchQuery): string {
  const params = new URLSearchParams();
  const record = query as Record<string, unknown>;
  for (const key of Object.keys(record).sort()) {
    const value = record[key];
    if (PRESENTATION.has(key) || value === undefined || value === null || value === '') continue;
    // A value the schema would fill in anyway is not part of what she asked for.
    if (value === DEFAULTS[key]) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  return params.toString();
}

/** A query string as the record the search schema reads (a repeated key is a list). */
export function queryRecord(queryString: string): Record<string, string | string[]> {
  const params = new URLSearchParams(queryString.replace(/^\?/, ''));
  const record: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key).filter((v) => v.trim() !== '');
    if (values.length > 0) record[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return record;
}

/** Validates a search query string with the search's own schema; problems name the field. */
export function parseSearch(queryString: string, path = 'body.query'): JobSearchQuery {
  const parsed = JobSearchQuerySchema.safeParse(queryRecord(queryString));
  if (parsed.success) return parsed.data;
  throw new AppError(
    'validation_failed',
    'The request has invalid fields',
    parsed.error.issues.map((issue) => ({
      path: [path, ...issue.path.map(String)].join('.'),
      message: issue.message,
      code: issue.code,
    })),
  );
}

function toSavedSearch(row: SavedSearchTable): SavedSearch {
  return {
    id: row.id,
    name: row.name,
    query: row.query,
    frequency: row.frequency,
    createdAt: row.created_at,
    lastAlertAt: row.last_alert_at,
    nextAlertAt: row.next_alert_at,
  };
}

function requireMember(actor: Actor) {
  requireAdmitted(ACCESS.savedSearches, actor, 'Only members save searches');
}

/**
 * The member a scheduled alert searches as: her own account, so the search applies exactly what
 * her browsing applies (her profile, her blocks, her reach).
 */
function actingAs(userId: string): Actor {
  return { userId, role: 'member', displayName: '', email: '', organisationId: null, emailVerified: true };
}

export function createSavedSearchService(
  { database, clock, jobIndex }: Pick<AppDeps, 'database' | 'clock' | 'jobIndex'>,
  services: { jobs: JobSearchService },
) {
  const { db } = database;

  /** One due search: the new roles that fit her, written as one guarded alert. */
  async function alertOne(search: SavedSearchTable, windowEnd: string, now: Date): Promise<number> {
    const at = now.toISOString();
    const from = search.checked_until;
    const next = new Date(now.getTime() + PERIOD_MS[search.frequency]).toISOString();
    // The index is behind what she last checked (a long outage): nothing can be judged yet, and
    // the search stays due so the next run tries again.
    if (windowEnd <= from) return 0;
    let query: JobSearchQuery;
    try {
      query = parseSearch(search.query);
    } catch {
      // A search the schema no longer accepts is skipped until she saves it again, not retried.
      await database.atomic([
        recordCheck(db, { id: search.id, from }, { checked_until: windowEnd, next_alert_at: next }),
      ]);
      return 0;
    }
    const result = await services.jobs.search(actingAs(search.user_id), {
      ...query,
      sort: 'newest',
      includeInfeasible: false,
      limit: 50,
      offset: 0,
    });
    const fresh = result.items
      .map((hit) => hit.role)
      .filter(
        (role) => role.publishedAt !== null && role.publishedAt > from && role.publishedAt <= windowEnd,
      );
    const move = recordCheck(
      db,
      { id: search.id, from },
      { checked_until: windowEnd, next_alert_at: next, ...(fresh.length ? { last_alert_at: at } : {}) },
    );
    if (fresh.length === 0) {
      await database.atomic([move]);
      return 0;
    }
    const named = fresh.slice(0, NAMED_IN_ALERT).map((r) => `「${r.title}」（${r.organisation.name}）`);
    const more = fresh.length > NAMED_IN_ALERT ? `ほか${fresh.length - NAMED_IN_ALERT}件` : '';
    await database.atomic([
      insertAlertIfUnchecked(
        {
          id: newId(),
          userId: search.user_id,
          searchId: search.id,
          from,
          title: `新着求人：${search.name}`,
          body: `保存した条件「${search.name}」に合う新しい求人が${fresh.length}件あります。${named.join('、')}${more}`,
        },
        at,
      ),
      move,
    ]);
    return 1;
  }

  return {
    async list(actor: Actor): Promise<SavedSearch[]> {
      requireMember(actor);
      return (await savedSearchesOf(db, actor.userId)).map(toSavedSearch);
    },

    /**
     * Saves the search she is looking at. Alerts start from now: only roles published after this
     * moment are ever sent for it.
     * @example await savedSearches.create(actor, { name: '事務', query: 'q=事務&prefCode=14', frequency: 'daily' })
     */
    async create(actor: Actor, input: SavedSearchInput): Promise<SavedSearch> {
      requireMember(actor);
      const query = canonicalQuery(parseSearch(input.query));
      if ((await countSavedSearches(db, actor.userId)) >= MAX_PER_MEMBER)
        throw invalidField('body', `at most ${MAX_PER_MEMBER} saved searches; delete one first`, 'too_many');
      const now = clock.now();
      const frequency = input.frequency ?? 'weekly';
      const row: SavedSearchTable = {
        id: newId(),
        user_id: actor.userId,
        name: input.name.trim(),
        query,
        frequency,
        checked_until: now.toISOString(),
        next_alert_at: new Date(now.getTime() + PERIOD_MS[frequency]).toISOString(),
        last_alert_at: null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      };
      await database.atomic([insertSavedSearch(db, row)]);
      return toSavedSearch(row);
    },

    /** Renames it and sets how often it is sent (a new frequency counts from its last check). */
    async update(actor: Actor, id: string, change: SavedSearchUpdate): Promise<SavedSearch> {
      requireMember(actor);
      const row = await findOwnSavedSearch(db, actor.userId, id);
      if (!row) throw notFound('saved search');
      const { frequency } = change;
      const nextAlertAt =
        frequency === row.frequency
          ? row.next_alert_at
          : new Date(new Date(row.checked_until).getTime() + PERIOD_MS[frequency]).toISOString();
      await database.atomic([
        updateOwnSavedSearch(db, actor.userId, id, {
          name: change.name,
          frequency,
          next_alert_at: nextAlertAt,
          updated_at: clock.now().toISOString(),
        }),
      ]);
      return toSavedSearch((await findOwnSavedSearch(db, actor.userId, id)) as SavedSearchTable);
    },

    async remove(actor: Actor, id: string): Promise<void> {
      requireMember(actor);
      if (!(await findOwnSavedSearch(db, actor.userId, id))) throw notFound('saved search');
      await database.atomic([deleteOwnSavedSearch(db, actor.userId, id)]);
    },

    /**
     * The scheduled run: every due search (at most a bounded number per run) gets its alert.
     * @example await savedSearches.runAlerts() // { searchAlerts: 2 }
     */
    async runAlerts(limit = ALERTS_PER_RUN): Promise<{ searchAlerts: number }> {
      const now = clock.now();
      const at = now.toISOString();
      const due = await dueSavedSearches(db, at, limit);
      if (due.length === 0) return { searchAlerts: 0 };
      // Without a search engine the database answers every search: it is complete up to now.
      const pending = jobIndex ? await oldestPendingSearchChange(db) : null;
      // Everything enqueued before the oldest waiting change has reached the index.
      const indexedUntil = pending === null ? at : new Date(new Date(pending).getTime() - 1).toISOString();
      const windowEnd = indexedUntil < at ? indexedUntil : at;
      let searchAlerts = 0;
      for (const search of due) searchAlerts += await alertOne(search, windowEnd, now);
      return { searchAlerts };
    },
  };
}

export type SavedSearchService = ReturnType<typeof createSavedSearchService>;
