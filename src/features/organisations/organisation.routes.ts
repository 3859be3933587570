/**
 * Routes for employer organisations: the employer's own (`/me`), and the coordinator's list,
 * read and verification of any.
 */
import { z } from '@hono/zod-openapi';
import { requireActor } from '../../http/env.ts';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';
import { newRouter } from '../../http/router.ts';
import { ACCESS } from '../shared/access.ts';
import { IdParamSchema, listResponse, PageQuerySchema } from '../shared/common.schemas.ts';
import {
  OrganisationInputSchema,
  OrganisationSchema,
  VerificationInputSchema,
} from './organisation.schemas.ts';

const tags = ['Organisations'];

const registerRoute = defineRoute(ACCESS.ownOrganisation, {
  method: 'post',
  path: '/',
  tags,
  summary: 'Register the employer’s organisation (starts unverified)',
  request: jsonBody(OrganisationInputSchema),
  responses: { 201: jsonResponse(OrganisationSchema, 'Registered') },
});

const getMineRoute = defineRoute(ACCESS.ownOrganisation, {
  method: 'get',
  path: '/me',
  tags,
  summary: 'The employer’s own organisation',
  responses: { 200: jsonResponse(OrganisationSchema, 'The organisation') },
});

const updateMineRoute = defineRoute(ACCESS.ownOrganisation, {
  method: 'put',
  path: '/me',
  tags,
  summary: 'Update the employer’s organisation (a new name or corporate number needs verifying again)',
  request: jsonBody(OrganisationInputSchema),
  responses: { 200: jsonResponse(OrganisationSchema, 'Updated') },
});

const listRoute = defineRoute(ACCESS.verifyOrganisations, {
  method: 'get',
  path: '/',
  tags,
  summary: 'Organisations, optionally by verification state (oldest first)',
  request: {
    query: PageQuerySchema.extend({ state: z.enum(['unverified', 'verified', 'rejected']).optional() }),
  },
  responses: { 200: jsonResponse(listResponse(OrganisationSchema, 'OrganisationList'), 'Organisations') },
});

const getRoute = defineRoute(ACCESS.readOrganisation, {
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'One organisation (an employer only her own)',
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(OrganisationSchema, 'The organisation') },
});

const verifyRoute = defineRoute(ACCESS.verifyOrganisations, {
  method: 'post',
  path: '/{id}/verification',
  tags,
  summary: 'Verify or reject an organisation',
  request: { params: IdParamSchema, ...jsonBody(VerificationInputSchema) },
  responses: { 200: jsonResponse(OrganisationSchema, 'The organisation with its new state') },
});

export const organisationRoutes = newRouter()
  .openapi(registerRoute, async (c) =>
    c.json(await c.var.services.organisations.register(requireActor(c), c.req.valid('json')), 201),
  )
  .openapi(getMineRoute, async (c) => c.json(await c.var.services.organisations.mine(requireActor(c)), 200))
  .openapi(updateMineRoute, async (c) =>
    c.json(await c.var.services.organisations.updateMine(requireActor(c), c.req.valid('json')), 200),
  )
  .openapi(listRoute, async (c) => c.json(await c.var.services.organisations.list(c.req.valid('query')), 200))
  .openapi(getRoute, async (c) =>
    c.json(await c.var.services.organisations.get(requireActor(c), c.req.valid('param').id), 200),
  )
  .openapi(verifyRoute, async (c) =>
    c.json(
      await c.var.services.organisations.verify(
        requireActor(c),
        c.req.valid('param').id,
        c.req.valid('json').state,
      ),
      200,
    ),
  );
