/**
 * Radius and nearest-first browsing where a role's point is a town's, on Meilisearch (which
 * filters on place codes and sorts short lists itself) and on the database: a role counts as
 * within the radius by its own point — a town inside an area whose centre is outside is in, a
 * town outside an area whose centre is inside is out — and pages sorted by distance, one role at
 * a time, are the same list in the same order as one large page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distanceKm, type GeoPoint } from '../matching/index.ts';
import { loadTowns } from '../seed/towns.ts';
import { createGeoCodes } from '../src/features/search/geo-codes.ts';
import type { JobIndex, JobIndexQuery } from '../src/features/search/job-index.ts';
import {
  type Account,
  bareJobDocument,
  createTestApp,
  roleInput,
  type TestApp,
  testJobIndex,
} from './support/test-app.ts';

const CENTRE = '141097'; // 横浜市港北区
const NEIGHBOURS = ['141011', '141020', '141186', '141178', '141097']; // 鶴見, 神奈川, 都筑, 青葉, 港北

describe.each([
  { name: 'Meilisearch', search: true },
  { name: 'database (degraded)', search: false },
])('places within a radius via $name', (mode) => {
  let t: TestApp;
  let employer: Account;
  const ids: Record<string, string> = {};
  let radiusKm = 0;

  beforeAll(async () => {
    t = await createTestApp({ search: mode.search });
    await loadTowns(t.database, NEIGHBOURS);
    employer = await t.employerWithOrganisation();
    const areas = await t.database.db
      .selectFrom('areas')
      .select(['code', 'lat', 'lng'])
      .where('code', 'in', NEIGHBOURS)
      .execute();
    const pointOf = new Map(areas.map((a) => [a.code, { lat: a.lat as number, lng: a.lng as number }]));
    const centre = pointOf.get(CENTRE) as GeoPoint;
    const towns = await t.database.db
      .selectFrom('area_towns')
      .select(['area_code', 'name', 'lat', 'lng'])
      .where('area_code', 'in', NEIGHBOURS)
      .where('area_code', '!=', CENTRE)
      .orderBy('area_code')
      .orderBy('name')
      .execute();
    // A radius with both kinds of edge case at least 300 m clear of it.
    const clear = 0.3;
    for (let r = 2; r <= 8 && !ids.townIn; r += 0.5) {
      const away = (p: GeoPoint) => distanceKm(centre, p);
      const townIn = towns.find(
        (x) => away(x) <= r - clear && away(pointOf.get(x.area_code) as GeoPoint) > r + clear,
      );
      const townOut = towns.find(
        (x) => away(x) > r + clear && away(pointOf.get(x.area_code) as GeoPoint) <= r - clear,
      );
      if (!townIn || !townOut) continue;
      radiusKm = r;
      const at = (areaCode: string, town?: string) =>
        t.publishRole(
          employer,
          roleInput({
            locations: [{ areaCode, ...(town ? { town } : {}) }],
            title: `${areaCode} ${town ?? ''}`,
          }),
        );
      ids.townIn = await at(townIn.area_code, townIn.name);
      ids.areaOut = await at(townIn.area_code);
      ids.townOut = await at(townOut.area_code, townOut.name);
      ids.areaIn = await at(townOut.area_code);
      ids.centre = await at(CENTRE);
    }
    if (!ids.townIn) throw new Error('no radius with a town on each side of it among the neighbours');
    if (mode.search) await t.syncSearch();
  });
  afterAll(async () => t.close());

  async function browse(query: string) {
    const res = await t.call('GET', `/api/jobs?centerAreaCode=${CENTRE}&${query}`);
    expect(res.status, res.text).toBe(200);
    expect(res.json.degraded).toBe(!mode.search);
    return res.json as { items: { role: { id: string }; distanceKm: number }[]; total: number };
  }
  const named = (items: { role: { id: string } }[]) =>
    items.map((i) => Object.entries(ids).find(([, id]) => id === i.role.id)?.[0]).sort();

  it('keeps a role by its own point: a town inside counts, a town outside does not', async () => {
    const found = await browse(`radiusKm=${radiusKm}`);
    expect(named(found.items)).toEqual(['areaIn', 'centre', 'townIn']);
    expect(found.total).toBe(3);
  });

  it('pages sorted by distance are one list, nearest first, whatever the page size', async () => {
    const all = await browse('radiusKm=30&sort=distance&limit=50');
    expect(all.total).toBe(5);
    const distances = all.items.map((i) => i.distanceKm);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(all.items[0]?.role.id).toBe(ids.centre);
    const onePerPage = [];
    for (let offset = 0; offset < all.total; offset++) {
      const page = await browse(`radiusKm=30&sort=distance&limit=1&offset=${offset}`);
      expect(page.total).toBe(5);
      onePerPage.push(page.items[0]?.distanceKm);
    }
    expect(onePerPage).toEqual(distances);
    // Without a radius too (a centre only sets the order).
    const open = await browse('sort=distance&limit=2');
    expect(open.items.map((i) => i.distanceKm)).toEqual(distances.slice(0, 2));
  });
});

/** Every municipality of 東京都 and 神奈川県 with its point, in code order: a role at each. */
const tokyoAndKanagawa = (t: TestApp) =>
  t.database.db
    .selectFrom('areas')
    .select(['code', 'pref_code', 'lat', 'lng'])
    .where('pref_code', 'in', ['13', '14'])
    .where('kind', '!=', 'prefecture')
    .orderBy('code')
    .execute();

describe('nearest first in Meilisearch, sorted in the adapter from each role’s stored point', () => {
  it('gives the pages of one list, nearest first, over a ring or over every match, within a reach', async () => {
    const t = await createTestApp();
    const index = testJobIndex();
    try {
      const geo = createGeoCodes(t.database.db);
      const areas = await tokyoAndKanagawa(t);
      // One role at each area's point, and two fully remote ones without a place.
      const documents = [
        ...areas.map((a) => ({
          id: `role-${a.code}`,
          version: 1,
          remote: 'none',
          organisationId: 'org',
          prefCodes: [a.pref_code],
          geoArea: a.code,
          geoPoint: a.code,
          point: { lat: a.lat as number, lng: a.lng as number },
        })),
        ...['r1', 'r2'].map((id) => bareJobDocument(id)),
      ];
      await index.upsert(documents as unknown as Parameters<JobIndex['upsert']>[0]);
      const centre = areas.find((a) => a.code === CENTRE) as { lat: number; lng: number };
      const home = { lat: centre.lat, lng: centre.lng };
      const reachMeters = 20_000;
      // What nearest first means, worked out here from the same points.
      const inReach = areas
        .map((a) => ({ id: `role-${a.code}`, km: distanceKm(home, a as GeoPoint) }))
        .filter((a) => a.km * 1000 <= reachMeters)
        .sort((a, b) => a.km - b.km);
      const expected = [...inReach.map((a) => a.id), 'r1', 'r2'];
      const query: JobIndexQuery = {
        q: '',
        reach: {
          circles: [{ ...home, radiusMeters: reachMeters, within: await geo.within(home, reachMeters) }],
          prefCodes: [],
          areaCodes: [],
        },
        sort: 'distance',
        limit: 5,
        offset: 0,
        facets: true,
      };
      const rings = await Promise.all(
        [1, 2, 4, 8, 16].map(async (km) => ({
          radiusMeters: km * 1000,
          within: await geo.within(home, km * 1000),
        })),
      );
      for (const page of [
        { limit: 5, offset: 0 },
        { limit: 3, offset: 4 },
        { limit: 50, offset: 0 },
      ]) {
        const overAll = await index.search({ ...query, ...page, near: home });
        const overRing = await index.search({ ...query, ...page, near: { ...home, rings } });
        const wanted = expected.slice(page.offset, page.offset + page.limit);
        const placed = (ids: string[]) => ids.filter((id) => id.startsWith('role-'));
        const remote = (ids: string[]) => new Set(ids.filter((id) => !id.startsWith('role-')));
        for (const found of [overAll, overRing]) {
          const ids = found.hits.map((h) => h.id);
          expect(ids).toHaveLength(wanted.length);
          expect(placed(ids)).toEqual(placed(wanted));
          // Remote roles are in her reach but have no place: after every placed one, in either order.
          expect(ids.slice(placed(ids).length)).toEqual([...remote(ids)]);
          expect(remote(ids)).toEqual(remote(wanted));
        }
        expect(overRing.hits.some((h) => h.id === 'r1')).toBe(page.limit === 50);
        expect(overAll.total).toBe(expected.length);
        expect(overRing.total).toBe(expected.length);
        expect(overRing.facets).toEqual(overAll.facets);
        // The distance each hit is measured at, from its stored point.
        const first = overRing.hits[0];
        const firstKm = inReach.find((a) => a.id === first?.id)?.km as number;
        expect(Math.abs((first?.distanceMeters as number) / 1000 - firstKm)).toBeLessThan(0.01);
      }
    } finally {
      await t.close();
    }
  }, 60_000);
  it('trusts the ring that held the page last time only while it still does, as the place fills or empties', async () => {
    const t = await createTestApp();
    const index = testJobIndex();
    // Counting requests the adapter makes (multi-search), to see when it counts the rings again.
    const realFetch = globalThis.fetch;
    let counting = 0;
    globalThis.fetch = (input, init) => {
      if (String(input instanceof Request ? input.url : input).endsWith('/multi-search')) counting++;
      return realFetch(input, init);
    };
    try {
      const geo = createGeoCodes(t.database.db);
      const areas = await tokyoAndKanagawa(t);
      const centre = areas.find((a) => a.code === CENTRE) as { lat: number; lng: number };
      const home = { lat: centre.lat, lng: centre.lng };
      const placed = new Map(
        areas.map((a) => [`role-${a.code}`, { code: a.code, pref: a.pref_code, point: a as GeoPoint }]),
      );
      const documentOf = (id: string, place: { code: string; pref: string; point: GeoPoint }) =>
        bareJobDocument(id, {
          remote: 'none',
          prefCodes: [place.pref],
          geoArea: place.code,
          geoPoint: place.code,
          point: { lat: place.point.lat, lng: place.point.lng },
        });
      await index.upsert([...placed].map(([id, place]) => documentOf(id, place)));
      const rings = await Promise.all(
        [1, 2, 4, 8, 16, 32].map(async (km) => ({
          radiusMeters: km * 1000,
          within: await geo.within(home, km * 1000),
        })),
      );
      const query: JobIndexQuery = {
        q: '',
        near: { ...home, rings },
        sort: 'distance',
        limit: 5,
        offset: 0,
        facets: false,
      };
      /** The page worked out here: every placed role, nearest first. */
      const expectedPage = (limit: number) =>
        [...placed]
          .map(([id, p]) => ({ id, km: distanceKm(home, p.point) }))
          .sort((a, b) => a.km - b.km)
          .slice(0, limit)
          .map((r) => r.km);
      const kmOf = async (limit: number) =>
        (await index.search({ ...query, limit })).hits.map(
          (h) => Math.round(h.distanceMeters as number) / 1000,
        );
      const near = (found: number[], wanted: number[]) => {
        expect(found).toHaveLength(wanted.length);
        for (const [i, km] of found.entries())
          expect(Math.abs(km - (wanted[i] as number))).toBeLessThan(0.01);
      };

      near(await kmOf(5), expectedPage(5));
      expect(counting).toBeGreaterThan(0);
      // The same question here again, for a page the ring holds: no counting, the same list.
      counting = 0;
      near(await kmOf(4), expectedPage(4));
      expect(counting).toBe(0);

      // The place empties: every role in the ring that held the page goes, so it misses the page.
      const fifth = expectedPage(5)[4] as number;
      const heldIn = [1, 2, 4, 8, 16, 32].find((km) => km >= fifth + 0.1) as number;
      const gone = [...placed].filter(([, p]) => distanceKm(home, p.point) <= heldIn).map(([id]) => id);
      await index.remove(gone);
      for (const id of gone) placed.delete(id);
      // (Trusted without its fetch's count, the ring would give an empty page.)
      near(await kmOf(5), expectedPage(5));

      // It fills again, right at the centre: the newcomers come first, from the ring remembered
      // or a nearer one, and the list stays the same list whatever the page.
      const newcomers = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'];
      const here = { code: CENTRE, pref: '14', point: home };
      await index.upsert(newcomers.map((id) => documentOf(id, here)));
      for (const id of newcomers) placed.set(id, here);
      near(await kmOf(5), expectedPage(5));
      near(await kmOf(9), expectedPage(9));
      near(await kmOf(3), expectedPage(3));
    } finally {
      globalThis.fetch = realFetch;
      await t.close();
    }
  }, 60_000);
});
