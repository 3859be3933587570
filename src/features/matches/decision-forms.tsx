/**
 * The coordinator's three decisions on a match — take into review, approve with a reason, reject
 * with a reason code and text — each a plain form sent at the version she saw. A form that came
 * back with problems shows them and keeps what she typed.
 */
import {
  ErrorSummary,
  fieldId,
  labelField,
  PostForm,
  SelectField,
  TextField,
  Toggle,
} from '../../web/form-fields.tsx';
import { type FieldErrors, type FormValues, formValues } from '../../web/form-input.ts';
import type { View } from '../../web/view.ts';
import type { MatchDetail } from '../coordination/coordination.schemas.ts';
import { REJECTION_REASONS } from './match.schemas.ts';
import type { MatchState } from './match-lifecycle.ts';

/** States in which a coordinator still decides. */
const UNDECIDED: readonly MatchState[] = ['interested', 'under_review'];

export interface DecisionForm {
  decision: 'review' | 'approve' | 'reject';
  values: FormValues;
  errors: FieldErrors;
}

/**
 * A sentence to start from, which the coordinator edits: what the match does for her (her side's
 * strongest reasons, hours first), since the member reads it too.
 */
export function suggestedReason(detail: MatchDetail, lang: View['lang']): string {
  const hers = (detail.explanation?.components ?? [])
    .filter((comp) => comp.side === 'member')
    .flatMap((comp) => comp.reasons.filter((r) => r.tone === 'positive'))
    .slice(0, 2);
  return hers.map((r) => r.text).join(lang === 'ja' ? '。' : '. ');
}

export function DecisionForms(props: {
  view: View;
  detail: MatchDetail;
  form: DecisionForm | undefined;
  action: string;
}) {
  const { view, detail, form } = props;
  const d = view.m.coordinator.decision;
  const { match } = detail;
  const { action } = props;
  const posted = (decision: DecisionForm['decision']) => (form?.decision === decision ? form : undefined);
  const approve = posted('approve');
  const reject = posted('reject');
  const review = posted('review');
  const version = <input type="hidden" name="expectedVersion" value={String(match.version)} />;
  if (!UNDECIDED.includes(match.state)) return <p class="meta">{d.closed}</p>;
  if (approve) labelField(approve.errors, 'overrideInfeasible', d.override);
  return (
    <>
      {review && <ErrorSummary view={view} errors={review.errors} />}
      {match.state === 'interested' && (
        <PostForm view={view} action={action} class="decision review">
          {version}
          <input type="hidden" name="decision" value="review" />
          <p class="hint">{d.reviewHint}</p>
          <button type="submit" class="button secondary">
            {d.review}
          </button>
        </PostForm>
      )}
      <PostForm view={view} action={action} class="decision approve">
        {version}
        <input type="hidden" name="decision" value="approve" />
        {approve && <ErrorSummary view={view} errors={approve.errors} />}
        <TextField
          name="approveReason"
          label={d.approveReason}
          hint={d.approveReasonHint}
          multiline
          maxlength={1000}
          required
          values={approve?.values ?? formValues({ approveReason: suggestedReason(detail, view.lang) })}
          errors={approve?.errors ?? {}}
        />
        {detail.infeasible && (
          // The matching finds a hard rule broken: approving is an explicit, reasoned override.
          <div
            class={approve?.errors.overrideInfeasible ? 'override has-error' : 'override'}
            id={fieldId('overrideInfeasible')}
          >
            <p class="degraded">{d.infeasibleWarning}</p>
            <ul class="reasons">
              {detail.infeasible.violations.map((v) => (
                <li class="negative">{v.text}</li>
              ))}
            </ul>
            {approve?.errors.overrideInfeasible && (
              <span class="field-error" id={`${fieldId('overrideInfeasible')}-error`}>
                {approve.errors.overrideInfeasible}
              </span>
            )}
            <Toggle name="overrideInfeasible" label={d.override} values={approve?.values ?? formValues({})} />
          </div>
        )}
        <button type="submit" class="button">
          {d.approve}
        </button>
      </PostForm>
      <details class="decision reject" open={reject !== undefined}>
        <summary>{d.reject}</summary>
        <PostForm view={view} action={action}>
          {version}
          <input type="hidden" name="decision" value="reject" />
          {reject && <ErrorSummary view={view} errors={reject.errors} />}
          <SelectField
            name="reasonCode"
            label={d.reasonCode}
            placeholder="—"
            options={REJECTION_REASONS.map((code) => ({ value: code, label: d.reasonCodes[code] ?? code }))}
            required
            values={reject?.values ?? formValues({})}
            errors={reject?.errors ?? {}}
          />
          <TextField
            name="rejectReason"
            label={d.rejectReason}
            hint={d.rejectReasonHint}
            multiline
            maxlength={1000}
            required
            values={reject?.values ?? formValues({})}
            errors={reject?.errors ?? {}}
          />
          <button type="submit" class="button danger">
            {d.reject}
          </button>
        </PostForm>
      </details>
    </>
  );
}
