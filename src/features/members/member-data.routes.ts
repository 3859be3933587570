/**
 * Her data over HTTP: download everything kept about her, and delete her account with it.
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requireActor } from '../../http/env.ts';
import { defineRoute, errorContent, jsonBody, jsonResponse } from '../../http/route.ts';
import { newRouter } from '../../http/router.ts';
import { clearSessionCookie } from '../../http/session-cookie.ts';
import { PASSWORD_ROUTE_NOTE } from '../auth/auth.routes.ts';
import { NoteSchema, StageChangeSchema } from '../coordination/coordination.schemas.ts';
import { FavouriteSchema } from '../favourites/favourite.schemas.ts';
import { MatchSchema } from '../matches/match.schemas.ts';
import { NotificationSchema } from '../notifications/notification.routes.ts';
import { SavedSearchSchema } from '../saved-searches/saved-search.schemas.ts';
import { SensitiveSchema } from '../sensitive/sensitive.ts';
import { ACCESS } from '../shared/access.ts';
import { MemberProfileSchema } from './member.schemas.ts';

const tags = ['Members'];

export const MemberDataSchema = z
  .object({
    exportedAt: z.string(),
    account: z.object({ email: z.string(), displayName: z.string() }),
    profile: MemberProfileSchema.nullable(),
    matches: z.array(MatchSchema),
    notifications: z.array(NotificationSchema),
    supportStageHistory: z.array(StageChangeSchema),
    consultationNotes: z.array(NoteSchema),
    sensitive: SensitiveSchema.nullable(),
    favourites: z.array(FavouriteSchema.omit({ role: true })),
    savedSearches: z.array(SavedSearchSchema),
  })
  .openapi('MemberData');

export const DeletionInputSchema = z
  .object({ password: z.string().min(1).max(200) })
  .openapi('AccountDeletion');

/** Makes the export a file download named by its day (the API and the web page alike). */
export function namedAsDownload(c: Context, exportedAt: string) {
  c.header('content-disposition', `attachment; filename="yorisoi-data-${exportedAt.slice(0, 10)}.json"`);
}

const exportRoute = defineRoute(ACCESS.ownProfile, {
  method: 'get',
  path: '/me/export',
  tags,
  summary: 'Everything Yorisoi keeps about her, as one JSON document (a download)',
  responses: { 200: jsonResponse(MemberDataSchema, 'Her data') },
});

const deleteRoute = defineRoute(ACCESS.ownProfile, {
  method: 'post',
  path: '/me/deletion',
  tags,
  summary: 'Delete her account and everything kept about her; asks for her password again',
  description: PASSWORD_ROUTE_NOTE,
  request: jsonBody(DeletionInputSchema),
  responses: {
    204: { description: 'Deleted; the session is gone too' },
    429: errorContent('Too many password attempts; wait the Retry-After seconds'),
    503: errorContent('Busy checking passwords; try again after the Retry-After seconds'),
  },
});

export const memberDataRoutes = newRouter()
  .openapi(exportRoute, async (c) => {
    const data = await c.var.services.memberData.export(requireActor(c));
    namedAsDownload(c, data.exportedAt);
    return c.json(data, 200);
  })
  .openapi(deleteRoute, async (c) => {
    await c.var.services.memberData.erase(
      requireActor(c),
      c.req.valid('json').password,
      c.var.clientAddress ?? '',
    );
    clearSessionCookie(c);
    return c.body(null, 204);
  });
