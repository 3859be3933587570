/**
 * Town points in the seed: the master is read correctly, and generated and demo members and
 * roles carry towns of their own area (some of them, the rest at the area's point).
 */
import { describe, expect, it } from 'vitest';
import { generateDataset, materialise } from './generator.ts';
import { seedAddress, seedTown, townRows, townsByArea } from './towns.ts';

describe('the town master', () => {
  it('holds every municipality and ward with towns, points in Japan', () => {
    const towns = townsByArea();
    expect(towns.size).toBe(1895);
    expect(towns.get('141097')?.find((t) => t[0] === '大倉山三丁目')).toEqual([
      '大倉山三丁目',
      35.5211,
      139.62697,
    ]);
    for (const row of townRows(['011011', '472018'])) {
      expect(row.lat).toBeGreaterThan(24);
      expect(row.lat).toBeLessThan(46);
    }
  });
  it('picks towns and addresses from the id alone, for the share asked', () => {
    const ids = Array.from({ length: 400 }, (_, i) => `id-${i}`);
    const picked = ids.map((id) => seedTown('141097', id, 0.4));
    expect(picked).toEqual(ids.map((id) => seedTown('141097', id, 0.4)));
    const share = picked.filter(Boolean).length / ids.length;
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.5);
    const town = picked.find(Boolean);
    if (town) expect(seedAddress(town, 'x').startsWith(town[0])).toBe(true);
  });
});

describe('seeded members and roles', () => {
  const data = materialise(
    generateDataset({ seed: 7, roles: 200, members: 100, now: new Date('2026-04-01') }),
  );
  it('some members give a town of their own area, with its point', () => {
    const withTown = data.members.members.filter((m) => m.home_town);
    expect(withTown.length).toBeGreaterThan(20);
    expect(withTown.length).toBeLessThan(data.members.members.length);
    for (const m of withTown) {
      const town = townsByArea()
        .get(m.area_code)
        ?.find((t) => t[0] === m.home_town);
      expect(town).toEqual([m.home_town, m.home_lat, m.home_lng]);
    }
    const demo = data.members.members[0];
    expect(demo?.home_town).toBe('大倉山三丁目');
  });
  it('some workplaces have an address in a town of their area, with its point', () => {
    const withTown = data.roles.locations.filter((l) => l.town);
    expect(withTown.length).toBeGreaterThan(40);
    for (const l of withTown) {
      expect(l.address?.startsWith(l.town as string)).toBe(true);
      const town = townsByArea()
        .get(l.area_code)
        ?.find((t) => t[0] === l.town);
      expect(town).toEqual([l.town, l.lat, l.lng]);
    }
    expect(data.roles.locations[0]).toMatchObject({ town: '新横浜二丁目', address: '新横浜二丁目5-14' });
  });
});
