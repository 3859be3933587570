/**
 * Japan has one time zone, UTC+9, with no daylight saving: the calendar date there is the UTC
 * date of the instant nine hours later. (Intl time zones are avoided so Workers need no ICU data.)
 */
const JST_OFFSET_MS = 9 * 3_600_000;

/** @example japanDate(new Date('2026-11-23T20:00:00Z')) // '2026-11-24' */
export function japanDate(instant: Date): string {
  return new Date(instant.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** '2026-05-01T03:04:00Z' → '2026-05-01 12:04' (Japan time); anything unreadable as it is. */
export function japanDateTime(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  return new Date(instant.getTime() + JST_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** '2026-05-01T20:04:00Z' → '2026-05-02', the day in Japan; anything unreadable as it is. */
export function japanDay(iso: string): string {
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? iso : japanDate(instant);
}
