/**
 * Weekly windows as the API speaks them — `{ day: 'mon', start: '09:00', end: '15:00' }` in
 * Japan time — and their conversion to the matching module's minutes. End may be '24:00'.
 */
import { z } from '@hono/zod-openapi';
import type { Weekday, WeeklyWindow } from '../../../matching/types.ts';

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

export const WindowSchema = z
  .object({
    day: z.enum(WEEKDAYS),
    start: TimeSchema,
    end: TimeSchema,
  })
  .strict()
  .refine((w) => minutesOf(w.end) > minutesOf(w.start), { message: 'end must be after start', path: ['end'] })
  .openapi('WeeklyWindow', { example: { day: 'mon', start: '09:00', end: '15:00' } });

export type WindowInput = z.infer<typeof WindowSchema>;

/**
 * A list of windows in which no two on the same day overlap (touching is fine).
 * @example windowList(14) // up to 14 windows
 */
export function windowList(max: number) {
  return z
    .array(WindowSchema)
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
          ctx.addIssue({
            code: 'custom',
            path: [index],
            message: `overlaps window ${clash} on the same day`,
          });
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
