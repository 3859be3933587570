/**
 * The employer's introductions: the members a coordinator introduced to her organisation's roles
 * (approved and later only — the match service decides what she may see), with their contact
 * details, and one small form per introduction to record the outcome: interviewing, hired, or
 * not hired with a reason. A stale form (someone recorded first) answers with the conflict page.
 */
import type { Context } from 'hono';
import { QUALIFICATIONS, SKILLS } from '../../../matching/vocabulary.ts';
import { notFound } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { fieldId, PostForm, TextField } from '../../web/form-fields.tsx';
import { type FieldErrors, type FormValues, noValues, readForm, validate } from '../../web/form-input.ts';
import { labelOf, messagesOf } from '../../web/i18n.ts';
import { newPageRouter, render, requirePage } from '../../web/pages.tsx';
import { redirectWithNotice, type View } from '../../web/view.ts';
import type { Actor } from '../auth/actor.ts';
import { NotificationPanel } from '../notifications/notification.pages.tsx';
import { windowsText } from '../roles/role.view.tsx';
import { ACCESS } from '../shared/access.ts';
import { type Introduction, OutcomeInputSchema } from './match.schemas.ts';
import type { MatchState } from './match-lifecycle.ts';

type Outcome = 'interviewing' | 'hired' | 'not_hired';

/** The outcomes she can record from each state (the lifecycle refuses anything else anyway). */
const NEXT: Partial<Record<MatchState, Outcome[]>> = {
  approved: ['interviewing', 'hired', 'not_hired'],
  interviewing: ['hired', 'not_hired'],
};

/** Each introduction's reason field has its own name, so its error lands beside the right card. */
const reasonField = (id: string) => `reason.${id}`;

function stateBadge(state: MatchState) {
  if (state === 'hired') return 'badge verified';
  if (state === 'not_hired' || state === 'withdrawn') return 'badge bad';
  return 'badge state';
}

function IntroductionCard(props: {
  view: View;
  introduction: Introduction;
  values: FormValues;
  errors: FieldErrors;
}) {
  const { view, introduction: intro, values, errors } = props;
  const { m } = view;
  const listText = (items: string[]) =>
    items.length ? items.join(view.lang === 'ja' ? '、' : ', ') : m.form.none;
  const words = m.employer.introductions;
  const next = NEXT[intro.state] ?? [];
  return (
    <li class="card introduction" id={`introduction-${intro.id}`}>
      <p class="meta">
        {words.role}: {intro.roleTitle}
      </p>
      <h2 class="card-title">{intro.member.name}</h2>
      <p>
        <span class={stateBadge(intro.state)}>{m.matchStates[intro.state]}</span>
      </p>
      <dl class="kv">
        <dt>{words.email}</dt>
        <dd>
          <a href={`mailto:${intro.member.email}`}>{intro.member.email}</a>
        </dd>
        <dt>{words.phone}</dt>
        <dd>
          {intro.member.phone ? (
            <a href={`tel:${intro.member.phone}`}>{intro.member.phone}</a>
          ) : (
            words.noPhone
          )}
        </dd>
        <dt>{words.area}</dt>
        <dd>{intro.member.area}</dd>
        <dt>{words.availability}</dt>
        <dd>
          {windowsText(
            view,
            intro.member.availability.windows.filter((w) => !w.remoteOnly),
          ) || m.form.none}
          {intro.member.availability.windows.some((w) => w.remoteOnly) && (
            <>
              <br />
              {words.remoteOnly}:{' '}
              {windowsText(
                view,
                intro.member.availability.windows.filter((w) => w.remoteOnly),
              )}
            </>
          )}
          <br />
          <span class="meta">{words.maxHours(intro.member.availability.maxHoursPerWeek)}</span>
        </dd>
        <dt>{words.skills}</dt>
        <dd>{listText(intro.member.skills.map((s) => labelOf(SKILLS, s.tag, view.lang)))}</dd>
        <dt>{words.qualifications}</dt>
        <dd>{listText(intro.member.qualifications.map((q) => labelOf(QUALIFICATIONS, q, view.lang)))}</dd>
        {intro.member.resume && <ResumeRows view={view} resume={intro.member.resume} />}
        {intro.decidedAt && (
          <>
            <dt>{words.introducedOn}</dt>
            <dd>{view.m.date(intro.decidedAt)}</dd>
          </>
        )}
      </dl>
      {intro.coordinatorNote && (
        <p class="quote">
          {words.coordinatorNote}：{intro.coordinatorNote}
        </p>
      )}
      {next.length > 0 ? (
        <PostForm view={view} action={`/employer/introductions/${intro.id}/outcome`} class="outcome">
          <input type="hidden" name="expectedVersion" value={String(intro.version)} />
          <fieldset id={fieldId(`outcome.${intro.id}`)}>
            <legend>{words.record}</legend>
            {errors[`outcome.${intro.id}`] && (
              <span class="field-error">{errors[`outcome.${intro.id}`]}</span>
            )}
            <TextField
              name={reasonField(intro.id)}
              label={words.reason}
              hint={words.reasonHint}
              maxlength={1000}
              multiline
              values={values}
              errors={errors}
            />
            <div class="actions">
              {next.map((outcome) => (
                <button
                  type="submit"
                  name="outcome"
                  value={outcome}
                  class={outcome === 'not_hired' ? 'button secondary' : 'button'}
                >
                  {words.outcome[outcome]}
                </button>
              ))}
            </div>
          </fieldset>
        </PostForm>
      ) : (
        <>
          <p class="meta">{intro.state === 'withdrawn' ? words.withdrawn : words.done}</p>
          {intro.state === 'hired' && (
            <p>
              <a href={`/employer/introductions/${intro.id}/separation`}>{m.afterHire.separation.link}</a>
            </p>
          )}
        </>
      )}
    </li>
  );
}

function IntroductionList(props: {
  view: View;
  introductions: Introduction[];
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const { view, introductions } = props;
  const words = view.m.employer.introductions;
  return (
    <>
      <h1>{words.title}</h1>
      <p>{words.lead}</p>
      {introductions.length === 0 ? (
        <p class="empty">{words.empty}</p>
      ) : (
        <ul class="list">
          {introductions.map((introduction) => (
            <IntroductionCard
              view={view}
              introduction={introduction}
              values={props.values ?? noValues}
              errors={props.errors ?? {}}
            />
          ))}
        </ul>
      )}
    </>
  );
}

const actorOf = (c: Context<AppEnv>) => c.get('actor') as Actor;

export const introductionPages = newPageRouter()
  .use('/employer/introductions', requirePage(ACCESS.introductions))
  .use('/employer/introductions/*', requirePage(ACCESS.introductions))
  .get('/employer/introductions', async (c) => {
    const actor = actorOf(c);
    const [introductions, news] = await Promise.all([
      c.var.services.matches.introductions(actor),
      c.var.services.notifications.unread(actor),
    ]);
    return render(c, (view) => ({
      title: view.m.employer.introductions.title,
      body: (
        <>
          <NotificationPanel view={view} items={news} returnTo="/employer/introductions" />
          <IntroductionList view={view} introductions={introductions} />
        </>
      ),
    }));
  })
  .post('/employer/introductions/:id/outcome', async (c) => {
    const actor = actorOf(c);
    const m = messagesOf(c);
    const id = c.req.param('id');
    const values = await readForm(c);
    const introductions = await c.var.services.matches.introductions(actor);
    const input = validate(
      OutcomeInputSchema,
      {
        outcome: values.text('outcome'),
        reason: values.text(reasonField(id)) ?? '',
        expectedVersion: values.number('expectedVersion'),
      },
      m,
    );
    if (!input.ok) {
      // Someone else's or an unknown introduction is not hers to be told about.
      if (!introductions.some((i) => i.id === id)) throw notFound('match');
      const reasonMissing = !values.text(reasonField(id))?.trim();
      const errors: FieldErrors = {};
      for (const [name, message] of Object.entries(input.errors)) {
        if (name === 'reason')
          errors[reasonField(id)] ??= reasonMissing ? m.employer.introductions.reasonRequired : message;
        // The version is a hidden field: a problem with it means the page, not her choice, is wrong.
        else if (name === 'expectedVersion') errors[`outcome.${id}`] = m.errors.invalidInput;
        else errors[`outcome.${id}`] ??= message;
      }
      return render(
        c,
        (view) => ({
          title: view.m.employer.introductions.title,
          body: (
            <IntroductionList view={view} introductions={introductions} values={values} errors={errors} />
          ),
        }),
        422,
      );
    }
    await c.var.services.matches.recordOutcome(actor, id, input.value);
    return redirectWithNotice(
      c,
      '/employer/introductions',
      m.employer.introductions.recorded(m.matchStates[input.value.outcome]),
    );
  });

/** Her résumé as she shared it: work history newest first as she wrote it, education, 自己PR. */
function ResumeRows(props: { view: View; resume: NonNullable<Introduction['member']['resume']> }) {
  const { view, resume } = props;
  const words = view.m.employer.introductions.resume;
  const month = (value: string) => view.m.month(value);
  return (
    <>
      {resume.work.length > 0 && (
        <>
          <dt>{words.work}</dt>
          <dd>
            <ul class="plain">
              {resume.work.map((job) => (
                <li>
                  {month(job.from)}〜{job.to ? month(job.to) : words.now} {job.organisation}
                  {job.role && <span class="meta">（{job.role}）</span>}
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {resume.education.length > 0 && (
        <>
          <dt>{words.education}</dt>
          <dd>
            <ul class="plain">
              {resume.education.map((school) => (
                <li>
                  {month(school.finished)} {school.school}
                  {school.course && ` ${school.course}`}
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {resume.selfPr && (
        <>
          <dt>{words.selfPr}</dt>
          <dd class="prose">{resume.selfPr}</dd>
        </>
      )}
    </>
  );
}
