/**
 * In-app notifications: each account reads its own and marks them read.
 */
import { z } from '@hono/zod-openapi';
import { requireActor } from '../../http/env.ts';
import { defineRoute, jsonResponse } from '../../http/route.ts';
import { newRouter } from '../../http/router.ts';
import { ACCESS } from '../shared/access.ts';
import { IdParamSchema } from '../shared/common.schemas.ts';

export const NotificationSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    matchId: z.string().nullable(),
    title: z.string(),
    body: z.string(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi('Notification');

const listRoute = defineRoute(ACCESS.notifications, {
  method: 'get',
  path: '/notifications',
  tags: ['Notifications'],
  summary: 'Her (or the employer’s) notifications, newest first',
  responses: { 200: jsonResponse(z.object({ items: z.array(NotificationSchema) }), 'Notifications') },
});

const readRoute = defineRoute(ACCESS.notifications, {
  method: 'post',
  path: '/notifications/{id}/read',
  tags: ['Notifications'],
  summary: 'Mark one of your notifications read',
  request: { params: IdParamSchema },
  responses: { 204: { description: 'Marked read' } },
});

export const notificationRoutes = newRouter()
  .openapi(listRoute, async (c) =>
    c.json({ items: await c.var.services.notifications.mine(requireActor(c)) }, 200),
  )
  .openapi(readRoute, async (c) => {
    await c.var.services.notifications.markRead(requireActor(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
