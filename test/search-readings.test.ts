/**
 * Romaji and kana find what kanji find, through Meilisearch and in degraded mode alike (the same
 * assertions on both): readings of titles, descriptions, organisation and place names and
 * labels are computed by the analyser when a role is written or indexed. Also areas by reading.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRolesByIds, loadRoleChildren } from '../src/features/roles/role.repository.ts';
import { kanaOnlyAnalyser, type ReadingAnalyser } from '../src/features/search/readings.ts';
import { currentReadings, roleTexts } from '../src/features/search/role-readings.ts';
import { type Account, createTestApp, roleInput, type TestApp, testReadings } from './support/test-app.ts';

const ROLES = {
  kamaboko: roleInput({
    title: '蒲鉾工場の製造スタッフ',
    description: '老舗の工場で蒲鉾の成形と箱詰めをお願いします。駅から送迎バスあり。',
    category: 'manufacturing',
    locations: [{ areaCode: '142069' }], // 小田原市
  }),
  clinic: roleInput({
    title: '内科クリニックの受付',
    description: '受付と会計、予約の電話応対です。',
    category: 'medical_office',
    locations: [{ areaCode: '141097' }], // 横浜市港北区
  }),
  kitchen: roleInput({
    title: '保育園の給食調理補助',
    description: '園児の給食づくりを手伝っていただきます。',
    category: 'food',
    locations: [{ areaCode: '131130' }], // 渋谷区
  }),
};
type Name = keyof typeof ROLES;

describe.each([
  { name: 'Meilisearch', search: true, degraded: false },
  { name: 'database (degraded)', search: false, degraded: true },
])('romaji and kana queries via $name', (mode) => {
  let t: TestApp;
  let employer: Account;
  const ids = {} as Record<Name, string>;

  async function found(q: string): Promise<Name[]> {
    const res = await t.call('GET', `/api/jobs?q=${encodeURIComponent(q)}`);
    expect(res.status, res.text).toBe(200);
    expect(res.json.degraded).toBe(mode.degraded);
    return (res.json.items as { role: { id: string } }[])
      .map((item) => (Object.entries(ids).find(([, id]) => id === item.role.id)?.[0] ?? item.role.id) as Name)
      .sort();
  }

  beforeAll(async () => {
    t = await createTestApp({ search: mode.search, readings: testReadings() });
    // The organisation's name has a reading too.
    employer = await t.employerWithOrganisation({ organisation: { name: '株式会社丸山食品' } });
    for (const [name, body] of Object.entries(ROLES) as [Name, unknown][])
      ids[name] = await t.publishRole(employer, body);
    if (mode.search) await t.syncSearch();
  }, 60_000);
  afterAll(async () => t.close());

  it('kanji, kana and romaji of the same word find the same roles: 蒲鉾 かまぼこ カマボコ kamaboko', async () => {
    for (const q of ['蒲鉾', 'かまぼこ', 'カマボコ', 'kamaboko'])
      expect(await found(q), q).toEqual(['kamaboko']);
  });

  it('place names by reading: 小田原 おだわら odawara', async () => {
    for (const q of ['小田原', 'おだわら', 'odawara']) expect(await found(q), q).toEqual(['kamaboko']);
  });

  it('受付 うけつけ uketsuke, and the kunrei spelling uketuke', async () => {
    for (const q of ['受付', 'うけつけ', 'uketsuke', 'uketuke'])
      expect(await found(q), q).toEqual(['clinic']);
  });

  it('long vowels in any spelling: 調理 ちょうり chouri chori, 給食 kyuushoku kyushoku', async () => {
    for (const q of ['調理', 'ちょうり', 'chouri', 'chori']) expect(await found(q), q).toEqual(['kitchen']);
    for (const q of ['kyuushoku', 'kyushoku']) expect(await found(q), q).toEqual(['kitchen']);
  });

  it("the organisation's name by reading: maruyama まるやま", async () => {
    for (const q of ['丸山食品', 'まるやま', 'maruyama'])
      expect(await found(q), q).toEqual(['clinic', 'kamaboko', 'kitchen']);
  });

  it('two romaji words must both match, and a word no role has finds nothing', async () => {
    expect(await found('odawara kamaboko')).toEqual(['kamaboko']);
    expect(await found('odawara uketsuke')).toEqual([]);
    expect(await found('sushi')).toEqual([]);
    // Hiragana finds whole readings, not fragments of them (じ + む, かい + けい).
    expect(await found('じむ')).toEqual(['clinic']);
    expect(await found('かいけい')).toEqual(['clinic']);
  });

  it('an edit is read again: the new word is found, the old one no longer', async () => {
    expect(await found('hoikuen')).toEqual(['kitchen']);
    expect(await found('haizen')).toEqual([]);
    const res = await t.call('PUT', `/api/roles/${ids.kitchen}`, {
      token: employer.token,
      body: { ...ROLES.kitchen, title: '幼稚園の給食配膳', description: '園児の給食の配膳と片付けです。' },
    });
    expect(res.status, res.text).toBe(200);
    if (mode.search) await t.syncSearch();
    expect(await found('haizen')).toEqual(['kitchen']);
    expect(await found('hoikuen')).toEqual([]);
  });
});

describe('readings stored per role', () => {
  let t: TestApp;
  let id: string;
  const stored = async () =>
    t.database.db.selectFrom('role_readings').selectAll().where('role_id', '=', id).executeTakeFirstOrThrow();
  const textsOf = async () => {
    const [row] = await findRolesByIds(t.database.db, [id]);
    const children = (await loadRoleChildren(t.database.db, [id])).get(id);
    if (!row || !children) throw new Error('no role');
    return roleTexts(row, children);
  };

  beforeAll(async () => {
    t = await createTestApp({ readings: testReadings() });
    const employer = await t.employerWithOrganisation();
    id = await t.publishRole(employer, ROLES.kamaboko);
  }, 60_000);
  afterAll(async () => t.close());

  it("are read at the write, and a Worker's kana-only analyser keeps them while the text is unchanged", async () => {
    const full = await stored();
    expect(full.romaji.split(' ')).toEqual(expect.arrayContaining(['kamaboko', 'odawara', 'seizo']));
    const readings = await currentReadings(t.database, kanaOnlyAnalyser, [await textsOf()]);
    expect(readings.get(id)?.romaji).toBe(full.romaji);
    expect(await stored()).toEqual(full);
  });

  it('are replaced once the text changed, even by the kana-only analyser, and the full analyser reads them again', async () => {
    const texts = await textsOf();
    const changed = { ...texts, texts: ['カマボコ工場', ...texts.texts.slice(1)] };
    await currentReadings(t.database, kanaOnlyAnalyser, [changed]);
    expect((await stored()).source).toMatch(/@kana-only$/);
    expect((await stored()).romaji).not.toContain('odawara');
    await currentReadings(t.database, testReadings(), [texts]);
    expect((await stored()).source).toMatch(/@kuromoji/);
    expect((await stored()).romaji).toContain('odawara');
  });
});

describe('an analyser that fails', () => {
  it('never fails the write: the role is saved, found by its words, and read at its next write', async () => {
    let broken = true;
    const flaky: ReadingAnalyser = {
      name: 'flaky',
      complete: true,
      read: async (texts) => {
        if (broken) throw new Error('the reading analyser stopped');
        return testReadings().read(texts);
      },
    };
    const t = await createTestApp({ readings: flaky });
    try {
      const employer = await t.employerWithOrganisation();
      const id = await t.publishRole(employer, ROLES.kamaboko);
      const ids = async (q: string) =>
        (await t.call('GET', `/api/jobs?q=${encodeURIComponent(q)}`)).json.items.map(
          (i: { role: { id: string } }) => i.role.id,
        );
      expect(await ids('蒲鉾')).toEqual([id]);
      expect(await ids('kamaboko')).toEqual([]);
      broken = false;
      const res = await t.call('PUT', `/api/roles/${id}`, { token: employer.token, body: ROLES.kamaboko });
      expect(res.status, res.text).toBe(200);
      expect(await ids('kamaboko')).toEqual([id]);
    } finally {
      await t.close();
    }
  }, 60_000);
});

describe('areas by reading and romaji', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const names = async (q: string) => {
    const res = await t.call('GET', `/api/areas?q=${encodeURIComponent(q)}`);
    expect(res.status, res.text).toBe(200);
    return (res.json.items as { name: string }[]).map((a) => a.name);
  };

  it('小田原市 by name, hiragana, katakana and romaji', async () => {
    for (const q of ['小田原', 'おだわら', 'オダワラ', 'odawara', 'Odawara'])
      expect(await names(q), q).toEqual(['小田原市']);
  });

  it('romaji in any common spelling, and a ward by its own name', async () => {
    expect(await names('shibuya')).toContain('渋谷区');
    expect(await names('kouhoku')).toContain('横浜市港北区');
    expect(await names('kohoku')).toContain('横浜市港北区');
    const res = await t.call('GET', '/api/areas?q=oosaka&kind=prefecture');
    expect(res.json.items.map((a: { name: string }) => a.name)).toEqual(['大阪府']);
    expect((await t.call('GET', '/api/areas?q=osaka&kind=prefecture')).json.total).toBe(1);
  });

  it('a romaji word no area reads as finds nothing', async () => {
    expect(await names('xyzzy')).toEqual([]);
  });
});
