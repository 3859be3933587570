/**
 * Routes for sensitive personal data: hers to share, read and withdraw; coordinators' to read,
 * audited. Nothing for employers.
 */
import { requireActor } from '../../http/env.ts';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';
import { newRouter } from '../../http/router.ts';
import { ACCESS } from '../shared/access.ts';
import { IdParamSchema } from '../shared/common.schemas.ts';
import { SensitiveInputSchema, SensitiveSchema } from './sensitive.ts';

const tags = ['Sensitive information'];

const mineRoute = defineRoute(ACCESS.ownProfile, {
  method: 'get',
  path: '/members/me/sensitive',
  tags,
  summary: 'What she shared about her family situation (404 if nothing)',
  responses: { 200: jsonResponse(SensitiveSchema, 'Her sensitive information') },
});

const shareRoute = defineRoute(ACCESS.ownProfile, {
  method: 'put',
  path: '/members/me/sensitive',
  tags,
  summary: 'Share or update it, with explicit consent (coordinators only will see it)',
  request: jsonBody(SensitiveInputSchema),
  responses: { 200: jsonResponse(SensitiveSchema, 'Saved') },
});

const withdrawRoute = defineRoute(ACCESS.ownProfile, {
  method: 'delete',
  path: '/members/me/sensitive',
  tags,
  summary: 'Withdraw consent: the information is deleted',
  responses: { 204: { description: 'Deleted' } },
});

const readRoute = defineRoute(ACCESS.supportMembers, {
  method: 'get',
  path: '/members/{id}/sensitive',
  tags,
  summary: 'Read a member’s sensitive information (every read is audited)',
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(SensitiveSchema, 'Her sensitive information') },
});

export const sensitiveRoutes = newRouter()
  .openapi(mineRoute, async (c) => c.json(await c.var.services.sensitive.mine(requireActor(c)), 200))
  .openapi(shareRoute, async (c) =>
    c.json(await c.var.services.sensitive.share(requireActor(c), c.req.valid('json')), 200),
  )
  .openapi(withdrawRoute, async (c) => {
    await c.var.services.sensitive.withdraw(requireActor(c));
    return c.body(null, 204);
  })
  .openapi(readRoute, async (c) =>
    c.json(await c.var.services.sensitive.readFor(requireActor(c), c.req.valid('param').id), 200),
  );
