/**
 * Routes for a member's saved searches: list, save, rename or change how often, delete. Each
 * acts on the caller's own searches only; another account's id is a 404.
 */
import { requireActor } from '../../http/env.ts';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';
import { newRouter } from '../../http/router.ts';
import { ACCESS } from '../shared/access.ts';
import { IdParamSchema } from '../shared/common.schemas.ts';
import {
  SavedSearchInputSchema,
  SavedSearchListSchema,
  SavedSearchSchema,
  SavedSearchUpdateSchema,
} from './saved-search.schemas.ts';

const tags = ['Saved searches'];

const listRoute = defineRoute(ACCESS.savedSearches, {
  method: 'get',
  path: '/members/me/saved-searches',
  tags,
  summary: 'Her saved searches, newest first',
  responses: { 200: jsonResponse(SavedSearchListSchema, 'Saved searches') },
});

const createRoute = defineRoute(ACCESS.savedSearches, {
  method: 'post',
  path: '/members/me/saved-searches',
  tags,
  summary: 'Save a search (the query string of GET /api/jobs) for daily or weekly new-job alerts',
  request: jsonBody(SavedSearchInputSchema),
  responses: { 201: jsonResponse(SavedSearchSchema, 'Saved; alerts hold roles published from now on') },
});

const updateRoute = defineRoute(ACCESS.savedSearches, {
  method: 'put',
  path: '/members/me/saved-searches/{id}',
  tags,
  summary: 'Rename a saved search or change how often its alert comes',
  request: { params: IdParamSchema, ...jsonBody(SavedSearchUpdateSchema) },
  responses: { 200: jsonResponse(SavedSearchSchema, 'Updated') },
});

const deleteRoute = defineRoute(ACCESS.savedSearches, {
  method: 'delete',
  path: '/members/me/saved-searches/{id}',
  tags,
  summary: 'Delete a saved search (its alerts stop)',
  request: { params: IdParamSchema },
  responses: { 204: { description: 'Deleted' } },
});

export const savedSearchRoutes = newRouter()
  .openapi(listRoute, async (c) =>
    c.json({ items: await c.var.services.savedSearches.list(requireActor(c)) }, 200),
  )
  .openapi(createRoute, async (c) =>
    c.json(await c.var.services.savedSearches.create(requireActor(c), c.req.valid('json')), 201),
  )
  .openapi(updateRoute, async (c) =>
    c.json(
      await c.var.services.savedSearches.update(
        requireActor(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      200,
    ),
  )
  .openapi(deleteRoute, async (c) => {
    await c.var.services.savedSearches.remove(requireActor(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
