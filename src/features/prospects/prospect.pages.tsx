/**
 * Employer development pages for coordinators (desktop): the routes of the list (prospect-list.view)
 * and of each firm's page (prospect.view) — reading their forms, validating and handing them to
 * the prospect service. The page a firm opens from its invitation is invitation.pages.tsx.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../../http/env.ts';
import { requireActor } from '../../http/env.ts';
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
import { redirectWithNotice } from '../../web/view.ts';
import { prefectureOptions, resolvePlace, typedPlace } from '../areas/place-field.tsx';
import { ACCESS } from '../shared/access.ts';
import {
  ProspectInputSchema,
  ProspectNoteInputSchema,
  ProspectQuerySchema,
  ProspectStageInputSchema,
} from './prospect.schemas.ts';
import { type Invitation, ProspectPage } from './prospect.view.tsx';
import { DEMAND_MIN_ROLES, ProspectsPage } from './prospect-list.view.tsx';

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
