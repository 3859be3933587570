/**
 * Browsing hometown jobs: search with filters and facets (anyone; ranked for her when a member
 * is signed in), one published role, and her recommended roles (`/api/members/me/recommendations`,
 * the same search ranked for her without words).
 */
import { requireActor } from '../../http/env.ts';
import { defineRoute, jsonResponse } from '../../http/route.ts';
import { newRouter } from '../../http/router.ts';
import { RankQuerySchema } from '../matches/match.schemas.ts';
import { RoleSchema } from '../roles/role.schemas.ts';
import { ACCESS } from '../shared/access.ts';
import { IdParamSchema } from '../shared/common.schemas.ts';
import { JobSearchQuerySchema, JobSearchResultSchema } from './job-search.schemas.ts';

const tags = ['Jobs'];

const searchRoute = defineRoute(ACCESS.publicInformation, {
  method: 'get',
  path: '/',
  tags,
  summary: 'Search published roles; for a signed-in member, ranked for her with reasons',
  request: { query: JobSearchQuerySchema },
  responses: {
    200: jsonResponse(JobSearchResultSchema, 'Roles, facet counts, and whether search is degraded'),
  },
});

const getJobRoute = defineRoute(ACCESS.publicInformation, {
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'One published role',
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(RoleSchema, 'The role') },
});

const recommendationsRoute = defineRoute(ACCESS.ownMatches, {
  method: 'get',
  path: '/members/me/recommendations',
  tags: ['Matches'],
  summary: 'Her hometown roles ranked for her, each with its reasons (404 until she has a profile)',
  request: { query: RankQuerySchema },
  responses: { 200: jsonResponse(JobSearchResultSchema, 'Ranked roles') },
});

export const jobRoutes = newRouter()
  .openapi(searchRoute, async (c) =>
    c.json(await c.var.services.jobs.search(c.get('actor'), c.req.valid('query')), 200),
  )
  .openapi(getJobRoute, async (c) =>
    c.json(await c.var.services.roles.getPublished(c.req.valid('param').id), 200),
  );

/** Her recommendations, mounted under `/api` (its path starts at `/members/me`). */
export const recommendationRoutes = newRouter().openapi(recommendationsRoute, async (c) =>
  c.json(await c.var.services.jobs.recommendations(requireActor(c), c.req.valid('query')), 200),
);
