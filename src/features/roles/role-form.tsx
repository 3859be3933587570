/**
 * The role editor: the whole RoleInput as one form that works without JavaScript. Its mappings
 * (saved role → values, posted values → RoleInput) are in role-form-values.ts, the job details'
 * and the skills' fields in role-form-fields.tsx.
 */
import { EMPLOYMENT_TYPES, FLEXIBILITY_FACTS, JOB_CATEGORIES } from '../../../matching/vocabulary.ts';
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
} from '../../web/form-fields.tsx';
import type { FieldErrors, FormValues } from '../../web/form-input.ts';
import { labelOf } from '../../web/i18n.ts';
import { qualificationTerms } from '../../web/picker-terms.ts';
import { TermPicker } from '../../web/term-picker.tsx';
import type { View } from '../../web/view.ts';
import { WeekGrid } from '../../web/week-grid.tsx';
import { PlaceFields } from '../areas/place-field.tsx';
import type { Branch } from '../organisations/branch.schemas.ts';
import { FACT_KEYS } from './role.schemas.ts';

import { DetailFields, SkillPicker } from './role-form-fields.tsx';
import { GRID, MAX_LOCATIONS, options } from './role-form-values.ts';

export {
  MAX_LOCATIONS,
  newRoleValues,
  type ReadRole,
  readRoleForm,
  roleFormValues,
} from './role-form-values.ts';

function Section(props: { title: string; children: unknown }) {
  return (
    <section class="card editor-section">
      <h2>{props.title}</h2>
      {props.children}
    </section>
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

/**
 * Her organisation's branches to tick as places (each adds a location with the branch's name as
 * its label), or a pointer to listing them when she has none yet.
 */
function BranchChoice(props: { view: View; values: FormValues; errors: FieldErrors; branches: Branch[] }) {
  const { view, branches } = props;
  const words = view.m.employer.branches;
  if (branches.length === 0)
    return (
      <p class="hint">
        {words.none} <a href="/employer/branches">{words.manage}</a>
      </p>
    );
  return (
    <ChoiceGroup
      name="branchIds"
      label={words.pick}
      hint={words.pickHint}
      options={branches.map((b) => ({
        value: b.id,
        label: `${b.name}（${b.area.prefecture} ${b.area.name}）`,
      }))}
      multiple
      values={props.values}
      errors={props.errors}
    />
  );
}

/** The whole editor; `verifiedFacts` marks the facts a coordinator has checked. */
export function RoleForm(props: {
  view: View;
  action: string;
  values: FormValues;
  errors: FieldErrors;
  prefectures: Option[];
  /** Her organisation's branches, to pick as places. */
  branches?: Branch[];
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
        <TextField name="closesOn" type="date" label={words.closesOn} hint={words.closesOnHint} {...field} />
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
        <BranchChoice view={view} branches={props.branches ?? []} {...field} />
        <LocationRows view={view} prefectures={props.prefectures} {...field} />
      </Section>

      <Section title={words.sections.skills}>
        <SkillPicker view={view} {...field} />
        <TermPicker
          view={view}
          name="requiredQualifications"
          otherName="otherRequiredQualifications"
          textName="requiredQualificationText"
          label={words.qualifications}
          hint={words.qualificationsHint}
          terms={qualificationTerms(view.lang)}
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

      <Section title={words.sections.details}>
        <DetailFields view={view} {...field} />
      </Section>

      <div class="actions">
        <SubmitButton label={words.save} />
      </div>
    </PostForm>
  );
}
