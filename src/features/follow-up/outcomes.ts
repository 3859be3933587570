/**
 * What follows a hire, as the dashboard shows it: retention at 1 and 3 months, check-in answers
 * over time, and mentoring sessions held against planned; and the same figures as CSV through the
 * shared (formula-safe) writer.
 */
import { z } from '@hono/zod-openapi';
import { toCsv } from '../dashboard/csv.ts';
import type { MentoringService } from '../mentoring/mentoring.service.ts';
import type { FollowUpService } from './follow-up.service.ts';

export const AfterHireOutcomesSchema = z
  .object({
    retention: z.array(
      z.object({
        days: z.number().int().openapi({ description: 'Days after the hire: 30 or 90' }),
        hires: z.number().int().openapi({ description: 'Hires at least that long ago' }),
        retained: z.number().int().openapi({ description: 'Of them, still in the job that many days later' }),
      }),
    ),
    answers: z.array(
      z.object({
        month: z.string(),
        counts: z.array(z.number().int()).openapi({ description: 'Answers 1 to 5 in that Japan month' }),
      }),
    ),
    sessions: z.array(
      z.object({
        cohortId: z.string(),
        name: z.string(),
        planned: z.number().int().openapi({ description: 'Sessions planned up to today' }),
        held: z.number().int(),
      }),
    ),
  })
  .openapi('AfterHireOutcomes');

export type AfterHireOutcomes = z.infer<typeof AfterHireOutcomesSchema>;

/** The figures, from the two features that own them. */
export async function afterHireOutcomes(services: {
  followUp: FollowUpService;
  mentoring: MentoringService;
}): Promise<AfterHireOutcomes> {
  const [outcomes, sessions] = await Promise.all([
    services.followUp.outcomes(),
    services.mentoring.heldVsPlanned(),
  ]);
  return { ...outcomes, sessions };
}

/**
 * The figures as rows of (指標, 対象, 項目, 件数), read in Japanese like the other exports.
 * @example afterHireCsv(outcomes) // '\uFEFF"指標","対象","項目","件数"\r\n"定着率","1か月","対象の採用",…'
 */
export function afterHireCsv(outcomes: AfterHireOutcomes): string {
  const period = (days: number) => (days === 30 ? '1か月' : '3か月');
  return toCsv([
    ['指標', '対象', '項目', '件数'],
    ...outcomes.retention.flatMap((r) => [
      ['定着率', period(r.days), '対象の採用', r.hires],
      ['定着率', period(r.days), '継続', r.retained],
    ]),
    ...outcomes.answers.flatMap((a) => a.counts.map((n, i) => ['ふりかえりの回答', a.month, `${i + 1}`, n])),
    ...outcomes.sessions.flatMap((s) => [
      ['メンタリング', s.name, '予定', s.planned],
      ['メンタリング', s.name, '実施', s.held],
    ]),
  ]);
}
