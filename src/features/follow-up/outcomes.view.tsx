/**
 * The after-hire part of the coordinators' dashboard: retention at 1 and 3 months, check-in
 * answers per month (hard / OK / good) and mentoring sessions held against planned, drawn with
 * the dashboard's SVG charts, each with its numbers as a table, and the CSV export.
 */
import { ChartTable, GroupedBarChart } from '../../web/charts.tsx';
import type { View } from '../../web/view.ts';
import type { AfterHireOutcomes } from './outcomes.ts';

export function AfterHireOutcomesCards(props: { view: View; outcomes: AfterHireOutcomes }) {
  const { view, outcomes } = props;
  const o = view.m.afterHire.outcomes;
  const d = view.m.coordinator.dashboard;
  const answerGroups = outcomes.answers.map((a) => ({
    label: a.month,
    values: [
      (a.counts[0] ?? 0) + (a.counts[1] ?? 0),
      a.counts[2] ?? 0,
      (a.counts[3] ?? 0) + (a.counts[4] ?? 0),
    ],
  }));
  const answered = answerGroups.reduce((sum, g) => sum + g.values.reduce((a, b) => a + b, 0), 0);
  const planned = outcomes.sessions.reduce((sum, s) => sum + s.planned, 0);
  return (
    <>
      <section class="card stat-card" aria-labelledby="retention-heading">
        <h2 id="retention-heading">{o.retention}</h2>
        <dl class="kv">
          {outcomes.retention.map((r) => (
            <>
              <dt>{o.retentionAt(r.days === 30 ? o.oneMonth : o.threeMonths)}</dt>
              <dd class="stat">{o.retentionRate(r.retained, r.hires)}</dd>
            </>
          ))}
        </dl>
      </section>
      <section class="card chart-card" aria-labelledby="answers-heading">
        <h2 id="answers-heading">{o.answers}</h2>
        {answered === 0 ? (
          <p class="empty">{d.noData}</p>
        ) : (
          <>
            <GroupedBarChart
              id="check-in-answers"
              title={o.answers}
              summary={d.chartSummary(o.answers, answered)}
              series={[
                { name: o.low, colour: 'var(--bad)' },
                { name: o.middle, colour: 'var(--muted)' },
                { name: o.high, colour: 'var(--brand)' },
              ]}
              groups={answerGroups}
            />
            <ChartTable
              caption={d.asTable}
              headers={[d.month, o.low, o.middle, o.high]}
              rows={answerGroups.map((g) => [g.label, ...g.values])}
            />
          </>
        )}
      </section>
      <section class="card chart-card" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{o.sessions}</h2>
        {planned === 0 ? (
          <p class="empty">{d.noData}</p>
        ) : (
          <>
            <GroupedBarChart
              id="mentoring-sessions"
              title={o.sessions}
              summary={d.chartSummary(o.planned, planned)}
              series={[
                { name: o.planned, colour: 'var(--muted)' },
                { name: o.held, colour: 'var(--accent)' },
              ]}
              groups={outcomes.sessions.map((s) => ({ label: s.name, values: [s.planned, s.held] }))}
            />
            <ChartTable
              caption={d.asTable}
              headers={[o.cohort, o.planned, o.held]}
              rows={outcomes.sessions.map((s) => [s.name, s.planned, s.held])}
            />
          </>
        )}
        <p>
          <a class="button secondary" href="/api/exports/after-hire.csv" download>
            {o.csv}
          </a>
        </p>
      </section>
    </>
  );
}
