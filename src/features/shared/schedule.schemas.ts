/**
 * Weekly windows as the API speaks them — `{ day: 'mon', start: '09:00', end: '15:00' }` in
 * Japan time — and their conversion to the matching module's minutes. End may be '24:00'.
 */
import { z } from '@hono/zod-openapi';
import type { CareLimit, Weekday, WeeklyWindow } from '../../../matching/types.ts';
import { rule, ruleIssue } from './rule-codes.ts';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayName = (typeof WEEKDAYS)[number];

const TIME = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

/** '09:30' → 570. @example minutesOf('24:00') // 1440 */
export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** 570 → '09:30'. */
export function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export const TimeSchema = z
  .string()
  .regex(TIME, 'Use HH:MM between 00:00 and 24:00')
  .openapi({ example: '09:00' });

const windowFields = { day: z.enum(WEEKDAYS), start: TimeSchema, end: TimeSchema };
const endAfterStart = [
  (w: { start: string; end: string }) => minutesOf(w.end) > minutesOf(w.start),
  rule('end_after_start', 'end must be after start', ['end']),
] as const;

export const WindowSchema = z
  .object(windowFields)
  .strict()
  .refine(...endAfterStart)
  .openapi('WeeklyWindow', { example: { day: 'mon', start: '09:00', end: '15:00' } });

export type WindowInput = z.infer<typeof WindowSchema>;

/** A fixed shift with its unpaid break: 08:30–17:30 with 60 minutes is 8 worked hours. */
export const ShiftSchema = z
  .object({
    ...windowFields,
    breakMinutes: z.number().int().min(0).max(240).optional().openapi({
      description:
        'Unpaid break inside the shift, in minutes (absent means none). Worked hours leave it out.',
      example: 60,
    }),
  })
  .strict()
  .refine(...endAfterStart)
  .refine(
    (w) => (w.breakMinutes ?? 0) < minutesOf(w.end) - minutesOf(w.start),
    rule('break_too_long', 'the break must be shorter than the shift', ['breakMinutes']),
  )
  .openapi('Shift', { example: { day: 'mon', start: '08:30', end: '17:30', breakMinutes: 60 } });

/** A window in which she can be working; `remoteOnly` when she can use it only from home. */
export const WorkWindowSchema = z
  .object({
    ...windowFields,
    remoteOnly: z.boolean().optional().openapi({
      description: 'She can work then only from home (absent means on site or from home)',
    }),
  })
  .strict()
  .refine(...endAfterStart)
  .openapi('WorkWindow', { example: { day: 'mon', start: '09:00', end: '15:00' } });

/**
 * A list of windows in which no two on the same day overlap (touching is fine).
 * @example windowList(14) // up to 14 windows
 */
export function windowList<S extends z.ZodType<WindowInput>>(
  max: number,
  item: S = WindowSchema as unknown as S,
) {
  return z
    .array(item)
    .max(max)
    .superRefine((windows, ctx) => {
      windows.forEach((window, index) => {
        const clash = windows.findIndex(
          (other, otherIndex) =>
            otherIndex < index &&
            other.day === window.day &&
            minutesOf(other.start) < minutesOf(window.end) &&
            minutesOf(window.start) < minutesOf(other.end),
        );
        if (clash >= 0) {
          ctx.addIssue(ruleIssue('overlap', `overlaps window ${clash} on the same day`, [index]));
        }
      });
    });
}

/** API window → matching window. */
export function toWeeklyWindow(window: WindowInput): WeeklyWindow {
  return {
    day: (WEEKDAYS.indexOf(window.day) + 1) as Weekday,
    start: minutesOf(window.start),
    end: minutesOf(window.end),
  };
}

/** Stored row (day 1–7, minutes) → API window. */
export function windowFromRow(row: { day: number; start_minute: number; end_minute: number }): WindowInput {
  return {
    day: WEEKDAYS[row.day - 1] ?? 'mon',
    start: timeOf(row.start_minute),
    end: timeOf(row.end_minute),
  };
}

/** Sorts windows by day and start, so stored and returned order never depends on input order. */
export function sortWindows<T extends { day: number; start: number }>(windows: T[]): T[] {
  return [...windows].sort((a, b) => a.day - b.day || a.start - b.start);
}

/**
 * Her care limits for one weekday: leave home not before (drop-off), be home by (pickup). The commute
 * lies between these and her work windows.
 */
export const CareLimitSchema = z
  .object({
    day: z.enum(WEEKDAYS),
    leaveHomeFrom: TimeSchema.optional().openapi({
      description: 'She cannot leave home before this',
      example: '08:30',
    }),
    homeBy: TimeSchema.optional().openapi({ description: 'She must be back home by this', example: '18:00' }),
  })
  .strict()
  .refine(
    (c) => c.leaveHomeFrom !== undefined || c.homeBy !== undefined,
    rule('care_limit_needs_time', 'give a time to leave home from, a time to be home by, or both', [
      'homeBy',
    ]),
  )
  .refine(
    (c) =>
      c.leaveHomeFrom === undefined ||
      c.homeBy === undefined ||
      minutesOf(c.homeBy) > minutesOf(c.leaveHomeFrom),
    rule('home_after_leaving', 'must be after leaveHomeFrom', ['homeBy']),
  )
  .openapi('CareLimit', { example: { day: 'mon', leaveHomeFrom: '08:30', homeBy: '18:00' } });

export type CareLimitInput = z.infer<typeof CareLimitSchema>;

/** API care limit → matching care limit. */
export function toCareLimit(c: CareLimitInput): CareLimit {
  return {
    day: (WEEKDAYS.indexOf(c.day) + 1) as Weekday,
    ...(c.leaveHomeFrom !== undefined ? { leaveFrom: minutesOf(c.leaveHomeFrom) } : {}),
    ...(c.homeBy !== undefined ? { homeBy: minutesOf(c.homeBy) } : {}),
  };
}
