/**
 * Browse-jobs request and response shapes. Pages are capped at 50 and offsets at 1,000: deeper
 * than that a person refines the search rather than paging.
 */

import { z } from '@hono/zod-openapi';
import { ExcludedCountsSchema, MatchExplanationSchema, ViolationsSchema } from '../matches/match.schemas.ts';
import { RoleSchema } from '../roles/role.schemas.ts';
import { AreaCodeSchema, EmploymentTypeSchema, QueryFlagSchema } from '../shared/common.schemas.ts';

const list = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value),
    z.array(item).max(20),
  );

const booleanFlag = QueryFlagSchema;

export const JobSearchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .default('')
    .openapi({ description: 'Words in Japanese or romaji, e.g. 事務 在宅 or jimu zaitaku' }),
  prefCode: list(z.string().regex(/^(0[1-9]|[1-3]\d|4[0-7])$/, 'Use JIS prefecture codes 01–47')).optional(),
  areaCode: list(AreaCodeSchema)
    .optional()
    .openapi({ description: 'Municipality or ward codes (a city includes its wards)' }),
  radiusKm: z.coerce.number().min(1).max(300).optional(),
  centerAreaCode: AreaCodeSchema.optional().openapi({
    description: 'Centre for radius and distance; a member’s own area by default',
  }),
  remote: list(z.enum(['none', 'hybrid', 'full'])).optional(),
  employmentType: list(EmploymentTypeSchema).optional(),
  minHourlyPay: z.coerce
    .number()
    .int()
    .min(0)
    .max(100_000)
    .optional()
    .openapi({ description: 'Pay per hour, monthly pay converted over the role’s hours' }),
  fitsAvailability: booleanFlag
    .optional()
    .openapi({ description: 'Members only: keep roles her weekly availability can hold' }),
  includeInfeasible: booleanFlag
    .optional()
    .openapi({ description: 'Members only: also list roles that cannot work for her, with why' }),
  sort: z.enum(['relevance', 'distance', 'pay', 'newest']).default('relevance'),
  lang: z.enum(['ja', 'en']).default('ja'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  offset: z.coerce.number().int().min(0).max(1000).default(0),
});

export const JobHitSchema = z
  .object({
    role: RoleSchema,
    distanceKm: z.number().optional(),
    distancePrecision: z.enum(['town', 'area']).optional().openapi({
      description:
        "'town': between her home town and the workplace's town; 'area': at least one end is a municipality's centre point, so the figure is coarse",
    }),
    match: MatchExplanationSchema.optional(),
    infeasible: ViolationsSchema.optional(),
  })
  .openapi('JobHit');

const FacetSchema = z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int() }));

export const JobSearchResultSchema = z
  .object({
    items: z.array(JobHitSchema),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    facets: z.object({ prefecture: FacetSchema, employmentType: FacetSchema, remote: FacetSchema }),
    /** True when the search engine was unreachable and the database answered. */
    degraded: z.boolean(),
    /** 'match' when ranked for the signed-in member by the matching module. */
    ranking: z.enum(['match', 'search']),
    hidden: z
      .object({
        total: z.number().int().openapi({ description: 'Roles matching her search that were left out' }),
        byReason: ExcludedCountsSchema.openapi({
          description: 'How many were left out for each hard constraint (each role counted once)',
        }),
        summary: z.string().openapi({
          example: '条件外の求人が5件あります（通勤時間が希望を超える 3件・勤務時間が合わない 2件）',
        }),
      })
      .optional()
      .openapi({
        description:
          'Signed-in member, infeasible roles not requested: what was left out and why. Ask again with includeInfeasible=true to see them (「条件外も表示」).',
      }),
  })
  .openapi('JobSearchResult');

export type JobSearchQuery = z.infer<typeof JobSearchQuerySchema>;
export type JobSearchResult = z.infer<typeof JobSearchResultSchema>;
export type JobHit = z.infer<typeof JobHitSchema>;
