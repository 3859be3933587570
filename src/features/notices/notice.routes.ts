/**
 * Area notices over HTTP: staff publish, list (with reach and read counts) and withdraw; a member
 * lists the current notices for her places and marks one opened. Handlers only translate.
 */
import { z } from '@hono/zod-openapi';
import { requireActor } from '../../http/env.ts';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';
import { newRouter } from '../../http/router.ts';
import { ACCESS } from '../shared/access.ts';
import { IdParamSchema } from '../shared/common.schemas.ts';
import { MemberNoticeSchema, NoticeInputSchema, StaffNoticeSchema } from './notice.schemas.ts';

const tags = ['Area notices'];

const publishRoute = defineRoute(ACCESS.publishNotices, {
  method: 'post',
  path: '/notices',
  tags,
  summary:
    'Publish a notice for some places (where members live, plan to move, or either), optionally for some stages or children’s ages',
  request: jsonBody(NoticeInputSchema),
  responses: { 201: jsonResponse(StaffNoticeSchema, 'The notice, with whom it reaches today') },
});

const listRoute = defineRoute(ACCESS.publishNotices, {
  method: 'get',
  path: '/notices',
  tags,
  summary: 'Notices, newest first, with how many members each reaches and how many opened it (never who)',
  responses: { 200: jsonResponse(z.object({ items: z.array(StaffNoticeSchema) }), 'Notices') },
});

const withdrawRoute = defineRoute(ACCESS.publishNotices, {
  method: 'post',
  path: '/notices/{id}/withdraw',
  tags,
  summary: 'Take a notice down at once',
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(StaffNoticeSchema, 'The notice') },
});

const mineRoute = defineRoute(ACCESS.ownNotices, {
  method: 'get',
  path: '/members/me/notices',
  tags,
  summary: 'The current notices for her places, soonest ending first',
  responses: { 200: jsonResponse(z.object({ items: z.array(MemberNoticeSchema) }), 'Her notices') },
});

const readRoute = defineRoute(ACCESS.ownNotices, {
  method: 'post',
  path: '/notices/{id}/read',
  tags,
  summary: 'She opened a notice for her places (counted once)',
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(MemberNoticeSchema, 'The notice') },
});

export const noticeRoutes = newRouter()
  .openapi(publishRoute, async (c) =>
    c.json(await c.var.services.notices.publish(requireActor(c), c.req.valid('json')), 201),
  )
  .openapi(listRoute, async (c) => c.json({ items: await c.var.services.notices.list() }, 200))
  .openapi(withdrawRoute, async (c) =>
    c.json(await c.var.services.notices.withdraw(requireActor(c), c.req.valid('param').id), 200),
  )
  .openapi(mineRoute, async (c) => c.json({ items: await c.var.services.notices.mine(requireActor(c)) }, 200))
  .openapi(readRoute, async (c) =>
    c.json(await c.var.services.notices.open(requireActor(c), c.req.valid('param').id), 200),
  );
