/**
 * The coordinator's dashboard: the service's figures drawn as server-rendered SVG bar charts,
 * each with its numbers as a table too, and links to the CSV exports the API serves.
 */
import type { AppEnv } from '../../http/env.ts';
import { type Bar, BarChart, ChartTable, GroupedBarChart } from '../../web/charts.tsx';
import { newPageRouter, render, requirePage } from '../../web/pages.tsx';
import type { View } from '../../web/view.ts';
import { type AfterHireOutcomes, afterHireOutcomes } from '../follow-up/outcomes.ts';
import { AfterHireOutcomesCards } from '../follow-up/outcomes.view.tsx';
import { MATCH_STATES, type MatchState } from '../matches/match-lifecycle.ts';
import { ACCESS } from '../shared/access.ts';

type Summary = Awaited<ReturnType<AppEnv['Variables']['services']['dashboard']['summary']>>;

const total = (bars: Bar[]) => bars.reduce((sum, b) => sum + b.value, 0);

function ChartCard(props: {
  view: View;
  id: string;
  title: string;
  bars: Bar[];
  /** Fuller labels for the table, where there is room. */
  tableLabels?: string[];
  colour?: string;
}) {
  const d = props.view.m.coordinator.dashboard;
  return (
    <section class="card chart-card" aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.title}</h2>
      {props.bars.length === 0 || total(props.bars) === 0 ? (
        <p class="empty">{d.noData}</p>
      ) : (
        <>
          <BarChart
            id={props.id}
            title={props.title}
            summary={d.chartSummary(props.title, total(props.bars))}
            bars={props.bars}
            {...(props.colour ? { colour: props.colour } : {})}
          />
          <ChartTable
            caption={d.asTable}
            headers={[d.label, d.count]}
            rows={props.bars.map((b, i) => [props.tableLabels?.[i] ?? b.label, b.value])}
          />
        </>
      )}
    </section>
  );
}

function DecisionTime(props: { view: View; hours: number | null; spans: Summary['decisionTimes'] }) {
  const d = props.view.m.coordinator.dashboard;
  const spanBars = props.spans.map((s) => ({ label: d.decisionSpans[s.span], value: s.decisions }));
  return (
    <section class="card stat-card" aria-labelledby="decision-heading">
      <h2 id="decision-heading">{d.decision}</h2>
      {props.hours === null ? (
        <p class="empty">{d.noDecisions}</p>
      ) : (
        <>
          <p class="stat">
            {d.medianHours(props.hours)}
            {props.hours >= 48 && <span class="meta">（{d.medianDays(Math.round(props.hours / 24))}）</span>}
          </p>
          <p class="meta">{d.medianHint}</p>
          <BarChart
            id="decision-times"
            title={d.decisionSpansTitle}
            summary={d.chartSummary(d.decisionSpansTitle, total(spanBars))}
            bars={spanBars}
          />
          <ChartTable
            caption={d.asTable}
            headers={[d.label, d.count]}
            rows={spanBars.map((b) => [b.label, b.value])}
          />
        </>
      )}
    </section>
  );
}

function PerMonth(props: { view: View; perMonth: Summary['perMonth'] }) {
  const d = props.view.m.coordinator.dashboard;
  const rows = props.perMonth;
  const series = [
    { name: d.introductions, colour: 'var(--brand)' },
    { name: d.hires, colour: 'var(--accent)' },
  ];
  const all = rows.reduce((sum, r) => sum + r.introductions + r.hires, 0);
  return (
    <section class="card chart-card" aria-labelledby="per-month-heading">
      <h2 id="per-month-heading">{d.perMonth}</h2>
      {all === 0 ? (
        <p class="empty">{d.noData}</p>
      ) : (
        <>
          <GroupedBarChart
            id="per-month"
            title={d.perMonth}
            summary={d.chartSummary(
              d.introductions,
              rows.reduce((sum, r) => sum + r.introductions, 0),
            )}
            series={series}
            groups={rows.map((r) => ({ label: r.month, values: [r.introductions, r.hires] }))}
          />
          <ChartTable
            caption={d.asTable}
            headers={[d.month, d.introductions, d.hires]}
            rows={rows.map((r) => [r.month, r.introductions, r.hires])}
          />
        </>
      )}
    </section>
  );
}

function DashboardPage(props: { view: View; summary: Summary; afterHire: AfterHireOutcomes }) {
  const { view, summary } = props;
  const { m } = view;
  const d = m.coordinator.dashboard;
  const byState = MATCH_STATES.filter((s) => (summary.byState[s] ?? 0) > 0).map((s) => ({
    label: m.matchStates[s as MatchState],
    value: summary.byState[s] ?? 0,
  }));
  // The chart says 段階3; the table beneath it gives each stage's full name.
  const stages = [...summary.byStage].sort((a, b) => (a.stage ?? 99) - (b.stage ?? 99));
  const byStage = stages.map((s) => ({
    label: s.stage ? m.coordinator.stageOf(s.stage) : d.stageUnset,
    value: s.matches,
  }));
  const stageNames = stages.map((s) =>
    s.stage ? `${m.coordinator.stageOf(s.stage)} ${m.coordinator.stages[s.stage as 1] ?? ''}` : d.stageUnset,
  );
  const byPrefecture = summary.byPrefecture.map((p) => ({ label: p.prefecture, value: p.matches }));
  return (
    <>
      <h1>{d.title}</h1>
      <p class="meta">{d.intro}</p>
      <div class="columns dashboard">
        <ChartCard view={view} id="by-state" title={d.byState} bars={byState} />
        <DecisionTime view={view} hours={summary.medianHoursToDecision} spans={summary.decisionTimes} />
        <ChartCard
          view={view}
          id="by-stage"
          title={d.byStage}
          bars={byStage}
          tableLabels={stageNames}
          colour="var(--accent)"
        />
        <ChartCard view={view} id="by-prefecture" title={d.byPrefecture} bars={byPrefecture} />
        <PerMonth view={view} perMonth={summary.perMonth} />
        <AfterHireOutcomesCards view={view} outcomes={props.afterHire} />
        <section class="card" aria-labelledby="exports-heading">
          <h2 id="exports-heading">{d.exports}</h2>
          <p class="meta">{d.exportsHint}</p>
          <ul class="list exports">
            <li>
              <a class="button secondary" href="/api/exports/queue.csv" download>
                {d.queueCsv}
              </a>
            </li>
            <li>
              <a class="button secondary" href="/api/exports/outcomes.csv" download>
                {d.outcomesCsv}
              </a>
            </li>
          </ul>
        </section>
      </div>
    </>
  );
}

export const dashboardPages = newPageRouter().get(
  '/coordinator/dashboard',
  requirePage(ACCESS.readDashboard),
  async (c) => {
    const [summary, afterHire] = await Promise.all([
      c.var.services.dashboard.summary(),
      afterHireOutcomes(c.var.services),
    ]);
    return render(c, (view) => ({
      title: view.m.coordinator.dashboard.title,
      wide: true,
      body: <DashboardPage view={view} summary={summary} afterHire={afterHire} />,
    }));
  },
);
