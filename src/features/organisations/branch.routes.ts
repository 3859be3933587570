/**
 * Routes for the employer's branches (拠点): list, add, change, remove. Each acts on her own
 * organisation's branches only; another organisation's branch id is a 404.
 */
import { requireActor } from '../../http/env.ts';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';
import { newRouter } from '../../http/router.ts';
import { ACCESS } from '../shared/access.ts';
import { IdParamSchema } from '../shared/common.schemas.ts';
import { BranchInputSchema, BranchListSchema, BranchSchema } from './branch.schemas.ts';

const tags = ['Organisations'];

const listRoute = defineRoute(ACCESS.ownOrganisation, {
  method: 'get',
  path: '/me/branches',
  tags,
  summary: 'Her organisation’s branches, and whether members see it as a 全国企業',
  responses: { 200: jsonResponse(BranchListSchema, 'Branches by prefecture') },
});

const createRoute = defineRoute(ACCESS.ownOrganisation, {
  method: 'post',
  path: '/me/branches',
  tags,
  summary: 'Add a branch (a place the organisation hires at, to choose as a role’s location)',
  request: jsonBody(BranchInputSchema),
  responses: { 201: jsonResponse(BranchSchema, 'Added') },
});

const updateRoute = defineRoute(ACCESS.ownOrganisation, {
  method: 'put',
  path: '/me/branches/{id}',
  tags,
  summary: 'Change a branch (roles already posted at it keep their locations)',
  request: { params: IdParamSchema, ...jsonBody(BranchInputSchema) },
  responses: { 200: jsonResponse(BranchSchema, 'Changed') },
});

const deleteRoute = defineRoute(ACCESS.ownOrganisation, {
  method: 'delete',
  path: '/me/branches/{id}',
  tags,
  summary: 'Remove a branch (roles posted at it keep their locations)',
  request: { params: IdParamSchema },
  responses: { 204: { description: 'Removed' } },
});

export const branchRoutes = newRouter()
  .openapi(listRoute, async (c) => c.json(await c.var.services.branches.list(requireActor(c)), 200))
  .openapi(createRoute, async (c) =>
    c.json(await c.var.services.branches.create(requireActor(c), c.req.valid('json')), 201),
  )
  .openapi(updateRoute, async (c) =>
    c.json(
      await c.var.services.branches.update(requireActor(c), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  )
  .openapi(deleteRoute, async (c) => {
    await c.var.services.branches.remove(requireActor(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
