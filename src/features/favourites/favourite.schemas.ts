/**
 * Favourite (kept role) shapes. A kept role that has left search stays in her list with why
 * (closed by the employer, expired, or no longer offered) and when, instead of vanishing.
 */
import { z } from '@hono/zod-openapi';
import { RoleSchema } from '../roles/role.schemas.ts';

export const FAVOURITE_STATES = ['open', 'closed', 'expired', 'unavailable'] as const;

export const FavouriteSchema = z
  .object({
    roleId: z.uuid(),
    keptAt: z.string(),
    title: z.string(),
    organisationName: z.string(),
    state: z.enum(FAVOURITE_STATES).openapi({
      description:
        "'open': still in search; 'closed': the employer closed it; 'expired': its ad ran out; 'unavailable': not offered for now",
    }),
    endedAt: z.string().nullable().openapi({ description: 'When it closed or expired' }),
    interested: z.boolean().openapi({ description: 'She already said she is interested (応募済み)' }),
    role: RoleSchema.optional().openapi({ description: 'The role while it is open' }),
  })
  .openapi('Favourite');

export const FavouriteListSchema = z
  .object({ items: z.array(FavouriteSchema), total: z.number().int() })
  .openapi('FavouriteList');

export const RoleIdParamSchema = z.object({
  roleId: z
    .uuid()
    .openapi({ param: { name: 'roleId', in: 'path' }, example: '3f1c2a8e-4b1d-4c55-9a43-1b2c3d4e5f60' }),
});

export type Favourite = z.infer<typeof FavouriteSchema>;
