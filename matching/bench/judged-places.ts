/**
 * What the judged fixtures are written in: her home (横浜市中区) and a U-turn destination (札幌市中央区),
 * places a number of km north of them, times as 'HH:MM', and weekly windows, shifts and care limits.
 */
import type { CareLimit, Place, Shift, Weekday, WorkWindow } from '../types.ts';

export const HOME: Place = {
  code: '141046',
  prefCode: '14',
  kind: 'ward',
  name: '横浜市中区',
  point: { lat: 35.4446, lng: 139.6425 },
  parentCode: '141003',
};
export const KM_PER_DEGREE_LAT = 111.2;
/** 札幌市中央区, where one member plans to move back to (a U-turn). */
export const SAPPORO: Place = {
  code: '011011',
  prefCode: '01',
  kind: 'ward',
  name: '札幌市中央区',
  point: { lat: 43.0553, lng: 141.3409 },
  parentCode: '011002',
};
/** A place `km` due north of 札幌市中央区. */
export const inSapporo = (km: number, name: string): Place => ({
  ...SAPPORO,
  code: `j-${name}`,
  name,
  point: { lat: SAPPORO.point.lat + km / KM_PER_DEGREE_LAT, lng: SAPPORO.point.lng },
});
/** A place `km` due north of her home. */
export const at = (km: number, name: string): Place => ({
  ...HOME,
  code: `j-${name}`,
  name,
  point: { lat: HOME.point.lat + km / KM_PER_DEGREE_LAT, lng: HOME.point.lng },
});
export const t = (s: string): number => {
  const [h, m] = s.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};
export const WEEK: Weekday[] = [1, 2, 3, 4, 5];
export const win = (days: Weekday[], s: string, e: string, remoteOnly = false): WorkWindow[] =>
  days.map((day) => ({ day, start: t(s), end: t(e), ...(remoteOnly ? { remoteOnly } : {}) }));
export const shifts = (days: Weekday[], s: string, e: string, breakMinutes = 0): Shift[] =>
  days.map((day) => ({ day, start: t(s), end: t(e), breakMinutes }));
export const care = (days: Weekday[], leave: string | undefined, home: string | undefined): CareLimit[] =>
  days.map((day) => ({
    day,
    ...(leave ? { leaveFrom: t(leave) } : {}),
    ...(home ? { homeBy: t(home) } : {}),
  }));
