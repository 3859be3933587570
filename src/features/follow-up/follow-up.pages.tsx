/**
 * Follow-up pages. Her check-ins (drawn on `/me/support`, support.pages.tsx): each open check-in as one question answered with one
 * tap, optional words and 「相談したい」 above the five buttons, so it takes seconds on a phone.
 * The coordinators' queue (`/coordinator/follow-ups`) with a note-and-close form per entry, the
 * "after the hire" section of a member's record, and the employer's separation form.
 */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { notFound } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { requireActor } from '../../http/env.ts';
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextField } from '../../web/form-fields.tsx';
import { type FieldErrors, type FormValues, formValues, readForm, validate } from '../../web/form-input.ts';
import { messagesOf } from '../../web/i18n.ts';
import { newPageRouter, render, requirePage } from '../../web/pages.tsx';
import { redirectWithNotice, type View } from '../../web/view.ts';
import { ACCESS } from '../shared/access.ts';
import { japanDate } from '../shared/japan-time.ts';
import {
  type AfterHire,
  type CheckIn,
  CloseFollowUpSchema,
  type FollowUp,
  SEPARATION_REASONS,
  SeparationInputSchema,
} from './follow-up.schemas.ts';

const SCALE = [5, 4, 3, 2, 1] as const;

const memberPath = (id: string) => `/coordinator/members/${encodeURIComponent(id)}`;

/** One open check-in: optional words and 「相談したい」 first, then five buttons that each send. */
export function CheckInForm(props: {
  view: View;
  checkIn: CheckIn;
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const { view, checkIn } = props;
  const w = view.m.afterHire.checkIn;
  const values = props.values ?? formValues({});
  const errors = props.errors ?? {};
  return (
    <section class="card check-in" id={`check-in-${checkIn.id}`} aria-labelledby={`h-${checkIn.id}`}>
      <h3 id={`h-${checkIn.id}`}>{w.heading(checkIn.roleTitle, checkIn.afterDays)}</h3>
      <ErrorSummary view={view} errors={errors} />
      <PostForm view={view} action={`/me/check-ins/${checkIn.id}`}>
        <TextField
          name="comment"
          label={w.comment}
          maxlength={1000}
          multiline
          values={values}
          errors={errors}
        />
        <div class="field">
          <label class="choice">
            <input type="checkbox" name="wantsContact" value="on" checked={values.checked('wantsContact')} />
            <span>{w.wantsContact}</span>
          </label>
        </div>
        <fieldset>
          <legend>{w.howIsWork}</legend>
          <span class="hint">{w.oneTap}</span>
          <div class="scale">
            {SCALE.map((n) => (
              <button
                type="submit"
                name="wellbeing"
                value={String(n)}
                class={n <= 2 ? 'button secondary' : 'button'}
              >
                {`${n}　${w.scale[n]}`}
              </button>
            ))}
          </div>
        </fieldset>
      </PostForm>
      <p class="meta">{w.private}</p>
    </section>
  );
}

/** Her check-ins: open ones as forms, the rest listed with their state. */
export function CheckInsSection(props: {
  view: View;
  checkIns: CheckIn[];
  form?: { id: string; values: FormValues; errors: FieldErrors };
}) {
  const { view, checkIns } = props;
  const w = view.m.afterHire.checkIn;
  const open = checkIns.filter((c) => c.state === 'open' || c.state === 'missed');
  const rest = checkIns.filter((c) => c.state !== 'open' && c.state !== 'missed');
  return (
    <section aria-labelledby="check-ins">
      <h2 id="check-ins">{w.checkIns}</h2>
      {checkIns.length === 0 && <p class="empty">{w.none}</p>}
      {open.map((checkIn) => (
        <CheckInForm
          view={view}
          checkIn={checkIn}
          {...(props.form?.id === checkIn.id ? { values: props.form.values, errors: props.form.errors } : {})}
        />
      ))}
      {rest.length > 0 && (
        <ol class="list">
          {rest.map((c) => (
            <li>
              <p>{w.heading(c.roleTitle, c.afterDays)}</p>
              <p class="meta">
                <span class={c.state === 'answered' ? 'badge verified' : 'badge state'}>
                  {w.states[c.state]}
                </span>{' '}
                {c.state === 'scheduled' ? w.dueOn(view.m.date(c.dueAt)) : ''}
                {c.answer ? w.yourAnswer(w.scale[c.answer.wellbeing as 1]) : ''}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function FollowUpDetail(props: { view: View; followUp: FollowUp }) {
  const { view, followUp } = props;
  const f = view.m.afterHire.followUps;
  const d = followUp.detail;
  const scale = view.m.afterHire.checkIn.scale;
  const lines: Child[] = [];
  if (typeof d.roleTitle === 'string' && typeof d.afterDays === 'number')
    lines.push(view.m.afterHire.record.checkIn(d.roleTitle, d.afterDays));
  if (typeof d.wellbeing === 'number') lines.push(f.wellbeing(d.wellbeing, scale[d.wellbeing as 1]));
  if (typeof d.comment === 'string' && d.comment) lines.push(`${f.comment}：${d.comment}`);
  if (typeof d.reasonCode === 'string')
    lines.push(`${f.separationReason}：${view.m.afterHire.separation.reasons[d.reasonCode] ?? d.reasonCode}`);
  if (typeof d.sessionNumber === 'number' && typeof d.plannedOn === 'string')
    lines.push(f.session(d.sessionNumber, d.plannedOn));
  return (
    <>
      {lines.map((line) => (
        <p class="meta">{line}</p>
      ))}
    </>
  );
}

function FollowUpQueue(props: {
  view: View;
  open: FollowUp[];
  closed: FollowUp[];
  form?: { id: string; values: FormValues; errors: FieldErrors };
}) {
  const { view } = props;
  const f = view.m.afterHire.followUps;
  return (
    <>
      <h1>{f.title}</h1>
      <p class="meta">{f.lead}</p>
      {props.open.length === 0 ? (
        <p class="empty">{f.empty}</p>
      ) : (
        <ol class="list follow-ups">
          {props.open.map((item) => {
            const mine = props.form?.id === item.id;
            const values = mine ? (props.form?.values ?? formValues({})) : formValues({});
            const errors = mine ? (props.form?.errors ?? {}) : {};
            return (
              <li class="card follow-up" id={`follow-up-${item.id}`}>
                <p>
                  <span
                    class={
                      item.reason === 'wants_contact' || item.reason === 'separation'
                        ? 'badge bad'
                        : 'badge warn'
                    }
                  >
                    {f.reasons[item.reason]}
                  </span>{' '}
                  <span class="meta">{f.openedOn(view.m.date(item.openedAt))}</span>
                </p>
                <h2 class="card-title">
                  <a href={memberPath(item.member.userId)}>{item.member.name}</a>
                </h2>
                <FollowUpDetail view={view} followUp={item} />
                <ErrorSummary view={view} errors={errors} />
                <PostForm view={view} action={`/coordinator/follow-ups/${item.id}/close`}>
                  <TextField
                    name={noteField(item.id)}
                    label={f.note}
                    hint={f.noteHint}
                    maxlength={2000}
                    multiline
                    values={values}
                    errors={errors}
                    required
                  />
                  <SubmitButton label={f.close} />
                </PostForm>
              </li>
            );
          })}
        </ol>
      )}
      {props.closed.length > 0 && (
        <section class="card" aria-labelledby="recent">
          <h2 id="recent">{f.recent}</h2>
          <ol class="list">
            {props.closed.map((item) => (
              <li>
                <p>
                  <a href={memberPath(item.member.userId)}>{item.member.name}</a>{' '}
                  <span class="meta">
                    {f.reasons[item.reason]}・{item.closedAt ? view.m.date(item.closedAt) : ''}
                  </span>
                </p>
                <p class="quote">{item.contactNote}</p>
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}

type StageChange = Awaited<
  ReturnType<AppEnv['Variables']['services']['coordination']['stageHistory']>
>[number];

/**
 * Her support stage changes and what followed her hires, in one timeline by date, for the
 * coordinator's member page.
 */
export function AfterHireSection(props: {
  view: View;
  afterHire: AfterHire;
  history: StageChange[];
  stageText: (stage: number | null) => string;
}) {
  const { view, afterHire } = props;
  const r = view.m.afterHire.record;
  const w = view.m.afterHire.checkIn;
  const f = view.m.afterHire.followUps;
  const events: { at: string; body: Child }[] = [
    ...props.history.map((h) => ({
      at: h.setAt,
      body: (
        <>
          <p>{r.stage(props.stageText(h.previousStage), props.stageText(h.stage))}</p>
          <p class="quote">{h.reason}</p>
        </>
      ),
    })),
    ...afterHire.checkIns
      .filter((c) => c.state !== 'scheduled')
      .map((c) => ({
        at: c.answeredAt ?? c.dueAt,
        body: (
          <>
            <p>
              {r.checkIn(c.roleTitle, c.afterDays)}{' '}
              <span class={c.state === 'answered' ? 'badge verified' : 'badge warn'}>
                {w.states[c.state]}
              </span>
            </p>
            {c.answer && (
              <>
                <p class="meta">{f.wellbeing(c.answer.wellbeing, w.scale[c.answer.wellbeing as 1])}</p>
                {c.answer.comment && <p class="quote">{c.answer.comment}</p>}
                {c.answer.wantsContact && <p class="meta">{f.reasons.wants_contact}</p>}
              </>
            )}
          </>
        ),
      })),
    ...afterHire.separations.map((s) => ({
      at: `${s.separatedOn}T00:00:00.000Z`,
      body: (
        <>
          <p>
            {r.separation(s.roleTitle)}（{view.m.afterHire.separation.reasons[s.reasonCode]}）
          </p>
          {s.note && <p class="quote">{s.note}</p>}
        </>
      ),
    })),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const open = afterHire.followUps.filter((x) => x.closedAt === null);
  return (
    <section class="card" aria-labelledby="after-hire">
      <h2 id="after-hire">{r.title}</h2>
      <p class="meta">{r.lead}</p>
      {open.length > 0 && (
        <p>
          <a href="/coordinator/follow-ups" class="badge bad">
            {r.openFollowUps(open.length)}
          </a>
        </p>
      )}
      {events.length === 0 ? (
        <p class="meta">{r.empty}</p>
      ) : (
        <ol class="list timeline">
          {events.map((e) => (
            <li>
              <p class="meta">{view.m.date(e.at)}</p>
              {e.body}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

async function renderQueue(
  c: Context<AppEnv>,
  form?: { id: string; values: FormValues; errors: FieldErrors },
) {
  const [open, closed] = await Promise.all([
    c.var.services.followUp.queue({ state: 'open', limit: 200, offset: 0 }),
    c.var.services.followUp.queue({ state: 'closed', limit: 20, offset: 0 }),
  ]);
  return render(
    c,
    (view) => ({
      title: view.m.afterHire.followUps.title,
      body: <FollowUpQueue view={view} open={open} closed={closed} {...(form ? { form } : {})} />,
    }),
    form ? 422 : 200,
  );
}

/** The employer's separation form for one of her hires. */
function SeparationPage(props: {
  view: View;
  name: string;
  role: string;
  id: string;
  values: FormValues;
  errors: FieldErrors;
}) {
  const { view, values, errors } = props;
  const s = view.m.afterHire.separation;
  return (
    <>
      <p class="meta">
        <a href="/employer/introductions">← {view.m.nav.introductions}</a>
      </p>
      <h1>{s.title}</h1>
      <p>{s.lead(props.name, props.role)}</p>
      <ErrorSummary view={view} errors={errors} />
      <PostForm view={view} action={`/employer/introductions/${props.id}/separation`}>
        <TextField
          name="separatedOn"
          type="date"
          label={s.separatedOn}
          values={values}
          errors={errors}
          required
        />
        <SelectField
          name="reasonCode"
          label={s.reasonCode}
          placeholder="—"
          options={SEPARATION_REASONS.map((r) => ({ value: r, label: s.reasons[r] ?? r }))}
          values={values}
          errors={errors}
          required
        />
        <TextField name="note" label={s.note} maxlength={1000} multiline values={values} errors={errors} />
        <SubmitButton label={s.save} />
      </PostForm>
    </>
  );
}

async function hiredIntroduction(c: Context<AppEnv>, id: string) {
  const introduction = (await c.var.services.matches.introductions(requireActor(c))).find(
    (i) => i.id === id && i.state === 'hired',
  );
  if (!introduction) throw notFound('introduction');
  return introduction;
}

/**
 * Each entry's note has its own name, so every textarea on the queue gets its own id and label
 * (one shared `note` gave every entry the first entry's label).
 */
const noteField = (id: string) => `note.${id}`;

export const followUpPages = newPageRouter()
  .get('/coordinator/follow-ups', requirePage(ACCESS.followUps), (c) => renderQueue(c))
  .post('/coordinator/follow-ups/:id/close', requirePage(ACCESS.followUps), async (c) => {
    const id = c.req.param('id');
    const values = await readForm(c);
    const m = messagesOf(c);
    const input = validate(CloseFollowUpSchema, { note: values.text(noteField(id)) ?? '' }, m);
    if (!input.ok) {
      const errors = input.errors.note ? { [noteField(id)]: input.errors.note } : input.errors;
      return renderQueue(c, { id, values, errors });
    }
    await c.var.services.followUp.close(requireActor(c), id, input.value.note);
    return redirectWithNotice(c, '/coordinator/follow-ups', m.afterHire.followUps.closed);
  })
  .get('/employer/introductions/:id/separation', requirePage(ACCESS.introductions), async (c) => {
    const id = c.req.param('id');
    const intro = await hiredIntroduction(c, id);
    return render(c, (view) => ({
      title: view.m.afterHire.separation.title,
      body: (
        <SeparationPage
          view={view}
          id={id}
          name={intro.member.name}
          role={intro.roleTitle}
          values={formValues({ separatedOn: japanDate(new Date()) })}
          errors={{}}
        />
      ),
    }));
  })
  .post('/employer/introductions/:id/separation', requirePage(ACCESS.introductions), async (c) => {
    const id = c.req.param('id');
    const intro = await hiredIntroduction(c, id);
    const values = await readForm(c);
    const m = messagesOf(c);
    const note = values.text('note')?.trim();
    const input = validate(
      SeparationInputSchema,
      {
        separatedOn: values.text('separatedOn') ?? '',
        reasonCode: values.text('reasonCode') || undefined,
        ...(note ? { note } : {}),
      },
      m,
    );
    if (!input.ok) {
      if (input.errors.reasonCode === m.validation.required) input.errors.reasonCode = m.validation.choose;
      return render(
        c,
        (view) => ({
          title: view.m.afterHire.separation.title,
          body: (
            <SeparationPage
              view={view}
              id={id}
              name={intro.member.name}
              role={intro.roleTitle}
              values={values}
              errors={input.errors}
            />
          ),
        }),
        422,
      );
    }
    await c.var.services.followUp.recordSeparation(requireActor(c), id, input.value);
    return redirectWithNotice(c, '/employer/introductions', m.afterHire.separation.saved);
  });
