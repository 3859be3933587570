/**
 * The coordinator's queue, a match seen side by side (her profile, the role, the score breakdown
 * from both sides), and the decision on it. A decision is sent at the version the coordinator
 * saw; when someone else decided first the page says so and shows the latest state instead of
 * an error page.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import {
  EMPLOYMENT_TYPES,
  FLEXIBILITY_FACT_KEYS,
  FLEXIBILITY_FACTS,
  QUALIFICATIONS,
  SKILLS,
} from '../../../matching/vocabulary.ts';
import { AppError } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { requireActor } from '../../http/env.ts';
import { ErrorSummary, PostForm, SelectField, TextField } from '../../web/form.tsx';
import {
  type FieldErrors,
  type FormValues,
  fieldErrorsOf,
  formValues,
  readForm,
  renameErrors,
  validate,
} from '../../web/forms.ts';
import { labelOf, langOf, messagesOf } from '../../web/i18n.ts';
import { newPageRouter, render, requirePage } from '../../web/pages.tsx';
import { redirectWithNotice, type View } from '../../web/view.ts';
import type { Area } from '../areas/area.service.ts';
import type { MatchDetail } from '../coordination/coordination.schemas.ts';
import { daysSince, MemberSummary, StageBadge } from '../coordination/coordinator-views.tsx';
import type { Role } from '../roles/role.schemas.ts';
import { windowsText } from '../roles/role.view.tsx';
import { japanDate, japanDateTime, japanDay } from '../shared/japan-time.ts';
import { DecisionInputSchema, QueueQuerySchema, REJECTION_REASONS } from './match.schemas.ts';
import { MATCH_STATES, type MatchState } from './match-lifecycle.ts';

const STAFF = requirePage('coordinator', 'admin');
const PAGE_SIZE = 50;
/** States in which a coordinator still decides. */
const UNDECIDED: readonly MatchState[] = ['interested', 'under_review'];

type QueueItem = Awaited<ReturnType<AppEnv['Variables']['services']['matches']['queue']>>[number];

const matchPath = (id: string) => `/coordinator/matches/${encodeURIComponent(id)}`;
const percent = (score: number) => Math.round(score * 100);

function StateBadge(props: { view: View; state: string }) {
  const tone = props.state === 'rejected' || props.state === 'withdrawn' ? 'badge bad' : 'badge state';
  return <span class={tone}>{props.view.m.matchStates[props.state as MatchState] ?? props.state}</span>;
}

// ——— The queue ———

function QueueFilters(props: { view: View; values: FormValues; errors: FieldErrors; prefectures: Area[] }) {
  const { view, values, errors } = props;
  const q = view.m.coordinator.queue;
  const open =
    Object.keys(errors).length > 0 ||
    ['state', 'prefCode', 'stage', 'waitingDays'].some((n) => values.text(n));
  return (
    <details class="card filters" open={open}>
      <summary>{q.filters}</summary>
      <ErrorSummary view={view} errors={errors} />
      <form method="get" action="/coordinator/queue" class="filter-form">
        <div class="two">
          <SelectField
            name="state"
            label={q.state}
            placeholder={q.anyOpen}
            options={MATCH_STATES.map((s) => ({ value: s, label: view.m.matchStates[s] }))}
            values={values}
            errors={errors}
          />
          <SelectField
            name="prefCode"
            label={q.prefecture}
            placeholder={q.anyPrefecture}
            options={props.prefectures.map((p) => ({ value: p.prefCode, label: p.prefecture }))}
            values={values}
            errors={errors}
          />
          <SelectField
            name="stage"
            label={q.stage}
            placeholder={q.anyStage}
            options={[1, 2, 3, 4, 5].map((s) => ({
              value: String(s),
              label: `${view.m.coordinator.stageOf(s)}・${view.m.coordinator.stages[s as 1]}`,
            }))}
            values={values}
            errors={errors}
          />
          <TextField
            name="waitingDays"
            type="number"
            label={q.waitingDays}
            hint={q.waitingDaysHint}
            suffix={view.lang === 'ja' ? '日以上' : 'days +'}
            values={values}
            errors={errors}
          />
        </div>
        <div class="actions">
          <button type="submit" class="button">
            {q.apply}
          </button>
          <a href="/coordinator/queue">{q.clear}</a>
        </div>
      </form>
    </details>
  );
}

function QueueCard(props: { view: View; item: QueueItem; now: Date }) {
  const { view, item, now } = props;
  const q = view.m.coordinator.queue;
  const waiting = daysSince(item.interestedAt ?? item.createdAt, now);
  return (
    <li class={`card queue-item${waiting >= 7 ? ' waiting-long' : ''}`}>
      <p class="card-title">
        <a href={matchPath(item.id)}>{item.member.name}</a>
      </p>
      <p class="meta">
        {item.roleTitle}・{item.organisationName}
      </p>
      <ul class="badges">
        <li>
          <StateBadge view={view} state={item.state} />
        </li>
        <li>
          <StageBadge view={view} stage={item.member.supportStage} />
        </li>
        <li>
          <span class="badge">{item.member.prefecture}</span>
        </li>
        <li>
          <span class={waiting >= 7 ? 'badge warn' : 'badge'}>{`${q.waiting} ${q.waitingFor(waiting)}`}</span>
        </li>
      </ul>
      <a
        class="button small secondary"
        href={matchPath(item.id)}
        aria-label={`${q.open}: ${item.member.name}`}
      >
        {q.open}
      </a>
    </li>
  );
}

function QueuePage(props: {
  view: View;
  values: FormValues;
  errors: FieldErrors;
  prefectures: Area[];
  items: QueueItem[];
  now: Date;
  more: string | undefined;
}) {
  const { view, items } = props;
  const q = view.m.coordinator.queue;
  return (
    <>
      <h1>{q.title}</h1>
      <p class="meta">{q.intro}</p>
      <QueueFilters view={view} values={props.values} errors={props.errors} prefectures={props.prefectures} />
      <p class="meta" aria-live="polite">
        {q.count(items.length)}
        {' ・ '}
        <a href="/api/exports/queue.csv" download>
          {q.csv}
        </a>
      </p>
      {items.length === 0 ? (
        <p class="empty">{q.empty}</p>
      ) : (
        <ol class="list queue">
          {items.map((item) => (
            <QueueCard view={view} item={item} now={props.now} />
          ))}
        </ol>
      )}
      {props.more && (
        <p class="pager">
          <a class="button secondary" href={props.more}>
            {q.more}
          </a>
        </p>
      )}
    </>
  );
}

// ——— One match ———

function RoleSummary(props: { view: View; role: Role; matchId: string }) {
  const { view, role } = props;
  const { m, lang } = view;
  const c = m.coordinator.match;
  const pay = `${m.payUnits[role.pay.unit]} ${m.yen(role.pay.min)}${role.pay.max ? `〜${m.yen(role.pay.max)}` : ''}`;
  const schedule =
    role.schedule.kind === 'fixed'
      ? { kind: c.fixed, windows: role.schedule.shifts }
      : {
          kind: c.flexible(role.schedule.minHoursPerWeek, role.schedule.minDaysPerWeek),
          windows: role.schedule.windows,
        };
  const remote =
    role.remote.mode === 'hybrid'
      ? c.remote.hybrid(role.remote.officeDaysPerWeek ?? 0)
      : role.remote.mode === 'full'
        ? c.remote.full
        : c.remote.none;
  const facts = FLEXIBILITY_FACT_KEYS.filter((key) => role.facts[key] !== undefined);
  return (
    <>
      <dl class="kv">
        <dt>{c.organisation}</dt>
        <dd>{role.organisation.name}</dd>
        <dt>{c.schedule}</dt>
        <dd>
          {schedule.kind}
          <br />
          <span class="meta">{windowsText(view, schedule.windows)}</span>
        </dd>
        <dt>{c.pay}</dt>
        <dd>{pay}</dd>
        <dt>{c.employmentType}</dt>
        <dd>{labelOf(EMPLOYMENT_TYPES, role.employmentType, lang)}</dd>
        <dt>{c.locations}</dt>
        <dd>
          {remote}
          {role.locations.length > 0 && (
            <>
              <br />
              <span class="meta">
                {role.locations
                  .map((l) => `${l.prefecture} ${l.name}${l.label ? `（${l.label}）` : ''}`)
                  .join(lang === 'ja' ? '、' : ', ')}
              </span>
            </>
          )}
        </dd>
        <dt>{c.conditions}</dt>
        <dd>
          {[
            c.overtime[role.overtime],
            role.weekendWork ? c.weekendWork : '',
            role.nightWork ? c.nightWork : '',
          ]
            .filter(Boolean)
            .join(lang === 'ja' ? '・' : ', ')}
        </dd>
        <dt>{c.requiredSkills}</dt>
        <dd>
          {role.skills.required.length
            ? role.skills.required.map((s) => labelOf(SKILLS, s.tag, lang)).join(lang === 'ja' ? '、' : ', ')
            : m.form.none}
        </dd>
        <dt>{c.requiredQualifications}</dt>
        <dd>
          {role.requiredQualifications.length
            ? role.requiredQualifications
                .map((q) => labelOf(QUALIFICATIONS, q, lang))
                .join(lang === 'ja' ? '、' : ', ')
            : m.form.none}
        </dd>
      </dl>
      <h3>{c.facts}</h3>
      {facts.length === 0 ? (
        <p class="meta">{m.form.notStated}</p>
      ) : (
        <ul class="list facts">
          {facts.map((key) => {
            const fact = role.facts[key] as { available: boolean; verified: boolean };
            const label = labelOf(FLEXIBILITY_FACTS, key, lang);
            return (
              <li class="fact">
                <span>
                  {label}：<strong>{fact.available ? c.factYes : c.factNo}</strong>
                </span>
                {fact.verified ? (
                  <span class="badge verified">✓ {c.verified}</span>
                ) : (
                  <PostForm
                    view={view}
                    action={`${matchPath(props.matchId)}/facts/${key}/verification`}
                    class="inline"
                  >
                    <span class="badge warn">{c.unverified}</span>{' '}
                    <button
                      type="submit"
                      class="button small secondary"
                      aria-label={`${c.verifyFact}: ${label}`}
                    >
                      {c.verifyFact}
                    </button>
                  </PostForm>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

function ScoreBar(props: { label: string; score: number }) {
  return (
    <div class="score-row">
      <div class="score-head">
        <span>{props.label}</span>
        <span class="score">{percent(props.score)}</span>
      </div>
      <div class="bar-track" aria-hidden="true">
        <div class="bar-fill" style={`width:${percent(props.score)}%`} />
      </div>
    </div>
  );
}

function ScoreBreakdown(props: { view: View; detail: MatchDetail }) {
  const { view, detail } = props;
  const c = view.m.coordinator.match;
  const explanation = detail.explanation;
  if (!explanation) {
    return (
      <>
        <p class="degraded">{c.infeasible}</p>
        <ul class="reasons">
          {(detail.infeasible?.violations ?? []).map((v) => (
            <li class="negative">{v.text}</li>
          ))}
        </ul>
      </>
    );
  }
  const side = (name: 'member' | 'employer') => explanation.components.filter((comp) => comp.side === name);
  return (
    <>
      <ScoreBar label={c.total} score={explanation.score} />
      <p class="meta">{c.commuteEstimate(Math.round(explanation.commuteMinutes))}</p>
      {(['member', 'employer'] as const).map((name) => (
        <section class="score-side">
          <h3>
            {name === 'member' ? c.memberSide : c.employerSide}{' '}
            <span class="score">
              {percent(name === 'member' ? explanation.memberSide : explanation.employerSide)}
            </span>
          </h3>
          {side(name).map((comp) => (
            <div class="component">
              <ScoreBar label={c.components[comp.key] ?? comp.key} score={comp.score} />
              {comp.reasons.length > 0 && (
                <ul class="reasons">
                  {comp.reasons.map((r) => (
                    <li class={r.tone}>{r.text}</li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </section>
      ))}
      {explanation.notes.length > 0 && (
        <>
          <h3>{c.notes}</h3>
          <ul class="reasons">
            {explanation.notes.map((r) => (
              <li class={r.tone}>{r.text}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

export interface DecisionForm {
  decision: 'review' | 'approve' | 'reject';
  values: FormValues;
  errors: FieldErrors;
}

/**
 * A sentence to start from, which the coordinator edits: what the match does for her (her side's
 * strongest reasons, hours first), since the member reads it too.
 */
function suggestedReason(detail: MatchDetail, lang: View['lang']): string {
  const hers = (detail.explanation?.components ?? [])
    .filter((comp) => comp.side === 'member')
    .flatMap((comp) => comp.reasons.filter((r) => r.tone === 'positive'))
    .slice(0, 2);
  return hers.map((r) => r.text).join(lang === 'ja' ? '。' : '. ');
}

function DecisionForms(props: { view: View; detail: MatchDetail; form: DecisionForm | undefined }) {
  const { view, detail, form } = props;
  const d = view.m.coordinator.decision;
  const { match } = detail;
  const action = `${matchPath(match.id)}/decision`;
  const posted = (decision: DecisionForm['decision']) => (form?.decision === decision ? form : undefined);
  const approve = posted('approve');
  const reject = posted('reject');
  const review = posted('review');
  const version = <input type="hidden" name="expectedVersion" value={String(match.version)} />;
  if (!UNDECIDED.includes(match.state)) return <p class="meta">{d.closed}</p>;
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

function History(props: { view: View; detail: MatchDetail }) {
  const { view, detail } = props;
  const c = view.m.coordinator.match;
  if (detail.events.length === 0) return <p class="meta">{c.noEvents}</p>;
  return (
    <ol class="list history">
      {[...detail.events].reverse().map((e) => (
        <li>
          <p>
            <strong>{c.actions[e.action] ?? e.action}</strong>
            {' → '}
            <StateBadge view={view} state={e.toState} />
          </p>
          <p class="meta">
            {japanDateTime(e.at)}・{c.by[e.actorRole] ?? e.actorRole}
            {e.reasonCode ? `・${view.m.coordinator.decision.reasonCodes[e.reasonCode] ?? e.reasonCode}` : ''}
          </p>
          {e.reason && <p class="quote">{e.reason}</p>}
        </li>
      ))}
    </ol>
  );
}

function MatchPage(props: {
  view: View;
  detail: MatchDetail;
  today: string;
  form?: DecisionForm | undefined;
  alert?: string | undefined;
}) {
  const { view, detail } = props;
  const c = view.m.coordinator.match;
  const d = view.m.coordinator.decision;
  const { match, member } = detail;
  return (
    <>
      <p class="meta">
        <a href="/coordinator/queue">← {c.backToQueue}</a>
      </p>
      <h1>{c.title(`${member.familyName} ${member.givenName}`, match.roleTitle)}</h1>
      {props.alert && (
        <p class="degraded" role="alert">
          {props.alert}
        </p>
      )}
      <ul class="badges">
        <li>
          <StateBadge view={view} state={match.state} />
        </li>
        {match.interestedAt && (
          <li class="badge">{view.m.coordinator.queue.since(japanDay(match.interestedAt))}</li>
        )}
      </ul>
      <div class="columns match-columns">
        <section class="card" aria-labelledby="her">
          <h2 id="her">
            {c.her}：{member.familyName} {member.givenName}
          </h2>
          <MemberSummary view={view} member={member} today={props.today} />
          <p>
            <a href={`/coordinator/members/${encodeURIComponent(member.userId)}`}>{c.toMember}</a>
          </p>
        </section>
        <section class="card" aria-labelledby="role">
          <h2 id="role">
            {c.role}：{match.roleTitle}
          </h2>
          <RoleSummary view={view} role={detail.role} matchId={match.id} />
        </section>
        <section class="card" aria-labelledby="score">
          <h2 id="score">{c.score}</h2>
          <ScoreBreakdown view={view} detail={detail} />
        </section>
      </div>
      <div class="columns">
        <section class="card decision-card" aria-labelledby="decision" id="decide">
          <h2 id="decision">{d.title}</h2>
          <p>{d.current(view.m.matchStates[match.state])}</p>
          <DecisionForms view={view} detail={detail} form={props.form} />
        </section>
        <section class="card" aria-labelledby="history">
          <h2 id="history">{c.history}</h2>
          <History view={view} detail={detail} />
        </section>
      </div>
    </>
  );
}

// ——— Handlers ———

/** Display only: ages and waiting days as of now in Japan. */
const today = (_c: Context<AppEnv>) => japanDate(new Date());

function renderMatch(
  c: Context<AppEnv>,
  detail: MatchDetail,
  extra: { form?: DecisionForm; alert?: string } = {},
  status: 200 | 409 | 422 = 200,
) {
  return render(
    c,
    (view) => ({
      title: view.m.coordinator.match.title(
        `${detail.member.familyName} ${detail.member.givenName}`,
        detail.match.roleTitle,
      ),
      wide: true,
      body: <MatchPage view={view} detail={detail} today={today(c)} form={extra.form} alert={extra.alert} />,
    }),
    status,
  );
}

const FactParamSchema = z.enum(FLEXIBILITY_FACT_KEYS);

export const queuePages = newPageRouter()
  .get('/coordinator/queue', STAFF, async (c) => {
    const query = c.req.query();
    const values = formValues(query);
    const m = messagesOf(c);
    // Blank filters are no filter; numbers may be typed with full-width digits.
    const parsed = validate(
      QueueQuerySchema,
      {
        state: values.text('state') || undefined,
        prefCode: values.text('prefCode') || undefined,
        stage: values.number('stage'),
        waitingDays: values.number('waitingDays'),
        offset: values.number('offset'),
      },
      m,
    );
    const prefectures = await c.var.services.areas.prefectures();
    const items = parsed.ok ? await c.var.services.matches.queue({ ...parsed.value, limit: PAGE_SIZE }) : [];
    let more: string | undefined;
    if (parsed.ok && items.length === PAGE_SIZE) {
      const next = new URLSearchParams(query);
      next.set('offset', String(parsed.value.offset + PAGE_SIZE));
      more = `/coordinator/queue?${next.toString()}`;
    }
    return render(
      c,
      (view) => ({
        title: view.m.coordinator.queue.title,
        wide: true,
        body: (
          <QueuePage
            view={view}
            values={values}
            errors={parsed.ok ? {} : parsed.errors}
            prefectures={prefectures}
            items={items}
            now={new Date()}
            more={more}
          />
        ),
      }),
      parsed.ok ? 200 : 422,
    );
  })
  .get('/coordinator/matches/:id', STAFF, async (c) => {
    const detail = await c.var.services.coordination.matchDetail(
      requireActor(c),
      c.req.param('id'),
      langOf(c),
    );
    return renderMatch(c, detail);
  })
  .post('/coordinator/matches/:id/decision', STAFF, async (c) => {
    const id = c.req.param('id');
    const actor = requireActor(c);
    const lang = langOf(c);
    const detail = await c.var.services.coordination.matchDetail(actor, id, lang);
    const values = await readForm(c);
    const m = messagesOf(c);
    const decision =
      (['review', 'approve', 'reject'] as const).find((d) => d === values.text('decision')) ?? 'review';
    const reasonField = decision === 'reject' ? 'rejectReason' : 'approveReason';
    const form = (errors: FieldErrors): DecisionForm => ({ decision, values, errors });
    const input = validate(
      DecisionInputSchema,
      {
        decision,
        ...(decision === 'reject' ? { reasonCode: values.text('reasonCode') || undefined } : {}),
        reason: decision === 'review' ? '' : (values.text(reasonField) ?? ''),
        expectedVersion: values.number('expectedVersion'),
      },
      m,
    );
    if (!input.ok) {
      const errors = renameErrors(input.errors, (name) => (name === 'reason' ? reasonField : name));
      // The schema's own refinements say "choose a reason" / "say why": in the reader's words.
      if (errors.reasonCode === m.validation.invalid) errors.reasonCode = m.validation.choose;
      if (errors[reasonField] === m.validation.invalid) errors[reasonField] = m.validation.required;
      return renderMatch(c, detail, { form: form(errors) }, 422);
    }
    try {
      await c.var.services.matches.decide(actor, id, input.value);
    } catch (error) {
      if (error instanceof AppError && (error.code === 'conflict' || error.code === 'invalid_state')) {
        const latest = await c.var.services.coordination.matchDetail(actor, id, lang);
        const d = m.coordinator.decision;
        return renderMatch(
          c,
          latest,
          { alert: error.code === 'conflict' ? d.conflict : d.invalidState },
          409,
        );
      }
      const errors = fieldErrorsOf(error, m);
      if (errors)
        return renderMatch(
          c,
          detail,
          { form: form(renameErrors(errors, (n) => (n === 'reason' ? reasonField : n))) },
          422,
        );
      throw error;
    }
    const d = m.coordinator.decision;
    const notice = { review: d.reviewed, approve: d.approved, reject: d.rejected }[decision];
    return redirectWithNotice(c, matchPath(id), notice);
  })
  .post('/coordinator/matches/:id/facts/:fact/verification', STAFF, async (c) => {
    const id = c.req.param('id');
    const actor = requireActor(c);
    const fact = FactParamSchema.safeParse(c.req.param('fact'));
    if (!fact.success) throw new AppError('not_found', 'fact not found');
    const detail = await c.var.services.coordination.matchDetail(actor, id);
    await c.var.services.coordination.verifyFact(actor, detail.role.id, fact.data);
    const m = messagesOf(c);
    return redirectWithNotice(
      c,
      `${matchPath(id)}#role`,
      m.coordinator.match.factVerified(labelOf(FLEXIBILITY_FACTS, fact.data, langOf(c))),
    );
  });
