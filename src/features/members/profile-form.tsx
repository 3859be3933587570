/**
 * The member's profile form: every section folded on one page (a saved profile), or one step of
 * the guided first run with her other answers carried in hidden fields. The sections' fields are
 * in profile-section-fields.tsx, the mapping to and from the API in profile-form-values.ts.
 */
import { ErrorSummary, type Option, PostForm, SubmitButton } from '../../web/form-fields.tsx';
import type { FieldErrors, FormValues } from '../../web/form-input.ts';
import type { View } from '../../web/view.ts';
import { ChildRows } from './care-fields.tsx';
import { PlaceSection, WeekSection, WishesSection } from './profile-section-fields.tsx';
import {
  carriedValues,
  errorsIn,
  FIRST_SAVED_STEP,
  GUIDED_STEPS,
  nextGuidedStep,
  PROFILE_SECTIONS,
  type ProfileSection,
} from './profile-sections.ts';
import { ResumeFields } from './resume-fields.tsx';

/** How the form is shown: every section folded (opening those asked for), or one step of the first run. */
export type ProfileFormMode =
  | {
      kind: 'overview';
      open: ReadonlySet<ProfileSection>;
      summaries: Partial<Record<ProfileSection, string>>;
    }
  | { kind: 'step'; step: ProfileSection; saved: boolean };

export type SectionProps = {
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
