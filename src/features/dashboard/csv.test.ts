/**
 * CSV fields that a spreadsheet would run as a formula are neutralised (issue 14, fault 4).
 */
import { describe, expect, it } from 'vitest';
import { csvDateTime, toCsv } from './csv.ts';

const fields = (csv: string) => csv.replace(/^\uFEFF/, '').replace(/\r\n$/, '');

describe('toCsv', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ["=1+2+cmd|' /C calc'!A0", `"'=1+2+cmd|' /C calc'!A0"`],
    ['+1', `"'+1"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
    ['＝1', `"'＝1"`],
  ])('neutralises %j', (field, expected) => {
    expect(fields(toCsv([[field]]))).toBe(expected);
  });

  it('leaves ordinary text and numbers as they are', () => {
    expect(fields(toCsv([['佐藤 美咲', 3, -1, null, 'a=b']]))).toBe('"佐藤 美咲","3","-1","","a=b"');
  });
});

describe('csvDateTime', () => {
  it.each([
    ['2026-05-01T03:04:00.000Z', '2026/05/01 12:04'],
    ['2026-12-31T20:30:00Z', '2027/01/01 05:30'], // after 15:00 UTC it is already tomorrow in Japan
    [null, ''],
  ])('%s → %s (Japan time, read by Excel as a date)', (iso, expected) => {
    expect(csvDateTime(iso)).toBe(expected);
  });
});
