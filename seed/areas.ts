/**
 * The area master as the generator sees it: places people live and work in (wards of designated
 * cities and every other municipality with a coordinate), each weighted by how many people live
 * there, so that Yokohama's wards get many members and a mountain village a few.
 */
import { AREA_RECORDS, type AreaRecord } from './area-master.ts';
import { type Random, WeightedTable } from './random.ts';

export interface SeedArea {
  code: string;
  kind: 'prefecture' | 'municipality' | 'ward';
  prefCode: string;
  prefecture: string;
  parentCode: string | null;
  name: string;
  lat: number;
  lng: number;
  /** Relative population weight across the whole country. */
  weight: number;
  /** True for the prefecture's capital city (or one of its wards). */
  capital: boolean;
  /** Town or village (町/村): car commutes, fewer jobs, hometown (地元) destinations. */
  rural: boolean;
}

/**
 * Prefecture populations in units of 10,000 (2020 census, rounded). We hold no municipal
 * population data, so a prefecture's share is spread over its places by kind (see placeWeight).
 */
const PREFECTURE_POPULATION: Record<string, number> = {
  '01': 522,
  '02': 124,
  '03': 121,
  '04': 230,
  '05': 96,
  '06': 107,
  '07': 183,
  '08': 287,
  '09': 193,
  '10': 194,
  '11': 734,
  '12': 628,
  '13': 1405,
  '14': 924,
  '15': 220,
  '16': 103,
  '17': 113,
  '18': 77,
  '19': 81,
  '20': 205,
  '21': 198,
  '22': 363,
  '23': 754,
  '24': 177,
  '25': 141,
  '26': 258,
  '27': 884,
  '28': 547,
  '29': 132,
  '30': 92,
  '31': 55,
  '32': 67,
  '33': 189,
  '34': 280,
  '35': 134,
  '36': 72,
  '37': 95,
  '38': 133,
  '39': 69,
  '40': 514,
  '41': 81,
  '42': 131,
  '43': 174,
  '44': 112,
  '45': 107,
  '46': 159,
  '47': 147,
};

/** Prefectures whose cities are dense enough that most members commute by train or bus. */
export const METRO_PREFECTURES = new Set(['11', '12', '13', '14', '23', '26', '27', '28', '40']);

/**
 * A place's weight within its prefecture. A designated-city ward or a Tokyo special ward holds
 * 100–900k people, a capital city a few hundred thousand, a typical 市 tens of thousands,
 * a 町 ten thousand and a 村 a few thousand; these ratios approximate that.
 */
function placeWeight(record: AreaRecord, capital: boolean, tokyoWard: boolean): number {
  if (capital && record.kind === 'municipality') return 14;
  if (record.kind === 'ward' || tokyoWard) return capital ? 11 : 9;
  if (record.name.endsWith('市')) return 3.5;
  if (record.name.endsWith('町')) return 0.8;
  return 0.25;
}

export interface AreaIndex {
  /** Every place someone can live or work in, in master order. */
  places: readonly SeedArea[];
  prefectures: readonly SeedArea[];
  byCode: ReadonlyMap<string, SeedArea>;
  /** A place anywhere in Japan, by population. */
  pickPlace(random: Random): SeedArea;
  /** A place in one prefecture, by population. */
  pickPlaceIn(random: Random, prefCode: string): SeedArea;
  /** The capital (its most central ward for a designated city). */
  capitalOf(prefCode: string): SeedArea;
  /** A prefecture's population weight (in units of 10,000 people). */
  population(prefCode: string): number;
  /** Places within `km` of a place, nearest first (the place itself excluded). */
  near(area: SeedArea, km: number): readonly SeedArea[];
  /** A place by its full name, e.g. '横浜市港北区'; throws when unknown (demo data names places). */
  byName(name: string): SeedArea;
}

let cached: AreaIndex | undefined;

/**
 * The area index, built once per process from seed/reference/jp-areas.json.
 * @example const areas = loadAreas(); areas.pickPlace(random).name // '横浜市港北区'
 */
export function loadAreas(): AreaIndex {
  cached ??= buildIndex(AREA_RECORDS);
  return cached;
}

function buildIndex(records: AreaRecord[]): AreaIndex {
  const capitals = new Map(
    records.filter((r) => r.kind === 'prefecture').map((r) => [r.prefCode, r.capital ?? '']),
  );
  const withWards = new Set(records.filter((r) => r.kind === 'ward').map((r) => r.parentCode));
  const capitalCodes = new Set(
    records
      .filter((r) => r.kind === 'municipality' && capitals.get(r.prefCode) === r.name)
      .map((r) => r.code),
  );
  const toArea = (r: AreaRecord, weight: number, capital: boolean): SeedArea => ({
    code: r.code,
    kind: r.kind as SeedArea['kind'],
    prefCode: r.prefCode,
    prefecture: r.prefecture,
    parentCode: r.parentCode,
    name: r.name,
    lat: r.lat ?? 0,
    lng: r.lng ?? 0,
    weight,
    capital,
    rural: r.kind === 'municipality' && (r.name.endsWith('町') || r.name.endsWith('村')),
  });

  const prefectures = records.filter((r) => r.kind === 'prefecture').map((r) => toArea(r, 0, false));
  // A designated city itself is not a place: its wards are, so a member lives in 港北区, not 横浜市.
  const raw = records.filter((r) => r.kind !== 'prefecture' && r.lat !== null && !withWards.has(r.code));
  const local = raw.map((r) => {
    const capital = capitalCodes.has(r.code) || (r.parentCode !== null && capitalCodes.has(r.parentCode));
    const tokyoWard = r.prefCode === '13' && r.kind === 'municipality' && r.name.endsWith('区');
    return toArea(r, placeWeight(r, capital, tokyoWard), capital);
  });
  const sums = new Map<string, number>();
  for (const place of local) sums.set(place.prefCode, (sums.get(place.prefCode) ?? 0) + place.weight);
  const places = local.map((p) => ({
    ...p,
    weight: ((PREFECTURE_POPULATION[p.prefCode] ?? 100) * p.weight) / (sums.get(p.prefCode) ?? 1),
  }));

  const byCode = new Map<string, SeedArea>([...prefectures, ...places].map((a) => [a.code, a]));
  const byName = new Map(places.map((p) => [p.name, p]));
  const everywhere = new WeightedTable(places, (p) => p.weight);
  const perPrefecture = new Map<string, WeightedTable<SeedArea>>();
  for (const pref of prefectures) {
    perPrefecture.set(
      pref.prefCode,
      new WeightedTable(
        places.filter((p) => p.prefCode === pref.prefCode),
        (p) => p.weight,
      ),
    );
  }
  const capitalPlace = new Map<string, SeedArea>();
  for (const place of places) {
    // The first capital place in code order: the city itself, or its first (usually central) ward.
    if (place.capital && !capitalPlace.has(place.prefCode)) capitalPlace.set(place.prefCode, place);
  }
  const nearCache = new Map<string, readonly SeedArea[]>();

  return {
    places,
    prefectures,
    byCode,
    pickPlace: (random) => everywhere.pick(random),
    population: (prefCode) => PREFECTURE_POPULATION[prefCode] ?? 100,
    pickPlaceIn(random, prefCode) {
      const table = perPrefecture.get(prefCode);
      if (!table) throw new Error(`Unknown prefecture ${prefCode}`);
      return table.pick(random);
    },
    capitalOf(prefCode) {
      const place = capitalPlace.get(prefCode);
      if (!place) throw new Error(`No capital for prefecture ${prefCode}`);
      return place;
    },
    near(area, km) {
      const key = `${area.code}:${km}`;
      let list = nearCache.get(key);
      if (!list) {
        list = places
          .map((p) => ({ p, d: distanceKm(area, p) }))
          .filter((x) => x.p.code !== area.code && x.d <= km)
          .sort((x, y) => x.d - y.d || x.p.code.localeCompare(y.p.code))
          .map((x) => x.p);
        nearCache.set(key, list);
      }
      return list;
    },
    byName(name) {
      const place = byName.get(name);
      if (!place) throw new Error(`Unknown place ${name}`);
      return place;
    },
  };
}

/** Equirectangular distance: plenty for "within 20 km" at Japan's latitudes. */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const x = (b.lng - a.lng) * rad * Math.cos(((a.lat + b.lat) / 2) * rad);
  const y = (b.lat - a.lat) * rad;
  return Math.sqrt(x * x + y * y) * 6371;
}
