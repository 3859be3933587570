/**
 * Weekly-window helpers for the generator: build the windows of a shift pattern, and describe
 * windows in Japanese ("月・水・金 9:00〜15:00") so a role's text always agrees with its data.
 * Days are ISO (1 = Monday … 7 = Sunday) and times minutes from 00:00, as in matching/types.ts.
 */
import type { Random } from './random.ts';

export interface Window {
  day: number;
  start: number;
  end: number;
}

/** The schedule part of a role, before it becomes rows. */
export interface ScheduleDraft {
  kind: 'fixed' | 'flexible';
  windows: Window[];
  minHours: number | null;
  minDays: number | null;
  preferredHours: number | null;
  /** Words a title may use because they are true of this schedule, e.g. '週3日〜'. */
  tags: string[];
}

export const WEEKDAYS = [1, 2, 3, 4, 5] as const;
export const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const DAY_NAMES = ['', '月', '火', '水', '木', '金', '土', '日'];

/** '09:30' → 570. */
export const at = (time: string): number => {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** The same hours on each of the given days. */
export function on(days: readonly number[], start: string, end: string): Window[] {
  return days.map((day) => ({ day, start: at(start), end: at(end) }));
}

export type Hours = readonly [start: string, end: string];

/** `on` with the hours as one pair, for picking a pair from a list. */
export function hoursOn(days: readonly number[], [start, end]: Hours): Window[] {
  return on(days, start, end);
}

/** `count` of the given days, kept in week order (a shift pattern like Mon/Wed/Fri). */
export function someDays(random: Random, days: readonly number[], count: number): number[] {
  return random.sample(days, count).sort((a, b) => a - b);
}

/** Total hours in a list of windows. */
export function hoursOf(windows: readonly Window[]): number {
  return windows.reduce((sum, w) => sum + (w.end - w.start), 0) / 60;
}

export function distinctDays(windows: readonly Window[]): number {
  return new Set(windows.map((w) => w.day)).size;
}

/** A fixed schedule: every window is a shift worked every week. */
export function fixed(windows: Window[], tags: string[] = []): ScheduleDraft {
  return {
    kind: 'fixed',
    windows: sortWindows(windows),
    minHours: null,
    minDays: null,
    preferredHours: null,
    tags,
  };
}

/**
 * A flexible schedule: windows in which work may happen, plus weekly minimums that the windows
 * can always hold (the API rejects a minimum the windows cannot meet).
 */
export function flexible(
  random: Random,
  windows: Window[],
  minDays: number,
  minHoursRange: readonly [number, number],
  tags: string[] = [],
): ScheduleDraft {
  const sorted = sortWindows(windows);
  const days = Math.min(minDays, distinctDays(sorted));
  const capacity = hoursOf(sorted);
  const minHours = Math.min(random.step(minHoursRange[0], minHoursRange[1], 2), Math.floor(capacity));
  const preferred = random.chance(0.5)
    ? Math.min(minHours + random.step(0, 10, 2), Math.floor(capacity))
    : null;
  // "週3日〜" sells a role to a mother with little time; "週5日〜" is no selling point.
  const dayTag = days <= 4 ? [`週${days}日〜`] : [];
  return {
    kind: 'flexible',
    windows: sorted,
    minHours,
    minDays: days,
    preferredHours: preferred,
    tags: [...dayTag, ...tags],
  };
}

export function sortWindows<T extends Window>(windows: T[]): T[] {
  return [...windows].sort((a, b) => a.day - b.day || a.start - b.start);
}

/** 570 → '9:30' (job ads write hours without a leading zero). */
export function clock(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Windows in plain Japanese, grouping days that share hours.
 * @example describeWindows(on([1, 3, 5], '09:00', '15:00')) // '月・水・金 9:00〜15:00'
 */
export function describeWindows(windows: readonly Window[]): string {
  const groups: { hours: string; days: number[] }[] = [];
  const byDay = new Map<number, string>();
  for (const w of sortWindows([...windows])) {
    const hours = `${clock(w.start)}〜${clock(w.end)}`;
    byDay.set(w.day, byDay.has(w.day) ? `${byDay.get(w.day)}、${hours}` : hours);
  }
  for (const [day, hours] of byDay) {
    const group = groups.find((g) => g.hours === hours);
    if (group) group.days.push(day);
    else groups.push({ hours, days: [day] });
  }
  return groups.map((g) => `${dayList(g.days)} ${g.hours}`).join('、');
}

/** [1,2,3,4,5] → '月〜金'; [1,3,5] → '月・水・金'. */
function dayList(days: number[]): string {
  const first = days[0] ?? 1;
  const last = days[days.length - 1] ?? first;
  const consecutive = days.length >= 3 && last - first === days.length - 1;
  return consecutive ? `${DAY_NAMES[first]}〜${DAY_NAMES[last]}` : days.map((d) => DAY_NAMES[d]).join('・');
}
