/**
 * Employer development as pages, driven as a browser would: the coordinator adds a firm with the
 * form, finds it by prefecture, moves it to 連絡済み with a note, leaves a dated note with the next
 * action, and sees the pipeline; a bad form comes back with messages and writes nothing; the pages
 * are for staff only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/web/i18n.ts';
import { type Account, createTestApp, type TestApp } from '../support/test-app.ts';
import { type Browser, browserFor, fieldError } from '../support/web.ts';

const w = messagesFor('ja').outreach.prospects;
let t: TestApp;
let coordinator: Account;
let staff: Browser;

const prospectCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('prospects')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.createStaff('coordinator');
  staff = browserFor(t, coordinator.token);
});
afterAll(async () => t.close());

describe('employer development pages', () => {
  it('are for staff only', async () => {
    const member = await t.signUp('member');
    expect((await browserFor(t, member.token).get('/coordinator/prospects')).status).toBe(403);
    expect((await browserFor(t).get('/coordinator/prospects')).status).toBe(303);
  });

  it('refuse a bad form with messages next to its fields, and write nothing', async () => {
    const page = await staff.post('/coordinator/prospects', {
      company: '',
      'place.prefCode': '14',
      'place.name': '',
      source: '',
    });
    expect(page.status).toBe(422);
    expect(fieldError(page.html, 'company')).toBeTruthy();
    expect(fieldError(page.html, 'place.name')).toBeTruthy();
    expect(fieldError(page.html, 'trades')).toBeTruthy();
    expect(fieldError(page.html, 'source')).toBeTruthy();
    expect(await prospectCount()).toBe(0);
  });

  it('add a firm, move it on with notes, and show the pipeline', async () => {
    const added = await staff.post('/coordinator/prospects', {
      company: '株式会社はまかぜ物流',
      'place.prefCode': '14',
      'place.name': '港北区',
      trades: ['office', 'retail'],
      contact: '総務部 田中さん',
      source: '商工会議所の紹介',
      ownerId: coordinator.userId,
      nextActionOn: '2099-01-10',
    });
    expect(added.status).toBe(303);
    const path = added.location as string;
    const found = await staff.get('/coordinator/prospects?prefCode=14');
    expect(found.html).toContain('株式会社はまかぜ物流');
    expect((await staff.get('/coordinator/prospects?prefCode=27')).html).not.toContain(
      '株式会社はまかぜ物流',
    );

    expect(
      (await staff.post(`${path}/stage`, { stage: 'contacted', stageNote: '電話で趣旨を説明' })).status,
    ).toBe(303);
    expect(
      (await staff.post(`${path}/notes`, { note: '面談日を調整中', nextActionOn: '2099-01-20' })).status,
    ).toBe(303);
    const emptyNote = await staff.post(`${path}/notes`, { note: '' });
    expect(emptyNote.status).toBe(422);
    const page = await staff.get(path);
    expect(page.html).toContain(w.movedTo(w.stages.candidate, w.stages.contacted));
    expect(page.html).toContain('電話で趣旨を説明');
    expect(page.html).toContain('面談日を調整中');
    expect(page.html).toContain('2099-01-20');

    const list = await staff.get('/coordinator/prospects');
    expect(list.html).toContain(w.pipeline);
    expect(list.html).toContain('100%');
    // The demand table waits for a prefecture; Kanagawa has no members yet, so nothing is short.
    expect(list.html).toContain(w.demandPick);
    expect(found.html).toContain(w.demandNone);
  });
});
