/**
 * One firm's page for coordinators: its details, the invitation link (shown once, when made), its
 * history, a stage change and a dated note. `tradeLabels` names trades for both prospect pages.
 */
import { JOB_CATEGORIES } from '../../../matching/vocabulary.ts';
import { ChoiceGroup, ErrorSummary, PostForm, SubmitButton, TextField } from '../../web/form-fields.tsx';
import { type FieldErrors, formValues } from '../../web/form-input.ts';
import { labelOf } from '../../web/i18n.ts';
import type { View } from '../../web/view.ts';
import { japanDateTime } from '../shared/japan-time.ts';
import { PROSPECT_STAGES, type ProspectDetail, type ProspectStage } from './prospect.schemas.ts';

/** The trades' names in her language, as one list. */
export const tradeLabels = (view: View, keys: string[]) =>
  keys.map((k) => (k in JOB_CATEGORIES ? labelOf(JOB_CATEGORIES, k, view.lang) : k)).join('、');

function InvitationCard(props: { view: View; detail: ProspectDetail; invitation?: Invitation }) {
  const { view, detail, invitation } = props;
  const w = view.m.outreach.prospects;
  const p = detail.prospect;
  return (
    <section class="card" aria-labelledby="invitation">
      <h2 id="invitation">{w.invitation}</h2>
      {p.organisationId ? (
        <p>{w.linked}</p>
      ) : (
        <>
          <p class="hint">{w.invitationLead}</p>
          {invitation && (
            <div class="field">
              <label for="invitation-link">{w.invitationLink}</label>
              <input id="invitation-link" type="text" readonly value={invitation.link} />
              <span class="hint">{w.invitationExpires(view.m.date(invitation.expiresAt))}</span>
            </div>
          )}
          <PostForm view={view} action={`/coordinator/prospects/${p.id}/invitation`}>
            <SubmitButton label={w.invite} secondary />
          </PostForm>
        </>
      )}
    </section>
  );
}

export type Invitation = { link: string; expiresAt: string };

export function ProspectPage(props: {
  view: View;
  detail: ProspectDetail;
  errors: FieldErrors;
  invitation?: Invitation;
}) {
  const { view, detail } = props;
  const w = view.m.outreach.prospects;
  const p = detail.prospect;
  return (
    <>
      <p class="meta">
        <a href="/coordinator/prospects">← {w.back}</a>
      </p>
      <h1>{p.company}</h1>
      <dl class="kv">
        <dt>{w.stage}</dt>
        <dd>
          <span class="badge state">{w.stages[p.stage]}</span>
        </dd>
        <dt>{w.area}</dt>
        <dd>{`${p.area.prefecture} ${p.area.name}`}</dd>
        <dt>{w.trades}</dt>
        <dd>{tradeLabels(view, p.trades)}</dd>
        <dt>{w.contact}</dt>
        <dd>{p.contact ?? '—'}</dd>
        <dt>{w.source}</dt>
        <dd>{p.source}</dd>
        <dt>{w.owner}</dt>
        <dd>{p.owner.name}</dd>
        <dt>{w.nextAction}</dt>
        <dd>{p.nextActionOn ?? '—'}</dd>
      </dl>
      <ErrorSummary view={view} errors={props.errors} />
      <InvitationCard
        view={view}
        detail={detail}
        {...(props.invitation ? { invitation: props.invitation } : {})}
      />
      <div class="columns">
        <section class="card" aria-labelledby="move">
          <h2 id="move">{w.move}</h2>
          <PostForm view={view} action={`/coordinator/prospects/${p.id}/stage`}>
            <ChoiceGroup
              name="stage"
              label={w.stage}
              options={PROSPECT_STAGES.map((s) => ({ value: s, label: w.stages[s] }))}
              values={formValues({ stage: p.stage })}
              errors={props.errors}
              inline
            />
            <TextField
              name="stageNote"
              label={w.note}
              maxlength={1000}
              values={formValues({})}
              errors={props.errors}
            />
            <SubmitButton label={w.move} />
          </PostForm>
        </section>
        <section class="card" aria-labelledby="add-note">
          <h2 id="add-note">{w.addNote}</h2>
          <PostForm view={view} action={`/coordinator/prospects/${p.id}/notes`}>
            <TextField
              name="note"
              label={w.note}
              maxlength={1000}
              multiline
              values={formValues({})}
              errors={props.errors}
              required
            />
            <TextField
              name="nextActionOn"
              type="date"
              label={w.nextAction}
              values={formValues({})}
              errors={props.errors}
            />
            <SubmitButton label={w.addNote} secondary />
          </PostForm>
        </section>
      </div>
      <h2>{w.history}</h2>
      <ol class="list">
        {[...detail.history].reverse().map((e) => (
          <li>
            <p class="meta">
              {japanDateTime(e.at)}・{e.author}
            </p>
            {e.kind === 'stage' && (
              <p>
                <strong>
                  {e.fromStage
                    ? w.movedTo(w.stages[e.fromStage], w.stages[e.toStage as ProspectStage])
                    : w.createdAt}
                </strong>
              </p>
            )}
            {e.note && <p>{e.note}</p>}
            {e.nextActionOn && (
              <p class="meta">
                {w.nextAction}：{e.nextActionOn}
              </p>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
