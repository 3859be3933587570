/**
 * Routes for member profiles: her own profile and availability (`/me`), and staff reads by id.
 */
import { requireActor } from '../../http/env.ts';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';
import { newRouter } from '../../http/router.ts';
import { etagOf, expectedVersionOf, IfMatchHeaderSchema } from '../../http/versions.ts';
import { ACCESS } from '../shared/access.ts';
import { IdParamSchema } from '../shared/common.schemas.ts';
import {
  AvailabilityInputSchema,
  AvailabilitySchema,
  MemberProfileInputSchema,
  MemberProfileSchema,
} from './member.schemas.ts';

const tags = ['Members'];

const getMineRoute = defineRoute(ACCESS.ownProfile, {
  method: 'get',
  path: '/me',
  tags,
  summary: 'Her own profile (404 until she has saved one)',
  responses: { 200: jsonResponse(MemberProfileSchema, 'Her profile') },
});

const saveMineRoute = defineRoute(ACCESS.ownProfile, {
  method: 'put',
  path: '/me',
  tags,
  summary: 'Create or replace her profile',
  description:
    'Send `If-Match` with the ETag (or `version`) of the profile you edited: if it changed meanwhile, 409 names the fields that differ.',
  request: { headers: IfMatchHeaderSchema, ...jsonBody(MemberProfileInputSchema) },
  responses: { 200: jsonResponse(MemberProfileSchema, 'Saved') },
});

const getAvailabilityRoute = defineRoute(ACCESS.ownProfile, {
  method: 'get',
  path: '/me/availability',
  tags,
  summary: 'Her weekly availability',
  responses: { 200: jsonResponse(AvailabilitySchema, 'Her availability') },
});

const saveAvailabilityRoute = defineRoute(ACCESS.ownProfile, {
  method: 'put',
  path: '/me/availability',
  tags,
  summary: 'Replace her weekly availability',
  description:
    'Send `If-Match` with the ETag of her profile to refuse the change (409) if it changed meanwhile.',
  request: { headers: IfMatchHeaderSchema, ...jsonBody(AvailabilityInputSchema) },
  responses: { 200: jsonResponse(AvailabilitySchema, 'Saved') },
});

const getMemberRoute = defineRoute(ACCESS.supportMembers, {
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'A member’s profile (staff only)',
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(MemberProfileSchema, 'The profile') },
});

export const memberRoutes = newRouter()
  .openapi(getMineRoute, async (c) => {
    const profile = await c.var.services.members.mine(requireActor(c));
    c.header('ETag', etagOf(profile.version));
    return c.json(profile, 200);
  })
  .openapi(saveMineRoute, async (c) => {
    const expectedVersion = expectedVersionOf(c.req.valid('header')['if-match']);
    const profile = await c.var.services.members.saveMine(
      requireActor(c),
      c.req.valid('json'),
      expectedVersion === undefined ? {} : { expectedVersion },
    );
    c.header('ETag', etagOf(profile.version));
    return c.json(profile, 200);
  })
  .openapi(getAvailabilityRoute, async (c) =>
    c.json(await c.var.services.members.availability(requireActor(c)), 200),
  )
  .openapi(saveAvailabilityRoute, async (c) => {
    const expectedVersion = expectedVersionOf(c.req.valid('header')['if-match']);
    return c.json(
      await c.var.services.members.saveAvailability(
        requireActor(c),
        c.req.valid('json'),
        expectedVersion === undefined ? {} : { expectedVersion },
      ),
      200,
    );
  })
  .openapi(getMemberRoute, async (c) =>
    c.json(await c.var.services.members.get(requireActor(c), c.req.valid('param').id), 200),
  );
