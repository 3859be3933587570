/**
 * Mentoring pages. Hers (`/me/mentoring`): invitations to answer, her mentee (first name and what
 * the mentee shared) or her mentor, the sessions with their shared record, and — for the mentee
 * only — what her mentor sees and whether the coordinator may read each record. The
 * coordinator's (`/coordinator/mentoring`): cohorts, mentors, suggested pairs with their reasons,
 * and each pair's sessions (records only where the mentee allowed it).
 */
import type { Context } from 'hono';
import type { AppEnv } from '../../http/env.ts';
import { requireActor } from '../../http/env.ts';
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextField } from '../../web/form-fields.tsx';
import { type FieldErrors, formValues, readForm, validate } from '../../web/form-input.ts';
import { langOf, messagesOf } from '../../web/i18n.ts';
import { newPageRouter, render, requirePage } from '../../web/pages.tsx';
import { redirectWithNotice, type View } from '../../web/view.ts';
import { ACCESS } from '../shared/access.ts';
import { japanDate } from '../shared/japan-time.ts';
import {
  type CohortDetail,
  CohortInputSchema,
  MENTEE_SHARES,
  type MenteeShare,
  type MyMentoring,
  type Session,
  SessionRecordInputSchema,
} from './mentoring.schemas.ts';
import { PAIR_REASON_TEXT as PAIR_TEXT } from './pair-suggestions.ts';

function SessionItem(props: { view: View; session: Session; asMentee: boolean }) {
  const { view, session } = props;
  const w = view.m.afterHire.mentoring;
  const recorded = session.state === 'held' || session.state === 'not_held';
  return (
    <li class="session" id={`session-${session.id}`}>
      <p>
        <strong>{w.session(session.number, session.plannedOn)}</strong>{' '}
        <span
          class={
            session.state === 'held'
              ? 'badge verified'
              : session.state === 'planned'
                ? 'badge state'
                : 'badge warn'
          }
        >
          {w.states[session.state]}
        </span>
      </p>
      {recorded && (
        <dl class="kv">
          <dt>{w.topics}</dt>
          <dd>{session.topics ?? view.m.form.notStated}</dd>
          <dt>{w.nextStep}</dt>
          <dd>{session.nextStep ?? view.m.form.notStated}</dd>
        </dl>
      )}
      {!recorded && session.state !== 'planned' && (
        <PostForm view={view} action={`/me/mentoring/sessions/${session.id}/record`}>
          <fieldset>
            <legend>{w.session(session.number, session.plannedOn)}</legend>
            <label class="choice">
              <input type="radio" name="held" value="yes" checked />
              <span>{w.held}</span>
            </label>
            <label class="choice">
              <input type="radio" name="held" value="no" />
              <span>{w.notHeld}</span>
            </label>
          </fieldset>
          <TextField
            name="topics"
            label={w.topics}
            maxlength={1000}
            multiline
            values={formValues({})}
            errors={{}}
          />
          <TextField name="nextStep" label={w.nextStep} maxlength={500} values={formValues({})} errors={{}} />
          <SubmitButton label={w.saveRecord} />
        </PostForm>
      )}
      {recorded && props.asMentee && !session.menteeAnswered && (
        <PostForm view={view} action={`/me/mentoring/sessions/${session.id}/answer`}>
          <div class="field">
            <label class="choice">
              <input type="checkbox" name="coordinatorMayRead" value="on" />
              <span>{w.coordinatorMayRead}</span>
            </label>
            <span class="hint">{w.answerHint}</span>
          </div>
          <SubmitButton label={w.answer} secondary />
        </PostForm>
      )}
      {recorded && props.asMentee && session.menteeAnswered && (
        <p class="meta">
          {w.answered}
          {session.coordinatorMayRead ? `・${w.coordinatorMayRead}` : ''}
        </p>
      )}
      {recorded && !props.asMentee && !session.menteeAnswered && <p class="meta">{w.waitingForMentee}</p>}
    </li>
  );
}

function MyMentoringPage(props: { view: View; mine: MyMentoring; errors: FieldErrors }) {
  const { view, mine } = props;
  const w = view.m.afterHire.mentoring;
  return (
    <>
      <h1>{w.title}</h1>
      <p class="meta">{w.lead}</p>
      <ErrorSummary view={view} errors={props.errors} />
      {mine.invitations.length > 0 && (
        <section class="card" aria-labelledby="invitations">
          <h2 id="invitations">{w.invitations}</h2>
          <ul class="list">
            {mine.invitations.map((i) => (
              <li>
                <p>
                  {w.invitation(i.cohortName, i.startsOn)}{' '}
                  <span class="badge state">{w.inviteStates[i.state]}</span>
                </p>
                {i.state === 'invited' && (
                  <PostForm view={view} action={`/me/mentoring/invitations/${i.cohortId}`} class="actions">
                    <SubmitButton label={w.accept} name="consent" value="yes" />
                    <SubmitButton label={w.decline} name="consent" value="no" secondary />
                  </PostForm>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {mine.asMentor.map((pair) => (
        <section class="card" aria-labelledby={`pair-${pair.pairId}`}>
          <h2 id={`pair-${pair.pairId}`}>
            {w.asMentor}：{w.menteeName(pair.mentee.givenName)}
          </h2>
          <p class="meta">{pair.cohortName}</p>
          {pair.mentee.area === undefined &&
          pair.mentee.childAges === undefined &&
          pair.mentee.work === undefined ? (
            <p class="meta">{w.nothingShared}</p>
          ) : (
            <dl class="kv">
              {pair.mentee.area !== undefined && (
                <>
                  <dt>{w.sharedArea}</dt>
                  <dd>{pair.mentee.area}</dd>
                </>
              )}
              {pair.mentee.childAges !== undefined && (
                <>
                  <dt>{w.sharedChildren}</dt>
                  <dd>{pair.mentee.childAges.map(w.years).join('、')}</dd>
                </>
              )}
              {pair.mentee.work !== undefined && (
                <>
                  <dt>{w.sharedWork}</dt>
                  <dd>{pair.mentee.work.join('、')}</dd>
                </>
              )}
            </dl>
          )}
          <h3>{w.sessions}</h3>
          <ol class="list sessions">
            {pair.sessions.map((s) => (
              <SessionItem view={view} session={s} asMentee={false} />
            ))}
          </ol>
        </section>
      ))}
      {mine.asMentee.map((pair) => (
        <section class="card" aria-labelledby={`pair-${pair.pairId}`}>
          <h2 id={`pair-${pair.pairId}`}>
            {w.asMentee}：{w.menteeName(pair.mentor.givenName)}
          </h2>
          <p class="meta">{pair.cohortName}</p>
          <details>
            <summary>{w.shares}</summary>
            <PostForm view={view} action={`/me/mentoring/pairs/${pair.pairId}/shares`}>
              <fieldset>
                <legend>{w.shares}</legend>
                <span class="hint">{w.sharesHint}</span>
                {MENTEE_SHARES.map((key) => (
                  <label class="choice">
                    <input type="checkbox" name="shares" value={key} checked={pair.shares.includes(key)} />
                    <span>{w.shareLabels[key]}</span>
                  </label>
                ))}
              </fieldset>
              <SubmitButton label={w.saveShares} secondary />
            </PostForm>
          </details>
          <h3>{w.sessions}</h3>
          <ol class="list sessions">
            {pair.sessions.map((s) => (
              <SessionItem view={view} session={s} asMentee={true} />
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}

async function renderMine(c: Context<AppEnv>, errors: FieldErrors = {}) {
  const mine = await c.var.services.mentoring.mine(requireActor(c));
  return render(
    c,
    (view) => ({
      title: view.m.afterHire.mentoring.title,
      body: <MyMentoringPage view={view} mine={mine} errors={errors} />,
    }),
    Object.keys(errors).length ? 422 : 200,
  );
}

function CohortList(props: {
  view: View;
  cohorts: Awaited<ReturnType<AppEnv['Variables']['services']['mentoring']['cohorts']>>;
  errors: FieldErrors;
  values: ReturnType<typeof formValues>;
}) {
  const { view } = props;
  const w = view.m.afterHire.mentoring;
  return (
    <>
      <h1>{w.cohorts}</h1>
      <p class="meta">{w.cohortsLead}</p>
      {props.cohorts.length === 0 ? (
        <p class="empty">{w.noCohorts}</p>
      ) : (
        <ul class="list cohorts">
          {props.cohorts.map((cohort) => (
            <li class="card">
              <h2 class="card-title">
                <a href={`/coordinator/mentoring/${cohort.id}`}>{cohort.name}</a>
              </h2>
              <p class="meta">
                {w.period(cohort.startsOn, cohort.endsOn)}・{w.counts(cohort.mentors, cohort.pairs)}
              </p>
            </li>
          ))}
        </ul>
      )}
      <section class="card" aria-labelledby="new-cohort">
        <h2 id="new-cohort">{w.newCohort}</h2>
        <ErrorSummary view={view} errors={props.errors} />
        <PostForm view={view} action="/coordinator/mentoring">
          <TextField
            name="name"
            label={w.name}
            maxlength={80}
            values={props.values}
            errors={props.errors}
            required
          />
          <TextField
            name="startsOn"
            type="date"
            label={w.startsOn}
            values={props.values}
            errors={props.errors}
            required
          />
          <TextField
            name="sessionCount"
            type="number"
            label={w.sessionCount}
            values={props.values}
            errors={props.errors}
            required
          />
          <TextField
            name="intervalDays"
            type="number"
            label={w.intervalDays}
            values={props.values}
            errors={props.errors}
            required
          />
          <SubmitButton label={w.create} />
        </PostForm>
      </section>
    </>
  );
}

type Candidates = Awaited<ReturnType<AppEnv['Variables']['services']['mentoring']['candidates']>>;
type Suggestions = Awaited<ReturnType<AppEnv['Variables']['services']['mentoring']['suggestions']>>;

function CohortPage(props: {
  view: View;
  detail: CohortDetail;
  candidates: Candidates;
  suggestions?: { menteeId: string; menteeName: string; items: Suggestions };
}) {
  const { view, detail } = props;
  const w = view.m.afterHire.mentoring;
  const stage = view.m.coordinator.stageOf;
  const invitable = props.candidates.mentors.filter(
    (m) => !detail.mentors.some((x) => x.memberId === m.memberId),
  );
  const unpaired = props.candidates.mentees.filter(
    (m) => !detail.pairs.some((p) => p.mentee.memberId === m.memberId),
  );
  return (
    <>
      <p class="meta">
        <a href="/coordinator/mentoring">← {w.cohorts}</a>
      </p>
      <h1>{detail.cohort.name}</h1>
      <p class="meta">
        {w.period(detail.cohort.startsOn, detail.cohort.endsOn)}・
        {w.counts(detail.cohort.mentors, detail.cohort.pairs)}
      </p>
      <div class="columns">
        <section class="card" aria-labelledby="mentors">
          <h2 id="mentors">{w.mentors}</h2>
          {detail.mentors.length === 0 ? (
            <p class="meta">{w.noMentors}</p>
          ) : (
            <ul class="list">
              {detail.mentors.map((m) => (
                <li>
                  <a href={`/coordinator/members/${m.memberId}`}>{m.name}</a>{' '}
                  <span class="meta">{m.supportStage ? stage(m.supportStage) : ''}</span>{' '}
                  <span class={m.state === 'consented' ? 'badge verified' : 'badge state'}>
                    {w.inviteStates[m.state]}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {invitable.length > 0 && (
            <PostForm view={view} action={`/coordinator/mentoring/${detail.cohort.id}/mentors`}>
              <SelectField
                name="memberId"
                label={w.invite}
                options={invitable.map((m) => ({
                  value: m.memberId,
                  label: `${m.name}（${stage(m.supportStage ?? 0)}）`,
                }))}
                values={formValues({})}
                errors={{}}
              />
              <SubmitButton label={w.sendInvite} secondary />
            </PostForm>
          )}
        </section>
        <section class="card" aria-labelledby="pair-up">
          <h2 id="pair-up">{w.pairUp}</h2>
          <form method="get" action={`/coordinator/mentoring/${detail.cohort.id}`}>
            <SelectField
              name="menteeId"
              label={w.menteeId}
              options={unpaired.map((m) => ({
                value: m.memberId,
                label: `${m.name}（${stage(m.supportStage ?? 0)}）`,
              }))}
              values={formValues({ menteeId: props.suggestions?.menteeId })}
              errors={{}}
            />
            <button type="submit" class="button secondary">
              {w.suggest}
            </button>
          </form>
          {props.suggestions && (
            <>
              <h3>{w.suggestions(props.suggestions.menteeName)}</h3>
              {props.suggestions.items.length === 0 ? (
                <p class="meta">{w.noSuggestions}</p>
              ) : (
                <ol class="list suggestions">
                  {props.suggestions.items.map((s) => (
                    <li>
                      <p>
                        <strong>{s.name}</strong> <span class="score">{Math.round(s.score * 100)}</span>
                      </p>
                      <ul class="reasons">
                        {s.reasons.map((r) => (
                          <li class="positive">{r.text}</li>
                        ))}
                      </ul>
                      <PostForm view={view} action={`/coordinator/mentoring/${detail.cohort.id}/pairs`}>
                        <input type="hidden" name="menteeId" value={props.suggestions?.menteeId} />
                        <input type="hidden" name="mentorId" value={s.mentorId} />
                        <SubmitButton label={w.choose} />
                      </PostForm>
                    </li>
                  ))}
                </ol>
              )}
            </>
          )}
        </section>
      </div>
      <section aria-labelledby="pairs">
        <h2 id="pairs">{w.pairs}</h2>
        {detail.pairs.length === 0 && <p class="empty">{w.noPairs}</p>}
        {detail.pairs.map((pair) => (
          <article class="card pair">
            <h3>{w.mentorOf(pair.mentor.name, pair.mentee.name)}</h3>
            <p class="meta">
              {w.heldOf(pair.sessions.filter((s) => s.state === 'held').length, pair.sessions.length)}
            </p>
            {pair.reasons.length > 0 && (
              <p class="meta">
                {w.why}：
                {pair.reasons
                  .map((r) => (view.lang === 'ja' ? PAIR_TEXT.ja[r] : PAIR_TEXT.en[r]))
                  .join(view.lang === 'ja' ? '、' : ', ')}
              </p>
            )}
            <ol class="list sessions">
              {pair.sessions.map((s) => (
                <li>
                  {w.session(s.number, s.plannedOn)}{' '}
                  <span
                    class={
                      s.state === 'held'
                        ? 'badge verified'
                        : s.state === 'planned'
                          ? 'badge state'
                          : 'badge warn'
                    }
                  >
                    {w.states[s.state]}
                  </span>
                  {s.record ? (
                    <p class="quote">
                      {s.record.topics}
                      {s.record.nextStep ? `（${w.nextStep}：${s.record.nextStep}）` : ''}
                    </p>
                  ) : (
                    (s.state === 'held' || s.state === 'not_held') && <span class="meta">{w.notShared}</span>
                  )}
                </li>
              ))}
            </ol>
          </article>
        ))}
      </section>
    </>
  );
}

async function renderCohort(c: Context<AppEnv>, id: string) {
  const { mentoring } = c.var.services;
  const [detail, candidates] = await Promise.all([mentoring.detail(id), mentoring.candidates()]);
  const menteeId = c.req.query('menteeId');
  const mentee = menteeId ? candidates.mentees.find((m) => m.memberId === menteeId) : undefined;
  const lang = langOf(c);
  const suggestions = mentee
    ? {
        menteeId: mentee.memberId,
        menteeName: mentee.name,
        items: await mentoring.suggestions(id, mentee.memberId, lang),
      }
    : undefined;
  return render(c, (view) => ({
    title: detail.cohort.name,
    wide: true,
    body: (
      <CohortPage
        view={view}
        detail={detail}
        candidates={candidates}
        {...(suggestions ? { suggestions } : {})}
      />
    ),
  }));
}

export const mentoringPages = newPageRouter()
  .get('/me/mentoring', requirePage(ACCESS.ownMentoring), (c) => renderMine(c))
  .post('/me/mentoring/invitations/:id', requirePage(ACCESS.ownMentoring), async (c) => {
    const values = await readForm(c);
    await c.var.services.mentoring.answerInvitation(
      requireActor(c),
      c.req.param('id'),
      values.text('consent') === 'yes',
    );
    return redirectWithNotice(c, '/me/mentoring', messagesOf(c).form.saved);
  })
  .post('/me/mentoring/pairs/:id/shares', requirePage(ACCESS.ownMentoring), async (c) => {
    const values = await readForm(c);
    const shares = values
      .all('shares')
      .filter((s): s is MenteeShare => (MENTEE_SHARES as readonly string[]).includes(s));
    await c.var.services.mentoring.share(requireActor(c), c.req.param('id'), shares);
    return redirectWithNotice(c, '/me/mentoring', messagesOf(c).afterHire.mentoring.sharesSaved);
  })
  .post('/me/mentoring/sessions/:id/record', requirePage(ACCESS.ownMentoring), async (c) => {
    const values = await readForm(c);
    const m = messagesOf(c);
    const topics = values.text('topics')?.trim();
    const nextStep = values.text('nextStep')?.trim();
    const input = validate(
      SessionRecordInputSchema,
      {
        held: values.text('held') === 'yes' ? true : values.text('held') === 'no' ? false : undefined,
        ...(topics ? { topics } : {}),
        ...(nextStep ? { nextStep } : {}),
      },
      m,
    );
    if (!input.ok) return renderMine(c, input.errors);
    await c.var.services.mentoring.record(requireActor(c), c.req.param('id'), input.value);
    return redirectWithNotice(
      c,
      `/me/mentoring#session-${c.req.param('id')}`,
      m.afterHire.mentoring.recordSaved,
    );
  })
  .post('/me/mentoring/sessions/:id/answer', requirePage(ACCESS.ownMentoring), async (c) => {
    const values = await readForm(c);
    await c.var.services.mentoring.answer(
      requireActor(c),
      c.req.param('id'),
      values.checked('coordinatorMayRead'),
    );
    return redirectWithNotice(c, '/me/mentoring', messagesOf(c).afterHire.mentoring.answered);
  })
  .get('/coordinator/mentoring', requirePage(ACCESS.runMentoring), async (c) => {
    const cohorts = await c.var.services.mentoring.cohorts();
    return render(c, (view) => ({
      title: view.m.afterHire.mentoring.cohorts,
      body: (
        <CohortList
          view={view}
          cohorts={cohorts}
          errors={{}}
          values={formValues({ startsOn: japanDate(new Date()), sessionCount: 6, intervalDays: 14 })}
        />
      ),
    }));
  })
  .post('/coordinator/mentoring', requirePage(ACCESS.runMentoring), async (c) => {
    const values = await readForm(c);
    const m = messagesOf(c);
    const input = validate(
      CohortInputSchema,
      {
        name: values.text('name') ?? '',
        startsOn: values.text('startsOn') ?? '',
        sessionCount: values.number('sessionCount'),
        intervalDays: values.number('intervalDays'),
      },
      m,
    );
    if (!input.ok) {
      const cohorts = await c.var.services.mentoring.cohorts();
      return render(
        c,
        (view) => ({
          title: view.m.afterHire.mentoring.cohorts,
          body: <CohortList view={view} cohorts={cohorts} errors={input.errors} values={values} />,
        }),
        422,
      );
    }
    const cohort = await c.var.services.mentoring.open(requireActor(c), input.value);
    return redirectWithNotice(c, `/coordinator/mentoring/${cohort.id}`, m.afterHire.mentoring.created);
  })
  .get('/coordinator/mentoring/:id', requirePage(ACCESS.runMentoring), (c) =>
    renderCohort(c, c.req.param('id')),
  )
  .post('/coordinator/mentoring/:id/mentors', requirePage(ACCESS.runMentoring), async (c) => {
    const values = await readForm(c);
    const id = c.req.param('id');
    await c.var.services.mentoring.invite(requireActor(c), id, values.text('memberId') ?? '');
    return redirectWithNotice(c, `/coordinator/mentoring/${id}`, messagesOf(c).afterHire.mentoring.invited);
  })
  .post('/coordinator/mentoring/:id/pairs', requirePage(ACCESS.runMentoring), async (c) => {
    const values = await readForm(c);
    const id = c.req.param('id');
    await c.var.services.mentoring.pair(
      requireActor(c),
      id,
      values.text('menteeId') ?? '',
      values.text('mentorId') ?? '',
    );
    return redirectWithNotice(
      c,
      `/coordinator/mentoring/${id}#pairs`,
      messagesOf(c).afterHire.mentoring.paired,
    );
  });
