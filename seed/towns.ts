/**
 * The town master (seed/reference/jp-towns.json.gz): every town (大字・町丁目) of Japan with its
 * representative point, per municipality or ward. Read lazily (2 MB gzipped, 7 MB of JSON) and
 * only by Node tooling: the service's start-up, the seed generator, and the D1 loader. The running
 * app reads towns from the `area_towns` table, so the Workers bundle never carries this file.
 * Sources and attribution: seed/reference/README.md.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Database } from '../src/db/database.ts';
import { insertRows } from '../src/db/insert-rows.ts';
import type { AreaTownTable } from '../src/db/schema.ts';

/** One town: [name, lat, lng]. */
export type TownRecord = readonly [string, number, number];

const FILE = new URL('./reference/jp-towns.json.gz', import.meta.url);
let cache: ReadonlyMap<string, readonly TownRecord[]> | undefined;

/**
 * Towns by the 6-digit code of their municipality or ward (designated cities only through wards).
 *
 * @example townsByArea().get('141046')?.[0] // ['相生町一丁目', 35.44579, 139.63966]
 */
export function townsByArea(): ReadonlyMap<string, readonly TownRecord[]> {
  if (!cache) {
    const parsed = JSON.parse(gunzipSync(readFileSync(FILE)).toString('utf8')) as {
      municipalities: Record<string, TownRecord[]>;
    };
    cache = new Map(Object.entries(parsed.municipalities));
  }
  return cache;
}

/** The table rows for some areas' towns, or every town. */
export function townRows(codes?: readonly string[]): AreaTownTable[] {
  const towns = townsByArea();
  const wanted = codes ?? [...towns.keys()];
  return wanted.flatMap((code) =>
    (towns.get(code) ?? []).map(([name, lat, lng]) => ({ area_code: code, name, lat, lng })),
  );
}

/**
 * Loads towns into `area_towns` (all of them, or those of some areas), in one transaction.
 * About a second for all 190,000 on SQLite.
 *
 * @example await loadTowns(database, ['141046']) // a test that needs 横浜市中区's towns
 */
export async function loadTowns(database: Database, codes?: readonly string[]): Promise<number> {
  const rows = townRows(codes);
  await database.atomic(insertRows(database.db, 'area_towns', rows));
  return rows.length;
}

/** Whether the town table is empty (a new database). */
export async function townsMissing(database: Database): Promise<boolean> {
  const row = await database.db.selectFrom('area_towns').select('area_code').limit(1).executeTakeFirst();
  return row === undefined;
}

/**
 * The towns as SQL for `wrangler d1 execute --file`: multi-row INSERTs of 400 rows, well under
 * D1's statement size limit and with no bound parameters.
 */
export function townsSql(codes?: readonly string[]): string {
  const rows = townRows(codes);
  const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += 400) {
    const values = rows
      .slice(i, i + 400)
      .map((r) => `(${quote(r.area_code)},${quote(r.name)},${r.lat},${r.lng})`)
      .join(',');
    out.push(`INSERT OR IGNORE INTO area_towns (area_code, name, lat, lng) VALUES ${values};`);
  }
  return `${out.join('\n')}\n`;
}

/** FNV-1a of a string: a stable number per id, so picking a town does not draw from the seed's PRNG. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * A town of an area for a seeded member or role, chosen from its id, for a `share` of ids (the
 * rest keep the area's point, as people who gave no town do). Derived from the id rather than
 * the generator's random stream, so adding towns changed no other generated value.
 *
 * @example seedTown('141097', memberId, 0.4) // ['大倉山三丁目', 35.5211, 139.62697] or undefined
 */
export function seedTown(areaCode: string, id: string, share: number): TownRecord | undefined {
  const h = hash(id);
  if ((h % 1000) / 1000 >= share) return undefined;
  const towns = townsByArea().get(areaCode);
  if (!towns || towns.length === 0) return undefined;
  return towns[Math.floor(h / 1000) % towns.length];
}

/**
 * A plausible street address in a town: block numbers after a 丁目 name, a lot number after a
 * 大字. Also derived from the id.
 *
 * @example seedAddress(['大倉山三丁目', 35.5, 139.6], id) // '大倉山三丁目12-4'
 */
export function seedAddress(town: TownRecord, id: string): string {
  const h = hash(`${id}/address`);
  return town[0].endsWith('丁目')
    ? `${town[0]}${1 + (h % 30)}-${1 + ((h >>> 8) % 20)}`
    : `${town[0]}${1 + (h % 2000)}`;
}
