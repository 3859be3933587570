/**
 * The outbox relay: carries role changes from the database to the search index. It reads a batch
 * of due entries, loads each role's current state (so many changes to one role become one write),
 * upserts what should be findable and removes what should not, and deletes the entries only after
 * the engine confirmed the writes. On failure the entries stay, with a growing delay.
 */
import type { AppDeps } from '../../deps.ts';
import { findRolesByIds, isFindable, loadRoleChildren } from '../roles/role.repository.ts';
import { toJobDocument } from './job-document.ts';
import type { JobIndex } from './job-index.ts';
import { currentReadings, roleTexts } from './role-readings.ts';
import { deleteEntries, dueEntries, postponeEntries } from './search-outbox.repository.ts';

export interface RelayOptions {
  batchSize: number;
  /** First retry delay; doubles with each failed attempt. */
  baseDelayMs: number;
  maxDelayMs: number;
}

// Retries back off to at most 10 s, so the index catches up within seconds of the engine returning.
export const DEFAULT_RELAY_OPTIONS: RelayOptions = { batchSize: 500, baseDelayMs: 500, maxDelayMs: 10_000 };

export interface DrainResult {
  indexed: number;
  removed: number;
  /** The error that stopped the drain, if any; entries are kept for a retry. */
  error?: string;
}

export function createOutboxRelay(
  { database, clock, readings: analyser }: Pick<AppDeps, 'database' | 'clock' | 'readings'>,
  index: JobIndex,
  options = DEFAULT_RELAY_OPTIONS,
) {
  const { db } = database;
  let running: Promise<DrainResult> | undefined;

  async function drainBatch(): Promise<DrainResult & { entries: number }> {
    const now = clock.now();
    const entries = await dueEntries(db, now.toISOString(), options.batchSize);
    if (entries.length === 0) return { entries: 0, indexed: 0, removed: 0 };
    const roleIds = [...new Set(entries.map((e) => e.role_id))];
    try {
      const rows = (await findRolesByIds(db, roleIds)).filter(isFindable);
      const children = await loadRoleChildren(
        db,
        rows.map((r) => r.id),
      );
      const texts = rows.flatMap((row) => {
        const own = children.get(row.id);
        return own ? [roleTexts(row, own)] : [];
      });
      // Read before the engine is asked, so the database's full-text search has them even while it is away.
      const readings = await currentReadings(database, analyser, texts);
      const documents = rows.flatMap((row) => {
        const own = children.get(row.id);
        return own ? [toJobDocument(row, own, readings.get(row.id))] : [];
      });
      const findable = new Set(documents.map((d) => d.id));
      const gone = roleIds.filter((id) => !findable.has(id));
      // The drain's every change in two engine tasks sent together (the ids differ: a role is
      // either findable or gone), so a write waits for one indexing batch, not one per change.
      await Promise.all([index.upsert(documents), index.remove(gone)]);
      await database.atomic([
        deleteEntries(
          db,
          entries.map((e) => e.id),
        ),
      ]);
      return { entries: entries.length, indexed: documents.length, removed: gone.length };
    } catch (error) {
      const attempts = Math.max(...entries.map((e) => e.attempts)) + 1;
      const delay = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempts - 1));
      const message = error instanceof Error ? error.message : String(error);
      await database.atomic([
        postponeEntries(
          db,
          entries.map((e) => e.id),
          new Date(now.getTime() + delay).toISOString(),
          message,
        ),
      ]);
      return { entries: entries.length, indexed: 0, removed: 0, error: message };
    }
  }

  async function drainAll(maxBatches: number): Promise<DrainResult> {
    const total: DrainResult = { indexed: 0, removed: 0 };
    for (let batches = 1; ; batches += 1) {
      const batch = await drainBatch();
      total.indexed += batch.indexed;
      total.removed += batch.removed;
      if (batch.error) return { ...total, error: batch.error };
      if (batch.entries < options.batchSize || batches >= maxBatches) return total;
    }
  }

  return {
    /**
     * Drains every due entry, or at most `maxBatches` batches of them (a Worker's cron run is
     * bounded; the rest waits for the next run). Concurrent calls share one run, so entries are
     * never sent twice at once.
     * @example const { indexed, error } = await relay.drain()
     */
    drain(maxBatches = Number.POSITIVE_INFINITY): Promise<DrainResult> {
      running ??= drainAll(maxBatches).finally(() => {
        running = undefined;
      });
      return running;
    },
  };
}

export type OutboxRelay = ReturnType<typeof createOutboxRelay>;
