/**
 * Shapes of employer development: a prospect (a firm a coordinator is bringing in) with its stage,
 * owner and next action, its dated history of notes and stage changes, and the pipeline's figures
 * (how many reached each stage, conversion to the next, days spent in each).
 */
import { z } from '@hono/zod-openapi';
import {
  AreaCodeSchema,
  IsoDateSchema,
  JobCategorySchema,
  PrefCodeSchema,
} from '../shared/common.schemas.ts';

/** 候補 → 連絡済み → 面談 → 登録 → 確認済み. */
export const PROSPECT_STAGES = ['candidate', 'contacted', 'meeting', 'registered', 'verified'] as const;

export const ProspectInputSchema = z
  .object({
    company: z.string().trim().min(1).max(120).openapi({ example: '株式会社はまかぜ物流' }),
    areaCode: AreaCodeSchema,
    trades: z.array(JobCategorySchema).min(1).max(10),
    contact: z.string().trim().max(200).optional().openapi({ description: 'Whom to reach and how' }),
    source: z.string().trim().min(1).max(200).openapi({ example: '商工会議所の紹介' }),
    ownerId: z
      .uuid()
      .optional()
      .openapi({ description: 'The coordinator who owns it (the caller when left out)' }),
    nextActionOn: IsoDateSchema.optional(),
  })
  .strict()
  .openapi('ProspectInput');

export const ProspectStageInputSchema = z
  .object({
    stage: z.enum(PROSPECT_STAGES),
    note: z.string().trim().max(1000).optional(),
    nextActionOn: IsoDateSchema.optional(),
  })
  .strict()
  .openapi('ProspectStageInput');

export const ProspectNoteInputSchema = z
  .object({
    note: z.string().trim().min(1).max(1000),
    nextActionOn: IsoDateSchema.optional().openapi({ description: 'The date of the next action' }),
  })
  .strict()
  .openapi('ProspectNoteInput');

export const ProspectQuerySchema = z.object({
  stage: z.enum(PROSPECT_STAGES).optional(),
  prefCode: PrefCodeSchema.optional().openapi({ description: 'Prospects in this prefecture (JIS 01–47)' }),
  ownerId: z.uuid().optional(),
});

export const ProspectSchema = z
  .object({
    id: z.string(),
    company: z.string(),
    area: z.object({ code: z.string(), name: z.string(), prefecture: z.string() }),
    trades: z.array(z.string()),
    contact: z.string().nullable(),
    source: z.string(),
    owner: z.object({ id: z.string(), name: z.string() }),
    stage: z.enum(PROSPECT_STAGES),
    stageSince: z.string(),
    nextActionOn: z.string().nullable(),
    organisationId: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Prospect');

export const ProspectEventSchema = z
  .object({
    at: z.string(),
    author: z.string(),
    kind: z.enum(['stage', 'note']),
    fromStage: z.enum(PROSPECT_STAGES).nullable(),
    toStage: z.enum(PROSPECT_STAGES).nullable(),
    note: z.string().nullable(),
    nextActionOn: z.string().nullable(),
  })
  .openapi('ProspectEvent');

export const ProspectDetailSchema = z
  .object({ prospect: ProspectSchema, history: z.array(ProspectEventSchema) })
  .openapi('ProspectDetail');

export const PipelineSchema = z
  .object({
    stages: z.array(
      z.object({
        stage: z.enum(PROSPECT_STAGES),
        now: z.number().int().openapi({ description: 'Prospects in this stage now' }),
        reached: z.number().int().openapi({ description: 'Prospects that ever reached this stage' }),
        conversion: z
          .number()
          .nullable()
          .openapi({ description: 'Share of those that reached this stage that reached the next (0–1)' }),
        medianDaysInStage: z
          .number()
          .nullable()
          .openapi({ description: 'Median days spent in this stage before moving on' }),
      }),
    ),
  })
  .openapi('ProspectPipeline');

export const DemandQuerySchema = z.object({
  prefCode: PrefCodeSchema.openapi({ description: 'The prefecture (JIS 01–47)', example: '14' }),
  minRoles: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(3)
    .openapi({ description: 'N: rows with fewer fitting published roles in reach than this' }),
});

export const DemandSchema = z
  .object({
    prefCode: z.string(),
    minRoles: z.number().int(),
    items: z.array(
      z.object({
        areaCode: z.string(),
        areaName: z.string(),
        trade: z.string(),
        members: z
          .number()
          .int()
          .openapi({ description: 'Members at stage 2 or above with this trade here' }),
        roles: z
          .number()
          .int()
          .openapi({ description: 'Published roles of this trade here, or fully remote' }),
      }),
    ),
  })
  .openapi('DemandWithoutSupply');

export type ProspectStage = (typeof PROSPECT_STAGES)[number];
export type ProspectInput = z.infer<typeof ProspectInputSchema>;
export type Prospect = z.infer<typeof ProspectSchema>;
export type ProspectDetail = z.infer<typeof ProspectDetailSchema>;
export type Pipeline = z.infer<typeof PipelineSchema>;
