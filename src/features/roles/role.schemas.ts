/**
 * Job roles as the API speaks them. The input shape is also what `npm run match` reads, so it is
 * the one description of a role for people and programs alike.
 */
import { z } from '@hono/zod-openapi';
import { FLEXIBILITY_FACT_KEYS } from '../../../matching/vocabulary.ts';
import {
  AreaCodeSchema,
  EmploymentTypeSchema,
  IsoDateSchema,
  JobCategorySchema,
  otherQualificationsSchema,
  PayUnitSchema,
  QualificationSchema,
  SkillWithLevelSchema,
  uniqueBy,
} from '../shared/common.schemas.ts';
import { rule, ruleIssue } from '../shared/rule-codes.ts';
import { minutesOf, ShiftSchema, windowList } from '../shared/schedule.schemas.ts';

export const FACT_KEYS = FLEXIBILITY_FACT_KEYS;

const FixedScheduleSchema = z
  .object({
    kind: z.literal('fixed'),
    shifts: windowList(14, ShiftSchema).min(1, 'A fixed schedule needs at least one shift'),
  })
  .strict()
  .openapi('FixedSchedule', { description: 'Shifts that must all be worked every week' });

const FlexibleScheduleSchema = z
  .object({
    kind: z.literal('flexible'),
    windows: windowList(21).min(1, 'Give at least one window in which work may happen'),
    minHoursPerWeek: z.number().min(1).max(60),
    minDaysPerWeek: z.number().int().min(1).max(7),
    preferredHoursPerWeek: z.number().min(1).max(60).optional(),
    minHoursPerDay: z.number().min(1).max(12).optional().openapi({
      description: 'The shortest working day the role accepts, in hours',
    }),
    maxHoursPerWeek: z.number().min(1).max(60).optional().openapi({
      description: 'The most hours a week the role offers (caps the hours and pay she is shown)',
    }),
    splitDaysAllowed: z.boolean().optional().openapi({
      description: 'Whether a day may be split into several blocks (e.g. 9–12 and 15–18)',
    }),
  })
  .strict()
  .superRefine((schedule, ctx) => {
    const days = new Set(schedule.windows.map((w) => w.day)).size;
    if (schedule.minDaysPerWeek > days) {
      ctx.addIssue(ruleIssue('days_beyond_windows', `only ${days} day(s) have windows`, ['minDaysPerWeek']));
    }
    const hours = schedule.windows.reduce((sum, w) => sum + minutesOf(w.end) - minutesOf(w.start), 0) / 60;
    if (schedule.minHoursPerWeek > hours) {
      ctx.addIssue(
        ruleIssue('hours_beyond_windows', `the windows only hold ${hours} hours`, ['minHoursPerWeek']),
      );
    }
    if (schedule.maxHoursPerWeek !== undefined && schedule.maxHoursPerWeek < schedule.minHoursPerWeek) {
      ctx.addIssue(
        ruleIssue('max_hours_below_min', 'must not be below minHoursPerWeek', ['maxHoursPerWeek']),
      );
    }
    if (
      schedule.preferredHoursPerWeek !== undefined &&
      schedule.maxHoursPerWeek !== undefined &&
      schedule.preferredHoursPerWeek > schedule.maxHoursPerWeek
    ) {
      ctx.addIssue(
        ruleIssue('preferred_hours_above_max', 'must not be above maxHoursPerWeek', [
          'preferredHoursPerWeek',
        ]),
      );
    }
    if (
      schedule.preferredHoursPerWeek !== undefined &&
      schedule.preferredHoursPerWeek < schedule.minHoursPerWeek
    ) {
      ctx.addIssue(
        ruleIssue('preferred_hours_below_min', 'must not be below minHoursPerWeek', [
          'preferredHoursPerWeek',
        ]),
      );
    }
  })
  .openapi('FlexibleSchedule', { description: 'Allowed windows plus a weekly minimum of hours and days' });

const detailText = (max: number, example: string) => z.string().trim().min(1).max(max).openapi({ example });

/**
 * What a Japanese job ad states beside pay and hours. Every field is optional: absent means the
 * employer did not say (shown as nothing, never as 「なし」). 応募締切 is `closesOn`.
 */
export const RoleDetailsSchema = z
  .object({
    commuteAllowance: z
      .object({
        kind: z.enum(['full', 'capped', 'none']).openapi({
          description: "交通費: 'full' 全額支給, 'capped' 上限あり (capYenPerMonth), 'none' 支給なし",
        }),
        capYenPerMonth: z.number().int().min(1).max(1_000_000).optional(),
      })
      .strict()
      .refine(
        (c) => (c.kind === 'capped') === (c.capYenPerMonth !== undefined),
        rule('commute_cap_mismatch', 'capYenPerMonth is given for a capped allowance, and only for it', [
          'capYenPerMonth',
        ]),
      )
      .optional(),
    socialInsurance: z.enum(['yes', 'conditional', 'no']).optional().openapi({
      description: "社会保険: 'yes' 完備, 'conditional' 勤務時間などの条件を満たせば加入, 'no' なし",
    }),
    holidays: detailText(200, '土日祝休み、夏季・年末年始休暇、有給休暇').optional().openapi({
      description: '休日・休暇 as the ad says it (土日休み as a filter comes from the schedule)',
    }),
    access: detailText(200, '東急東横線「大倉山駅」徒歩5分').optional().openapi({
      description: '最寄り駅・アクセス',
    }),
    openings: z.number().int().min(1).max(999).optional().openapi({ description: '募集人数' }),
    trialPeriod: z
      .object({
        months: z.number().int().min(0).max(12).openapi({ description: '試用期間 in months; 0: none' }),
        note: detailText(100, '期間中も時給は同じです').optional(),
      })
      .strict()
      .optional(),
    dressCode: detailText(200, '私服OK、髪色・ネイル自由').optional().openapi({ description: '服装・髪型' }),
    inexperiencedOk: z.boolean().optional().openapi({ description: '未経験OK (the employer says so)' }),
    withinDependentOk: z
      .boolean()
      .optional()
      .openapi({ description: '扶養内OK: hours can be kept within the dependant income limit' }),
  })
  .strict()
  .openapi('RoleDetails');

const RoleFields = z
  .object({
    title: z.string().trim().min(1).max(80).openapi({ example: '介護スタッフ（日勤のみ・週3日〜）' }),
    description: z.string().trim().min(1).max(4000),
    category: JobCategorySchema,
    employmentType: EmploymentTypeSchema,
    pay: z
      .object({
        min: z.number().int().min(1).max(100_000_000),
        max: z.number().int().min(1).max(100_000_000).optional(),
        unit: PayUnitSchema,
      })
      .strict()
      .refine(
        (pay) => pay.max === undefined || pay.max >= pay.min,
        rule('pay_max_below_min', 'max must not be below min', ['max']),
      ),
    schedule: z.discriminatedUnion('kind', [FixedScheduleSchema, FlexibleScheduleSchema]),
    overtime: z.enum(['none', 'occasional', 'regular']),
    weekendWork: z.boolean(),
    nightWork: z.boolean(),
    remote: z
      .object({
        mode: z.enum(['none', 'hybrid', 'full']),
        officeDaysPerWeek: z.number().int().min(1).max(5).optional(),
      })
      .strict()
      .refine(
        (r) => (r.mode === 'hybrid') === (r.officeDaysPerWeek !== undefined),
        rule('office_days_mismatch', 'officeDaysPerWeek is given for hybrid roles, and only for them', [
          'officeDaysPerWeek',
        ]),
      ),
    locations: z
      .array(
        z
          .object({
            areaCode: AreaCodeSchema,
            label: z.string().trim().max(60).optional(),
            town: z.string().trim().min(1).max(40).optional().openapi({
              description:
                'The town (町丁目・大字) of the area the workplace is in, e.g. 大倉山三丁目 (GET /api/areas/{code}/towns)',
            }),
            address: z.string().trim().min(1).max(120).optional().openapi({
              description:
                'The street address; its town is found from it when `town` is not given (kept at the area point when none fits)',
              example: '港北区大倉山3-1-5',
            }),
          })
          .strict(),
      )
      .max(50)
      .superRefine(uniqueBy((l) => l.areaCode, 'area')),
    branchIds: z
      .array(z.uuid())
      .max(50)
      .superRefine(uniqueBy((id) => id, 'branch'))
      .optional()
      .openapi({
        description:
          'Her organisation’s branches (GET /api/organisations/me/branches) to post the role at as well: each becomes a location (its area, its name as the label, its address), unless `locations` already has its area. Not returned: the role’s locations are what it is posted at.',
      }),
    skills: z
      .object({
        required: z
          .array(SkillWithLevelSchema)
          .max(15)
          .superRefine(uniqueBy((s) => s.tag, 'skill')),
        niceToHave: z
          .array(SkillWithLevelSchema)
          .max(15)
          .superRefine(uniqueBy((s) => s.tag, 'skill')),
      })
      .strict(),
    requiredQualifications: z
      .array(QualificationSchema)
      .max(10)
      .superRefine(uniqueBy((q) => q, 'qualification')),
    otherRequiredQualifications: otherQualificationsSchema(
      'Required qualifications the vocabulary does not list, as the ad names them (a known name is stored under its key). Members are not suggested the role as a sure fit unless they hold it: a coordinator confirms (要確認).',
    ),
    facts: z.partialRecord(z.enum(FACT_KEYS), z.boolean()).openapi({
      description: 'Flexibility facts the employer states (true = yes, false = no, absent = not stated)',
      example: { sick_child_absence_ok: true, short_time_allowed: true },
    }),
    startDate: IsoDateSchema.optional(),
    closesOn: IsoDateSchema.optional().openapi({
      description:
        'The last day applications are taken (応募締切), if any; a role past it is pushed down in her list and says so (not removed)',
    }),
    details: RoleDetailsSchema.default({}),
  })
  .strict();

export const RoleInputSchema = RoleFields.superRefine((role, ctx) => {
  if (role.remote.mode !== 'full' && role.locations.length === 0 && !role.branchIds?.length) {
    ctx.addIssue(
      ruleIssue('needs_location', 'an on-site or hybrid role needs at least one location', ['locations']),
    );
  }
  const overlap = role.skills.required.find((r) => role.skills.niceToHave.some((n) => n.tag === r.tag));
  if (overlap) {
    ctx.addIssue(
      ruleIssue('skill_already_required', `${overlap.tag} is already required`, ['skills', 'niceToHave']),
    );
  }
}).openapi('RoleInput');

export const RoleSchema = RoleFields.omit({ locations: true, branchIds: true, facts: true })
  .extend({
    id: z.string(),
    organisation: z.object({ id: z.string(), name: z.string() }),
    status: z.enum(['draft', 'published', 'closed']),
    locations: z.array(
      z.object({
        areaCode: z.string(),
        label: z.string().optional(),
        name: z.string(),
        prefecture: z.string(),
        prefCode: z.string(),
        address: z.string().optional(),
        town: z
          .string()
          .optional()
          .openapi({ description: 'The town the point stands for; absent: the area' }),
        point: z
          .object({ lat: z.number(), lng: z.number() })
          .optional()
          .openapi({ description: "The town's point, or the area's when no town is known" }),
      }),
    ),
    facts: z.partialRecord(z.enum(FACT_KEYS), z.object({ available: z.boolean(), verified: z.boolean() })),
    publishedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    expiresAt: z.string().optional().openapi({
      description: 'When the ad leaves search unless the employer renews it (POST /api/roles/{id}/renew)',
    }),
    expiredAt: z.string().optional().openapi({
      description: 'Set once the ad expired: it is out of search until renewed',
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('Role');

export type RoleInput = z.infer<typeof RoleInputSchema>;
export type RoleDetails = z.infer<typeof RoleDetailsSchema>;
export type Role = z.infer<typeof RoleSchema>;
