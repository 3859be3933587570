/** Prefectures, municipalities and wards, and their towns (大字・町丁目) with points. */
export interface AreaTable {
  code: string;
  kind: 'prefecture' | 'municipality' | 'ward';
  pref_code: string;
  prefecture: string;
  parent_code: string | null;
  name: string;
  kana: string;
  lat: number | null;
  lng: number | null;
}

/** A town (大字・町丁目) of a municipality or ward with its representative point (0011). */
export interface AreaTownTable {
  area_code: string;
  name: string;
  lat: number;
  lng: number;
}
