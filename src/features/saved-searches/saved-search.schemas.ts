/**
 * Saved search shapes. The search itself is a query string of GET /api/jobs (what the search
 * page's address holds); it is validated by that route's own schema and stored in a canonical
 * form, so every filter the search understands is kept, today's and any added later.
 */
import { z } from '@hono/zod-openapi';

export const FREQUENCIES = ['daily', 'weekly'] as const;

const NameSchema = z.string().trim().min(1).max(100).openapi({ example: '港北区の事務・平日昼' });

export const SavedSearchInputSchema = z
  .object({
    name: NameSchema,
    query: z.string().max(2000).openapi({
      description: 'The search as the query string of GET /api/jobs (paging and language are dropped)',
      example: 'q=事務&prefCode=14&fitsAvailability=true',
    }),
    frequency: z.enum(FREQUENCIES).default('weekly').openapi({ description: 'How often new jobs are sent' }),
  })
  .strict()
  .openapi('SavedSearchInput');

export const SavedSearchUpdateSchema = z
  .object({ name: NameSchema, frequency: z.enum(FREQUENCIES) })
  .strict()
  .openapi('SavedSearchUpdate');

export const SavedSearchSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    query: z.string().openapi({ description: 'Canonical query string of GET /api/jobs' }),
    frequency: z.enum(FREQUENCIES),
    createdAt: z.string(),
    lastAlertAt: z.string().nullable().openapi({ description: 'When new jobs were last sent' }),
    nextAlertAt: z.string(),
  })
  .openapi('SavedSearch');

export const SavedSearchListSchema = z
  .object({ items: z.array(SavedSearchSchema) })
  .openapi('SavedSearchList');

export type SavedSearch = z.infer<typeof SavedSearchSchema>;
export type SavedSearchInput = z.input<typeof SavedSearchInputSchema>;
export type SavedSearchUpdate = z.infer<typeof SavedSearchUpdateSchema>;
