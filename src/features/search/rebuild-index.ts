/**
 * Rebuilding the search index from the database without downtime: documents are streamed into a
 * fresh index that is swapped in atomically, so searches keep answering from the old one until
 * the moment of the swap. Changes made while it was building are re-sent afterwards through the
 * outbox, so the rebuilt index never keeps a stale role.
 */
import { sql } from 'kysely';
import type { AppDeps } from '../../deps.ts';
import { FINDABLE, findRolesByIds, loadRoleChildren } from '../roles/role.repository.ts';
import { type JobDocument, toJobDocument } from './job-document.ts';
import type { JobIndex } from './job-index.ts';
import { currentReadings, roleTexts } from './role-readings.ts';
import { fullTextMerging } from './search-outbox.repository.ts';

const PAGE = 1000;
/** Clock skew allowance when deciding what changed during the rebuild. */
const MARGIN_MS = 2000;

/** Ids of findable roles after `after` in id order, a page at a time. */
async function findablePage(db: AppDeps['database']['db'], after: string): Promise<string[]> {
  const rows = await db
    .selectFrom('job_roles')
    .innerJoin('organisations', 'organisations.id', 'job_roles.organisation_id')
    .select('job_roles.id')
    .where(FINDABLE)
    .where('job_roles.id', '>', after)
    .orderBy('job_roles.id')
    .limit(PAGE)
    .execute();
  return rows.map((r) => r.id);
}

export async function countFindableRoles(db: AppDeps['database']['db']): Promise<number> {
  const row = await db
    .selectFrom('job_roles')
    .innerJoin('organisations', 'organisations.id', 'job_roles.organisation_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(FINDABLE)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Roles of a page as documents, with their readings (read now and stored when not current). */
async function documentsOf(
  database: AppDeps['database'],
  analyser: AppDeps['readings'] | undefined,
  ids: string[],
): Promise<JobDocument[]> {
  const { db } = database;
  const [rows, children] = await Promise.all([findRolesByIds(db, ids), loadRoleChildren(db, ids)]);
  const own = (id: string) => children.get(id) as NonNullable<ReturnType<typeof children.get>>;
  const readings = await currentReadings(
    database,
    analyser,
    rows.map((row) => roleTexts(row, own(row.id))),
  );
  return rows.map((row) => toJobDocument(row, own(row.id), readings.get(row.id)));
}

/**
 * Every findable role as search documents, a page at a time in id order, with its readings:
 * stored ones when current, else read now by the analyser (and stored for next time). Each
 * page is started before the one ahead of it is finished, so the analyser's process reads the
 * next page while this one stores the last page's readings, instead of the two taking turns.
 */
export async function* documentBatches(
  database: AppDeps['database'],
  analyser?: AppDeps['readings'],
): AsyncGenerator<JobDocument[]> {
  const { db } = database;
  let ids = await findablePage(db, '');
  let current = ids.length > 0 ? documentsOf(database, analyser, ids) : undefined;
  while (current) {
    const nextIds = await findablePage(db, ids[ids.length - 1] as string);
    const next = nextIds.length > 0 ? documentsOf(database, analyser, nextIds) : undefined;
    // Awaited at the next step; a caller that stops early must not leave its failure unhandled.
    next?.catch(() => {});
    yield await current;
    ids = nextIds;
    current = next;
  }
}

/**
 * Rebuilds the index and queues every role changed meanwhile for the relay.
 * @example await rebuildJobIndex(deps, index, (done) => bar.update(done))
 */
export async function rebuildJobIndex(
  { database, clock, readings }: Pick<AppDeps, 'database' | 'clock' | 'readings'>,
  index: JobIndex,
  onProgress?: (indexed: number) => void,
): Promise<{ documents: number; requeued: number }> {
  const { db } = database;
  const startedAt = new Date(clock.now().getTime() - MARGIN_MS).toISOString();
  let documents = 0;
  // Roles read for the first time have their full-text bodies rewritten page after page: the
  // table does not merge them as it goes meanwhile, only when segments pile up (fullTextMerging).
  await database.atomic([fullTextMerging(false)]);
  try {
    await index.rebuild(documentBatches(database, readings), (indexed) => {
      documents = indexed;
      onProgress?.(indexed);
    });
  } finally {
    await database.atomic([fullTextMerging(true)]);
  }
  const now = clock.now().toISOString();
  const requeue = sql`INSERT INTO search_outbox (role_id, enqueued_at, next_attempt_at)
    SELECT r.id, ${now}, ${now} FROM job_roles r JOIN organisations o ON o.id = r.organisation_id
    WHERE r.updated_at >= ${startedAt} OR o.updated_at >= ${startedAt}`;
  await database.atomic([requeue]);
  const requeued = await db
    .selectFrom('search_outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('enqueued_at', '=', now)
    .executeTakeFirstOrThrow();
  return { documents, requeued: Number(requeued.n) };
}

/**
 * Fills an empty index through the outbox: when the index holds no documents, nothing waits in
 * the outbox and the database has findable roles, every findable role is queued for the relay.
 * This is how a runtime without a start-up (a Worker's cron) brings a new Meilisearch, a new
 * MEILI_INDEX or a freshly seeded database into step, a bounded batch at a time. Returns how
 * many roles were queued.
 * @example if (await queueAllWhenIndexEmpty(deps, index)) await relay.drain(10)
 */
export async function queueAllWhenIndexEmpty(
  { database, clock }: Pick<AppDeps, 'database' | 'clock'>,
  index: JobIndex,
): Promise<number> {
  const { db } = database;
  const waiting = await db.selectFrom('search_outbox').select('id').limit(1).executeTakeFirst();
  if (waiting || (await index.documentCount()) > 0) return 0;
  const findable = await countFindableRoles(db);
  if (findable === 0) return 0;
  const now = clock.now().toISOString();
  await database.atomic([
    sql`INSERT INTO search_outbox (role_id, enqueued_at, next_attempt_at)
      SELECT job_roles.id, ${now}, ${now} FROM job_roles
      JOIN organisations ON organisations.id = job_roles.organisation_id
      WHERE ${FINDABLE}`,
  ]);
  return findable;
}
