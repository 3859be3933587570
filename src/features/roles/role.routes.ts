/**
 * Routes for managing job roles: list, create, read, replace, delete (drafts), publish, renew, close.
 * Employers act on their organisation's roles only; coordinators and admins may read any.
 */
import { z } from '@hono/zod-openapi';
import { requireActor } from '../../http/env.ts';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';
import { newRouter } from '../../http/router.ts';
import { etagOf, expectedVersionOf, IfMatchHeaderSchema } from '../../http/versions.ts';
import { ACCESS } from '../shared/access.ts';
import { IdParamSchema, listResponse, PageQuerySchema } from '../shared/common.schemas.ts';
import { RoleInputSchema, RoleSchema } from './role.schemas.ts';

const tags = ['Roles'];
const RoleListSchema = listResponse(RoleSchema, 'RoleList');

const listRoute = defineRoute(ACCESS.readRoles, {
  method: 'get',
  path: '/',
  tags,
  summary: 'Roles: an employer’s own organisation’s, or (staff) any organisation’s',
  request: {
    query: PageQuerySchema.extend({
      status: z.enum(['draft', 'published', 'closed']).optional(),
      organisationId: z.uuid().optional().openapi({ description: 'Staff only; ignored for employers' }),
    }),
  },
  responses: { 200: jsonResponse(RoleListSchema, 'Roles, most recently changed first') },
});

const createRoleRoute = defineRoute(ACCESS.manageRoles, {
  method: 'post',
  path: '/',
  tags,
  summary: 'Create a role as a draft',
  request: jsonBody(RoleInputSchema),
  responses: { 201: jsonResponse(RoleSchema, 'Created (draft)') },
});

const getRoleRoute = defineRoute(ACCESS.readRoles, {
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'One role',
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(RoleSchema, 'The role') },
});

const updateRoleRoute = defineRoute(ACCESS.manageRoles, {
  method: 'put',
  path: '/{id}',
  tags,
  summary: 'Replace a draft or published role (facts keep their verification when unchanged)',
  description:
    'Send `If-Match` with the ETag (or `version`) of the role you edited: if it changed meanwhile, 409 names the fields that differ instead of overwriting them.',
  request: { params: IdParamSchema, headers: IfMatchHeaderSchema, ...jsonBody(RoleInputSchema) },
  responses: { 200: jsonResponse(RoleSchema, 'Updated') },
});

const deleteRoleRoute = defineRoute(ACCESS.manageRoles, {
  method: 'delete',
  path: '/{id}',
  tags,
  summary: 'Delete a draft',
  request: { params: IdParamSchema },
  responses: { 204: { description: 'Deleted' } },
});

const publishRoute = defineRoute(ACCESS.manageRoles, {
  method: 'post',
  path: '/{id}/publish',
  tags,
  summary: 'Publish a draft (the organisation must be verified)',
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(RoleSchema, 'Published') },
});

const renewRoute = defineRoute(ACCESS.manageRoles, {
  method: 'post',
  path: '/{id}/renew',
  tags,
  summary:
    'Renew a published ad: it runs the whole period again from now (and is back in search if it expired)',
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(RoleSchema, 'Renewed; expiresAt is the new date') },
});

const closeRoute = defineRoute(ACCESS.manageRoles, {
  method: 'post',
  path: '/{id}/close',
  tags,
  summary: 'Close a draft or published role (final)',
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(RoleSchema, 'Closed') },
});

export const roleRoutes = newRouter()
  .openapi(listRoute, async (c) =>
    c.json(await c.var.services.roles.list(requireActor(c), c.req.valid('query')), 200),
  )
  .openapi(createRoleRoute, async (c) =>
    c.json(await c.var.services.roles.create(requireActor(c), c.req.valid('json')), 201),
  )
  .openapi(getRoleRoute, async (c) => {
    const role = await c.var.services.roles.get(requireActor(c), c.req.valid('param').id);
    c.header('ETag', etagOf(role.version));
    return c.json(role, 200);
  })
  .openapi(updateRoleRoute, async (c) => {
    const expectedVersion = expectedVersionOf(c.req.valid('header')['if-match']);
    const role = await c.var.services.roles.update(
      requireActor(c),
      c.req.valid('param').id,
      c.req.valid('json'),
      expectedVersion === undefined ? {} : { expectedVersion },
    );
    c.header('ETag', etagOf(role.version));
    return c.json(role, 200);
  })
  .openapi(deleteRoleRoute, async (c) => {
    await c.var.services.roles.remove(requireActor(c), c.req.valid('param').id);
    return c.body(null, 204);
  })
  .openapi(publishRoute, async (c) =>
    c.json(await c.var.services.roles.publish(requireActor(c), c.req.valid('param').id), 200),
  )
  .openapi(renewRoute, async (c) =>
    c.json(await c.var.services.roles.renew(requireActor(c), c.req.valid('param').id), 200),
  )
  .openapi(closeRoute, async (c) =>
    c.json(await c.var.services.roles.close(requireActor(c), c.req.valid('param').id), 200),
  );
