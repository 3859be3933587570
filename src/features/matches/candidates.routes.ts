/**
 * A coordinator's ranked members for a role, with reasons. (A member's recommended roles are in
 * `search/jobs.routes.ts`, beside browsing.)
 */
import { requireActor } from '../../http/env.ts';
import { defineRoute, jsonResponse } from '../../http/route.ts';
import { newRouter } from '../../http/router.ts';
import { ACCESS } from '../shared/access.ts';
import { IdParamSchema } from '../shared/common.schemas.ts';
import { CandidateListSchema, RankQuerySchema } from './match.schemas.ts';

const candidatesRoute = defineRoute(ACCESS.reviewMatches, {
  method: 'get',
  path: '/roles/{id}/candidates',
  tags: ['Matches'],
  summary: 'Members ranked for a role, both sides scored and explained',
  request: { params: IdParamSchema, query: RankQuerySchema },
  responses: { 200: jsonResponse(CandidateListSchema, 'Ranked members') },
});

export const candidateRoutes = newRouter().openapi(candidatesRoute, async (c) =>
  c.json(
    await c.var.services.candidates.forRole(requireActor(c), c.req.valid('param').id, c.req.valid('query')),
    200,
  ),
);
