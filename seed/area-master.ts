/**
 * The bundled area master (seed/reference/jp-areas.json) as typed records: one per prefecture,
 * municipality and ward. See seed/reference/README.md for sources and attribution.
 */
import records from './reference/jp-areas.json' with { type: 'json' };

export interface AreaRecord {
  /** 6-digit local government code with check digit. */
  code: string;
  kind: 'prefecture' | 'municipality' | 'ward';
  /** JIS X 0401 prefecture code, 01–47. */
  prefCode: string;
  prefecture: string;
  parentCode: string | null;
  name: string;
  kana: string;
  /** Missing for the five Northern Territories villages, which have no point. */
  lat?: number | null;
  lng?: number | null;
  /** On prefecture rows: the capital city's name. */
  capital?: string;
}

/** Every area, in the file's order (a parent before its children). */
export const AREA_RECORDS = records as AreaRecord[];
