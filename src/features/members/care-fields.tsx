/**
 * Her days around work, as the profile form asks them: each child's birth month, care arrangement
 * and pickup time, and her care limits day by day (leave home from, be home by), with their
 * mapping to and from the API's care limits.
 */
import { FieldNotes, fieldId, labelField, type Option, SelectField } from '../../web/form-fields.tsx';
import type { FieldErrors, FormValues } from '../../web/form-input.ts';
import type { View } from '../../web/view.ts';
import { dayClass } from '../../web/week-grid.tsx';
import { type CareLimitInput, WEEKDAYS, type WeekdayName } from '../shared/schedule.schemas.ts';
import { CHILD_CARE } from './member.schemas.ts';

/** Children the form has rows for (the API takes more; a form does not need them). */
export const CHILD_ROWS = 4;

export function ChildRows(props: { view: View; values: FormValues; errors: FieldErrors }) {
  const { view, values, errors } = props;
  const { profile } = view.m.member;
  const thisYear = new Date().getFullYear();
  const years: Option[] = Array.from({ length: 19 }, (_, i) => ({
    value: String(thisYear - i),
    label: String(thisYear - i),
  }));
  const months: Option[] = Array.from({ length: 12 }, (_, i) => ({
    value: String(i + 1),
    label: String(i + 1),
  }));
  return (
    <fieldset>
      <legend>{profile.children}</legend>
      <span class="hint">{profile.childrenHint}</span>
      {Array.from({ length: CHILD_ROWS }, (_, i) => (
        <div class="two">
          <SelectField
            name={`children.${i}.birthYear`}
            label={`${profile.child(i + 1)} ${profile.birthYear}`}
            options={years}
            placeholder="—"
            values={values}
            errors={errors}
          />
          <SelectField
            name={`children.${i}.birthMonth`}
            label={profile.birthMonth}
            options={months}
            placeholder="—"
            values={values}
            errors={errors}
          />
          <SelectField
            name={`children.${i}.care`}
            label={profile.childCare}
            options={CHILD_CARE.map((c) => ({ value: c, label: profile.childCareOptions[c] }))}
            placeholder={profile.childCareUnset}
            values={values}
            errors={errors}
          />
          <SelectField
            name={`children.${i}.pickupTime`}
            label={profile.pickupTime}
            options={TIMES}
            placeholder={profile.pickupUnset}
            values={values}
            errors={errors}
          />
        </div>
      ))}
    </fieldset>
  );
}

/** Times in 15-minute steps from 06:00 to 22:00, for pickup and care limits (no typing on a phone). */
const TIMES: Option[] = Array.from({ length: 65 }, (_, i) => {
  const minutes = 6 * 60 + i * 15;
  const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return { value: time, label: time };
});

const careName = (day: WeekdayName, limit: 'leaveHomeFrom' | 'homeBy') => `care.${day}.${limit}`;

/** Saved care limits as the per-day fields of the form. */
export function careValues(limits: readonly CareLimitInput[]): Record<string, string | undefined> {
  return Object.fromEntries(
    limits.flatMap((limit) => [
      [careName(limit.day, 'leaveHomeFrom'), limit.leaveHomeFrom],
      [careName(limit.day, 'homeBy'), limit.homeBy],
    ]),
  );
}

/** Her care limits from the form: one entry for each day she gave a time on. */
export function parseCareLimits(values: FormValues): CareLimitInput[] {
  return WEEKDAYS.flatMap((day) => {
    const leaveHomeFrom = values.text(careName(day, 'leaveHomeFrom')) || undefined;
    const homeBy = values.text(careName(day, 'homeBy')) || undefined;
    if (!leaveHomeFrom && !homeBy) return [];
    return [{ day, ...(leaveHomeFrom ? { leaveHomeFrom } : {}), ...(homeBy ? { homeBy } : {}) }];
  });
}

/** `availability.careLimits.2.homeBy` → the field of the day entry 2 came from. */
export function careField(limits: readonly CareLimitInput[], errorName: string): string {
  const [index, limit] = errorName.split('.').slice(2);
  const day = limits[Number(index)]?.day ?? 'mon';
  return careName(day, limit === 'leaveHomeFrom' ? 'leaveHomeFrom' : 'homeBy');
}

/**
 * Her care limits day by day — when she can leave home (after drop-off) and when she must be back
 * (pickup) — since they differ between weekdays for many mothers (a late-care day, a grandparent's
 * day). Laid out like the weekly grid, with the same "copy Monday" button.
 */
export function CareLimits(props: { view: View; values: FormValues; errors: FieldErrors }) {
  const { view, values, errors } = props;
  const { m } = view;
  const { profile } = m.member;
  const limits = ['leaveHomeFrom', 'homeBy'] as const;
  return (
    <fieldset class="week care" data-week-grid>
      <legend>{profile.care}</legend>
      <span class="hint">{profile.careHint}</span>
      {/* Column headings once; each select still names its day and limit to a screen reader. */}
      <div class="day-row care-head" aria-hidden="true">
        <span />
        <div class="slot">
          <span>{profile.leaveHomeFrom}</span>
          <span />
          <span>{profile.homeBy}</span>
        </div>
      </div>
      {WEEKDAYS.map((day) => {
        const rowErrors = limits.map((limit) => errors[careName(day, limit)]).filter(Boolean);
        return (
          <div class="day-row" data-day={day}>
            <span class={dayClass(day)}>{m.weekdays[day]}</span>
            <div class={rowErrors.length ? 'slot has-error' : 'slot'}>
              {limits.map((limit, i) => {
                const name = careName(day, limit);
                const label = `${m.weekdaysLong[day]} ${profile[limit]}`;
                labelField(errors, name, label);
                const chosen = values.text(name) ?? '';
                return (
                  <>
                    {i === 1 && <span aria-hidden="true">〜</span>}
                    <select
                      name={name}
                      id={fieldId(name)}
                      class="time"
                      aria-label={label}
                      aria-invalid={errors[name] ? 'true' : undefined}
                      aria-describedby={errors[name] ? `${fieldId(name)}-error` : undefined}
                    >
                      <option value="">{profile.careUnset}</option>
                      {TIMES.map((time) => (
                        <option value={time.value} selected={time.value === chosen}>
                          {time.label}
                        </option>
                      ))}
                    </select>
                  </>
                );
              })}
              {limits.map((limit) => (
                <FieldNotes name={careName(day, limit)} error={errors[careName(day, limit)]} />
              ))}
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
