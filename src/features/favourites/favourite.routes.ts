/**
 * Routes for a member's favourites (kept roles): list, keep, put away. Keeping and putting away
 * are idempotent (PUT and DELETE on the kept role), and only ever touch the caller's own list.
 */
import { requireActor } from '../../http/env.ts';
import { defineRoute, jsonResponse } from '../../http/route.ts';
import { newRouter } from '../../http/router.ts';
import { ACCESS } from '../shared/access.ts';
import { FavouriteListSchema, FavouriteSchema, RoleIdParamSchema } from './favourite.schemas.ts';

const tags = ['Favourites'];

const listRoute = defineRoute(ACCESS.favourites, {
  method: 'get',
  path: '/members/me/favourites',
  tags,
  summary: 'Her kept roles, newest first; a role that closed or expired stays, saying so',
  responses: { 200: jsonResponse(FavouriteListSchema, 'Kept roles') },
});

const keepRoute = defineRoute(ACCESS.favourites, {
  method: 'put',
  path: '/members/me/favourites/{roleId}',
  tags,
  summary: 'Keep a published role (keeping it again changes nothing)',
  request: { params: RoleIdParamSchema },
  responses: { 200: jsonResponse(FavouriteSchema, 'Kept') },
});

const unkeepRoute = defineRoute(ACCESS.favourites, {
  method: 'delete',
  path: '/members/me/favourites/{roleId}',
  tags,
  summary: 'Put a kept role away (nothing to put away is fine too; an unknown role is a 404)',
  request: { params: RoleIdParamSchema },
  responses: { 204: { description: 'Not kept' } },
});

export const favouriteRoutes = newRouter()
  .openapi(listRoute, async (c) => c.json(await c.var.services.favourites.list(requireActor(c)), 200))
  .openapi(keepRoute, async (c) =>
    c.json(await c.var.services.favourites.keep(requireActor(c), c.req.valid('param').roleId), 200),
  )
  .openapi(unkeepRoute, async (c) => {
    await c.var.services.favourites.unkeep(requireActor(c), c.req.valid('param').roleId);
    return c.body(null, 204);
  });
