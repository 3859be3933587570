/**
 * A member's profile as the API speaks it. This input shape is also what `npm run match` reads.
 * Nothing here asks what employment law says not to collect (本籍, family occupation or
 * income, beliefs); children are birth year and month only, never names.
 */
import { z } from '@hono/zod-openapi';
import {
  AreaCodeSchema,
  EmploymentTypeSchema,
  IsoDateSchema,
  JapanesePhoneSchema,
  JobCategorySchema,
  otherQualificationsSchema,
  PayUnitSchema,
  QualificationSchema,
  SkillWithLevelSchema,
  uniqueBy,
} from '../shared/common.schemas.ts';
import { rule } from '../shared/rule-codes.ts';
import { CareLimitSchema, TimeSchema, WorkWindowSchema, windowList } from '../shared/schedule.schemas.ts';

export const CHILD_CARE = [
  'nursery',
  'kindergarten',
  'school',
  'after_school_club',
  'at_home',
  'other',
] as const;
export const ChildCareSchema = z.enum(CHILD_CARE);

const PaySchema = z
  .object({ amount: z.number().int().min(1).max(100_000_000), unit: PayUnitSchema })
  .strict();

export const AvailabilityInputSchema = z
  .object({
    windows: windowList(21, WorkWindowSchema)
      .min(1, 'Give at least one time in the week you could work')
      .openapi({ description: 'When she can be working (not when she leaves home: see careLimits)' }),
    careLimits: z
      .array(CareLimitSchema)
      .max(7)
      .superRefine(uniqueBy((c) => c.day, 'day'))
      .optional()
      .openapi({
        description:
          'Per weekday: leave home not before, be home by (drop-off and pickup). The commute must fit between these and the work. Absent or empty: none.',
      }),
    maxHoursPerWeek: z.number().min(1).max(60),
    earliestStartDate: IsoDateSchema.optional(),
  })
  .strict()
  .openapi('AvailabilityInput', {
    example: {
      windows: [
        { day: 'mon', start: '09:00', end: '15:00' },
        { day: 'wed', start: '09:00', end: '15:00' },
      ],
      maxHoursPerWeek: 20,
    },
  });

/** Her plan for a move: when she can live there, and how far she would travel there. */
const RelocationPlanFields = {
  moveFrom: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use the month as YYYY-MM')
    .optional()
    .openapi({
      description:
        'The first month she can live there (YYYY-MM); roles there are judged from then on (start date, commute from there)',
      example: '2027-04',
    }),
  maxCommuteMinutes: z.number().int().min(5).max(180).optional().openapi({
    description: 'Her commute limit once she lives there; absent: the same as now',
  }),
};

/** Where she wants to go: what work, in her words, and at what pace. */
export const DirectionSchema = z
  .object({
    desiredCategories: z
      .array(JobCategorySchema)
      .max(5)
      .superRefine(uniqueBy((c) => c, 'category'))
      .default([])
      .openapi({ description: 'The kinds of work she wants, most wanted first (at most 5)' }),
    selfPr: z.string().trim().max(800).optional().openapi({
      description: 'Optional: 自己PR / what she wants to do next, in her words (read for the kind of work)',
    }),
    pace: z.enum(['career_step', 'stable_base']).optional().openapi({
      description:
        'A career step now, or a stable base first; absent: her support stage decides (1–2 a stable base, 4–5 a career step)',
    }),
  })
  .strict()
  .default({ desiredCategories: [] })
  .openapi('Direction');

const MonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use the month as YYYY-MM')
  .openapi({ example: '2019-04' });

/**
 * Her résumé (履歴書) in the parts a Japanese employer expects: work history, optionally education,
 * and (in `direction.selfPr`) her 自己PR. Shared with an employer only if she says so, and only
 * once a coordinator has introduced her.
 */
export const ResumeSchema = z
  .object({
    work: z
      .array(
        z
          .object({
            from: MonthSchema,
            to: MonthSchema.optional().openapi({ description: 'Absent: she still works there' }),
            organisation: z.string().trim().min(1).max(60),
            role: z.string().trim().max(60).optional().openapi({ description: 'What she did there' }),
          })
          .strict()
          .refine((w) => !w.to || w.to >= w.from, rule('end_after_start', 'End after the start', ['to'])),
      )
      .max(10)
      .default([]),
    education: z
      .array(
        z
          .object({
            finished: MonthSchema.openapi({ description: 'The month she finished (卒業・修了)' }),
            school: z.string().trim().min(1).max(60),
            course: z.string().trim().max(60).optional(),
          })
          .strict(),
      )
      .max(6)
      .default([]),
    shareAtIntroduction: z.boolean().default(false).openapi({
      description:
        'Share the résumé and 自己PR with the employer once a coordinator introduces her (never before)',
    }),
  })
  .strict()
  .default({ work: [], education: [], shareAtIntroduction: false })
  .openapi('Resume');

export const MemberProfileInputSchema = z
  .object({
    familyName: z.string().trim().min(1).max(40),
    givenName: z.string().trim().min(1).max(40),
    phone: JapanesePhoneSchema.optional(),
    areaCode: AreaCodeSchema.openapi({
      description: 'The municipality or ward she lives in (never a street address)',
    }),
    homeTown: z.string().trim().min(1).max(40).optional().openapi({
      description:
        'Optional: the town (町丁目・大字) of her area she lives in, e.g. 大倉山三丁目 (GET /api/areas/{code}/towns), so commutes are estimated from it rather than from the municipality centre. Never a street address.',
    }),
    targetAreas: z
      .array(
        z
          .object({ areaCode: AreaCodeSchema, needsRelocationSupport: z.boolean(), ...RelocationPlanFields })
          .strict(),
      )
      .max(10)
      .superRefine(uniqueBy((t) => t.areaCode, 'area'))
      .openapi({
        description: 'Areas she would move (back) to: U-turn / I-turn; a prefecture means anywhere in it',
      }),
    availability: AvailabilityInputSchema,
    commute: z
      .object({
        maxMinutes: z.number().int().min(5).max(180),
        mode: z.enum(['car', 'transit', 'walk_bicycle']),
      })
      .strict(),
    children: z
      .array(
        z
          .object({
            birthYear: z.number().int().min(1990).max(2100),
            birthMonth: z.number().int().min(1).max(12),
            care: ChildCareSchema.optional().openapi({
              description:
                'How the child is looked after on weekdays; absent: estimated from age (April school year)',
            }),
            pickupTime: TimeSchema.optional().openapi({
              description:
                'The real pickup or home-by time, if she gives it; otherwise only an estimate is used',
            }),
          })
          .strict(),
      )
      .max(10),
    skills: z
      .array(SkillWithLevelSchema)
      .max(30)
      .superRefine(uniqueBy((s) => s.tag, 'skill')),
    qualifications: z
      .array(QualificationSchema)
      .max(30)
      .superRefine(uniqueBy((q) => q, 'qualification')),
    otherQualifications: otherQualificationsSchema(
      'Qualifications she holds that the vocabulary does not list, as she writes them (a known name is stored under its key)',
    ),
    pay: z.object({ floor: PaySchema.optional(), wish: PaySchema.optional() }).strict(),
    employmentTypes: z
      .array(EmploymentTypeSchema)
      .max(5)
      .superRefine(uniqueBy((t) => t, 'employment type'))
      .openapi({ description: 'Types she accepts; empty means any' }),
    remoteWish: z.enum(['required', 'preferred', 'no_preference']),
    direction: DirectionSchema,
    resume: ResumeSchema,
    privacy: z
      .object({
        hideMunicipality: z.boolean(),
        blockedOrganisationIds: z
          .array(z.uuid())
          .max(200)
          .superRefine(uniqueBy((id) => id, 'organisation')),
      })
      .strict(),
  })
  .strict()
  .openapi('MemberProfileInput');

const PlaceSchema = z.object({
  code: z.string(),
  name: z.string(),
  prefecture: z.string(),
  prefCode: z.string(),
});

export const MemberProfileSchema = MemberProfileInputSchema.omit({ areaCode: true, targetAreas: true })
  .extend({
    userId: z.string(),
    area: PlaceSchema,
    homePoint: z
      .object({ lat: z.number(), lng: z.number() })
      .optional()
      .openapi({ description: "Her home town's representative point, when she gave a town" }),
    targetAreas: z.array(
      PlaceSchema.extend({ needsRelocationSupport: z.boolean(), ...RelocationPlanFields }),
    ),
    supportStage: z.number().int().min(1).max(5).nullable().openapi({ description: 'Set by a coordinator' }),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z
      .number()
      .int()
      .openapi({ description: 'Send back as If-Match when saving, to catch edits made meanwhile' }),
  })
  .openapi('MemberProfile');

export const AvailabilitySchema = AvailabilityInputSchema.openapi('Availability');

export type MemberProfileInput = z.infer<typeof MemberProfileInputSchema>;
export type MemberProfile = z.infer<typeof MemberProfileSchema>;
export type AvailabilityInput = z.infer<typeof AvailabilityInputSchema>;
