/**
 * An organisation's branches (拠点) as the API speaks them, and what makes it a 全国企業.
 */
import { z } from '@hono/zod-openapi';
import { AreaCodeSchema } from '../shared/common.schemas.ts';

export const BranchInputSchema = z
  .object({
    name: z.string().trim().min(1).max(60).openapi({ example: '静岡支店' }),
    areaCode: AreaCodeSchema.openapi({ description: 'The municipality or ward the branch is in' }),
    address: z.string().trim().min(1).max(120).optional().openapi({
      description: 'The street address; its town is found from it when `town` is not given',
      example: '葵区紺屋町11-1',
    }),
    town: z.string().trim().min(1).max(40).optional().openapi({
      description: 'The town (町丁目・大字) of the area (GET /api/areas/{code}/towns)',
    }),
  })
  .strict()
  .openapi('BranchInput');

export const BranchSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    area: z.object({ code: z.string(), name: z.string(), prefecture: z.string(), prefCode: z.string() }),
    address: z.string().nullable(),
    town: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Branch');

export const BranchListSchema = z
  .object({
    items: z.array(BranchSchema),
    prefectures: z.number().int().openapi({ description: 'How many prefectures the branches are in' }),
    nationalFirm: z.boolean().openapi({
      description:
        'Whether members are shown the organisation as a 全国企業: verified by a coordinator as a national company, with branches in at least 2 prefectures',
    }),
  })
  .openapi('BranchList');

export type BranchInput = z.infer<typeof BranchInputSchema>;
export type Branch = z.infer<typeof BranchSchema>;
export type BranchList = z.infer<typeof BranchListSchema>;
