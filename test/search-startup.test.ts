/**
 * Search never holds the service up. At start the index is brought into step in the background
 * while browsing answers from the database (`degraded: true`); after a crash with a few changes
 * still in the outbox, the outbox is replayed instead of rebuilding; and after the engine returns
 * from an outage, responses say `degraded: true` until every change made meanwhile is indexed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import {
  rebuildInChildProcess,
  startIndexSync,
  startSearch,
  syncIndexOnStart,
} from '../src/adapter/node/search.ts';
import { systemClock } from '../src/deps.ts';
import type { IndexFreshness, JobIndex } from '../src/features/search/job-index.ts';
import { createOutboxRelay } from '../src/features/search/outbox-relay.ts';
import { createTestApp, roleInput, type TestApp, testJobIndex } from './support/test-app.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A job index whose engine is chosen after the app is built (the app needs its index first). */
function lateIndex() {
  let target: JobIndex | undefined;
  let freshness: () => IndexFreshness = () => 'unavailable';
  const engine = () => {
    if (!target) throw new Error('no engine yet');
    return target;
  };
  const index: JobIndex = {
    freshness: () => freshness(),
    prepare: () => engine().prepare(),
    search: (query) => engine().search(query),
    upsert: (documents) => engine().upsert(documents),
    remove: (ids) => engine().remove(ids),
    rebuild: (batches, onProgress) => engine().rebuild(batches, onProgress),
    documentCount: () => engine().documentCount(),
    outdatedDocuments: () => engine().outdatedDocuments?.() ?? Promise.resolve(0),
    versions: () => engine().versions(),
    healthy: () => engine().healthy(),
  };
  return {
    index,
    use(next: JobIndex, state: () => IndexFreshness) {
      target = next;
      freshness = state;
    },
  };
}

async function until(check: () => boolean | Promise<boolean>, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function appWithRoles(count: number) {
  const late = lateIndex();
  const t = await createTestApp({ search: late.index });
  cleanups.push(() => t.close());
  const employer = await t.employerWithOrganisation();
  const ids: string[] = [];
  for (let i = 0; i < count; i++)
    ids.push(await t.publishRole(employer, roleInput({ title: `事務スタッフ ${i}` })));
  return { t, late, employer, ids };
}

const browse = async (t: TestApp) => (await t.call('GET', '/api/jobs?limit=50')).json;

describe('search at start', () => {
  it('answers from the database at once while the index is built in the background', async () => {
    const { t, late, ids } = await appWithRoles(6);
    const engine = testJobIndex();
    const lines: string[] = [];
    const sync = startIndexSync(
      { database: t.database, clock: systemClock },
      engine,
      createOutboxRelay({ database: t.database, clock: systemClock }, engine),
      (line) => lines.push(line),
      50,
    );
    cleanups.push(() => sync.stop());
    late.use(engine, sync.freshness);

    // Nothing was awaited: the index is not built yet, and browsing answers from the database.
    expect(sync.freshness()).toBe('building');
    const first = await browse(t);
    expect(first.degraded).toBe(true);
    expect(first.items.map((i: { role: { id: string } }) => i.role.id).sort()).toEqual([...ids].sort());
    expect((await t.call('GET', '/health')).json).toMatchObject({ status: 'degraded', search: 'building' });

    await until(() => sync.freshness() === 'current');
    expect(lines.some((l) => l.includes('rebuilding'))).toBe(true);
    expect(await engine.documentCount()).toBe(6);
    const after = await browse(t);
    expect(after.degraded).toBe(false);
    expect(after.total).toBe(6);
    expect((await t.call('GET', '/health')).json).toMatchObject({ status: 'ok', search: 'ok' });
  }, 60_000);

  it('after a crash, replays the few changes left in the outbox instead of rebuilding', async () => {
    const { t, late, employer } = await appWithRoles(5);
    const engine = testJobIndex();
    const deps = { database: t.database, clock: systemClock };
    const relay = createOutboxRelay(deps, engine);
    const before = startIndexSync(deps, engine, relay, () => {}, 50);
    late.use(engine, before.freshness);
    await until(() => before.freshness() === 'current');
    // The service dies with three new roles still waiting in the outbox.
    await before.stop();
    for (let i = 0; i < 3; i++) await t.publishRole(employer, roleInput({ title: `経理補助 ${i}` }));
    expect(await engine.documentCount()).toBe(5);

    const lines: string[] = [];
    const after = startIndexSync(deps, engine, relay, (line) => lines.push(line), 50);
    cleanups.push(() => after.stop());
    late.use(engine, after.freshness);
    await until(() => after.freshness() === 'current');
    expect(lines.some((l) => l.includes('replaying'))).toBe(true);
    expect(lines.some((l) => l.includes('rebuilding'))).toBe(false);
    expect(await engine.documentCount()).toBe(8);
    expect((await browse(t)).degraded).toBe(false);
  }, 60_000);

  it('while the engine is down from the start, does not count the database’s roles over and over', async () => {
    const { t } = await appWithRoles(1);
    const engine = testJobIndex();
    let compared = 0;
    const down: JobIndex = {
      ...engine,
      healthy: async () => false,
      documentCount: () => {
        compared++;
        return engine.documentCount();
      },
    };
    const deps = { database: t.database, clock: systemClock };
    const sync = startIndexSync(deps, down, createOutboxRelay(deps, down), () => {}, 20);
    cleanups.push(() => sync.stop());
    await new Promise((r) => setTimeout(r, 400));
    expect(compared).toBe(0);
    expect(sync.freshness()).toBe('building');
  });

  it('rebuilds an index whose documents predate the current format, though the counts agree', async () => {
    const { t } = await appWithRoles(3);
    const engine = testJobIndex();
    const deps = { database: t.database, clock: systemClock };
    await syncIndexOnStart(deps, engine, () => {});
    // What an older version wrote: the same roles without the place codes radius filters use.
    const ids = [...(await engine.versions()).keys()];
    await engine.upsert(
      ids.map((id) => ({ id, version: 1 }) as unknown as Parameters<JobIndex['upsert']>[0][number]),
    );
    expect(await engine.outdatedDocuments?.()).toBe(3);
    expect(await engine.documentCount()).toBe(3);
    expect(await syncIndexOnStart(deps, engine, () => {})).toBe('rebuilt');
    expect(await engine.outdatedDocuments?.()).toBe(0);
    expect(await syncIndexOnStart(deps, engine, () => {})).toBe('in step');
  }, 60_000);

  it('rebuilds in a child process on the same database file, as the service does, and says why it failed', async () => {
    const { t } = await appWithRoles(3);
    const meili = inject('meilisearch');
    const indexUid = `test_child_${Date.now()}`;
    const engine = testJobIndex({ indexUid });
    const deps = { database: t.database, clock: systemClock };
    const target = {
      databasePath: t.database.sqlite.name,
      url: meili.url,
      apiKey: meili.masterKey,
      indexUid,
    };
    const inChild = () => rebuildInChildProcess(target);
    expect(await syncIndexOnStart(deps, engine, () => {}, undefined, inChild)).toBe('rebuilt');
    expect(await engine.documentCount()).toBe(3);
    expect(await engine.outdatedDocuments?.()).toBe(0);
    expect(await syncIndexOnStart(deps, engine, () => {})).toBe('in step');
    // An engine that refuses the key: the child's error reaches the service, not a silent exit.
    await expect(rebuildInChildProcess({ ...target, apiKey: 'not-the-key' })).rejects.toThrow(
      /index rebuild exited 1: .+/,
    );
  }, 120_000);
});

describe('search engine returning after an outage', () => {
  it('says degraded until every change made while it was away is indexed', async () => {
    const { t, late, employer, ids } = await appWithRoles(3);
    const dataDir = mkdtempSync(join(tmpdir(), 'yorisoi-startup-meili-'));
    const search = startSearch(
      { indexUid: 'roles', dataDir, maxIndexingMemory: '256 MiB' },
      { database: t.database, clock: systemClock },
      () => {},
    );
    cleanups.push(async () => {
      await search.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });
    late.use(search.index, () => search.index.freshness?.() ?? 'current');
    await until(() => search.index.freshness?.() === 'current');
    expect((await browse(t)).degraded).toBe(false);

    const supervisor = search.process as NonNullable<typeof search.process>;
    process.kill(supervisor.pid as number, 'SIGKILL');
    await until(() => search.index.freshness?.() === 'unavailable', 5000);
    // Roles published while the engine is away are found from the database meanwhile.
    for (let i = 0; i < 4; i++) ids.push(await t.publishRole(employer, roleInput({ title: `受付 ${i}` })));
    const during = await browse(t);
    expect(during.degraded).toBe(true);
    // (The supervisor may already have it back, catching up: then the engine answers, degraded.)
    if (search.index.freshness?.() === 'unavailable') expect(during.total).toBe(7);

    // From the outage until the index is current, every answer is either degraded or complete.
    let degradedAnswers = 0;
    await until(async () => {
      const page = await browse(t);
      if (page.degraded) {
        degradedAnswers += 1;
        return false;
      }
      expect(page.total).toBe(7);
      return true;
    }, 45_000);
    expect(degradedAnswers).toBeGreaterThan(0);
    expect(await search.index.documentCount()).toBe(7);
  }, 90_000);
});
