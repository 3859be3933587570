/**
 * Her résumé (履歴書) as the profile form asks it: a few rows of work history and of education, her
 * 自己PR, and whether an employer may read them once she is introduced — with the mapping between
 * the saved résumé and the form's fields. Rows left blank are not part of it.
 */
import { TextField, Toggle } from '../../web/form-fields.tsx';
import { type FieldErrors, type FormValues, typedMonth } from '../../web/form-input.ts';
import type { View } from '../../web/view.ts';
import type { MemberProfile } from './member.schemas.ts';

/** Rows the form offers (the API takes 10 jobs and 6 schools; a phone form does not need them all). */
const WORK_ROWS = 3;
const EDUCATION_ROWS = 2;

type Resume = MemberProfile['resume'];

/** A saved résumé as form values. */
export function resumeValues(resume: Resume): Record<string, string | boolean | undefined> {
  return {
    ...Object.fromEntries(
      resume.work.flatMap((job, i) => [
        [`resume.work.${i}.from`, job.from],
        [`resume.work.${i}.to`, job.to],
        [`resume.work.${i}.organisation`, job.organisation],
        [`resume.work.${i}.role`, job.role],
      ]),
    ),
    ...Object.fromEntries(
      resume.education.flatMap((school, i) => [
        [`resume.education.${i}.finished`, school.finished],
        [`resume.education.${i}.school`, school.school],
        [`resume.education.${i}.course`, school.course],
      ]),
    ),
    'resume.share': resume.shareAtIntroduction,
  };
}

/**
 * The résumé part of the API input from the posted form: rows with anything typed in them, in
 * their order (the schema names what a started row still lacks). A résumé saved through the API
 * with more rows than the form offers gets as many rows as it has, so editing never drops one.
 */
export function parseResume(values: FormValues): {
  work: unknown[];
  education: unknown[];
  shareAtIntroduction: boolean;
} {
  const text = (name: string) => values.text(name)?.trim() || undefined;
  const work = Array.from({ length: Math.max(WORK_ROWS, rowsPosted(values, 'resume.work')) }, (_, i) => {
    const from = typedMonth(values.text(`resume.work.${i}.from`));
    const to = typedMonth(values.text(`resume.work.${i}.to`));
    const organisation = text(`resume.work.${i}.organisation`);
    const role = text(`resume.work.${i}.role`);
    return { from, to, organisation, role };
  });
  const education = Array.from(
    { length: Math.max(EDUCATION_ROWS, rowsPosted(values, 'resume.education')) },
    (_, i) => ({
      finished: typedMonth(values.text(`resume.education.${i}.finished`)),
      school: text(`resume.education.${i}.school`),
      course: text(`resume.education.${i}.course`),
    }),
  );
  return {
    work: work.filter(started).map(withoutBlanks),
    education: education.filter(started).map(withoutBlanks),
    shareAtIntroduction: values.checked('resume.share'),
  };
}

/** Rows a saved résumé put in the form beyond its blank ones (carried through a partial page). */
function rowsPosted(values: FormValues, prefix: string): number {
  let rows = 0;
  for (const name of values.names()) {
    const match = new RegExp(`^${prefix.replace('.', '\\.')}\\.(\\d+)\\.`).exec(name);
    if (match) rows = Math.max(rows, Number(match[1]) + 1);
  }
  return rows;
}

const started = (row: Record<string, string | undefined>): boolean =>
  Object.values(row).some((value) => value !== undefined);

const withoutBlanks = (row: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined));

export function ResumeFields(props: { view: View; values: FormValues; errors: FieldErrors }) {
  const { view, values, errors } = props;
  const words = view.m.member.profile.resume;
  const workRows = Math.max(WORK_ROWS, rowsPosted(values, 'resume.work'));
  const schoolRows = Math.max(EDUCATION_ROWS, rowsPosted(values, 'resume.education'));
  return (
    <>
      <fieldset>
        <legend>{words.work}</legend>
        <span class="hint">{words.workHint}</span>
        {Array.from({ length: workRows }, (_, i) => (
          <div class="resume-row">
            <p class="row-label">{words.workRow(i + 1)}</p>
            <div class="two">
              <TextField
                name={`resume.work.${i}.from`}
                type="month"
                label={words.from}
                values={values}
                errors={errors}
              />
              <TextField
                name={`resume.work.${i}.to`}
                type="month"
                label={words.to}
                values={values}
                errors={errors}
              />
            </div>
            <TextField
              name={`resume.work.${i}.organisation`}
              label={words.organisation}
              maxlength={60}
              values={values}
              errors={errors}
            />
            <TextField
              name={`resume.work.${i}.role`}
              label={words.role}
              maxlength={60}
              values={values}
              errors={errors}
            />
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{words.education}</legend>
        <span class="hint">{words.educationHint}</span>
        {Array.from({ length: schoolRows }, (_, i) => (
          <div class="resume-row">
            <p class="row-label">{words.educationRow(i + 1)}</p>
            <TextField
              name={`resume.education.${i}.finished`}
              type="month"
              label={words.finished}
              values={values}
              errors={errors}
            />
            <TextField
              name={`resume.education.${i}.school`}
              label={words.school}
              maxlength={60}
              values={values}
              errors={errors}
            />
            <TextField
              name={`resume.education.${i}.course`}
              label={words.course}
              maxlength={60}
              values={values}
              errors={errors}
            />
          </div>
        ))}
      </fieldset>
      <TextField
        name="direction.selfPr"
        label={words.selfPr}
        hint={view.m.member.profile.direction.selfPrHint}
        multiline
        maxlength={800}
        values={values}
        errors={errors}
      />
      <Toggle name="resume.share" label={words.share} hint={words.shareHint} values={values} />
    </>
  );
}
