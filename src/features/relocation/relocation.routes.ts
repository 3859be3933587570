/**
 * Relocation support over HTTP: her moves (members), the planned moves per place and month, and
 * the note on one of her moves (coordinators). Handlers only translate.
 */
import { z } from '@hono/zod-openapi';
import { requireActor } from '../../http/env.ts';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';
import { newRouter } from '../../http/router.ts';
import { ACCESS } from '../shared/access.ts';
import {
  MoveNoteInputSchema,
  MoveNoteParamsSchema,
  MovePlanSchema,
  PlannedMovesSchema,
} from './relocation.schemas.ts';

const tags = ['Relocation support'];

const mineRoute = defineRoute(ACCESS.ownMoves, {
  method: 'get',
  path: '/members/me/moves',
  tags,
  summary:
    "Her planned moves: per target area, the place's notices, the roles that fit her there after the move, her coordinator's note",
  responses: { 200: jsonResponse(z.object({ items: z.array(MovePlanSchema) }), 'Her moves') },
});

const plannedRoute = defineRoute(ACCESS.planMoves, {
  method: 'get',
  path: '/moves',
  tags,
  summary: 'Members planning a move (a month or a request for support), per place and month, soonest first',
  responses: { 200: jsonResponse(z.object({ items: z.array(PlannedMovesSchema) }), 'Planned moves') },
});

const noteRoute = defineRoute(ACCESS.planMoves, {
  method: 'put',
  path: '/members/{id}/moves/{areaCode}/note',
  tags,
  summary: 'Write the note on her move to one of her target areas (she reads it on her move page)',
  request: { params: MoveNoteParamsSchema, ...jsonBody(MoveNoteInputSchema) },
  responses: {
    200: jsonResponse(z.object({ text: z.string(), writtenAt: z.string() }), 'The note as saved'),
  },
});

export const relocationRoutes = newRouter()
  .openapi(mineRoute, async (c) =>
    c.json({ items: await c.var.services.relocation.mine(requireActor(c)) }, 200),
  )
  .openapi(plannedRoute, async (c) =>
    c.json({ items: await c.var.services.relocation.planned(requireActor(c)) }, 200),
  )
  .openapi(noteRoute, async (c) => {
    const { id, areaCode } = c.req.valid('param');
    const { note } = c.req.valid('json');
    return c.json(await c.var.services.relocation.writeNote(requireActor(c), id, areaCode, note), 200);
  });
