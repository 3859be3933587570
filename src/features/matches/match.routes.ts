/**
 * Ranked matches with reasons: a member's recommended roles, and a coordinator's ranked members
 * for a role. (Browsing with words and filters is `/api/jobs`.)
 */
import { requireActor } from '../../http/env.ts';
import { defineRoute, jsonResponse } from '../../http/route.ts';
import { newRouter } from '../../http/router.ts';
import { JobSearchResultSchema } from '../search/job-search.schemas.ts';
import { IdParamSchema } from '../shared/common.schemas.ts';
import { CandidateListSchema, RankQuerySchema } from './match.schemas.ts';

const recommendationsRoute = defineRoute(['member'], {
  method: 'get',
  path: '/members/me/recommendations',
  tags: ['Matches'],
  summary: 'Her hometown roles ranked for her, each with its reasons (404 until she has a profile)',
  request: { query: RankQuerySchema },
  responses: { 200: jsonResponse(JobSearchResultSchema, 'Ranked roles') },
});

const candidatesRoute = defineRoute(['coordinator', 'admin'], {
  method: 'get',
  path: '/roles/{id}/candidates',
  tags: ['Matches'],
  summary: 'Members ranked for a role, both sides scored and explained',
  request: { params: IdParamSchema, query: RankQuerySchema },
  responses: { 200: jsonResponse(CandidateListSchema, 'Ranked members') },
});

export const matchRoutes = newRouter()
  .openapi(recommendationsRoute, async (c) =>
    c.json(await c.var.services.jobs.recommendations(requireActor(c), c.req.valid('query')), 200),
  )
  .openapi(candidatesRoute, async (c) =>
    c.json(
      await c.var.services.candidates.forRole(requireActor(c), c.req.valid('param').id, c.req.valid('query')),
      200,
    ),
  );
