/**
 * The search engine goes away and comes back. With its own Meilisearch process (stopped and
 * restarted on the same port and data): 200 role changes succeed while it is down, browsing
 * answers degraded from the database, and once it is back the index equals the database within
 * 60 s. Then a rebuild swaps in a fresh index while searches keep running, none failing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MeilisearchProcess, startMeilisearch } from '../src/adapter/node/meilisearch-process.ts';
import { runRelayLoop } from '../src/adapter/node/search.ts';
import { systemClock } from '../src/deps.ts';
import { findRolesByIds, loadRoleChildren } from '../src/features/roles/role.repository.ts';
import { toJobDocument } from '../src/features/search/job-document.ts';
import { rebuildJobIndex } from '../src/features/search/rebuild-index.ts';
import { meilisearchJobIndex } from '../src/search/meilisearch-job-index.ts';
import { JOB_FIXTURES } from './support/job-fixtures.ts';
import { type Account, createTestApp, type TestApp } from './support/test-app.ts';

let dataDir: string;
let meili: MeilisearchProcess;
let t: TestApp;
let employer: Account;
let loop: { stop(): Promise<void> };

/** What the index should hold: every findable role's full document. */
async function expectedDocuments() {
  const rows = await t.database.db
    .selectFrom('job_roles')
    .innerJoin('organisations', 'organisations.id', 'job_roles.organisation_id')
    .select('job_roles.id')
    .where('status', '=', 'published')
    .where('verification_state', '=', 'verified')
    .execute();
  const ids = rows.map((r) => r.id);
  const [roles, children] = await Promise.all([
    findRolesByIds(t.database.db, ids),
    loadRoleChildren(t.database.db, ids),
  ]);
  return new Map(
    roles.map((row) => [
      row.id,
      toJobDocument(row, children.get(row.id) as NonNullable<ReturnType<typeof children.get>>),
    ]),
  );
}

/** Every document as Meilisearch returns it, all fields. */
async function indexedDocuments(): Promise<Map<string, Record<string, unknown>>> {
  const response = await fetch(`${meili.url}/indexes/roles/documents/fetch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${meili.masterKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ limit: 10_000 }),
  });
  const page = (await response.json()) as { results: Record<string, unknown>[] };
  return new Map(page.results.map((doc) => [String(doc.id), doc]));
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'yorisoi-fault-'));
  meili = await startMeilisearch({ dataDir, maxIndexingMemory: '256 MiB' });
  const index = meilisearchJobIndex({
    host: meili.url,
    adminKey: meili.masterKey,
    indexUid: 'roles',
    timeoutMs: 1000,
  });
  t = await createTestApp({ search: index });
  employer = await t.employerWithOrganisation({ organisation: { name: '株式会社ひかりサポート' } });
  loop = runRelayLoop(
    t.relay as NonNullable<TestApp['relay']>,
    () => {},
    async () => {},
    100,
  );
});

afterAll(async () => {
  await loop.stop();
  await t.close();
  await meili.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('search engine outage', () => {
  it('keeps writes working, browses degraded, and converges within 60 s after the engine returns', async () => {
    // Some roles while all is well.
    const ids: string[] = [];
    for (const body of Object.values(JOB_FIXTURES)) {
      const created = await t.call('POST', '/api/roles', { token: employer.token, body });
      await t.call('POST', `/api/roles/${created.json.id}/publish`, { token: employer.token });
      ids.push(created.json.id);
    }
    await t.syncSearch();
    expect((await t.call('GET', '/api/jobs')).json.degraded).toBe(false);

    await meili.stop();

    // 200 changes while it is down: new roles published, edits, closures.
    const bodies = Object.values(JOB_FIXTURES);
    let changes = 0;
    for (let i = 0; changes < 200; i++) {
      const body = bodies[i % bodies.length] as Record<string, unknown>;
      const created = await t.call('POST', '/api/roles', {
        token: employer.token,
        body: { ...body, title: `${body.title as string} #${i}` },
      });
      expect(created.status).toBe(201);
      const published = await t.call('POST', `/api/roles/${created.json.id}/publish`, {
        token: employer.token,
      });
      expect(published.status).toBe(200);
      changes += 2;
      ids.push(created.json.id);
      if (i % 3 === 0) {
        const edited = await t.call('PUT', `/api/roles/${created.json.id}`, {
          token: employer.token,
          body: { ...body, title: `${body.title as string} #${i}（更新）` },
        });
        expect(edited.status).toBe(200);
        changes += 1;
      }
      if (i % 5 === 0) {
        const closed = await t.call('POST', `/api/roles/${ids[i] as string}/close`, {
          token: employer.token,
        });
        expect(closed.status).toBe(200);
        changes += 1;
      }
    }

    const degraded = await t.call('GET', `/api/jobs?q=${encodeURIComponent('更新')}&limit=50`);
    expect(degraded.status).toBe(200);
    expect(degraded.json.degraded).toBe(true);
    expect(degraded.json.total).toBeGreaterThan(0);
    const health = await t.call('GET', '/health');
    expect(health.json).toMatchObject({ status: 'degraded', search: 'unavailable' });
    expect(health.json.outbox.pending).toBeGreaterThan(0);

    meili = await startMeilisearch({ dataDir, port: meili.port, maxIndexingMemory: '256 MiB' });
    const started = Date.now();
    const expected = await expectedDocuments();
    let indexed = await indexedDocuments().catch(() => new Map());
    while (Date.now() - started < 60_000) {
      indexed = await indexedDocuments().catch(() => new Map());
      const pending = Number(
        (
          await t.database.db
            .selectFrom('search_outbox')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      if (pending === 0 && indexed.size === expected.size) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // Ids and content: every field we index equals what the database says now.
    expect([...indexed.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [id, doc] of expected) expect(indexed.get(id), id).toEqual(JSON.parse(JSON.stringify(doc)));
    expect((await t.call('GET', '/api/jobs')).json.degraded).toBe(false);
    expect((await t.call('GET', '/health')).json).toMatchObject({
      status: 'ok',
      search: 'ok',
      outbox: { pending: 0 },
    });
  }, 120_000);

  it('rebuilds the index and swaps it in while searches run, with no failed search', async () => {
    const expected = await expectedDocuments();
    let running = true;
    let searches = 0;
    const failures: string[] = [];
    const searching = (async () => {
      while (running) {
        const res = await t.call('GET', `/api/jobs?q=${encodeURIComponent('事務')}&limit=5`);
        searches += 1;
        if (res.status !== 200 || res.json.degraded || res.json.total === 0)
          failures.push(`${res.status} ${res.text.slice(0, 200)}`);
        // An answer reused from memory involves no I/O, so in process (no socket between) this loop
        // would otherwise never let the rebuild's own I/O run.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const result = await rebuildJobIndex(
      { database: t.database, clock: systemClock },
      t.jobIndex as NonNullable<TestApp['jobIndex']>,
    );
    running = false;
    await searching;
    expect(result.documents).toBe(expected.size);
    expect(failures).toEqual([]);
    expect(searches).toBeGreaterThan(5);
    expect([...(await indexedDocuments()).keys()].sort()).toEqual([...expected.keys()].sort());
    const indexes = (await (
      await fetch(`${meili.url}/indexes`, { headers: { authorization: `Bearer ${meili.masterKey}` } })
    ).json()) as { results: { uid: string }[] };
    expect(indexes.results.map((i) => i.uid)).toEqual(['roles']);
  }, 120_000);
});
