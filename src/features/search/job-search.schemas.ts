/**
 * Browse-jobs request and response shapes. Pages are capped at 50 and offsets at 1,000: deeper
 * than that a person refines the search rather than paging.
 */

import { z } from '@hono/zod-openapi';
import { ExcludedCountsSchema, MatchExplanationSchema, ViolationsSchema } from '../matches/match.schemas.ts';
import { RoleSchema } from '../roles/role.schemas.ts';
import {
  AreaCodeSchema,
  EmploymentTypeSchema,
  JobCategorySchema,
  PrefCodeSchema,
  QueryFlagSchema,
} from '../shared/common.schemas.ts';
import { JOB_CONDITION_KEYS } from './job-conditions.ts';

const list = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value),
    z.array(item).max(20),
  );

const booleanFlag = QueryFlagSchema;

export const JobSearchQuerySchema = z.object({
  q: z.string().trim().max(100).default('').openapi({
    description:
      'Words in Japanese or romaji, e.g. 事務 在宅 or jimu zaitaku. Words naming an employment type (パート, 正社員), a condition (在宅, 時短, 扶養内, 週2, 土日休み, 未経験) or a trade (事務, 介護) filter on it; the rest is text',
  }),
  prefCode: list(PrefCodeSchema).optional(),
  areaCode: list(AreaCodeSchema)
    .optional()
    .openapi({ description: 'Municipality or ward codes (a city includes its wards)' }),
  radiusKm: z.coerce.number().min(1).max(300).optional(),
  centerAreaCode: AreaCodeSchema.optional().openapi({
    description: 'Centre for radius and distance; a member’s own area by default',
  }),
  centerTown: z.string().trim().min(1).max(40).optional().openapi({
    description: 'A town (町丁目・大字) of centerAreaCode as the finer centre (GET /api/areas/{code}/towns)',
    example: '大倉山三丁目',
  }),
  commuteMinutes: z.coerce.number().int().min(5).max(120).optional().openapi({
    description: 'Instead of radiusKm: as far as this many minutes of commuting reach from the centre',
  }),
  commuteMode: z.enum(['transit', 'car', 'walk_bicycle']).default('transit'),
  remote: list(z.enum(['none', 'hybrid', 'full'])).optional(),
  employmentType: list(EmploymentTypeSchema).optional(),
  category: list(JobCategorySchema)
    .optional()
    .openapi({ description: 'Trades (job categories), any of them' }),
  conditions: list(z.enum(JOB_CONDITION_KEYS)).optional().openapi({
    description:
      'Conditions every role must meet: short_time 時短OK, sick_child 急な休みOK, no_overtime 残業なし, weekends_off 土日休み, few_days 週2〜3日から, short_days 1日4時間以内, ends_by_15 / ends_by_17 終業時刻, inexperienced_ok 未経験OK, remote 在宅・一部在宅, childcare 託児所・保育手当, commute_paid 交通費支給, social_insurance 社会保険あり, within_dependent 扶養内OK',
  }),
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
  sort: z.enum(['relevance', 'distance', 'pay', 'newest']).optional().openapi({
    description:
      'Default: a member’s own ranking (relevance); for a visitor, nearest first when a centre is chosen, else relevance to her words, else newest',
  }),
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
    hometownNationalFirm: z.literal(true).optional().openapi({
      description:
        'Signed-in member: the role is a 全国企業’s, posted at a place in one of her target areas (「地元で働ける全国企業」); absent otherwise',
    }),
  })
  .openapi('JobHit');

const FacetSchema = z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int() }));

export const JobSearchResultSchema = z
  .object({
    items: z.array(JobHitSchema),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    facets: z.object({
      prefecture: FacetSchema,
      employmentType: FacetSchema,
      remote: FacetSchema,
      condition: FacetSchema.openapi({ description: 'Roles found meeting each condition' }),
    }),
    /** The order the results are in (the default resolved). */
    sort: z.enum(['relevance', 'distance', 'pay', 'newest']),
    /** What her words were read as: the structured filters they named, and the words left as text. */
    understood: z
      .object({
        text: z.string(),
        employmentTypes: z.array(EmploymentTypeSchema),
        categories: z.array(JobCategorySchema),
        conditions: z.array(z.enum(JOB_CONDITION_KEYS)),
      })
      .optional(),
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
