/**
 * The coordinator's queue: matches waiting for a decision, oldest interest first, with filters
 * (state, prefecture, stage, days waiting) as a plain GET form and a page of 50 at a time.
 */
import { type AppEnv, requireActor } from '../../http/env.ts';
import { ErrorSummary, SelectField, TextField } from '../../web/form-fields.tsx';
import { type FieldErrors, type FormValues, formValues, validate } from '../../web/form-input.ts';
import { messagesOf } from '../../web/i18n.ts';
import { newPageRouter, render, requirePage } from '../../web/pages.tsx';
import type { View } from '../../web/view.ts';
import type { Area } from '../areas/area.service.ts';
import { daysSince, StageBadge } from '../coordination/coordinator-views.tsx';
import { ACCESS } from '../shared/access.ts';
import { constraintLabel } from './explanations.ts';
import { QueueQuerySchema } from './match.schemas.ts';
import { MATCH_STATES } from './match-lifecycle.ts';
import { matchPath, StateBadge } from './match-review.view.tsx';
import type { QueueFit } from './staff-scoring.ts';

const PAGE_SIZE = 50;

type QueueItem = Awaited<ReturnType<AppEnv['Variables']['services']['matches']['queue']>>[number];

function QueueFilters(props: { view: View; values: FormValues; errors: FieldErrors; prefectures: Area[] }) {
  const { view, values, errors } = props;
  const q = view.m.coordinator.queue;
  const open =
    Object.keys(errors).length > 0 ||
    ['state', 'prefCode', 'stage', 'waitingDays'].some((n) => values.text(n));
  return (
    <details class="card filters" open={open} data-open-wide>
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

/** The fit at a glance: the score, or a warning naming what the matching finds broken. */
function FitBadge(props: { view: View; fit: QueueFit | undefined }) {
  const { view, fit } = props;
  if (!fit) return null;
  const q = view.m.coordinator.queue;
  return fit.feasible ? (
    <span class="badge">{q.fit(Math.round(fit.score * 100))}</span>
  ) : (
    <span class="badge warn">
      {q.outside(
        fit.codes.map((code) => constraintLabel(code, view.lang)).join(view.lang === 'ja' ? '・' : ', '),
      )}
    </span>
  );
}

function QueueCard(props: { view: View; item: QueueItem; now: Date; fit: QueueFit | undefined }) {
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
          <FitBadge view={view} fit={props.fit} />
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
  fits: Map<string, QueueFit>;
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
            <QueueCard view={view} item={item} now={props.now} fit={props.fits.get(item.id)} />
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

export const queuePages = newPageRouter().get(
  '/coordinator/queue',
  requirePage(ACCESS.reviewMatches),
  async (c) => {
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
    const fits = await c.var.services.matches.fits(requireActor(c), items);
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
            fits={fits}
            now={new Date()}
            more={more}
          />
        ),
      }),
      parsed.ok ? 200 : 422,
    );
  },
);
