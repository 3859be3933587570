/**
 * Two sections of the role editor (role-form.tsx) that stand on their own: the job details a
 * Japanese ad states beside pay and hours, and the skills picker.
 */
import { SKILL_LEVELS, SKILLS } from '../../../matching/vocabulary.ts';
import { fieldId, labelField, type Option, SelectField, TextField, Toggle } from '../../web/form-fields.tsx';
import type { FieldErrors, FormValues } from '../../web/form-input.ts';
import { labelOf } from '../../web/i18n.ts';
import type { View } from '../../web/view.ts';
import { LEVELS } from './role-form-values.ts';

/** 交通費, 社会保険, 休日, アクセス, 募集人数, 試用期間, 服装 and two yes/no facts: all optional. */
export function DetailFields(props: { view: View; values: FormValues; errors: FieldErrors }) {
  const { view, values, errors } = props;
  const words = view.m.employer.editor.details;
  const field = { values, errors };
  const choices = (labels: Record<string, string>) =>
    Object.entries(labels).map(([value, label]) => ({ value, label }));
  return (
    <>
      <p class="hint">{words.hint}</p>
      <div class="two">
        <SelectField
          name="details.commuteAllowance.kind"
          label={words.commuteAllowance}
          options={choices(words.commuteOptions)}
          {...field}
        />
        <TextField
          name="details.commuteAllowance.capYenPerMonth"
          type="number"
          label={words.commuteCap}
          hint={words.commuteCapHint}
          suffix={view.m.employer.editor.yenSuffix}
          {...field}
        />
      </div>
      <SelectField
        name="details.socialInsurance"
        label={words.socialInsurance}
        options={choices(words.insuranceOptions)}
        {...field}
      />
      <TextField
        name="details.holidays"
        label={words.holidays}
        hint={words.holidaysHint}
        maxlength={200}
        {...field}
      />
      <TextField
        name="details.access"
        label={words.access}
        hint={words.accessHint}
        maxlength={200}
        {...field}
      />
      <div class="two">
        <TextField
          name="details.openings"
          type="number"
          label={words.openings}
          suffix={words.openingsSuffix}
          {...field}
        />
        <TextField
          name="details.trialPeriod.months"
          type="number"
          label={words.trialMonths}
          hint={words.trialMonthsHint}
          suffix={words.monthsSuffix}
          {...field}
        />
      </div>
      <TextField
        name="details.trialPeriod.note"
        label={words.trialNote}
        hint={words.trialNoteHint}
        maxlength={100}
        {...field}
      />
      <TextField
        name="details.dressCode"
        label={words.dressCode}
        hint={words.dressCodeHint}
        maxlength={200}
        {...field}
      />
      <Toggle name="details.inexperiencedOk" label={words.inexperiencedOk} values={values} />
      <Toggle name="details.withinDependentOk" label={words.withinDependentOk} values={values} />
    </>
  );
}

/** Each skill of the vocabulary with a select: not asked, or required / nice to have at a level. */
export function SkillPicker(props: { view: View; values: FormValues; errors: FieldErrors }) {
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
