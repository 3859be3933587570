/**
 * Browsing jobs against the real Meilisearch the test run started, and the same questions
 * answered from SQLite in degraded mode: Japanese words, romaji and typos, synonyms, each filter,
 * radius, facets and sorts, and closed roles disappearing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationInput } from './support/inputs.ts';
import { type FixtureName, JOB_FIXTURES, publishFixtures } from './support/job-fixtures.ts';
import { type Account, createTestApp, type TestApp, testReadings } from './support/test-app.ts';

interface Mode {
  name: string;
  search: boolean;
  degraded: boolean;
}

const MODES: Mode[] = [
  { name: 'Meilisearch', search: true, degraded: false },
  { name: 'database (degraded)', search: false, degraded: true },
];

describe.each(MODES)('browsing jobs via $name', (mode) => {
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

  beforeAll(async () => {
    t = await createTestApp({ search: mode.search, readings: testReadings() });
    // A neutral name: the organisation's name is searchable too.
    employer = await t.employerWithOrganisation({ organisation: { name: '株式会社みなと総合サービス' } });
    ids = await publishFixtures(t, employer);
    // A draft is never findable.
    await t.call('POST', '/api/roles', {
      token: employer.token,
      body: { ...JOB_FIXTURES.office, title: '下書きの事務求人' },
    });
    if (mode.search) await t.syncSearch();
  });
  afterAll(async () => t.close());

  it('事務 finds 一般事務 and 医療事務, and 経理 does not find 医療事務', async () => {
    expect(names((await browse('q=事務')).items)).toEqual(['medical', 'office']);
    expect(names((await browse('q=経理')).items)).toEqual(['accounting']);
  });

  it('two-character and longer Japanese words: 介護, 訪問介護, レセプト', async () => {
    expect(names((await browse('q=介護')).items)).toEqual(['care']);
    expect(names((await browse(`q=${encodeURIComponent('訪問介護')}`)).items)).toEqual(['care']);
    expect(names((await browse(`q=${encodeURIComponent('レセプト')}`)).items)).toEqual(['medical']);
  });

  it('romaji finds the trade: jimu, kaigo, keiri, zaitaku', async () => {
    expect(names((await browse('q=jimu')).items)).toEqual(['medical', 'office']);
    expect(names((await browse('q=kaigo')).items)).toEqual(['care']);
    expect(names((await browse('q=keiri')).items)).toEqual(['accounting']);
    expect(names((await browse('q=zaitaku')).items)).toEqual(['callCenter', 'web']);
  });

  if (mode.search)
    it('romaji with a typo still finds the trade: kaigp, zaitku, keiiri', async () => {
      expect(names((await browse('q=kaigp')).items)).toEqual(['care']);
      expect(names((await browse('q=zaitku')).items)).toEqual(['callCenter', 'web']);
      expect(names((await browse('q=keiiri')).items)).toEqual(['accounting']);
    });

  it('synonyms: 在宅 / リモート / テレワーク, 時短 / 短時間, オフィスワーク', async () => {
    for (const word of ['在宅', 'リモート', 'テレワーク']) {
      expect(names((await browse(`q=${encodeURIComponent(word)}`)).items), word).toEqual([
        'callCenter',
        'web',
      ]);
    }
    for (const word of ['時短', '短時間']) {
      expect(names((await browse(`q=${encodeURIComponent(word)}`)).items), word).toContain('callCenter');
    }
    expect(names((await browse(`q=${encodeURIComponent('オフィスワーク')}`)).items)).toContain('office');
  });

  it('filters: prefecture, municipality (a city includes its wards), remote, employment type, pay', async () => {
    expect(names((await browse('prefCode=14')).items)).toEqual(['accounting', 'medical', 'office']);
    expect(names((await browse('prefCode=14,40')).items)).toEqual([
      'accounting',
      'care',
      'medical',
      'office',
    ]);
    expect(names((await browse('areaCode=141003')).items)).toEqual(['medical', 'office']);
    expect(names((await browse('remote=full')).items)).toEqual(['callCenter']);
    expect(names((await browse('remote=hybrid,full')).items)).toEqual(['callCenter', 'web']);
    expect(names((await browse('employmentType=full_time')).items)).toEqual(['accounting']);
    // ¥250,000 a month over 40 hours a week is about ¥1,443 an hour; ¥1,300 hourly care work is below it.
    expect(names((await browse('minHourlyPay=1400')).items)).toEqual(['accounting', 'web']);
    expect(names((await browse('minHourlyPay=1250&prefCode=40')).items)).toEqual(['care']);
  });

  it('radius around an area, and sorting by distance from it', async () => {
    expect(names((await browse('centerAreaCode=141097&radiusKm=3')).items)).toEqual(['office']);
    const near = await browse('centerAreaCode=141097&radiusKm=40');
    expect(names(near.items)).toEqual(['accounting', 'medical', 'office', 'web']);
    const byDistance = await browse('centerAreaCode=141097&sort=distance&prefCode=14');
    expect(names([byDistance.items[0]])).toEqual(['office']);
    expect(byDistance.items[0].distanceKm).toBeLessThan(1);
    const missingCentre = await t.call('GET', '/api/jobs?radiusKm=10');
    expect(missingCentre.status).toBe(422);
    expect(missingCentre.json.error.issues[0].path).toBe('query.centerAreaCode');
  });

  it('facet counts by prefecture, employment type and remote', async () => {
    const all = await browse('');
    expect(all.total).toBe(6);
    const prefecture = Object.fromEntries(
      all.facets.prefecture.map((f: { label: string; count: number }) => [f.label, f.count]),
    );
    expect(prefecture).toEqual({ 神奈川県: 3, 福岡県: 1, 東京都: 1 });
    const employment = Object.fromEntries(
      all.facets.employmentType.map((f: { value: string; count: number }) => [f.value, f.count]),
    );
    expect(employment).toEqual({ part_time: 4, full_time: 1, contract: 1 });
    const remote = Object.fromEntries(
      all.facets.remote.map((f: { value: string; count: number }) => [f.value, f.count]),
    );
    expect(remote).toEqual({ none: 4, hybrid: 1, full: 1 });
  });

  it('sorts by pay and by newest, and pages', async () => {
    const byPay = await browse('sort=pay');
    expect(names([byPay.items[0]])).toEqual(['web']);
    const newest = await browse('sort=newest');
    expect(newest.items[0].role.id).toBe(ids.web);
    const page = await browse('sort=newest&limit=2&offset=2');
    expect(page.items.map((i: { role: { id: string } }) => i.role.id)).toEqual([ids.care, ids.accounting]);
    expect(page.total).toBe(6);
  });

  it('a closed role disappears', async () => {
    const closed = await t.call('POST', `/api/roles/${ids.office}/close`, { token: employer.token });
    expect(closed.status).toBe(200);
    // Even before the index catches up, the database re-check hides it.
    expect(names((await browse('q=事務')).items)).toEqual(['medical']);
    if (mode.search) {
      await t.syncSearch();
      expect(names((await browse('q=事務')).items)).toEqual(['medical']);
      expect((await t.jobIndex?.versions())?.has(ids.office)).toBe(false);
    }
    const detail = await t.call('GET', `/api/jobs/${ids.office}`);
    expect(detail.status).toBe(404);
  });

  it('an answer given a moment ago is never reused across a write, nor once the write is searchable', async () => {
    // The test clock stands still: only the search change counter can tell these answers apart.
    const before = names((await browse('q=経理')).items);
    expect(before).toEqual(['accounting']);
    const id = await t.publishRole(employer, {
      ...JOB_FIXTURES.accounting,
      title: '経理スタッフ（月末のみ）',
    });
    // The database finds it at once; the engine only once the relay has carried it.
    const found = (items: { role: { id: string } }[]) => items.some((i) => i.role.id === id);
    expect(found((await browse('q=経理')).items)).toBe(mode.degraded);
    if (mode.search) await t.syncSearch();
    expect(found((await browse('q=経理')).items)).toBe(true);
  });

  it('a role shown a moment ago shows its edit at once, and is gone once its employer must be checked again', async () => {
    // Roles shown are kept in memory between answers: nothing but the writes themselves may tell
    // them apart here (the test clock stands still), and the index has not caught up with either.
    const titleOfCare = async () =>
      ((await browse('q=訪問介護')).items as { role: { id: string; title: string } }[]).find(
        (i) => i.role.id === ids.care,
      )?.role.title;
    expect(await titleOfCare()).toBe(JOB_FIXTURES.care.title);
    const current = await t.call('GET', `/api/roles/${ids.care}`, { token: employer.token });
    const edited = await t.call('PUT', `/api/roles/${ids.care}`, {
      token: employer.token,
      headers: { 'if-match': `"${current.json.version}"` },
      body: { ...JOB_FIXTURES.care, title: '訪問介護ヘルパー（日曜休み）' },
    });
    expect(edited.status, edited.text).toBe(200);
    expect(await titleOfCare()).toBe('訪問介護ヘルパー（日曜休み）');
    // A new legal name is checked again: until then none of the employer's roles is findable.
    const renamed = await t.call('PUT', '/api/organisations/me', {
      token: employer.token,
      body: organisationInput({ name: '株式会社みなとケアサービス' }),
    });
    expect(renamed.json.verification.state).toBe('unverified');
    expect((await browse('q=訪問介護')).items).toEqual([]);
  });
});
