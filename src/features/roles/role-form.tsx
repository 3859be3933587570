/**
 * The role editor: the whole RoleInput as one form that works without JavaScript, and the two
 * mappings around it — a saved Role to form values, and posted values to a RoleInput validated
 * by the API's own schema, with every problem moved to the field it came from (a grid row, a
 * location row, a skill's select).
 */
import {
  EMPLOYMENT_TYPES,
  FLEXIBILITY_FACTS,
  JOB_CATEGORIES,
  QUALIFICATIONS,
  SKILL_LEVELS,
  SKILLS,
} from '../../../matching/vocabulary.ts';
import {
  ChoiceGroup,
  ErrorSummary,
  fieldId,
  labelField,
  type Option,
  PostForm,
  SelectField,
  SubmitButton,
  TextField,
  Toggle,
} from '../../web/form.tsx';
import { type FieldErrors, type FormValues, formValues, renameErrors, validate } from '../../web/forms.ts';
import { labelOf } from '../../web/i18n.ts';
import type { View } from '../../web/view.ts';
import { parseWeek, WeekGrid, weekValues } from '../../web/week-grid.tsx';
import type { AreaService } from '../areas/area.service.ts';
import { PlaceFields, placeValues, resolvePlace, typedPlace } from '../areas/place-field.tsx';
import { FACT_KEYS, type Role, type RoleInput, RoleInputSchema } from './role.schemas.ts';

/** At most this many location rows on the page; the API allows more, a form does not need them. */
export const MAX_LOCATIONS = 5;
const GRID = 'week';
const LEVELS = [1, 2, 3] as const;

type Values = Record<string, string | string[]>;

const options = (labels: Record<string, { ja: string; en: string }>, view: View): Option[] =>
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
export function roleFormValues(role: Role): FormValues {
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
  role.locations.forEach((location, row) => {
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
  return formValues(values);
}

/**
 * Rules the schema words for programs, said for her (matched on "field.path message", so one
 * wording used for two fields can be told apart).
 */
const ROLE_MESSAGES: [RegExp, (m: View['m']) => string][] = [
  [/maxHoursPerWeek must not be below minHoursPerWeek/, (m) => m.employer.editor.errors.maxBelowMin],
  [/must not be above maxHoursPerWeek/, (m) => m.employer.editor.errors.preferredAboveMax],
  [/needs at least one location/, (m) => m.employer.editor.errors.needLocation],
  [/is already required/, (m) => m.employer.editor.errors.alreadyRequired],
  [/day\(s\) have windows/, (m) => m.employer.editor.errors.daysBeyondWindows],
  [/windows only hold/, (m) => m.employer.editor.errors.hoursBeyondWindows],
  [/must not be below minHoursPerWeek/, (m) => m.employer.editor.errors.preferredBelowMin],
  [/max must not be below min/, (m) => m.employer.editor.errors.payMaxBelowMin],
  [/officeDaysPerWeek is given/, (m) => m.employer.editor.errors.officeDays],
  [/at least one shift|at least one window/, (m) => m.employer.editor.errors.needWindow],
];

function roleMessages(input: unknown, m: View['m']): FieldErrors {
  const parsed = RoleInputSchema.safeParse(input);
  const errors: FieldErrors = {};
  for (const issue of parsed.error?.issues ?? []) {
    const path = issue.path.map(String).join('.');
    const said = ROLE_MESSAGES.find(([pattern]) => pattern.test(`${path} ${issue.message}`));
    if (said) errors[path] ??= said[1](m);
  }
  return errors;
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
    skills,
    requiredQualifications: values.all('requiredQualifications'),
    facts,
    startDate: values.text('startDate')?.trim() || undefined,
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
      if (parts[0] === 'locations' && parts.length > 1) {
        const row = rowOf[Number(parts[1])];
        if (row === undefined) return 'locations';
        if (parts[2] === 'label') return `locations.${row}.label`;
        if (parts[2] === 'address' || parts[2] === 'town') return `locations.${row}.address`;
        return `locations.${row}.name`;
      }
      if (parts[0] === 'skills' && (parts[1] === 'required' || parts[1] === 'niceToHave'))
        return skillField(parts[1], parts[2]);
      if (parts[0] === 'requiredQualifications') return 'requiredQualifications';
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

function Section(props: { title: string; children: unknown }) {
  return (
    <section class="card editor-section">
      <h2>{props.title}</h2>
      {props.children}
    </section>
  );
}

function SkillPicker(props: { view: View; values: FormValues; errors: FieldErrors }) {
  const { view, values, errors } = props;
  const words = view.m.employer.editor;
  const choices: Option[] = [{ value: '', label: '—' }];
  for (const [need, label] of [
    ['required', words.required],
    ['nice', words.niceToHave],
  ] as const) {
    for (const level of LEVELS)
      choices.push({
        value: `${need}:${level}`,
        label: words.skillOption(label, SKILL_LEVELS[level][view.lang]),
      });
  }
  labelField(errors, 'skills', words.skills);
  return (
    <fieldset class={errors.skills ? 'skills has-error' : 'skills'} id={fieldId('skills')}>
      <legend>{words.skills}</legend>
      <span class="hint">{words.skillsHint}</span>
      {errors.skills && <span class="field-error">{errors.skills}</span>}
      <div class="skill-list">
        {Object.keys(SKILLS).map((tag) => {
          const name = `skill.${tag}`;
          const chosen = values.text(name) ?? '';
          labelField(errors, name, labelOf(SKILLS, tag, view.lang));
          return (
            <div class={errors[name] ? 'skill-row has-error' : 'skill-row'}>
              <label for={fieldId(name)}>{labelOf(SKILLS, tag, view.lang)}</label>
              <select id={fieldId(name)} name={name} aria-invalid={errors[name] ? 'true' : undefined}>
                {choices.map((choice) => (
                  <option value={choice.value} selected={choice.value === chosen}>
                    {choice.label}
                  </option>
                ))}
              </select>
              {errors[name] && <span class="field-error">{errors[name]}</span>}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

function LocationRows(props: { view: View; values: FormValues; errors: FieldErrors; prefectures: Option[] }) {
  const { view, values, errors } = props;
  const words = view.m.employer.editor;
  let filled = 0;
  for (let row = 0; row < MAX_LOCATIONS; row++) {
    const prefix = `locations.${row}`;
    if (
      values.text(`${prefix}.name`) ||
      values.text(`${prefix}.prefCode`) ||
      values.text(`${prefix}.label`) ||
      values.text(`${prefix}.address`)
    )
      filled = row + 1;
  }
  const rows = Math.min(MAX_LOCATIONS, Math.max(2, filled + 1));
  labelField(errors, 'locations', view.m.employer.editor.sections.locations);
  return (
    <fieldset
      class={errors.locations ? 'locations bare has-error' : 'locations bare'}
      id={fieldId('locations')}
    >
      <legend>{view.m.employer.editor.sections.locations}</legend>
      <span class="hint">{words.locationsHint(MAX_LOCATIONS)}</span>
      {errors.locations && <span class="field-error">{errors.locations}</span>}
      {Array.from({ length: rows }, (_, row) => (
        <div class="location-row">
          <h3>{words.locationN(row + 1)}</h3>
          <PlaceFields
            view={view}
            prefix={`locations.${row}`}
            prefectures={props.prefectures}
            values={values}
            errors={errors}
          />
          <TextField
            name={`locations.${row}.address`}
            label={words.locationAddress}
            hint={words.locationAddressHint}
            values={values}
            errors={errors}
            maxlength={120}
          />
          <TextField
            name={`locations.${row}.label`}
            label={words.locationLabel}
            values={values}
            errors={errors}
            maxlength={60}
          />
        </div>
      ))}
    </fieldset>
  );
}

/** The whole editor; `verifiedFacts` marks the facts a coordinator has checked. */
export function RoleForm(props: {
  view: View;
  action: string;
  values: FormValues;
  errors: FieldErrors;
  prefectures: Option[];
  verifiedFacts?: ReadonlySet<string>;
}) {
  const { view, values, errors } = props;
  const { m } = view;
  const words = m.employer.editor;
  const yesNo: Option[] = [
    { value: 'yes', label: m.form.yes },
    { value: 'no', label: m.form.no },
    { value: '', label: m.form.notStated },
  ];
  const field = { values, errors };
  return (
    <PostForm view={view} action={props.action} class="role-editor">
      <ErrorSummary view={view} errors={errors} />
      {values.text('expectedVersion') && (
        <input type="hidden" name="expectedVersion" value={values.text('expectedVersion')} />
      )}
      <Section title={words.sections.basics}>
        <TextField
          name="title"
          label={words.title}
          hint={words.titleHint}
          maxlength={80}
          required
          {...field}
        />
        <div class="two">
          <SelectField
            name="category"
            label={words.category}
            options={options(JOB_CATEGORIES, view)}
            placeholder={words.choose}
            required
            {...field}
          />
          <SelectField
            name="employmentType"
            label={words.employmentType}
            options={options(EMPLOYMENT_TYPES, view)}
            placeholder={words.choose}
            required
            {...field}
          />
        </div>
        <TextField
          name="description"
          label={words.description}
          hint={words.descriptionHint}
          maxlength={4000}
          multiline
          required
          {...field}
        />
        <TextField
          name="startDate"
          type="date"
          label={words.startDate}
          hint={words.startDateHint}
          {...field}
        />
      </Section>

      <Section title={words.sections.pay}>
        <SelectField
          name="pay.unit"
          label={words.payUnit}
          options={Object.entries(m.payUnits).map(([value, label]) => ({ value, label }))}
          required
          {...field}
        />
        <div class="two">
          <TextField
            name="pay.min"
            type="number"
            label={words.payMin}
            suffix={words.yenSuffix}
            required
            {...field}
          />
          <TextField
            name="pay.max"
            type="number"
            label={words.payMax}
            hint={words.payMaxHint}
            suffix={words.yenSuffix}
            {...field}
          />
        </div>
      </Section>

      <Section title={words.sections.schedule}>
        <ChoiceGroup
          name="schedule.kind"
          label={words.scheduleKind}
          options={[
            { value: 'fixed', label: words.fixed },
            { value: 'flexible', label: words.flexible },
          ]}
          required
          {...field}
        />
        <WeekGrid view={view} name={GRID} legend={words.gridLegend} hint={words.gridHint} {...field} />
        <TextField
          name="schedule.breakMinutes"
          type="number"
          label={words.breakMinutes}
          hint={words.breakHint}
          suffix={words.minutesSuffix}
          {...field}
        />
        <fieldset class="flexible-only">
          <legend>{words.flexible}</legend>
          <span class="hint">{words.flexibleOnly}</span>
          <div class="two">
            <TextField
              name="schedule.minHoursPerWeek"
              type="number"
              inputmode="decimal"
              label={words.minHours}
              suffix={words.hoursSuffix}
              {...field}
            />
            <TextField
              name="schedule.minDaysPerWeek"
              type="number"
              label={words.minDays}
              suffix={words.daysSuffix}
              {...field}
            />
          </div>
          <div class="two">
            <TextField
              name="schedule.preferredHoursPerWeek"
              type="number"
              inputmode="decimal"
              label={words.preferredHours}
              suffix={words.hoursSuffix}
              {...field}
            />
            <TextField
              name="schedule.maxHoursPerWeek"
              type="number"
              inputmode="decimal"
              label={words.maxHours}
              hint={words.maxHoursHint}
              suffix={words.hoursSuffix}
              {...field}
            />
          </div>
          <TextField
            name="schedule.minHoursPerDay"
            type="number"
            inputmode="decimal"
            label={words.minHoursPerDay}
            hint={words.minHoursPerDayHint}
            suffix={words.hoursSuffix}
            {...field}
          />
          <Toggle
            name="schedule.splitDaysAllowed"
            label={words.splitDays}
            hint={words.splitDaysHint}
            values={values}
          />
        </fieldset>
      </Section>

      <Section title={words.sections.conditions}>
        <ChoiceGroup
          name="overtime"
          label={words.overtime}
          options={Object.entries(words.overtimeOptions).map(([value, label]) => ({ value, label }))}
          inline
          required
          {...field}
        />
        <Toggle name="weekendWork" label={words.weekendWork} values={values} />
        <Toggle name="nightWork" label={words.nightWork} values={values} />
        <ChoiceGroup
          name="remote.mode"
          label={words.remote}
          options={Object.entries(words.remoteOptions).map(([value, label]) => ({ value, label }))}
          inline
          required
          {...field}
        />
        <SelectField
          name="remote.officeDaysPerWeek"
          label={words.officeDays}
          hint={words.officeDaysHint}
          options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `${n}${words.daysSuffix}` }))}
          placeholder="—"
          {...field}
        />
      </Section>

      <Section title={words.sections.locations}>
        <LocationRows view={view} prefectures={props.prefectures} {...field} />
      </Section>

      <Section title={words.sections.skills}>
        <SkillPicker view={view} {...field} />
        <ChoiceGroup
          name="requiredQualifications"
          label={words.qualifications}
          hint={words.qualificationsHint}
          options={options(QUALIFICATIONS, view)}
          multiple
          {...field}
        />
      </Section>

      <Section title={words.sections.facts}>
        <p class="hint">{words.factsHint}</p>
        {FACT_KEYS.map((fact) => (
          <ChoiceGroup
            name={`facts.${fact}`}
            label={labelOf(FLEXIBILITY_FACTS, fact, view.lang)}
            options={yesNo}
            inline
            {...(props.verifiedFacts?.has(fact) ? { hint: `✓ ${words.verified}` } : {})}
            {...field}
          />
        ))}
      </Section>

      <div class="actions">
        <SubmitButton label={words.save} />
      </div>
    </PostForm>
  );
}
