/**
 * The coordinators' dashboard: matches by state, by support stage and by prefecture, the median
 * time from interest to decision, introductions and hires per month; and the rows of the queue
 * and outcomes exports (made into Japanese CSV by dashboard-exports.ts).
 */
import type { AppDeps } from '../../deps.ts';
import type { MatchService } from '../matches/match.service.ts';
import {
  countsByPrefecture,
  countsByStage,
  countsByState,
  decisionHours,
  monthlyOutcomes,
  outcomeRows,
} from './dashboard.repository.ts';

/** @example median([3, 1, 2]) // 2 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** How long decisions took, in the spans a coordinator thinks in (upper bounds in hours). */
export const DECISION_SPANS = [
  { span: 'within_1_day', upToHours: 24 },
  { span: 'within_3_days', upToHours: 72 },
  { span: 'within_7_days', upToHours: 168 },
  { span: 'within_14_days', upToHours: 336 },
  { span: 'longer', upToHours: Number.POSITIVE_INFINITY },
] as const;

export type DecisionSpan = (typeof DECISION_SPANS)[number]['span'];

/** @example decisionSpans([2, 30, 400]) // [{ span: 'within_1_day', decisions: 1 }, …] */
export function decisionSpans(hours: readonly number[]): { span: DecisionSpan; decisions: number }[] {
  const counts = DECISION_SPANS.map(({ span }) => ({ span, decisions: 0 }));
  for (const h of hours) {
    const index = DECISION_SPANS.findIndex((s) => h <= s.upToHours);
    (counts[index] as { decisions: number }).decisions++;
  }
  return counts;
}

/** Decisions looked at for "how long it usually takes", and the fewest that make a fair figure. */
const TYPICAL_WAIT_WINDOW_DAYS = 90;
const TYPICAL_WAIT_MIN_DECISIONS = 5;

export function createDashboardService({ database, clock }: AppDeps, matches: MatchService) {
  const { db } = database;
  return {
    /**
     * How many days a coordinator's decision usually takes after she says yes: the median over the
     * last 90 days, rounded up to whole days (at least 1), or null when too few were decided to say.
     */
    async typicalWaitDays(): Promise<number | null> {
      const since = new Date(clock.now().getTime() - TYPICAL_WAIT_WINDOW_DAYS * 86_400_000).toISOString();
      const hours = await decisionHours(db, since);
      if (hours.length < TYPICAL_WAIT_MIN_DECISIONS) return null;
      return Math.max(1, Math.ceil((median(hours) as number) / 24));
    },

    async summary() {
      const [states, stages, prefectures, hours, months] = await Promise.all([
        countsByState(db),
        countsByStage(db),
        countsByPrefecture(db),
        decisionHours(db),
        monthlyOutcomes(db),
      ]);
      const hoursToDecision = median(hours);
      return {
        byState: Object.fromEntries(states.map((s) => [s.state, Number(s.n)])),
        byStage: stages.map((s) => ({ stage: s.stage, matches: Number(s.n) })),
        byPrefecture: prefectures.map((p) => ({
          prefCode: p.pref_code,
          prefecture: p.prefecture,
          matches: Number(p.n),
        })),
        medianHoursToDecision: hoursToDecision === null ? null : Math.round(hoursToDecision * 10) / 10,
        decisionTimes: decisionSpans(hours),
        perMonth: months.map((m) => ({
          month: m.month,
          introductions: Number(m.introductions),
          hires: Number(m.hires),
        })),
      };
    },

    /** Every match waiting for a decision, for the queue export (states as codes). */
    queueForExport() {
      return matches.queue({ limit: 100_000, offset: 0 });
    },

    /** Every introduction and where it ended, for the outcomes export (states as codes). */
    outcomesForExport() {
      return outcomeRows(db);
    },
  };
}
