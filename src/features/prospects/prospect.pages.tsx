/**
 * Employer development pages for coordinators (desktop): the pipeline's figures, the firms filtered
 * by stage, prefecture and owner with the next action soonest first, a form to add a firm, and
 * each firm's page with its history, a stage change and a dated note.
 */
import type { Context } from 'hono';
import { JOB_CATEGORIES } from '../../../matching/vocabulary.ts';
import type { AppEnv } from '../../http/env.ts';
import { requireActor } from '../../http/env.ts';
import {
  ChoiceGroup,
  ErrorSummary,
  type Option,
  PostForm,
  SelectField,
  SubmitButton,
  TextField,
} from '../../web/form-fields.tsx';
import {
  type FieldErrors,
  type FormValues,
  fieldErrorsOf,
  formValues,
  readForm,
  validate,
} from '../../web/form-input.ts';
import { labelOf, messagesOf } from '../../web/i18n.ts';
import { newPageRouter, render, requirePage } from '../../web/pages.tsx';
import { redirectWithNotice, type View } from '../../web/view.ts';
import { prefectureOptions, resolvePlace, typedPlace } from '../areas/place-field.tsx';
import { ACCESS, admits } from '../shared/access.ts';
import { japanDateTime } from '../shared/japan-time.ts';
import {
  type Pipeline,
  PROSPECT_STAGES,
  type Prospect,
  type ProspectDetail,
  ProspectInputSchema,
  ProspectNoteInputSchema,
  ProspectQuerySchema,
  type ProspectStage,
  ProspectStageInputSchema,
} from './prospect.schemas.ts';

/** N of the demand table on the page: fewer fitting roles than this in reach. */
const DEMAND_MIN_ROLES = 3;

const trades = (view: View, keys: string[]) =>
  keys.map((k) => (k in JOB_CATEGORIES ? labelOf(JOB_CATEGORIES, k, view.lang) : k)).join('、');

function PipelineTable(props: { view: View; pipeline: Pipeline }) {
  const w = props.view.m.outreach.prospects;
  return (
    <table>
      <caption>{w.pipeline}</caption>
      <thead>
        <tr>
          <th scope="col">{w.stage}</th>
          <th scope="col">{w.now}</th>
          <th scope="col">{w.reached}</th>
          <th scope="col">{w.conversion}</th>
          <th scope="col">{w.days}</th>
        </tr>
      </thead>
      <tbody>
        {props.pipeline.stages.map((s) => (
          <tr>
            <th scope="row">{w.stages[s.stage]}</th>
            <td>{s.now}</td>
            <td>{s.reached}</td>
            <td>{s.conversion === null ? '—' : `${Math.round(s.conversion * 100)}%`}</td>
            <td>{s.medianDaysInStage === null ? '—' : w.daysValue(s.medianDaysInStage)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type Demand = Awaited<ReturnType<AppEnv['Variables']['services']['prospects']['demand']>>;

function DemandTable(props: { view: View; demand: Demand | undefined }) {
  const { view, demand } = props;
  const w = view.m.outreach.prospects;
  return (
    <section aria-labelledby="demand">
      <h2 id="demand">{w.demand}</h2>
      <p class="meta">{w.demandLead(demand?.minRoles ?? DEMAND_MIN_ROLES)}</p>
      {!demand ? (
        <p class="empty">{w.demandPick}</p>
      ) : demand.items.length === 0 ? (
        <p class="empty">{w.demandNone}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{w.area}</th>
              <th scope="col">{w.trades}</th>
              <th scope="col">{w.members}</th>
              <th scope="col">{w.rolesInReach}</th>
            </tr>
          </thead>
          <tbody>
            {demand.items.slice(0, 50).map((row) => (
              <tr>
                <td>{row.areaName}</td>
                <td>{trades(view, [row.trade])}</td>
                <td>{row.members}</td>
                <td>{row.roles}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ProspectsPage(props: {
  view: View;
  prospects: Prospect[];
  pipeline: Pipeline;
  demand: Demand | undefined;
  prefectures: Option[];
  owners: Option[];
  filter: FormValues;
  values: FormValues;
  errors: FieldErrors;
}) {
  const { view, values, errors } = props;
  const w = view.m.outreach.prospects;
  const stageOptions = PROSPECT_STAGES.map((s) => ({ value: s, label: w.stages[s] }));
  return (
    <>
      <h1>{w.title}</h1>
      <p class="meta">{w.lead}</p>
      <PipelineTable view={view} pipeline={props.pipeline} />
      <form method="get" action="/coordinator/prospects" class="filters two">
        <SelectField
          name="stage"
          label={w.stage}
          options={stageOptions}
          placeholder={w.any}
          values={props.filter}
          errors={{}}
        />
        <SelectField
          name="prefCode"
          label={w.prefecture}
          options={props.prefectures}
          placeholder={w.any}
          values={props.filter}
          errors={{}}
        />
        <SelectField
          name="ownerId"
          label={w.owner}
          options={props.owners}
          placeholder={w.any}
          values={props.filter}
          errors={{}}
        />
        <button type="submit" class="button secondary">
          {w.filter}
        </button>
      </form>
      <DemandTable view={view} demand={props.demand} />
      <div class="columns">
        <section aria-labelledby="prospect-list">
          <h2 id="prospect-list">{w.title}</h2>
          {props.prospects.length === 0 ? (
            <p class="empty">{w.none}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{w.company}</th>
                  <th scope="col">{w.area}</th>
                  <th scope="col">{w.trades}</th>
                  <th scope="col">{w.stage}</th>
                  <th scope="col">{w.owner}</th>
                  <th scope="col">{w.nextAction}</th>
                </tr>
              </thead>
              <tbody>
                {props.prospects.map((p) => (
                  <tr>
                    <td>
                      <a href={`/coordinator/prospects/${p.id}`}>{p.company}</a>
                    </td>
                    <td>{p.area.name}</td>
                    <td>{trades(view, p.trades)}</td>
                    <td>{w.stages[p.stage]}</td>
                    <td>{p.owner.name}</td>
                    <td>{p.nextActionOn ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section class="card" aria-labelledby="new-prospect">
          <h2 id="new-prospect">{w.newProspect}</h2>
          <ErrorSummary view={view} errors={errors} />
          <PostForm view={view} action="/coordinator/prospects">
            <TextField
              name="company"
              label={w.company}
              maxlength={120}
              values={values}
              errors={errors}
              required
            />
            <SelectField
              name="place.prefCode"
              label={w.prefecture}
              options={props.prefectures}
              placeholder=""
              values={values}
              errors={errors}
              required
            />
            <TextField name="place.name" label={w.municipality} values={values} errors={errors} required />
            <ChoiceGroup
              name="trades"
              label={w.trades}
              options={Object.keys(JOB_CATEGORIES).map((k) => ({
                value: k,
                label: labelOf(JOB_CATEGORIES, k, view.lang),
              }))}
              values={values}
              errors={errors}
              multiple
              required
            />
            <TextField name="contact" label={w.contact} maxlength={200} values={values} errors={errors} />
            <TextField
              name="source"
              label={w.source}
              hint={w.sourceHint}
              maxlength={200}
              values={values}
              errors={errors}
              required
            />
            <SelectField
              name="ownerId"
              label={w.owner}
              options={props.owners}
              values={values}
              errors={errors}
            />
            <TextField name="nextActionOn" type="date" label={w.nextAction} values={values} errors={errors} />
            <SubmitButton label={w.add} />
          </PostForm>
        </section>
      </div>
    </>
  );
}

/** The invitation card: the link just made (shown once), or the button to make one, or the link to the organisation. */
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

type Invitation = { link: string; expiresAt: string };

function ProspectPage(props: {
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
        <dd>{trades(view, p.trades)}</dd>
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

async function renderList(c: Context<AppEnv>, values: FormValues, errors: FieldErrors = {}) {
  const { prospects, areas } = c.var.services;
  const query = ProspectQuerySchema.safeParse(
    Object.fromEntries(
      ['stage', 'prefCode', 'ownerId'].flatMap((k) => (c.req.query(k) ? [[k, c.req.query(k)]] : [])),
    ),
  );
  const filter = query.success ? query.data : {};
  const [list, pipeline, prefectures, owners, demand] = await Promise.all([
    prospects.list({
      ...(filter.stage ? { stage: filter.stage } : {}),
      ...(filter.prefCode ? { prefCode: filter.prefCode } : {}),
      ...(filter.ownerId ? { ownerId: filter.ownerId } : {}),
    }),
    prospects.pipeline(),
    prefectureOptions(areas),
    prospects.owners(),
    filter.prefCode ? prospects.demand(filter.prefCode, DEMAND_MIN_ROLES) : undefined,
  ]);
  return render(
    c,
    (view) => ({
      title: view.m.outreach.prospects.title,
      wide: true,
      body: (
        <ProspectsPage
          view={view}
          prospects={list}
          pipeline={pipeline}
          demand={demand}
          prefectures={prefectures}
          owners={owners.map((o) => ({ value: o.id, label: o.name }))}
          filter={formValues(filter)}
          values={values}
          errors={errors}
        />
      ),
    }),
    Object.keys(errors).length ? 422 : 200,
  );
}

async function renderOne(c: Context<AppEnv>, id: string, errors: FieldErrors = {}, invitation?: Invitation) {
  const detail = await c.var.services.prospects.detail(id);
  return render(
    c,
    (view) => ({
      title: detail.prospect.company,
      wide: true,
      body: (
        <ProspectPage view={view} detail={detail} errors={errors} {...(invitation ? { invitation } : {})} />
      ),
    }),
    Object.keys(errors).length ? 422 : 200,
  );
}

export const prospectPages = newPageRouter()
  .get('/coordinator/prospects', requirePage(ACCESS.developProspects), (c) =>
    renderList(c, formValues({ ownerId: requireActor(c).userId })),
  )
  .post('/coordinator/prospects', requirePage(ACCESS.developProspects), async (c) => {
    const values = await readForm(c);
    const m = messagesOf(c);
    const place = await resolvePlace(c.var.services.areas, m, 'place', typedPlace(values, 'place'));
    const contact = values.text('contact')?.trim();
    const nextActionOn = values.text('nextActionOn')?.trim();
    const ownerId = values.text('ownerId')?.trim();
    const input = validate(
      ProspectInputSchema,
      {
        company: values.text('company') ?? '',
        areaCode: place.ok ? place.area.code : '000000',
        trades: values.all('trades'),
        ...(contact ? { contact } : {}),
        source: values.text('source') ?? '',
        ...(ownerId ? { ownerId } : {}),
        ...(nextActionOn ? { nextActionOn } : {}),
      },
      m,
    );
    const errors = { ...(input.ok ? {} : input.errors), ...(place.ok ? {} : { [place.field]: place.error }) };
    delete errors.areaCode;
    if (!input.ok || !place.ok) return renderList(c, values, errors);
    try {
      const prospect = await c.var.services.prospects.create(requireActor(c), input.value);
      return redirectWithNotice(c, `/coordinator/prospects/${prospect.id}`, m.outreach.prospects.added);
    } catch (error) {
      const fieldErrors = fieldErrorsOf(error, m);
      if (fieldErrors) return renderList(c, values, fieldErrors);
      throw error;
    }
  })
  .get('/coordinator/prospects/:id', requirePage(ACCESS.developProspects), (c) =>
    renderOne(c, c.req.param('id')),
  )
  .post('/coordinator/prospects/:id/invitation', requirePage(ACCESS.developProspects), async (c) => {
    const id = c.req.param('id');
    const invitation = await c.var.services.prospects.invite(requireActor(c), id);
    // Shown on this answer only: the link's secret is not stored, so it cannot be shown again.
    return renderOne(c, id, {}, invitation);
  })
  .get('/join/:token', async (c) => {
    const token = c.req.param('token');
    const invitation = await c.var.services.prospects.invitation(token);
    const actor = c.var.actor;
    return render(
      c,
      (view) => {
        const w = view.m.outreach.join;
        if (!invitation)
          return {
            title: w.invalidTitle,
            body: (
              <>
                <h1>{w.invalidTitle}</h1>
                <p>{w.invalid}</p>
              </>
            ),
          };
        const here = `/join/${encodeURIComponent(token)}`;
        return {
          title: w.title(invitation.company),
          body: (
            <>
              <h1>{w.title(invitation.company)}</h1>
              <p class="lead">{w.lead}</p>
              {!actor ? (
                <>
                  <ol>
                    {w.steps.map((step) => (
                      <li>{step}</li>
                    ))}
                  </ol>
                  <p>
                    <a class="button" href="/sign-up">
                      {w.signUp}
                    </a>{' '}
                    <a class="button secondary" href={`/sign-in?next=${encodeURIComponent(here)}`}>
                      {w.signIn}
                    </a>
                  </p>
                </>
              ) : !admits(ACCESS.acceptInvitation, actor) ? (
                <p>{w.onlyEmployers}</p>
              ) : !actor.organisationId ? (
                <>
                  <p>{w.needOrganisation}</p>
                  <a class="button" href="/employer/organisation">
                    {w.registerOrganisation}
                  </a>
                </>
              ) : (
                <PostForm view={view} action={here}>
                  <SubmitButton label={w.accept} />
                </PostForm>
              )}
            </>
          ),
        };
      },
      invitation ? 200 : 404,
    );
  })
  .post('/join/:token', requirePage(ACCESS.acceptInvitation), async (c) => {
    const accepted = await c.var.services.prospects.acceptInvitation(requireActor(c), c.req.param('token'));
    return redirectWithNotice(c, '/employer/roles', messagesOf(c).outreach.join.accepted(accepted.company));
  })
  .post('/coordinator/prospects/:id/stage', requirePage(ACCESS.developProspects), async (c) => {
    const values = await readForm(c);
    const m = messagesOf(c);
    const id = c.req.param('id');
    const note = values.text('stageNote')?.trim();
    const input = validate(
      ProspectStageInputSchema,
      { stage: values.text('stage') ?? '', ...(note ? { note } : {}) },
      m,
    );
    if (!input.ok) return renderOne(c, id, input.errors);
    await c.var.services.prospects.move(requireActor(c), id, input.value);
    return redirectWithNotice(c, `/coordinator/prospects/${id}`, m.outreach.prospects.moved);
  })
  .post('/coordinator/prospects/:id/notes', requirePage(ACCESS.developProspects), async (c) => {
    const values = await readForm(c);
    const m = messagesOf(c);
    const id = c.req.param('id');
    const nextActionOn = values.text('nextActionOn')?.trim();
    const input = validate(
      ProspectNoteInputSchema,
      { note: values.text('note') ?? '', ...(nextActionOn ? { nextActionOn } : {}) },
      m,
    );
    if (!input.ok) return renderOne(c, id, input.errors);
    await c.var.services.prospects.note(requireActor(c), id, input.value);
    return redirectWithNotice(c, `/coordinator/prospects/${id}`, m.outreach.prospects.noted);
  });
