/**
 * `/health`: is the service up and can it read its database. Public, and says nothing private.
 */
import { z } from '@hono/zod-openapi';
import { defineRoute, jsonResponse } from '../../http/route.ts';
import { newRouter } from '../../http/router.ts';
import { ACCESS } from '../shared/access.ts';

const HealthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    database: z.enum(['ok', 'unavailable']),
    search: z.enum(['ok', 'catching_up', 'building', 'unavailable', 'disabled']),
    outbox: z.object({ pending: z.number().int(), oldestSeconds: z.number().nullable() }),
    time: z.string(),
  })
  .openapi('Health');

const healthRoute = defineRoute(ACCESS.publicInformation, {
  method: 'get',
  path: '/',
  tags: ['Health'],
  summary: 'Service health',
  responses: {
    200: jsonResponse(
      HealthSchema,
      'Serving; `status: degraded` when search is down, being built or catching up (the database answers)',
    ),
    503: jsonResponse(HealthSchema, 'Database unavailable'),
  },
});

export const healthRoutes = newRouter().openapi(healthRoute, async (c) => {
  const health = await c.var.services.health.check();
  return health.database === 'ok' ? c.json(health, 200) : c.json(health, 503);
});
