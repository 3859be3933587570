/**
 * Employer checks: the organisations waiting for a coordinator to confirm they are real, with the
 * two answers a coordinator can give, and the lists of those already verified or refused.
 */
import type { Context } from 'hono';
import { type AppEnv, requireActor } from '../../http/env.ts';
import { PostForm } from '../../web/form-fields.tsx';
import { readForm } from '../../web/form-input.ts';
import { messagesOf } from '../../web/i18n.ts';
import { newPageRouter, render, requirePage } from '../../web/pages.tsx';
import { redirectWithNotice, type View } from '../../web/view.ts';
import { ACCESS } from '../shared/access.ts';
import { type Organisation, VerificationInputSchema } from './organisation.schemas.ts';

const STATES = ['unverified', 'verified', 'rejected'] as const;
type State = (typeof STATES)[number];
const PAGE_SIZE = 50;

const listPath = (state: State) =>
  `/coordinator/organisations${state === 'unverified' ? '' : `?state=${state}`}`;

/** Where an organisation's branches are: what a coordinator weighs against a claim to be national. */
type Spread = { branches: number; prefectures: string[] };

function OrganisationCard(props: { view: View; organisation: Organisation; spread: Spread | undefined }) {
  const { view, organisation: o, spread } = props;
  const t = view.m.coordinator.organisations;
  const state = o.verification.state;
  return (
    <li class="card">
      <p class="card-title">{o.name}</p>
      {o.nameKana && <p class="meta">{o.nameKana}</p>}
      <ul class="badges">
        <li>
          <span class="badge">{t.scale[o.scale] ?? o.scale}</span>
        </li>
        <li>
          <span
            class={
              state === 'verified' ? 'badge verified' : state === 'rejected' ? 'badge bad' : 'badge warn'
            }
          >
            {t.tabs[state]}
          </span>
        </li>
      </ul>
      <dl class="kv">
        <dt>{t.headOffice}</dt>
        <dd>
          {o.headOffice.prefecture} {o.headOffice.name !== o.headOffice.prefecture ? o.headOffice.name : ''}
        </dd>
        <dt>{t.branches}</dt>
        <dd>{spread ? t.branchSpread(spread.branches, spread.prefectures) : t.noBranches}</dd>
        <dt>{t.corporateNumber}</dt>
        <dd>{o.corporateNumber ?? view.m.form.notStated}</dd>
        <dt>{t.website}</dt>
        <dd>
          {o.website ? (
            <a href={o.website} rel="noreferrer noopener" target="_blank">
              {o.website}
            </a>
          ) : (
            view.m.form.notStated
          )}
        </dd>
      </dl>
      {o.description && <p class="org-description">{o.description}</p>}
      <p class="meta">{t.registeredOn(view.m.date(o.createdAt))}</p>
      <div class="actions">
        {state !== 'verified' && (
          <PostForm
            view={view}
            action={`/coordinator/organisations/${encodeURIComponent(o.id)}/verification`}
            class="inline"
          >
            <input type="hidden" name="state" value="verified" />
            <button type="submit" class="button" aria-label={`${t.verify}: ${o.name}`}>
              {t.verify}
            </button>
          </PostForm>
        )}
        {state !== 'rejected' && (
          <PostForm
            view={view}
            action={`/coordinator/organisations/${encodeURIComponent(o.id)}/verification`}
            class="inline"
          >
            <input type="hidden" name="state" value="rejected" />
            <button type="submit" class="button secondary" aria-label={`${t.reject}: ${o.name}`}>
              {t.reject}
            </button>
          </PostForm>
        )}
      </div>
    </li>
  );
}

function VerificationPage(props: {
  view: View;
  state: State;
  organisations: Organisation[];
  spread: Map<string, Spread>;
  total: number;
  offset: number;
  alert?: string | undefined;
}) {
  const { view, state, organisations } = props;
  const t = view.m.coordinator.organisations;
  const m = view.m;
  const next = props.offset + PAGE_SIZE < props.total ? props.offset + PAGE_SIZE : undefined;
  const previous = props.offset > 0 ? Math.max(0, props.offset - PAGE_SIZE) : undefined;
  const pageLink = (offset: number) => `/coordinator/organisations?state=${state}&offset=${offset}`;
  return (
    <>
      <h1>{t.title}</h1>
      <p class="meta">{t.intro}</p>
      {props.alert && (
        <p class="degraded" role="alert">
          {props.alert}
        </p>
      )}
      <nav class="segments" aria-label={t.title}>
        {STATES.map((s) => (
          <a href={listPath(s)} aria-current={s === state ? 'page' : undefined}>
            {t.tabs[s]}
          </a>
        ))}
      </nav>
      {organisations.length === 0 ? (
        <p class="empty">{t.empty}</p>
      ) : (
        <>
          <p class="meta">
            {m.pagination.of(props.offset + 1, props.offset + organisations.length, props.total)}
          </p>
          <ul class="list org-list">
            {organisations.map((o) => (
              <OrganisationCard view={view} organisation={o} spread={props.spread.get(o.id)} />
            ))}
          </ul>
        </>
      )}
      {(next !== undefined || previous !== undefined) && (
        <nav class="pager">
          {previous !== undefined ? <a href={pageLink(previous)}>{m.pagination.previous}</a> : <span />}
          {next !== undefined && <a href={pageLink(next)}>{m.pagination.next}</a>}
        </nav>
      )}
    </>
  );
}

async function renderList(
  c: Context<AppEnv>,
  state: State,
  offset: number,
  alert?: string,
  status: 200 | 422 = 200,
) {
  const list = await c.var.services.organisations.list({ state, limit: PAGE_SIZE, offset });
  const spread = await c.var.services.branches.spreadOf(list.items.map((o) => o.id));
  return render(
    c,
    (view) => ({
      title: view.m.coordinator.organisations.title,
      wide: true,
      body: (
        <VerificationPage
          view={view}
          state={state}
          organisations={list.items}
          spread={spread}
          total={list.total}
          offset={offset}
          alert={alert}
        />
      ),
    }),
    status,
  );
}

export const verificationPages = newPageRouter()
  .get('/coordinator/organisations', requirePage(ACCESS.verifyOrganisations), async (c) => {
    const state = STATES.find((s) => s === c.req.query('state')) ?? 'unverified';
    const offset = Math.max(0, Math.min(100_000, Number.parseInt(c.req.query('offset') ?? '0', 10) || 0));
    return renderList(c, state, offset);
  })
  .post('/coordinator/organisations/:id/verification', requirePage(ACCESS.verifyOrganisations), async (c) => {
    const actor = requireActor(c);
    const id = c.req.param('id');
    // A foreign id is a 404 whatever was posted.
    await c.var.services.organisations.get(actor, id);
    const values = await readForm(c);
    const m = messagesOf(c);
    const input = VerificationInputSchema.safeParse({ state: values.text('state') });
    if (!input.success) return renderList(c, 'unverified', 0, m.validation.choose, 422);
    const organisation = await c.var.services.organisations.verify(actor, id, input.data.state);
    const t = m.coordinator.organisations;
    return redirectWithNotice(
      c,
      '/coordinator/organisations',
      input.data.state === 'verified' ? t.verified(organisation.name) : t.rejected(organisation.name),
    );
  });
