/**
 * The fields of the profile's sections: where she lives and travels, her week, what she can do and
 * wants. Each renders the same in the folded profile and in a step of the first run.
 */
import { EMPLOYMENT_TYPES, JOB_CATEGORIES, SKILLS } from '../../../matching/vocabulary.ts';
import { ChoiceGroup, type Option, SelectField, TextField, Toggle } from '../../web/form-fields.tsx';
import type { FieldErrors, FormValues } from '../../web/form-input.ts';
import { labelOf } from '../../web/i18n.ts';
import { qualificationTerms } from '../../web/picker-terms.ts';
import { TermPicker } from '../../web/term-picker.tsx';
import type { View } from '../../web/view.ts';
import { WeekGrid } from '../../web/week-grid.tsx';
import { PlaceFields } from '../areas/place-field.tsx';
import { CareLimits } from './care-fields.tsx';
import type { SectionProps } from './profile-form.tsx';
import { DIRECTION_CHOICES, WEEK } from './profile-form-values.ts';

const optionsOf = (labels: Record<string, { ja: string; en: string }>, view: View): Option[] =>
  Object.keys(labels).map((key) => ({ value: key, label: labelOf(labels, key, view.lang) }));

/** Who she is and where: name, phone, home, the hometown she may move to, how far she can travel. */
export function PlaceSection(props: SectionProps) {
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
export function WeekSection(props: SectionProps) {
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
export function WishesSection(props: SectionProps) {
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
