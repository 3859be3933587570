/**
 * The role editor's two mappings: a saved Role (or a new one) to form values, and posted values to
 * a RoleInput validated by the API's own schema, with every problem moved to the field it came
 * from (a grid row, a location row, a skill's select). The form itself is role-form.tsx; the
 * role's own rules in her words are role-form-messages.ts.
 */
import { SKILLS } from '../../../matching/vocabulary.ts';
import type { Option } from '../../web/form-fields.tsx';
import {
  type FieldErrors,
  type FormValues,
  formValues,
  renameErrors,
  validate,
} from '../../web/form-input.ts';
import { labelOf } from '../../web/i18n.ts';
import type { View } from '../../web/view.ts';
import { parseWeek, weekValues } from '../../web/week-grid.tsx';
import type { AreaService } from '../areas/area.service.ts';
import { placeValues, resolvePlace, typedPlace } from '../areas/place-field.tsx';
import type { Branch } from '../organisations/branch.schemas.ts';
import { FACT_KEYS, type Role, type RoleInput, RoleInputSchema } from './role.schemas.ts';
import { roleMessages } from './role-form-messages.ts';

/** At most this many location rows on the page; the API allows more, a form does not need them. */
export const MAX_LOCATIONS = 5;
export const GRID = 'week';
export const LEVELS = [1, 2, 3] as const;

type Values = Record<string, string | string[]>;

export const options = (labels: Record<string, { ja: string; en: string }>, view: View): Option[] =>
  Object.keys(labels).map((key) => ({ value: key, label: labelOf(labels, key, view.lang) }));

/** The values of a new role's form: the choices most roles make, nothing she has to undo. */
export function newRoleValues(): FormValues {
  const values: Values = {
    'schedule.kind': 'fixed',
    'pay.unit': 'hour',
    overtime: 'none',
    'remote.mode': 'none',
  };
  for (const fact of FACT_KEYS) values[`facts.${fact}`] = '';
  return formValues(values);
}

/** A saved role as form values, for its edit page. */
export function roleFormValues(role: Role, branches: readonly Branch[] = []): FormValues {
  const schedule = role.schedule;
  const values: Values = {
    // The version this edit starts from: saving refuses it (409) if the role changed meanwhile.
    expectedVersion: String(role.version),
    title: role.title,
    description: role.description,
    category: role.category,
    employmentType: role.employmentType,
    'pay.min': String(role.pay.min),
    'pay.unit': role.pay.unit,
    'schedule.kind': schedule.kind,
    overtime: role.overtime,
    'remote.mode': role.remote.mode,
    requiredQualifications: [...role.requiredQualifications],
    otherRequiredQualifications: [...role.otherRequiredQualifications],
    ...weekValues(GRID, schedule.kind === 'fixed' ? schedule.shifts : schedule.windows),
  };
  if (role.pay.max !== undefined) values['pay.max'] = String(role.pay.max);
  // The page sets one break for every shift; a week saved with different breaks shows the first.
  if (schedule.kind === 'fixed' && schedule.shifts[0]?.breakMinutes)
    values['schedule.breakMinutes'] = String(schedule.shifts[0].breakMinutes);
  if (schedule.kind === 'flexible') {
    values['schedule.minHoursPerWeek'] = String(schedule.minHoursPerWeek);
    values['schedule.minDaysPerWeek'] = String(schedule.minDaysPerWeek);
    if (schedule.preferredHoursPerWeek !== undefined)
      values['schedule.preferredHoursPerWeek'] = String(schedule.preferredHoursPerWeek);
    if (schedule.minHoursPerDay !== undefined)
      values['schedule.minHoursPerDay'] = String(schedule.minHoursPerDay);
    if (schedule.maxHoursPerWeek !== undefined)
      values['schedule.maxHoursPerWeek'] = String(schedule.maxHoursPerWeek);
    if (schedule.splitDaysAllowed) values['schedule.splitDaysAllowed'] = 'on';
  }
  if (role.weekendWork) values.weekendWork = 'on';
  if (role.nightWork) values.nightWork = 'on';
  if (role.remote.officeDaysPerWeek !== undefined)
    values['remote.officeDaysPerWeek'] = String(role.remote.officeDaysPerWeek);
  // A location posted from one of her branches (its area, its name as the label) is shown ticked
  // among the branches rather than as a row, so a role at many branches fits the editor.
  const branchIds: string[] = [];
  const rows = role.locations.filter((location) => {
    const branch = branches.find((b) => b.area.code === location.areaCode && b.name === location.label);
    if (branch) branchIds.push(branch.id);
    return !branch;
  });
  if (branchIds.length > 0) values.branchIds = branchIds;
  rows.forEach((location, row) => {
    Object.assign(values, placeValues(`locations.${row}`, { code: location.areaCode, name: location.name }));
    if (location.label) values[`locations.${row}.label`] = location.label;
    const address = location.address ?? location.town;
    if (address) values[`locations.${row}.address`] = address;
  });
  for (const skill of role.skills.required) values[`skill.${skill.tag}`] = `required:${skill.level}`;
  for (const skill of role.skills.niceToHave) values[`skill.${skill.tag}`] = `nice:${skill.level}`;
  for (const fact of FACT_KEYS) {
    const stated = role.facts[fact];
    values[`facts.${fact}`] = stated === undefined ? '' : stated.available ? 'yes' : 'no';
  }
  if (role.startDate) values.startDate = role.startDate;
  if (role.closesOn) values.closesOn = role.closesOn;
  Object.assign(values, detailValues(role.details));
  return formValues(values);
}

/** The job details as form values (blank: not stated). */
function detailValues(d: Role['details']): Values {
  const values: Values = {};
  const text = (name: string, value: string | number | undefined) => {
    if (value !== undefined) values[`details.${name}`] = String(value);
  };
  text('commuteAllowance.kind', d.commuteAllowance?.kind);
  text('commuteAllowance.capYenPerMonth', d.commuteAllowance?.capYenPerMonth);
  text('socialInsurance', d.socialInsurance);
  text('holidays', d.holidays);
  text('access', d.access);
  text('openings', d.openings);
  text('trialPeriod.months', d.trialPeriod?.months);
  text('trialPeriod.note', d.trialPeriod?.note);
  text('dressCode', d.dressCode);
  if (d.inexperiencedOk) values['details.inexperiencedOk'] = 'on';
  if (d.withinDependentOk) values['details.withinDependentOk'] = 'on';
  return values;
}

/** The posted job details; a blank field is not stated, and a cap only counts for a capped allowance. */
function readDetails(values: FormValues) {
  const text = (name: string) => values.text(`details.${name}`)?.trim() || undefined;
  const commute = text('commuteAllowance.kind');
  const trialMonths = values.number('details.trialPeriod.months');
  const trialNote = text('trialPeriod.note');
  return {
    commuteAllowance: commute
      ? {
          kind: commute,
          ...(commute === 'capped'
            ? { capYenPerMonth: values.number('details.commuteAllowance.capYenPerMonth') }
            : {}),
        }
      : undefined,
    socialInsurance: text('socialInsurance'),
    holidays: text('holidays'),
    access: text('access'),
    openings: values.number('details.openings'),
    // A note alone still needs the months: the schema says which field is missing.
    trialPeriod:
      trialMonths !== undefined || trialNote ? { months: trialMonths, note: trialNote } : undefined,
    dressCode: text('dressCode'),
    ...(values.checked('details.inexperiencedOk') ? { inexperiencedOk: true } : {}),
    ...(values.checked('details.withinDependentOk') ? { withinDependentOk: true } : {}),
  };
}

export type ReadRole =
  | { ok: true; value: RoleInput; place: (errors: FieldErrors) => FieldErrors }
  | { ok: false; errors: FieldErrors };

/**
 * Builds a RoleInput from the posted editor and validates it with the API's schema; places are
 * resolved to area codes first. `place` moves a service's field errors (an area it refused) to
 * the fields they came from.
 */
export async function readRoleForm(values: FormValues, m: View['m'], areas: AreaService): Promise<ReadRole> {
  const early: FieldErrors = {};
  const week = parseWeek(values, GRID, m);
  Object.assign(early, week.errors);

  // Location rows: blank rows are skipped, so list position N may come from another row.
  const locations: RoleInput['locations'] = [];
  const rowOf: number[] = [];
  for (let row = 0; row < MAX_LOCATIONS; row++) {
    const prefix = `locations.${row}`;
    const typed = typedPlace(values, prefix);
    const label = values.text(`${prefix}.label`)?.trim() ?? '';
    const address = values.text(`${prefix}.address`)?.trim() ?? '';
    if (!typed.prefCode && !typed.name && !label && !address) continue;
    const resolved = await resolvePlace(areas, m, prefix, typed);
    if (!resolved.ok) {
      early[resolved.field] ??= resolved.error;
      continue;
    }
    locations.push({
      areaCode: resolved.area.code,
      ...(label ? { label } : {}),
      ...(address ? { address } : {}),
    });
    rowOf.push(row);
  }

  const skills: RoleInput['skills'] = { required: [], niceToHave: [] };
  for (const tag of Object.keys(SKILLS)) {
    const chosen = /^(required|nice):([123])$/.exec(values.text(`skill.${tag}`) ?? '');
    if (!chosen) continue;
    const skill = { tag, level: Number(chosen[2]) as 1 | 2 | 3 } as RoleInput['skills']['required'][number];
    (chosen[1] === 'required' ? skills.required : skills.niceToHave).push(skill);
  }

  const facts: Record<string, boolean> = {};
  for (const fact of FACT_KEYS) {
    const answer = values.text(`facts.${fact}`);
    if (answer === 'yes' || answer === 'no') facts[fact] = answer === 'yes';
  }

  const kind = values.text('schedule.kind');
  const remoteMode = values.text('remote.mode');
  const input = {
    title: values.text('title') ?? '',
    description: values.text('description') ?? '',
    category: values.text('category') || undefined,
    employmentType: values.text('employmentType') || undefined,
    pay: {
      min: values.number('pay.min'),
      max: values.number('pay.max'),
      unit: values.text('pay.unit') || undefined,
    },
    schedule:
      kind === 'flexible'
        ? {
            kind,
            windows: week.windows,
            minHoursPerWeek: values.number('schedule.minHoursPerWeek'),
            minDaysPerWeek: values.number('schedule.minDaysPerWeek'),
            preferredHoursPerWeek: values.number('schedule.preferredHoursPerWeek'),
            minHoursPerDay: values.number('schedule.minHoursPerDay'),
            maxHoursPerWeek: values.number('schedule.maxHoursPerWeek'),
            ...(values.checked('schedule.splitDaysAllowed') ? { splitDaysAllowed: true } : {}),
          }
        : kind === 'fixed'
          ? {
              kind,
              shifts: week.windows.map((w) => {
                const breakMinutes = values.number('schedule.breakMinutes');
                return breakMinutes ? { ...w, breakMinutes } : w;
              }),
            }
          : { kind },
    overtime: values.text('overtime') || undefined,
    weekendWork: values.checked('weekendWork'),
    nightWork: values.checked('nightWork'),
    remote: {
      mode: remoteMode || undefined,
      officeDaysPerWeek: remoteMode === 'hybrid' ? values.number('remote.officeDaysPerWeek') : undefined,
    },
    locations,
    ...(values.all('branchIds').length > 0 ? { branchIds: values.all('branchIds') } : {}),
    skills,
    requiredQualifications: values.all('requiredQualifications'),
    // Ticked text saved before, and names typed now (the service finds their keys).
    otherRequiredQualifications: [
      ...values.all('otherRequiredQualifications'),
      ...values.all('requiredQualificationText'),
    ]
      .map((t) => t.trim())
      .filter(Boolean),
    facts,
    startDate: values.text('startDate')?.trim() || undefined,
    closesOn: values.text('closesOn')?.trim() || undefined,
    details: readDetails(values),
  };

  const skillField = (list: 'required' | 'niceToHave', index: string | undefined) =>
    skills[list][Number(index)] ? `skill.${skills[list][Number(index)]?.tag}` : 'skills';
  const place = (errors: FieldErrors) => {
    const onGrid = week.placeErrors(errors, kind === 'flexible' ? 'schedule.windows' : 'schedule.shifts');
    return renameErrors(onGrid, (name) => {
      const parts = name.split('.');
      if (name === 'schedule') return 'schedule.kind';
      if (name === 'remote') return 'remote.mode';
      if (name === 'pay') return 'pay.min';
      if (parts[0] === 'branchIds') return 'branchIds';
      if (parts[0] === 'locations' && parts.length > 1) {
        const row = rowOf[Number(parts[1])];
        if (row === undefined) return 'locations';
        if (parts[2] === 'label') return `locations.${row}.label`;
        if (parts[2] === 'address' || parts[2] === 'town') return `locations.${row}.address`;
        return `locations.${row}.name`;
      }
      if (parts[0] === 'skills' && (parts[1] === 'required' || parts[1] === 'niceToHave'))
        return skillField(parts[1], parts[2]);
      if (parts[0] === 'requiredQualifications' || parts[0] === 'otherRequiredQualifications')
        return 'requiredQualifications';
      return name;
    });
  };

  const validated = validate(RoleInputSchema, input, m);
  if (validated.ok && Object.keys(early).length === 0) return { ok: true, value: validated.value, place };
  const found = validated.ok ? {} : { ...validated.errors, ...roleMessages(input, m) };
  // A location row she typed but we could not place already says so; "add a place" would confuse.
  if (Object.keys(early).some((name) => name.startsWith('locations.'))) delete found.locations;
  const errors: FieldErrors = { ...early };
  for (const [name, message] of Object.entries(place(found))) errors[name] ??= message;
  return { ok: false, errors };
}
