/**
 * A Worker has no start-up to rebuild the index in, so the relay cron fills an empty index from
 * D1: a new Meilisearch, a new MEILI_INDEX, or a database loaded without the index (the demo of
 * `npm run dev:worker`) catch up through the outbox within the next runs.
 */
import { rmSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { roleInput } from '../support/inputs.ts';
import { meilisearchBindings, prepareLocalD1, STAFF, startTestWorker } from '../support/test-worker.ts';

const dir = prepareLocalD1();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('fills a new, empty index from D1 on the next relay run', { timeout: 120_000 }, async () => {
  const title = '索引再構築テストの経理事務';
  const search = `/api/jobs?q=${encodeURIComponent('索引再構築テスト')}`;
  const first = await startTestWorker({ persistTo: dir });
  let roleId: string;
  try {
    const coordinator = await first.signIn(STAFF.coordinator);
    const employer = await first.verifiedEmployer(coordinator);
    roleId = await first.publishRole(employer, roleInput({ title }));
    await first.runCron('* * * * *');
    expect((await first.call('GET', search)).json.items).toHaveLength(1);
  } finally {
    await first.close();
  }

  const second = await startTestWorker({ persistTo: dir, bindings: meilisearchBindings() });
  try {
    const before = await second.call('GET', search);
    expect(before.json).toMatchObject({ degraded: false, items: [] });
    await second.runCron('* * * * *');
    expect(await second.outboxPending()).toBe(0);
    const after = await second.call('GET', search);
    expect(after.json.items.map((hit: { role: { id: string } }) => hit.role.id)).toEqual([roleId]);
  } finally {
    await second.close();
  }
});
