/**
 * How many engine tasks the index's writes cost: each engine batch pays a cost that grows with
 * the index, not with the batch, so the outbox relay sends everything it drains as one addition
 * and one deletion, and a rebuild sends its pages in a few large tasks, not one task per page.
 */
import { Meilisearch } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newId } from '../src/deps.ts';
import {
  type Account,
  bareJobDocument,
  createTestApp,
  roleInput,
  type TestApp,
  testJobIndex,
} from './support/test-app.ts';

const meili = inject('meilisearch');
const admin = new Meilisearch({ host: meili.url, apiKey: meili.masterKey });

/** The tasks of a kind on indexes whose uid starts with `prefix`, enqueued after `after`. */
async function tasksOn(prefix: string, type: string, after: number) {
  const { results } = await admin.tasks.getTasks({ types: [type as never], limit: 1000 });
  return results.filter((task) => task.uid > after && (task.indexUid ?? '').startsWith(prefix));
}
const lastTaskUid = async () => (await admin.tasks.getTasks({ limit: 1 })).results[0]?.uid ?? -1;

describe('the outbox relay', () => {
  const indexUid = `test_${newId().replaceAll('-', '')}`;
  let t: TestApp;
  let employer: Account;

  beforeAll(async () => {
    t = await createTestApp({ search: testJobIndex({ indexUid }) });
    employer = await t.employerWithOrganisation();
  });
  afterAll(async () => t.close());

  it('sends every change of a drain as one addition and one deletion', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await t.publishRole(employer, roleInput({ title: `事務 ${i}` })));
    await t.syncSearch();
    // Six changes: four edits, two roles closed.
    for (const [i, id] of ids.slice(0, 4).entries()) {
      const edited = await t.call('PUT', `/api/roles/${id}`, {
        token: employer.token,
        body: roleInput({ title: `事務 ${i} 改` }),
      });
      expect(edited.status, edited.text).toBe(200);
    }
    for (const id of ids.slice(4)) {
      const closed = await t.call('POST', `/api/roles/${id}/close`, { token: employer.token });
      expect(closed.status, closed.text).toBe(200);
    }
    const before = await lastTaskUid();
    const drained = await t.syncSearch();
    expect(drained).toMatchObject({ indexed: 4, removed: 2 });
    const additions = await tasksOn(indexUid, 'documentAdditionOrUpdate', before);
    const deletions = await tasksOn(indexUid, 'documentDeletion', before);
    expect(additions).toHaveLength(1);
    expect(additions[0]?.details?.receivedDocuments).toBe(4);
    expect(deletions).toHaveLength(1);
    expect(deletions[0]?.details?.providedIds).toBe(2);
    // And the index says what the database says.
    const versions = await t.jobIndex?.versions();
    expect([...(versions?.keys() ?? [])].sort()).toEqual(ids.slice(0, 4).sort());
  });
});

describe('a rebuild', () => {
  it('sends many pages of documents as one indexing task', async () => {
    const indexUid = `test_${newId().replaceAll('-', '')}`;
    const index = testJobIndex({ indexUid });
    const pages = [0, 1, 2, 3].map((page) =>
      Array.from({ length: 25 }, (_, i) => bareJobDocument(`role-${page}-${i}`)),
    );
    async function* batches() {
      yield* pages;
    }
    const before = await lastTaskUid();
    const progress: number[] = [];
    await index.rebuild(batches(), (n) => progress.push(n));
    const additions = await tasksOn(`${indexUid}_rebuild_`, 'documentAdditionOrUpdate', before);
    expect(additions).toHaveLength(1);
    expect(additions[0]?.details?.receivedDocuments).toBe(100);
    expect(progress.at(-1)).toBe(100);
    expect(await index.documentCount()).toBe(100);
  });
});
