/**
 * Bar charts drawn on the server as inline SVG: no script, no library, readable on a 390 px phone
 * (horizontal bars, labels on the left, numbers at the bar's end). Each chart carries its title
 * and a one-line summary for screen readers, and the same numbers as a table beneath it, so the
 * figures never exist only as shapes.
 */

export interface Bar {
  label: string;
  value: number;
}

export interface Series {
  name: string;
  /** A CSS colour; series are told apart by the legend and the table too, never by colour alone. */
  colour: string;
}

export interface GroupedBar {
  label: string;
  values: number[];
}

const WIDTH = 360;
const LABEL_WIDTH = 118;
const VALUE_WIDTH = 40;
const ROW = 34;
const BAR = 22;
const PLOT = WIDTH - LABEL_WIDTH - VALUE_WIDTH;

/** A bar's length for a value, never zero-width for a non-zero count. */
function lengthOf(value: number, max: number): number {
  if (max <= 0 || value <= 0) return 0;
  return Math.max(2, Math.round((value / max) * PLOT));
}

/** Keeps a long label to the label column; the table below has it in full. */
function shorten(label: string, max = 8): string {
  return [...label].length > max ? `${[...label].slice(0, max - 1).join('')}…` : label;
}

/**
 * A horizontal bar chart.
 * @example <BarChart id="by-state" title="状態ごとのマッチ" summary="合計 12件" bars={[{ label: '確認中', value: 4 }]} />
 */
export function BarChart(props: {
  /** Unique on the page: it ties the title and description to the chart. */
  id: string;
  title: string;
  summary: string;
  bars: Bar[];
  colour?: string;
}) {
  const max = Math.max(0, ...props.bars.map((b) => b.value));
  const height = Math.max(ROW, props.bars.length * ROW) + 6;
  const id = props.id;
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-title`}>{props.title}</title>
      <desc id={`${id}-desc`}>
        {`${props.summary}。${props.bars.map((b) => `${b.label} ${b.value}`).join('、')}`}
      </desc>
      {props.bars.map((bar, i) => {
        const y = i * ROW + 4;
        const length = lengthOf(bar.value, max);
        return (
          <g>
            <text x={LABEL_WIDTH - 8} y={y + BAR - 6} text-anchor="end">
              {shorten(bar.label)}
            </text>
            <rect x={LABEL_WIDTH} y={y} width={PLOT} height={BAR} rx="4" class="chart-track" />
            <rect
              x={LABEL_WIDTH}
              y={y}
              width={length}
              height={BAR}
              rx="4"
              fill={props.colour ?? 'var(--brand)'}
            />
            <text x={LABEL_WIDTH + length + 6} y={y + BAR - 6} class="chart-value">
              {String(bar.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/**
 * Several series per row (e.g. introductions and hires per month), with a legend.
 * @example <GroupedBarChart id="per-month" title="…" summary="…" series={[{ name: '紹介', colour: '#1d6b63' }]} groups={[{ label: '2026-04', values: [3] }]} />
 */
export function GroupedBarChart(props: {
  id: string;
  title: string;
  summary: string;
  series: Series[];
  groups: GroupedBar[];
}) {
  const max = Math.max(0, ...props.groups.flatMap((g) => g.values));
  const bar = 14;
  const row = props.series.length * (bar + 3) + 10;
  const legend = 26;
  const height = legend + Math.max(row, props.groups.length * row) + 4;
  const id = props.id;
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-title`}>{props.title}</title>
      <desc id={`${id}-desc`}>
        {`${props.summary}。${props.groups
          .map((g) => `${g.label}：${props.series.map((s, i) => `${s.name} ${g.values[i] ?? 0}`).join('、')}`)
          .join('。')}`}
      </desc>
      {props.series.map((series, i) => (
        <g>
          <rect x={LABEL_WIDTH + i * 110} y={4} width={14} height={14} rx="3" fill={series.colour} />
          <text x={LABEL_WIDTH + i * 110 + 20} y={16}>
            {series.name}
          </text>
        </g>
      ))}
      {props.groups.map((group, g) => {
        const top = legend + g * row;
        return (
          <g>
            <text x={LABEL_WIDTH - 8} y={top + row / 2} text-anchor="end">
              {shorten(group.label)}
            </text>
            {props.series.map((series, s) => {
              const value = group.values[s] ?? 0;
              const y = top + s * (bar + 3);
              const length = lengthOf(value, max);
              return (
                <>
                  <rect x={LABEL_WIDTH} y={y} width={length} height={bar} rx="3" fill={series.colour} />
                  <text x={LABEL_WIDTH + length + 6} y={y + bar - 2} class="chart-value">
                    {String(value)}
                  </text>
                </>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}

/** The numbers behind a chart, as a table a screen reader (or a spreadsheet) can use. */
export function ChartTable(props: { caption: string; headers: string[]; rows: (string | number)[][] }) {
  return (
    <details class="chart-numbers">
      <summary>{props.caption}</summary>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              {props.headers.map((h) => (
                <th scope="col">{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr>
                {row.map((cell, i) => (i === 0 ? <th scope="row">{cell}</th> : <td class="num">{cell}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
