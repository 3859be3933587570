/**
 * The member's profile as a form: values for editing a saved profile, the API input built from a
 * posted form, and the form itself. Her place is typed as a name and resolved to an area code on
 * the server; her week is the shared weekly editor.
 */
import { EMPLOYMENT_TYPES, JOB_CATEGORIES, SKILLS } from '../../../matching/vocabulary.ts';
import {
  ChoiceGroup,
  ErrorSummary,
  type Option,
  PostForm,
  SelectField,
  SubmitButton,
  TextField,
  Toggle,
} from '../../web/form.tsx';
import { type FieldErrors, type FormValues, renameErrors, typedMonth } from '../../web/forms.ts';
import { labelOf } from '../../web/i18n.ts';
import { qualificationTerms } from '../../web/picker-terms.ts';
import { TermPicker } from '../../web/term-picker.tsx';
import type { View } from '../../web/view.ts';
import { parseWeek, WeekGrid, weekValues } from '../../web/week-grid.tsx';
import type { AreaService } from '../areas/area.service.ts';
import { PlaceFields, placeValues, resolvePlace, typedPlace } from '../areas/place-field.tsx';
import { CareLimits, CHILD_ROWS, ChildRows, careField, careValues, parseCareLimits } from './care-fields.tsx';
import type { MemberProfile, MemberProfileInput } from './member.schemas.ts';
import {
  carriedValues,
  errorsIn,
  FIRST_SAVED_STEP,
  GUIDED_STEPS,
  nextGuidedStep,
  PROFILE_SECTIONS,
  type ProfileSection,
} from './profile-sections.ts';
import { parseResume, ResumeFields, resumeValues } from './resume-fields.tsx';

const WEEK = 'week';

const optionsOf = (labels: Record<string, { ja: string; en: string }>, view: View): Option[] =>
  Object.keys(labels).map((key) => ({ value: key, label: labelOf(labels, key, view.lang) }));

/** A saved profile as form values. */
export function profileValues(profile: MemberProfile) {
  const target = profile.targetAreas[0];
  return {
    // The version this edit starts from: saving refuses it (409) if the profile changed meanwhile.
    expectedVersion: profile.version,
    familyName: profile.familyName,
    givenName: profile.givenName,
    phone: profile.phone,
    ...placeValues('area', profile.area),
    homeTown: profile.homeTown,
    ...(target
      ? {
          ...placeValues('target', target),
          'target.relocation': target.needsRelocationSupport,
          'target.moveFrom': target.moveFrom,
          'target.maxCommuteMinutes': target.maxCommuteMinutes,
        }
      : {}),
    ...weekValues(WEEK, profile.availability.windows),
    'availability.maxHoursPerWeek': profile.availability.maxHoursPerWeek,
    'availability.earliestStartDate': profile.availability.earliestStartDate,
    'commute.maxMinutes': profile.commute.maxMinutes,
    'commute.mode': profile.commute.mode,
    ...Object.fromEntries(
      profile.children.flatMap((child, i) => [
        [`children.${i}.birthYear`, child.birthYear],
        [`children.${i}.birthMonth`, child.birthMonth],
        [`children.${i}.care`, child.care],
        [`children.${i}.pickupTime`, child.pickupTime],
      ]),
    ),
    ...careValues(profile.availability.careLimits ?? []),
    skills: profile.skills.map((s) => s.tag),
    qualifications: profile.qualifications,
    otherQualifications: profile.otherQualifications,
    'pay.floor.amount': profile.pay.floor?.amount,
    'pay.floor.unit': profile.pay.floor?.unit,
    'pay.wish.amount': profile.pay.wish?.amount,
    'pay.wish.unit': profile.pay.wish?.unit,
    employmentTypes: profile.employmentTypes,
    remoteWish: profile.remoteWish,
    ...Object.fromEntries(
      profile.direction.desiredCategories.map((category, i) => [`direction.choice.${i}`, category]),
    ),
    'direction.selfPr': profile.direction.selfPr,
    'direction.pace': profile.direction.pace ?? '',
    ...resumeValues(profile.resume),
  };
}

/** How many ranked choices of work the form offers (the API takes up to five). */
const DIRECTION_CHOICES = 3;

/** First-time values: a weekday daytime week, the most common wish, so she edits rather than builds. */
export const NEW_PROFILE_VALUES = {
  'availability.maxHoursPerWeek': 20,
  'commute.maxMinutes': 30,
  'commute.mode': 'transit',
  remoteWish: 'no_preference',
};

/**
 * Builds the API input from the posted form. Problems found on the way (an unknown town, half a
 * time window) come back as field errors; `placeErrors` moves the schema's errors onto the form.
 */
export async function profileInputFrom(
  values: FormValues,
  areas: AreaService,
  view: View,
  saved: MemberProfile | undefined,
): Promise<{
  input: MemberProfileInput | unknown;
  errors: FieldErrors;
  placeErrors: (errors: FieldErrors) => FieldErrors;
}> {
  const errors: FieldErrors = {};
  const week = parseWeek(values, WEEK, view.m, { remoteOnly: true });
  Object.assign(errors, week.errors);

  const area = await resolvePlace(areas, view.m, 'area', typedPlace(values, 'area'));
  if (!area.ok) errors[area.field] = area.error;
  const typedTarget = typedPlace(values, 'target');
  const target =
    typedTarget.prefCode || typedTarget.name
      ? await resolvePlace(areas, view.m, 'target', typedTarget, { wholePrefecture: true })
      : undefined;
  if (target && !target.ok) errors[target.field] = target.error;
  // Target areas beyond the first are kept as saved: the form edits one, the API allows ten.
  const otherTargets = (saved?.targetAreas.slice(1) ?? []).map((t) => ({
    areaCode: t.code,
    needsRelocationSupport: t.needsRelocationSupport,
    ...(t.moveFrom ? { moveFrom: t.moveFrom } : {}),
    ...(t.maxCommuteMinutes !== undefined ? { maxCommuteMinutes: t.maxCommuteMinutes } : {}),
  }));
  // Her plan for the move: a month typed as 2027-04 or 2027/4 (full-width digits too) reads as YYYY-MM.
  const moveFrom = typedMonth(values.text('target.moveFrom'));
  const targetMax = values.number('target.maxCommuteMinutes');

  const levelOf = new Map(saved?.skills.map((s) => [s.tag, s.level]) ?? []);
  const children = Array.from({ length: CHILD_ROWS }, (_, i) => ({
    birthYear: values.number(`children.${i}.birthYear`),
    birthMonth: values.number(`children.${i}.birthMonth`),
    ...(values.text(`children.${i}.care`) ? { care: values.text(`children.${i}.care`) } : {}),
    ...(values.text(`children.${i}.pickupTime`)
      ? { pickupTime: values.text(`children.${i}.pickupTime`) }
      : {}),
  })).filter((child) => child.birthYear !== undefined || child.birthMonth !== undefined);
  const careLimits = parseCareLimits(values);
  const money = (name: string) => {
    const amount = values.number(`${name}.amount`);
    return amount === undefined ? undefined : { amount, unit: values.text(`${name}.unit`) || 'hour' };
  };
  const input = {
    familyName: values.text('familyName') ?? '',
    givenName: values.text('givenName') ?? '',
    ...(values.text('phone')?.trim() ? { phone: values.text('phone')?.trim() } : {}),
    areaCode: area.ok ? area.area.code : '000000',
    ...(values.text('homeTown')?.trim() ? { homeTown: values.text('homeTown')?.trim() } : {}),
    targetAreas: [
      ...(target?.ok
        ? [
            {
              areaCode: target.area.code,
              needsRelocationSupport: values.checked('target.relocation'),
              ...(moveFrom ? { moveFrom } : {}),
              ...(targetMax !== undefined ? { maxCommuteMinutes: targetMax } : {}),
            },
          ]
        : []),
      ...otherTargets,
    ],
    availability: {
      windows: week.windows,
      careLimits,
      maxHoursPerWeek: values.number('availability.maxHoursPerWeek'),
      ...(values.text('availability.earliestStartDate')
        ? { earliestStartDate: values.text('availability.earliestStartDate') }
        : {}),
    },
    commute: { maxMinutes: values.number('commute.maxMinutes'), mode: values.text('commute.mode') },
    children,
    skills: values.all('skills').map((tag) => ({ tag, level: levelOf.get(tag) ?? 2 })),
    qualifications: values.all('qualifications'),
    // Ticked text she entered before, and names she typed now (the service finds their keys).
    otherQualifications: [...values.all('otherQualifications'), ...values.all('qualificationText')]
      .map((t) => t.trim())
      .filter(Boolean),
    pay: {
      ...(money('pay.floor') ? { floor: money('pay.floor') } : {}),
      ...(money('pay.wish') ? { wish: money('pay.wish') } : {}),
    },
    employmentTypes: values.all('employmentTypes'),
    remoteWish: values.text('remoteWish'),
    direction: {
      // Her choices in order, blanks and repeats left out (the first of a repeat is her rank for it).
      desiredCategories: [
        ...new Set(
          Array.from(
            { length: DIRECTION_CHOICES },
            (_, i) => values.text(`direction.choice.${i}`) ?? '',
          ).filter(Boolean),
        ),
      ],
      ...(values.text('direction.selfPr')?.trim() ? { selfPr: values.text('direction.selfPr')?.trim() } : {}),
      ...(values.text('direction.pace') ? { pace: values.text('direction.pace') } : {}),
    },
    resume: parseResume(values),
    privacy: saved?.privacy ?? { hideMunicipality: false, blockedOrganisationIds: [] },
  };
  return {
    input,
    errors,
    placeErrors: (validation) =>
      renameErrors(week.placeErrors(validation, 'availability.windows'), (name) =>
        name === 'areaCode'
          ? 'area.name'
          : name.startsWith('targetAreas') && name.endsWith('moveFrom')
            ? 'target.moveFrom'
            : name.startsWith('targetAreas') && name.endsWith('maxCommuteMinutes')
              ? 'target.maxCommuteMinutes'
              : name.startsWith('targetAreas')
                ? 'target.name'
                : name.startsWith('availability.careLimits')
                  ? careField(careLimits, name)
                  : name,
      ),
  };
}

/** How the form is shown: every section folded (opening those asked for), or one step of the first run. */
export type ProfileFormMode =
  | {
      kind: 'overview';
      open: ReadonlySet<ProfileSection>;
      summaries: Partial<Record<ProfileSection, string>>;
    }
  | { kind: 'step'; step: ProfileSection; saved: boolean };

type SectionProps = {
  view: View;
  values: FormValues;
  errors: FieldErrors;
  prefectures: Option[];
  towns?: readonly string[];
};

export function ProfileForm(props: SectionProps & { mode: ProfileFormMode }) {
  const { view, values, errors, mode } = props;
  const { m } = view;
  const words = m.member.profile;
  return (
    <PostForm view={view} action="/me/profile">
      <ErrorSummary view={view} errors={errors} />
      {values.text('expectedVersion') && (
        <input type="hidden" name="expectedVersion" value={values.text('expectedVersion')} />
      )}
      {values.text('next') && <input type="hidden" name="next" value={values.text('next')} />}
      {mode.kind === 'step' ? (
        <GuidedStep {...props} step={mode.step} saved={mode.saved} />
      ) : (
        <>
          {PROFILE_SECTIONS.map((section) => (
            <details
              class="profile-section"
              id={`section-${section}`}
              open={mode.open.has(section) || Object.keys(errorsIn(errors, section)).length > 0}
            >
              <summary>
                <span class="section-title">{words.sections[section].title}</span>
                {mode.summaries[section] && <span class="meta">{mode.summaries[section]}</span>}
              </summary>
              <SectionFields {...props} section={section} />
            </details>
          ))}
          <div class="actions">
            <SubmitButton label={m.form.save} />
          </div>
        </>
      )}
    </PostForm>
  );
}

/** One page of the first run: where she is, the one section, her other answers carried along. */
function GuidedStep(props: SectionProps & { step: ProfileSection; saved: boolean }) {
  const { view, values, step } = props;
  const words = view.m.member.profile;
  const index = GUIDED_STEPS.indexOf(step);
  const next = nextGuidedStep(step);
  return (
    <>
      <input type="hidden" name="guided" value={step} />
      {carriedValues(values, step).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <p class="steps" aria-live="polite">
        {words.step(index + 1, GUIDED_STEPS.length)}
      </p>
      <ol class="step-list">
        {GUIDED_STEPS.map((s, i) => (
          <li
            class={i < index ? 'done' : i === index ? 'current' : ''}
            aria-current={i === index ? 'step' : undefined}
          >
            {words.sections[s].short}
          </li>
        ))}
      </ol>
      <h2>{words.sections[step].title}</h2>
      <p class="hint">{words.sections[step].hint}</p>
      <SectionFields {...props} section={step} />
      <div class="actions">
        <SubmitButton
          label={
            !next
              ? words.finish
              : GUIDED_STEPS.indexOf(FIRST_SAVED_STEP) > index
                ? words.toNext
                : words.saveAndNext
          }
        />
        {/* Optional steps can wait once there is a profile to come back to. */}
        {props.saved && step !== FIRST_SAVED_STEP && (
          <a class="button secondary" href={next ? `/me/profile?step=${next}` : '/home'}>
            {words.later}
          </a>
        )}
      </div>
    </>
  );
}

function SectionFields(props: SectionProps & { section: ProfileSection }) {
  switch (props.section) {
    case 'place':
      return <PlaceSection {...props} />;
    case 'week':
      return <WeekSection {...props} />;
    case 'children':
      return <ChildRows view={props.view} values={props.values} errors={props.errors} />;
    case 'wishes':
      return <WishesSection {...props} />;
    default:
      return <ResumeFields view={props.view} values={props.values} errors={props.errors} />;
  }
}

/** Who she is and where: name, phone, home, the hometown she may move to, how far she can travel. */
function PlaceSection(props: SectionProps) {
  const { view, values, errors, prefectures } = props;
  const words = view.m.member.profile;
  return (
    <>
      <fieldset>
        <legend>{words.about}</legend>
        <div class="two">
          <TextField
            name="familyName"
            label={words.familyName}
            autocomplete="family-name"
            maxlength={40}
            values={values}
            errors={errors}
            required
          />
          <TextField
            name="givenName"
            label={words.givenName}
            autocomplete="given-name"
            maxlength={40}
            values={values}
            errors={errors}
            required
          />
        </div>
        <TextField
          name="phone"
          type="tel"
          label={words.phone}
          hint={words.phoneHint}
          autocomplete="tel"
          inputmode="tel"
          values={values}
          errors={errors}
        />
      </fieldset>
      <fieldset>
        <legend>{words.area}</legend>
        <span class="hint">{words.areaHint}</span>
        <PlaceFields
          view={view}
          prefix="area"
          prefectures={prefectures}
          values={values}
          errors={errors}
          required
        />
        <TextField
          name="homeTown"
          label={words.homeTown}
          hint={words.homeTownHint}
          maxlength={40}
          suggestions={props.towns}
          values={values}
          errors={errors}
        />
      </fieldset>
      <fieldset>
        <legend>{words.commute}</legend>
        <div class="two">
          <TextField
            name="commute.maxMinutes"
            type="number"
            label={words.commuteMinutes}
            suffix={words.minutes}
            values={values}
            errors={errors}
            required
          />
          <SelectField
            name="commute.mode"
            label={words.commuteMode}
            options={Object.entries(words.commuteModes).map(([value, label]) => ({ value, label }))}
            values={values}
            errors={errors}
            required
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{words.target}</legend>
        <span class="hint">{words.targetHint}</span>
        <PlaceFields view={view} prefix="target" prefectures={prefectures} values={values} errors={errors} />
        <Toggle name="target.relocation" label={words.relocation} values={values} />
        <div class="two">
          <TextField
            name="target.moveFrom"
            label={words.moveFrom}
            hint={words.moveFromHint}
            inputmode="numeric"
            maxlength={10}
            values={values}
            errors={errors}
          />
          <TextField
            name="target.maxCommuteMinutes"
            type="number"
            label={words.targetCommute}
            suffix={words.minutes}
            values={values}
            errors={errors}
          />
        </div>
      </fieldset>
    </>
  );
}

/** When she can work, when she must leave and be home, how much, and from when. */
function WeekSection(props: SectionProps) {
  const { view, values, errors } = props;
  const words = view.m.member.profile;
  return (
    <>
      <WeekGrid
        view={view}
        name={WEEK}
        legend={words.availability}
        values={values}
        errors={errors}
        remoteOnlyLabel={words.remoteOnly}
      />
      <CareLimits view={view} values={values} errors={errors} />
      <div class="two">
        <TextField
          name="availability.maxHoursPerWeek"
          type="number"
          inputmode="decimal"
          label={words.maxHours}
          suffix={words.hours}
          values={values}
          errors={errors}
          required
        />
        <TextField
          name="availability.earliestStartDate"
          type="date"
          label={words.earliestStart}
          values={values}
          errors={errors}
        />
      </div>
    </>
  );
}

/** What she can do and what she wants: skills, qualifications, pay, kinds of work, direction. */
function WishesSection(props: SectionProps) {
  const { view, values, errors } = props;
  const words = view.m.member.profile;
  return (
    <>
      <ChoiceGroup
        name="skills"
        label={words.skills}
        options={optionsOf(SKILLS, view)}
        values={values}
        errors={errors}
        multiple
        inline
      />
      <TermPicker
        view={view}
        name="qualifications"
        otherName="otherQualifications"
        textName="qualificationText"
        label={words.qualifications}
        hint={words.qualificationsHint}
        terms={qualificationTerms(view.lang)}
        values={values}
        errors={errors}
      />
      <fieldset>
        <legend>{words.pay}</legend>
        {/* The form edits amounts; a unit saved through the API (monthly…) is kept as it was. */}
        <input type="hidden" name="pay.floor.unit" value={values.text('pay.floor.unit') ?? 'hour'} />
        <input type="hidden" name="pay.wish.unit" value={values.text('pay.wish.unit') ?? 'hour'} />
        <div class="two">
          <TextField
            name="pay.floor.amount"
            type="number"
            label={words.payFloor}
            suffix={words.yen}
            values={values}
            errors={errors}
          />
          <TextField
            name="pay.wish.amount"
            type="number"
            label={words.payWish}
            suffix={words.yen}
            values={values}
            errors={errors}
          />
        </div>
      </fieldset>
      <ChoiceGroup
        name="employmentTypes"
        label={words.employmentTypes}
        hint={words.employmentTypesHint}
        options={optionsOf(EMPLOYMENT_TYPES, view)}
        values={values}
        errors={errors}
        multiple
        inline
      />
      <ChoiceGroup
        name="remoteWish"
        label={words.remoteWish}
        options={Object.entries(words.remoteWishes).map(([value, label]) => ({ value, label }))}
        values={values}
        errors={errors}
        required
      />
      <DirectionFields view={view} values={values} errors={errors} />
    </>
  );
}

/** Her direction: the work she wants in her order, her words, and her pace (its own fieldset). */
function DirectionFields(props: { view: View; values: FormValues; errors: FieldErrors }) {
  const { view, values, errors } = props;
  const words = view.m.member.profile.direction;
  const categories = optionsOf(JOB_CATEGORIES, view);
  return (
    <fieldset>
      <legend>{words.title}</legend>
      <p class="hint">{words.hint}</p>
      <div class="two">
        {Array.from({ length: DIRECTION_CHOICES }, (_, i) => (
          <SelectField
            name={`direction.choice.${i}`}
            label={words.choice(i + 1)}
            options={categories}
            placeholder={words.noChoice}
            values={values}
            errors={errors}
          />
        ))}
      </div>
      <ChoiceGroup
        name="direction.pace"
        label={words.pace}
        options={Object.entries(words.paces).map(([value, label]) => ({ value, label }))}
        values={values}
        errors={errors}
      />
    </fieldset>
  );
}
