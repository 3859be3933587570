/**
 * A member's support record for a coordinator: her profile in short, her support stage with its
 * history and a form to change it, her matches and where each stands, consultation notes (newest first) and a form to add one, and
 * — only on request, and every request audited by the service — the sensitive information she
 * chose to share.
 */
import type { Context } from 'hono';
import { AppError } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { requireActor } from '../../http/env.ts';
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextField } from '../../web/form-fields.tsx';
import {
  type FieldErrors,
  type FormValues,
  fieldErrorsOf,
  formValues,
  readForm,
  validate,
} from '../../web/form-input.ts';
import { messagesOf } from '../../web/i18n.ts';
import { newPageRouter, render, requirePage } from '../../web/pages.tsx';
import { redirectWithNotice, type View } from '../../web/view.ts';
import { AfterHireSection } from '../follow-up/follow-up.pages.tsx';
import type { AfterHire } from '../follow-up/follow-up.schemas.ts';
import { MATCH_STATES } from '../matches/match-lifecycle.ts';
import { matchPath, StateBadge } from '../matches/match-review.view.tsx';
import type { MemberProfile } from '../members/member.schemas.ts';
import type { Sensitive } from '../sensitive/sensitive.ts';
import { ACCESS } from '../shared/access.ts';
import { japanDate } from '../shared/japan-time.ts';
import type { MemberContact } from './coordination.schemas.ts';
import { NoteInputSchema, StageInputSchema } from './coordination.schemas.ts';
import { MemberSummary, StageBadge, stageText } from './coordinator-views.tsx';

type StageChange = Awaited<
  ReturnType<AppEnv['Variables']['services']['coordination']['stageHistory']>
>[number];
type Note = Awaited<ReturnType<AppEnv['Variables']['services']['coordination']['notes']>>[number];

type MemberMatch = Awaited<ReturnType<AppEnv['Variables']['services']['matches']['queue']>>[number];

interface SupportRecord {
  member: MemberProfile;
  history: StageChange[];
  notes: Note[];
  matches: MemberMatch[];
  afterHire: AfterHire;
  contact: MemberContact;
}

interface Forms {
  stage?: { values: FormValues; errors: FieldErrors };
  note?: { values: FormValues; errors: FieldErrors };
  /** Undefined: not asked for; null: asked, nothing shared. */
  sensitive?: Sensitive | null;
}

const memberPath = (id: string) => `/coordinator/members/${encodeURIComponent(id)}`;

function StageSection(props: { view: View; record: SupportRecord; form: Forms['stage'] }) {
  const { view, record } = props;
  const c = view.m.coordinator;
  const s = c.member;
  const values = props.form?.values ?? formValues({ stage: record.member.supportStage ?? undefined });
  const errors = props.form?.errors ?? {};
  return (
    <section class="card" aria-labelledby="stage">
      <h2 id="stage">{s.stage}</h2>
      <p>
        <StageBadge view={view} stage={record.member.supportStage} />
      </p>
      <h3>{s.stageHistory}</h3>
      {record.history.length === 0 ? (
        <p class="meta">{record.member.supportStage ? s.noChanges : s.noHistory}</p>
      ) : (
        <ol class="list history">
          {record.history.map((h) => (
            <li>
              <p>
                <strong>
                  {s.stageChange(
                    h.previousStage ? c.stageOf(h.previousStage) : c.dashboard.stageUnset,
                    stageText(view, h.stage),
                  )}
                </strong>
              </p>
              <p class="meta">{view.m.dateTime(h.setAt)}</p>
              <p class="quote">{h.reason}</p>
            </li>
          ))}
        </ol>
      )}
      <h3>{s.changeStage}</h3>
      <ErrorSummary view={view} errors={errors} />
      <PostForm view={view} action={`${memberPath(record.member.userId)}/stage`}>
        <SelectField
          name="stage"
          label={s.newStage}
          placeholder="—"
          options={([1, 2, 3, 4, 5] as const).map((n) => ({
            value: String(n),
            label: `${c.stageOf(n)}・${c.stages[n]}`,
          }))}
          values={values}
          errors={errors}
          required
        />
        <TextField
          name="reason"
          label={s.stageReason}
          hint={s.stageReasonHint}
          maxlength={500}
          values={props.form?.values ?? formValues({})}
          errors={errors}
          required
        />
        <SubmitButton label={s.saveStage} />
      </PostForm>
    </section>
  );
}

function NotesSection(props: { view: View; record: SupportRecord; form: Forms['note']; today: string }) {
  const { view, record } = props;
  const s = view.m.coordinator.member;
  const values = props.form?.values ?? formValues({ consultedOn: props.today });
  const errors = props.form?.errors ?? {};
  return (
    <section class="card" aria-labelledby="notes">
      <h2 id="notes">{s.notes}</h2>
      <details class="add-note" open={props.form !== undefined || record.notes.length === 0}>
        <summary>{s.addNote}</summary>
        <ErrorSummary view={view} errors={errors} />
        <PostForm view={view} action={`${memberPath(record.member.userId)}/notes`}>
          <TextField
            name="consultedOn"
            type="date"
            label={s.consultedOn}
            values={values}
            errors={errors}
            required
          />
          <TextField
            name="topic"
            label={s.topic}
            hint={s.topicHint}
            maxlength={80}
            values={values}
            errors={errors}
            required
          />
          <TextField
            name="body"
            label={s.body}
            multiline
            maxlength={4000}
            values={values}
            errors={errors}
            required
          />
          <TextField name="nextStep" label={s.nextStep} maxlength={500} values={values} errors={errors} />
          <SubmitButton label={s.saveNote} />
        </PostForm>
      </details>
      {record.notes.length === 0 ? (
        <p class="meta">{s.noNotes}</p>
      ) : (
        <ol class="list notes">
          {record.notes.map((note) => (
            <li class="note">
              <p class="card-title">{note.topic}</p>
              <p class="meta">{note.consultedOn}</p>
              <p class="note-body">{note.body}</p>
              {note.nextStep && (
                <p>
                  <strong>{s.nextStep}：</strong>
                  {note.nextStep}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function MatchesSection(props: { view: View; matches: MemberMatch[] }) {
  const { view, matches } = props;
  const s = view.m.coordinator.member;
  return (
    <section class="card" aria-labelledby="matches">
      <h2 id="matches">{s.matches}</h2>
      {matches.length === 0 ? (
        <p class="meta">{s.noMatches}</p>
      ) : (
        <ol class="list member-matches">
          {matches.map((match) => (
            <li>
              <p>
                <a href={matchPath(match.id)}>{match.roleTitle}</a>
                <span class="meta">・{match.organisationName}</span>
              </p>
              <p class="meta">
                <StateBadge view={view} state={match.state} /> {view.m.date(match.updatedAt)}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function SensitiveSection(props: { view: View; memberId: string; sensitive: Forms['sensitive'] }) {
  const { view, sensitive } = props;
  const s = view.m.coordinator.member;
  return (
    <section class="card sensitive" aria-labelledby="sensitive">
      <h2 id="sensitive">{s.sensitive}</h2>
      <p class="hint">{s.sensitiveHint}</p>
      {sensitive === undefined && (
        <PostForm view={view} action={`${memberPath(props.memberId)}/sensitive`}>
          <button type="submit" class="button secondary">
            {s.showSensitive}
          </button>
        </PostForm>
      )}
      {sensitive === null && <p>{s.noSensitive}</p>}
      {sensitive && (
        <dl class="kv">
          <dt>{s.familySituation}</dt>
          <dd>{sensitive.familySituation ?? view.m.form.notStated}</dd>
          <dt>{s.dvSupportNeeded}</dt>
          <dd>{sensitive.dvSupportNeeded ? s.needed : s.notNeeded}</dd>
          {sensitive.dvNotes && (
            <>
              <dt>{s.dvNotes}</dt>
              <dd>{sensitive.dvNotes}</dd>
            </>
          )}
          <dt />
          <dd class="meta">{s.sharedOn(view.m.date(sensitive.consentedAt))}</dd>
        </dl>
      )}
    </section>
  );
}

function MemberPage(props: { view: View; record: SupportRecord; forms: Forms; today: string }) {
  const { view, record, forms } = props;
  const s = view.m.coordinator.member;
  const name = `${record.member.familyName} ${record.member.givenName}`;
  return (
    <>
      <p class="meta">
        <a href="/coordinator/queue">← {view.m.coordinator.match.backToQueue}</a>
      </p>
      <h1>{s.title(name)}</h1>
      <div class="columns">
        <section class="card" aria-labelledby="profile">
          <h2 id="profile">{s.profile}</h2>
          <MemberSummary view={view} member={record.member} contact={record.contact} today={props.today} />
        </section>
        <StageSection view={view} record={record} form={forms.stage} />
      </div>
      <MatchesSection view={view} matches={record.matches} />
      <AfterHireSection
        view={view}
        afterHire={record.afterHire}
        history={record.history}
        stageText={(stage) => (stage ? stageText(view, stage) : view.m.coordinator.dashboard.stageUnset)}
      />
      <NotesSection view={view} record={record} form={forms.note} today={props.today} />
      <SensitiveSection view={view} memberId={record.member.userId} sensitive={forms.sensitive} />
    </>
  );
}

/** Suggestions are capped per member, so this holds her whole history in practice. */
const MATCHES_SHOWN = 100;

/** Display only: today in Japan. */
const today = () => japanDate(new Date());

async function load(c: Context<AppEnv>, memberId: string): Promise<SupportRecord> {
  const { members, coordination, matches, followUp } = c.var.services;
  const member = await members.get(requireActor(c), memberId);
  const [history, notes, herMatches, afterHire, contact] = await Promise.all([
    coordination.stageHistory(memberId),
    coordination.notes(memberId),
    matches.queue({ memberId, state: [...MATCH_STATES], limit: MATCHES_SHOWN, offset: 0 }),
    followUp.afterHire(memberId),
    coordination.contactOf(memberId),
  ]);
  return { member, history, notes, matches: herMatches, afterHire, contact };
}

function renderMember(c: Context<AppEnv>, record: SupportRecord, forms: Forms = {}, status: 200 | 422 = 200) {
  return render(
    c,
    (view) => ({
      title: view.m.coordinator.member.title(`${record.member.familyName} ${record.member.givenName}`),
      wide: true,
      body: <MemberPage view={view} record={record} forms={forms} today={today()} />,
    }),
    status,
  );
}

export const memberSupportPages = newPageRouter()
  .get('/coordinator/members/:id', requirePage(ACCESS.supportMembers), async (c) =>
    renderMember(c, await load(c, c.req.param('id'))),
  )
  .post('/coordinator/members/:id/stage', requirePage(ACCESS.supportMembers), async (c) => {
    const id = c.req.param('id');
    const record = await load(c, id);
    const values = await readForm(c);
    const m = messagesOf(c);
    const input = validate(
      StageInputSchema,
      { stage: values.number('stage'), reason: values.text('reason') ?? '' },
      m,
    );
    const again = (errors: FieldErrors) => renderMember(c, record, { stage: { values, errors } }, 422);
    if (!input.ok) {
      // A missing stage is a choice not made.
      if (input.errors.stage === m.validation.required) input.errors.stage = m.validation.choose;
      return again(input.errors);
    }
    try {
      await c.var.services.coordination.setStage(requireActor(c), id, input.value);
    } catch (error) {
      const errors = fieldErrorsOf(error, m);
      if (errors) return again(errors);
      throw error;
    }
    return redirectWithNotice(c, `${memberPath(id)}#stage`, m.coordinator.member.stageSaved);
  })
  .post('/coordinator/members/:id/notes', requirePage(ACCESS.supportMembers), async (c) => {
    const id = c.req.param('id');
    const record = await load(c, id);
    const values = await readForm(c);
    const m = messagesOf(c);
    const nextStep = values.text('nextStep')?.trim();
    const input = validate(
      NoteInputSchema,
      {
        consultedOn: values.text('consultedOn') ?? '',
        topic: values.text('topic') ?? '',
        body: values.text('body') ?? '',
        ...(nextStep ? { nextStep } : {}),
      },
      m,
    );
    const again = (errors: FieldErrors) => renderMember(c, record, { note: { values, errors } }, 422);
    if (!input.ok) return again(input.errors);
    try {
      await c.var.services.coordination.addNote(requireActor(c), id, input.value);
    } catch (error) {
      const errors = fieldErrorsOf(error, m);
      if (errors) return again(errors);
      throw error;
    }
    return redirectWithNotice(c, `${memberPath(id)}#notes`, m.coordinator.member.noteSaved);
  })
  .post('/coordinator/members/:id/sensitive', requirePage(ACCESS.supportMembers), async (c) => {
    const id = c.req.param('id');
    const record = await load(c, id);
    let sensitive: Sensitive | null;
    try {
      // The service writes the audit entry before it answers, shared or not.
      sensitive = await c.var.services.sensitive.readFor(requireActor(c), id);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'not_found')) throw error;
      sensitive = null;
    }
    return renderMember(c, record, { sensitive });
  });
