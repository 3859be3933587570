/**
 * Shapes of area notices: what a coordinator publishes (places, who it is for, until when), what
 * staff see of one (how many members it reaches now and how many read it — never who), and what
 * a member sees of the notices for her places.
 */
import { z } from '@hono/zod-openapi';
import { IsoDateSchema } from '../shared/common.schemas.ts';
import { rule } from '../shared/rule-codes.ts';

export const NOTICE_AUDIENCES = ['home', 'target', 'both'] as const;

export const NoticeInputSchema = z
  .object({
    title: z.string().trim().min(1).max(100).openapi({ example: '横浜市 ひとり親家庭の就労支援講座' }),
    body: z.string().trim().min(1).max(2000),
    link: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .optional()
      .openapi({ example: 'https://www.city.yokohama.lg.jp/' }),
    validUntil: IsoDateSchema.openapi({ description: 'The last day (Japan date) it is shown' }),
    areaCodes: z
      .array(z.string().regex(/^\d{6}$/))
      .min(1)
      .max(20)
      .openapi({ description: 'Prefectures, municipalities or wards it is for', example: ['141003'] }),
    audience: z.enum(NOTICE_AUDIENCES).default('both').openapi({
      description: 'Whether it reaches members living in those places, planning to move there, or either',
    }),
    stages: z
      .array(z.number().int().min(1).max(5))
      .min(1)
      .max(5)
      .optional()
      .openapi({ description: 'Only members at these support stages (all when left out)' }),
    childAges: z
      .object({
        min: z.number().int().min(0).max(18).optional(),
        max: z.number().int().min(0).max(18).optional(),
      })
      .strict()
      .refine(
        (a) => a.min === undefined || a.max === undefined || a.min <= a.max,
        rule('max_below_min', 'max must not be below min', ['max']),
      )
      .optional()
      .openapi({ description: 'Only members with a child of these ages in whole years' }),
  })
  .strict()
  .openapi('NoticeInput');

const NoticeBase = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  validUntil: z.string(),
  areas: z.array(z.object({ code: z.string(), name: z.string() })),
});

/** For staff: whom it is for, and figures only — how many it reaches and how many read it. */
export const StaffNoticeSchema = NoticeBase.extend({
  audience: z.enum(NOTICE_AUDIENCES),
  stages: z.array(z.number().int()).nullable(),
  childAges: z.object({ min: z.number().int().nullable(), max: z.number().int().nullable() }).nullable(),
  createdAt: z.string(),
  withdrawnAt: z.string().nullable(),
  current: z.boolean().openapi({ description: 'Not withdrawn and not past its last day' }),
  reached: z.number().int().openapi({ description: 'Members it reaches today' }),
  reads: z.number().int().openapi({ description: 'Members who opened it (each counted once)' }),
}).openapi('StaffNotice');

/** For her: the notice, and whether she has opened it. */
export const MemberNoticeSchema = NoticeBase.extend({ read: z.boolean() }).openapi('MemberNotice');

export type NoticeInput = z.infer<typeof NoticeInputSchema>;
export type StaffNotice = z.infer<typeof StaffNoticeSchema>;
export type MemberNotice = z.infer<typeof MemberNoticeSchema>;
export type NoticeAudience = (typeof NOTICE_AUDIENCES)[number];
