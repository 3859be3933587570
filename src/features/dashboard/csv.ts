/**
 * CSV that Excel opens correctly in Japanese: UTF-8 with a byte-order mark, CRLF line ends,
 * every field quoted (so commas, quotes and line breaks inside a field survive). Text that a
 * spreadsheet would run as a formula — starting with = + - @, a tab or a carriage return, or
 * their full-width forms, which Japanese Excel also accepts — is prefixed with an apostrophe, as
 * OWASP advises for CSV injection: names, role titles and reasons are typed by other people.
 */

import { japanDateTime } from '../shared/japan-time.ts';

const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

/** A text field as a spreadsheet will show it, never run it; numbers stay numbers. */
function neutralised(field: string | number | null | undefined): string {
  if (typeof field === 'number') return String(field);
  const text = field ?? '';
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** @example toCsv([['名前', '状態'], ['佐藤 美咲', '承認']]) // '\uFEFF"名前","状態"\r\n"佐藤 美咲","承認"\r\n' */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const line = (row: readonly (string | number | null | undefined)[]) =>
    row.map((field) => `"${neutralised(field).replaceAll('"', '""')}"`).join(',');
  return `\uFEFF${rows.map(line).join('\r\n')}\r\n`;
}

/**
 * An instant as Japan time in the form Excel reads as a date and time (2026/05/01 12:04), not UTC
 * ISO, which Excel keeps as text nine hours off; empty for none.
 *
 * @example csvDateTime('2026-05-01T03:04:00Z') // '2026/05/01 12:04'
 */
export function csvDateTime(iso: string | null | undefined): string {
  return iso ? japanDateTime(iso).replaceAll('-', '/') : '';
}
