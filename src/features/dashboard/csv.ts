/**
 * CSV that Excel opens correctly in Japanese: UTF-8 with a byte-order mark, CRLF line ends,
 * every field quoted (so commas, quotes and line breaks inside a field survive).
 */

/** @example toCsv([['名前', '状態'], ['佐藤 美咲', '承認']]) // '\uFEFF"名前","状態"\r\n"佐藤 美咲","承認"\r\n' */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const line = (row: readonly (string | number | null | undefined)[]) =>
    row.map((field) => `"${String(field ?? '').replaceAll('"', '""')}"`).join(',');
  return `\uFEFF${rows.map(line).join('\r\n')}\r\n`;
}
