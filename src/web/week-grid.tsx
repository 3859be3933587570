/**
 * The weekly time editor used for a member's availability and for a role's shifts or windows:
 * one row per weekday with "from" and "to" pickers in 30-minute steps (no typing on a phone),
 * and a second time per day tucked behind a disclosure. A member's grid also marks each time she
 * can use only from home (在宅のみ). Works without JavaScript; with it, one button copies Monday to
 * the other weekdays.
 */
import {
  minutesOf,
  WEEKDAYS,
  type WeekdayName,
  type WindowInput,
} from '../features/shared/schedule.schemas.ts';
import { fieldId, labelField } from './form-fields.tsx';
import { type FieldErrors, type FormValues, renameErrors } from './form-input.ts';
import type { View } from './view.ts';

/** Times per day the form offers; a saved week with more on one day gets rows for all of them. */
const SLOTS_SHOWN = 2;
/** The most a day can hold (the API allows 21 windows a week). */
const MAX_SLOTS = 21;

const TIMES = Array.from({ length: 49 }, (_, i) => {
  const minutes = i * 30;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${minutes % 60 === 0 ? '00' : '30'}`;
});

/** A weekday's label class: Saturday blue and Sunday red, as Japanese calendars draw them. */
export const dayClass = (day: WeekdayName) => (day === 'sat' || day === 'sun' ? `day ${day}` : 'day');

const cell = (name: string, day: WeekdayName, slot: number) => `${name}.${day}.${slot}`;

/** A grid row as read: a window, marked when it can be used only from home (member grids). */
export type GridWindow = WindowInput & { remoteOnly?: true };

export interface ParsedWeek {
  windows: GridWindow[];
  /** Grid errors found before validation (a start without an end). */
  errors: FieldErrors;
  /** Moves validation errors on `listPath.N…` to the grid row window N came from. */
  placeErrors(errors: FieldErrors, listPath: string): FieldErrors;
}

/**
 * Reads the grid named `name` from a posted form; `remoteOnly` reads the rows' 在宅のみ boxes
 * (only grids that draw them: a role's windows have no such mark).
 */
export function parseWeek(
  values: FormValues,
  name: string,
  m: View['m'],
  options: { remoteOnly?: boolean } = {},
): ParsedWeek {
  const windows: GridWindow[] = [];
  const cells: string[] = [];
  const errors: FieldErrors = {};
  for (const day of WEEKDAYS) {
    for (let slot = 0; slot < MAX_SLOTS; slot++) {
      const start = values.text(`${cell(name, day, slot)}.start`) ?? '';
      const end = values.text(`${cell(name, day, slot)}.end`) ?? '';
      if (!start && !end) continue;
      if (!start || !end) {
        errors[cell(name, day, slot)] = m.validation.choose;
        continue;
      }
      const remoteOnly = options.remoteOnly === true && values.checked(`${cell(name, day, slot)}.remoteOnly`);
      windows.push(remoteOnly ? { day, start, end, remoteOnly } : { day, start, end });
      cells.push(cell(name, day, slot));
    }
  }
  return {
    windows,
    errors,
    placeErrors: (validationErrors, listPath) =>
      renameErrors(validationErrors, (errorName) => {
        if (errorName === listPath) return name;
        const index = errorName.startsWith(`${listPath}.`)
          ? Number(errorName.slice(listPath.length + 1).split('.')[0])
          : NaN;
        return cells[index] ?? errorName;
      }),
  };
}

/** Grid form values for existing windows (editing a saved profile or role). */
export function weekValues(
  name: string,
  windows: readonly (WindowInput & { remoteOnly?: boolean })[],
): Record<string, string> {
  const values: Record<string, string> = {};
  const used = new Map<WeekdayName, number>();
  for (const window of [...windows].sort((a, b) => minutesOf(a.start) - minutesOf(b.start))) {
    const slot = used.get(window.day) ?? 0;
    used.set(window.day, slot + 1);
    values[`${cell(name, window.day, slot)}.start`] = window.start;
    values[`${cell(name, window.day, slot)}.end`] = window.end;
    if (window.remoteOnly) values[`${cell(name, window.day, slot)}.remoteOnly`] = 'on';
  }
  return values;
}

function TimeSelect(props: { name: string; value: string | undefined; label: string; placeholder: string }) {
  return (
    <select name={props.name} aria-label={props.label} class="time">
      <option value="">{props.placeholder}</option>
      {TIMES.map((time) => (
        <option value={time} selected={time === props.value}>
          {time}
        </option>
      ))}
    </select>
  );
}

function SlotRow(props: {
  view: View;
  name: string;
  day: WeekdayName;
  slot: number;
  values: FormValues;
  error?: string | undefined;
  /** The 在宅のみ box's words, on grids that mark remote-only times. */
  remoteOnlyLabel?: string | undefined;
}) {
  const { m } = props.view;
  const base = cell(props.name, props.day, props.slot);
  const dayName = m.weekdaysLong[props.day];
  return (
    <div class={props.error ? 'slot has-error' : 'slot'} id={fieldId(base)}>
      <TimeSelect
        name={`${base}.start`}
        value={props.values.text(`${base}.start`)}
        label={`${dayName} ${m.week.from}`}
        placeholder={m.week.notWorking}
      />
      <span aria-hidden="true">〜</span>
      <TimeSelect
        name={`${base}.end`}
        value={props.values.text(`${base}.end`)}
        label={`${dayName} ${m.week.to}`}
        placeholder={m.week.notWorking}
      />
      {props.remoteOnlyLabel && (
        <label class="remote-only">
          <input
            type="checkbox"
            name={`${base}.remoteOnly`}
            value="on"
            checked={props.values.checked(`${base}.remoteOnly`)}
            aria-label={`${dayName} ${props.remoteOnlyLabel}`}
          />
          <span aria-hidden="true">{props.remoteOnlyLabel}</span>
        </label>
      )}
      {props.error && <span class="field-error">{props.error}</span>}
    </div>
  );
}

export function WeekGrid(props: {
  view: View;
  name: string;
  legend: string;
  values: FormValues;
  errors: FieldErrors;
  hint?: string;
  /** Draws a 在宅のみ box on every row, with these words (her availability; never a role's). */
  remoteOnlyLabel?: string;
}) {
  const { view, name, values, errors } = props;
  const { m } = view;
  labelField(errors, name, props.legend);
  for (const day of WEEKDAYS) {
    for (let slot = 0; slot < MAX_SLOTS; slot++)
      labelField(errors, cell(name, day, slot), m.weekdaysLong[day]);
  }
  return (
    <fieldset class={errors[name] ? 'week has-error' : 'week'} id={fieldId(name)} data-week-grid>
      <legend>{props.legend}</legend>
      <span class="hint">{props.hint ?? m.week.hint}</span>
      {errors[name] && <span class="field-error">{errors[name]}</span>}
      {WEEKDAYS.map((day) => {
        const used = (slot: number) =>
          Boolean(
            values.text(`${cell(name, day, slot)}.start`) ||
              values.text(`${cell(name, day, slot)}.end`) ||
              errors[cell(name, day, slot)],
          );
        let slots = SLOTS_SHOWN;
        while (slots < MAX_SLOTS && used(slots)) slots++;
        const more = Array.from({ length: slots - 1 }, (_, i) => i + 1);
        return (
          <div class="day-row" data-day={day}>
            <span class={dayClass(day)}>{m.weekdays[day]}</span>
            <div class="slots">
              <SlotRow
                view={view}
                name={name}
                day={day}
                slot={0}
                values={values}
                error={errors[cell(name, day, 0)]}
                remoteOnlyLabel={props.remoteOnlyLabel}
              />
              <details open={more.some(used)}>
                <summary>{m.week.secondWindow}</summary>
                {more.map((slot) => (
                  <SlotRow
                    view={view}
                    name={name}
                    day={day}
                    slot={slot}
                    values={values}
                    error={errors[cell(name, day, slot)]}
                    remoteOnlyLabel={props.remoteOnlyLabel}
                  />
                ))}
              </details>
            </div>
          </div>
        );
      })}
      <button type="button" class="button secondary small" data-copy-weekdays hidden>
        {m.week.copyWeekdays}
      </button>
    </fieldset>
  );
}
