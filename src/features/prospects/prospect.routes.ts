/**
 * Employer development over HTTP, for staff: prospects (create, list by stage, prefecture and
 * owner, one with its history), stage moves, dated notes, and the pipeline's figures. Handlers
 * only translate.
 */
import { z } from '@hono/zod-openapi';
import { requireActor } from '../../http/env.ts';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';
import { newRouter } from '../../http/router.ts';
import { ACCESS } from '../shared/access.ts';
import { IdParamSchema } from '../shared/common.schemas.ts';
import {
  DemandQuerySchema,
  DemandSchema,
  PipelineSchema,
  ProspectDetailSchema,
  ProspectInputSchema,
  ProspectNoteInputSchema,
  ProspectQuerySchema,
  ProspectSchema,
  ProspectStageInputSchema,
} from './prospect.schemas.ts';

const tags = ['Employer development'];

const createRoute = defineRoute(ACCESS.developProspects, {
  method: 'post',
  path: '/prospects',
  tags,
  summary: 'Record a firm to bring in (候補): company, area, trades, contact, source, owner',
  request: jsonBody(ProspectInputSchema),
  responses: { 201: jsonResponse(ProspectSchema, 'The prospect') },
});

const listRoute = defineRoute(ACCESS.developProspects, {
  method: 'get',
  path: '/prospects',
  tags,
  summary: 'Prospects by stage, prefecture and owner, the next action soonest first',
  request: { query: ProspectQuerySchema },
  responses: { 200: jsonResponse(z.object({ items: z.array(ProspectSchema) }), 'Prospects') },
});

const detailRoute = defineRoute(ACCESS.developProspects, {
  method: 'get',
  path: '/prospects/{id}',
  tags,
  summary: 'A prospect with its dated history of stage changes and notes',
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(ProspectDetailSchema, 'The prospect') },
});

const stageRoute = defineRoute(ACCESS.developProspects, {
  method: 'post',
  path: '/prospects/{id}/stage',
  tags,
  summary: 'Move a prospect to a stage (候補 → 連絡済み → 面談 → 登録 → 確認済み), with an optional note',
  request: { params: IdParamSchema, ...jsonBody(ProspectStageInputSchema) },
  responses: { 200: jsonResponse(ProspectDetailSchema, 'The prospect') },
});

const noteRoute = defineRoute(ACCESS.developProspects, {
  method: 'post',
  path: '/prospects/{id}/notes',
  tags,
  summary: 'A dated note on a prospect, with the date of the next action',
  request: { params: IdParamSchema, ...jsonBody(ProspectNoteInputSchema) },
  responses: { 201: jsonResponse(ProspectDetailSchema, 'The prospect') },
});

const pipelineRoute = defineRoute(ACCESS.developProspects, {
  method: 'get',
  path: '/prospect-pipeline',
  tags,
  summary: 'Per stage: prospects now, how many reached it, conversion to the next, median days in it',
  responses: { 200: jsonResponse(PipelineSchema, 'The pipeline') },
});

const demandRoute = defineRoute(ACCESS.developProspects, {
  method: 'get',
  path: '/prospect-pipeline/demand',
  tags,
  summary:
    'Demand without supply in a prefecture: per municipality and trade, members at stage 2+ with fewer than N published roles in reach',
  request: { query: DemandQuerySchema },
  responses: { 200: jsonResponse(DemandSchema, 'Most members first') },
});

const inviteRoute = defineRoute(ACCESS.developProspects, {
  method: 'post',
  path: '/prospects/{id}/invitations',
  tags,
  summary:
    'A registration link for the firm (30 days, once): its employer accepts it after registering, which links the prospect and moves it to 登録',
  request: { params: IdParamSchema },
  responses: {
    201: jsonResponse(
      z.object({ link: z.string(), expiresAt: z.string() }),
      'The link (shown once: only its hash is stored)',
    ),
  },
});

const acceptRoute = defineRoute(ACCESS.acceptInvitation, {
  method: 'post',
  path: '/invitations/{token}/accept',
  tags,
  summary: 'Accept a registration link for her organisation (registered first; a link works once)',
  request: {
    params: z.object({
      token: z
        .string()
        .min(16)
        .max(200)
        .openapi({ param: { name: 'token', in: 'path' }, example: 'k3JxQ9v2mP0aLr7sT1uW4yZ6bC8dE5fG' }),
    }),
  },
  responses: { 200: jsonResponse(z.object({ company: z.string() }), 'The firm the link was for') },
});

export const prospectRoutes = newRouter()
  .openapi(createRoute, async (c) =>
    c.json(await c.var.services.prospects.create(requireActor(c), c.req.valid('json')), 201),
  )
  .openapi(listRoute, async (c) => {
    const { stage, prefCode, ownerId } = c.req.valid('query');
    return c.json(
      {
        items: await c.var.services.prospects.list({
          ...(stage ? { stage } : {}),
          ...(prefCode ? { prefCode } : {}),
          ...(ownerId ? { ownerId } : {}),
        }),
      },
      200,
    );
  })
  .openapi(detailRoute, async (c) =>
    c.json(await c.var.services.prospects.detail(c.req.valid('param').id), 200),
  )
  .openapi(stageRoute, async (c) =>
    c.json(
      await c.var.services.prospects.move(requireActor(c), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  )
  .openapi(noteRoute, async (c) =>
    c.json(
      await c.var.services.prospects.note(requireActor(c), c.req.valid('param').id, c.req.valid('json')),
      201,
    ),
  )
  .openapi(inviteRoute, async (c) =>
    c.json(await c.var.services.prospects.invite(requireActor(c), c.req.valid('param').id), 201),
  )
  .openapi(acceptRoute, async (c) =>
    c.json(await c.var.services.prospects.acceptInvitation(requireActor(c), c.req.valid('param').token), 200),
  )
  .openapi(pipelineRoute, async (c) => c.json(await c.var.services.prospects.pipeline(), 200))
  .openapi(demandRoute, async (c) => {
    const { prefCode, minRoles } = c.req.valid('query');
    return c.json(await c.var.services.prospects.demand(prefCode, minRoles), 200);
  });
