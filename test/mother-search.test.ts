/**
 * Search as a mother would use it, against the real Meilisearch and answered from SQLite in
 * degraded mode with the same assertions: her words (パート, 正社員, 在宅, 扶養内, 週2, 事務) read as
 * filters, the mothers' filters with their facet counts, a visitor near a town or within a commute
 * time, the visitor's default order, and bad filter values answered with field messages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTowns } from '../seed/towns.ts';
import { type FixtureName, publishFixtures } from './support/job-fixtures.ts';
import { type Account, createTestApp, roleInput, type TestApp } from './support/test-app.ts';

const MODES = [
  { name: 'Meilisearch', search: true, degraded: false },
  { name: 'database (degraded)', search: false, degraded: true },
];

/** What each fixture meets, worked out by hand from its schedule, facts and details. */
const CONDITION_COUNTS = {
  short_time: 5,
  sick_child: 5,
  no_overtime: 6,
  weekends_off: 5,
  few_days: 3,
  short_days: 3,
  ends_by_15: 4,
  ends_by_17: 6,
  inexperienced_ok: 2,
  remote: 2,
  commute_paid: 4,
  social_insurance: 1,
  within_dependent: 3,
};

describe.each(MODES)('a mother searching via $name', (mode) => {
  let t: TestApp;
  let employer: Account;
  let ids: Record<FixtureName, string>;
  const names = (items: { role: { id: string } }[]) =>
    items
      .map(
        (item) =>
          (Object.entries(ids).find(([, id]) => id === item.role.id)?.[0] ?? item.role.id) as FixtureName,
      )
      .sort();

  async function browse(query: string) {
    const res = await t.call('GET', `/api/jobs?${query}`);
    expect(res.status, res.text).toBe(200);
    expect(res.json.degraded).toBe(mode.degraded);
    return res.json;
  }
  const found = async (query: string) => names((await browse(query)).items);
  const words = (q: string) => `q=${encodeURIComponent(q)}`;

  beforeAll(async () => {
    t = await createTestApp({ search: mode.search });
    // 港北区's towns only: the whole master takes a second and is not needed here.
    await loadTowns(t.database, ['141097']);
    employer = await t.employerWithOrganisation({ organisation: { name: '株式会社みなと総合サービス' } });
    ids = await publishFixtures(t, employer);
    if (mode.search) await t.syncSearch();
  });
  afterAll(async () => t.close());

  it('employment-type words filter on the type: パート, アルバイト, 正社員, 契約社員, 派遣', async () => {
    const partTime = ['callCenter', 'care', 'medical', 'office'];
    expect(await found(words('パート'))).toEqual(partTime);
    expect(await found(words('アルバイト'))).toEqual(partTime);
    expect(await found(words('バイト'))).toEqual(partTime);
    expect(await found(words('正社員'))).toEqual(['accounting']);
    expect(await found(words('契約社員'))).toEqual(['web']);
    expect(await found(words('派遣'))).toEqual([]);
    const read = await browse(words('パート 福岡'));
    expect(names(read.items)).toEqual(['care']);
    expect(read.understood).toMatchObject({ text: '福岡', employmentTypes: ['part_time'] });
  });

  it('work-style words filter on conditions: 在宅, 扶養内, 週2, 土日休み, 未経験, 時短', async () => {
    expect(await found(words('在宅'))).toEqual(['callCenter', 'web']);
    expect(await found(words('パート 在宅'))).toEqual(['callCenter']);
    expect(await found(words('扶養内'))).toEqual(['callCenter', 'care', 'office']);
    expect(await found(words('週2'))).toEqual(['callCenter', 'care', 'medical']);
    expect(await found(words('週２日〜'))).toEqual(['callCenter', 'care', 'medical']);
    expect(await found(words('土日休み'))).toEqual(['accounting', 'callCenter', 'care', 'office', 'web']);
    expect(await found(words('未経験'))).toEqual(['care', 'medical']);
    expect(await found(words('時短 扶養内'))).toEqual(['callCenter', 'care', 'office']);
  });

  it('trade words filter on the trade, and combine with the others', async () => {
    expect(await found(words('事務'))).toEqual(['medical', 'office']);
    expect(await found(words('パート 事務 扶養内'))).toEqual(['office']);
    expect(await found(words('事務 正社員'))).toEqual([]);
    // A tick and a word for the same thing both hold.
    expect(await found(`${words('パート')}&employmentType=full_time`)).toEqual([]);
    expect(await found(`${words('パート')}&employmentType=part_time,contract`)).toEqual(partTimeOf());
  });
  const partTimeOf = () => ['callCenter', 'care', 'medical', 'office'];

  it('the mothers’ filters, each counted as a facet', async () => {
    const all = await browse('');
    const counts = Object.fromEntries(
      all.facets.condition.map((f: { value: string; count: number }) => [f.value, f.count]),
    );
    expect(counts).toEqual(CONDITION_COUNTS);
    expect(all.facets.condition[0]).toMatchObject({ value: 'short_time', label: '時短OK' });
    expect(await found('conditions=few_days,short_days')).toEqual(['callCenter', 'care', 'medical']);
    expect(await found('conditions=ends_by_15&conditions=within_dependent')).toEqual([
      'callCenter',
      'care',
      'office',
    ]);
    expect(await found('conditions=social_insurance')).toEqual(['accounting']);
    expect(await found('conditions=commute_paid&prefCode=14')).toEqual(['accounting', 'medical', 'office']);
    expect(await found('conditions=childcare')).toEqual([]);
    expect(await found('category=care,call_center&conditions=remote')).toEqual(['callCenter']);
    const narrowed = await browse('conditions=remote');
    expect(
      Object.fromEntries(
        narrowed.facets.condition.map((f: { value: string; count: number }) => [f.value, f.count]),
      ),
    ).toMatchObject({ remote: 2, within_dependent: 1, few_days: 1 });
  });

  it('a visitor sees the newest first, or the nearest first around the place she chose', async () => {
    const all = await browse('');
    expect(all.sort).toBe('newest');
    expect(all.items[0].role.id).toBe(ids.web);
    const near = await browse('centerAreaCode=141097&prefCode=14');
    expect(near.sort).toBe('distance');
    expect(names([near.items[0]])).toEqual(['office']);
    expect((await browse(words('経理'))).sort).toBe('newest');
    expect((await browse(words('福岡'))).sort).toBe('relevance');
  });

  it('a visitor searches near a town, within a radius or a commute time', async () => {
    const town = await browse(
      `centerAreaCode=141097&centerTown=${encodeURIComponent('大倉山三丁目')}&radiusKm=3&sort=distance`,
    );
    expect(names(town.items)).toEqual(['office']);
    expect(town.items[0].distanceKm).toBeLessThan(3);
    const commute = await browse('centerAreaCode=141097&commuteMinutes=30');
    expect(names(commute.items)).toContain('office');
    expect(names(commute.items)).not.toContain('care');
    expect(commute.sort).toBe('distance');
  });

  it('bad filter values are refused with field messages', async () => {
    const bad = await t.call('GET', '/api/jobs?conditions=free_lunch');
    expect(bad.status).toBe(422);
    expect(bad.json.error.issues[0].path).toMatch(/^query\.conditions/);
    const badTown = await t.call(
      'GET',
      `/api/jobs?centerAreaCode=141097&centerTown=${encodeURIComponent('存在しない町')}`,
    );
    expect(badTown.status).toBe(422);
    expect(badTown.json.error.issues[0].path).toBe('query.centerTown');
    const townAlone = await t.call('GET', `/api/jobs?centerTown=${encodeURIComponent('大倉山三丁目')}`);
    expect(townAlone.status).toBe(422);
    expect(townAlone.json.error.issues[0].path).toBe('query.centerTown');
    const both = await t.call('GET', '/api/jobs?centerAreaCode=141097&radiusKm=5&commuteMinutes=30');
    expect(both.status).toBe(422);
    expect(both.json.error.issues[0].path).toBe('query.commuteMinutes');
    const flag = await t.call('GET', '/api/jobs?fitsAvailability=maybe');
    expect(flag.status).toBe(422);
    expect(flag.json.error.issues[0].path).toBe('query.fitsAvailability');
    // What a ticked checkbox sends is accepted.
    expect((await t.call('GET', '/api/jobs?fitsAvailability=on&includeInfeasible=on')).status).toBe(200);
  });

  // Last: it publishes roles the tests above do not count.
  it('a trade word also finds the roles whose title says it, whatever trade they are filed under', async () => {
    const salesOffice = await t.publishRole(
      employer,
      roleInput({ title: '営業事務（受発注・パート）', category: 'sales' }),
    );
    const sales = await t.publishRole(employer, roleInput({ title: '法人営業（提案）', category: 'sales' }));
    const reception = await t.publishRole(
      employer,
      roleInput({ title: 'ホテルフロント受付（朝のみ）', category: 'hospitality' }),
    );
    if (mode.search) await t.syncSearch();
    const office = await found(words('事務'));
    expect(office).toEqual(['medical', 'office', salesOffice].sort());
    expect(await found(words('受付'))).toEqual(['medical', reception].sort());
    expect(await found(words('営業'))).toEqual([sales, salesOffice].sort());
    // A ticked trade still holds beside the word.
    expect(await found(`${words('事務')}&category=sales`)).toEqual([salesOffice]);
    expect(await found(`${words('事務')}&category=care`)).toEqual([]);
    // What the word was read as is the trades it names, as before.
    expect((await browse(words('事務'))).understood).toEqual({
      text: '',
      employmentTypes: [],
      categories: ['office', 'medical_office'],
      conditions: [],
    });
  });
});
