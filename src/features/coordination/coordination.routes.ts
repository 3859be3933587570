/**
 * Coordinator routes around a member and a match: support stage and its history, consultation
 * notes, a match side by side, verifying a role's facts; and the audit log for admins.
 */
import { z } from '@hono/zod-openapi';
import { FLEXIBILITY_FACT_KEYS } from '../../../matching/vocabulary.ts';
import { requireActor } from '../../http/env.ts';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';
import { newRouter } from '../../http/router.ts';
import { RoleSchema } from '../roles/role.schemas.ts';
import { ACCESS } from '../shared/access.ts';
import { IdParamSchema } from '../shared/common.schemas.ts';
import {
  AuditEntrySchema,
  AuditQuerySchema,
  MatchDetailSchema,
  NoteInputSchema,
  NoteSchema,
  StageChangeSchema,
  StageInputSchema,
} from './coordination.schemas.ts';

const tags = ['Coordination'];

const setStageRoute = defineRoute(ACCESS.supportMembers, {
  method: 'put',
  path: '/members/{id}/stage',
  tags,
  summary: 'Assign her support stage (1–5), with a reason; kept as history',
  request: { params: IdParamSchema, ...jsonBody(StageInputSchema) },
  responses: {
    200: jsonResponse(z.object({ items: z.array(StageChangeSchema) }), 'Her stage history, latest first'),
  },
});

const stageHistoryRoute = defineRoute(ACCESS.supportMembers, {
  method: 'get',
  path: '/members/{id}/stage',
  tags,
  summary: 'Her support stage history',
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(z.object({ items: z.array(StageChangeSchema) }), 'Latest first') },
});

const addNoteRoute = defineRoute(ACCESS.supportMembers, {
  method: 'post',
  path: '/members/{id}/notes',
  tags,
  summary: 'Record a consultation: date, topic, what was said, next step',
  request: { params: IdParamSchema, ...jsonBody(NoteInputSchema) },
  responses: { 201: jsonResponse(NoteSchema, 'The note') },
});

const notesRoute = defineRoute(ACCESS.supportMembers, {
  method: 'get',
  path: '/members/{id}/notes',
  tags,
  summary: 'Her consultation notes, latest first',
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(z.object({ items: z.array(NoteSchema) }), 'Notes') },
});

const matchDetailRoute = defineRoute(ACCESS.reviewMatches, {
  method: 'get',
  path: '/matches/{id}',
  tags,
  summary: 'A match with her profile, the role and the score breakdown side by side, and its history',
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(MatchDetailSchema, 'The match') },
});

const verifyFactRoute = defineRoute(ACCESS.reviewMatches, {
  method: 'post',
  path: '/roles/{id}/facts/{fact}/verification',
  tags,
  summary: 'Mark a flexibility fact the employer stated as checked',
  request: {
    params: IdParamSchema.extend({
      fact: z.enum(FLEXIBILITY_FACT_KEYS).openapi({ param: { name: 'fact', in: 'path' } }),
    }),
  },
  responses: { 200: jsonResponse(RoleSchema, 'The role with the fact verified') },
});

const auditRoute = defineRoute(ACCESS.readAudit, {
  method: 'get',
  path: '/audit',
  tags,
  summary: 'The append-only audit log, newest first',
  request: { query: AuditQuerySchema },
  responses: { 200: jsonResponse(z.object({ items: z.array(AuditEntrySchema) }), 'Entries') },
});

export const coordinationRoutes = newRouter()
  .openapi(setStageRoute, async (c) =>
    c.json(
      {
        items: await c.var.services.coordination.setStage(
          requireActor(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
      },
      200,
    ),
  )
  .openapi(stageHistoryRoute, async (c) =>
    c.json({ items: await c.var.services.coordination.stageHistory(c.req.valid('param').id) }, 200),
  )
  .openapi(addNoteRoute, async (c) =>
    c.json(
      (await c.var.services.coordination.addNote(
        requireActor(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      )) as z.infer<typeof NoteSchema>,
      201,
    ),
  )
  .openapi(notesRoute, async (c) =>
    c.json({ items: await c.var.services.coordination.notes(c.req.valid('param').id) }, 200),
  )
  .openapi(matchDetailRoute, async (c) =>
    c.json(await c.var.services.coordination.matchDetail(requireActor(c), c.req.valid('param').id), 200),
  )
  .openapi(verifyFactRoute, async (c) => {
    const { id, fact } = c.req.valid('param');
    return c.json(await c.var.services.coordination.verifyFact(requireActor(c), id, fact), 200);
  })
  .openapi(auditRoute, async (c) =>
    c.json({ items: await c.var.services.coordination.audit(c.req.valid('query')) }, 200),
  );
