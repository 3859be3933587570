/**
 * Shapes of ranked results with their explanations, shared by job browsing, a member's
 * recommendations and a coordinator's candidates for a role.
 */
import { z } from '@hono/zod-openapi';
import { MemberProfileSchema, ResumeSchema } from '../members/member.schemas.ts';
import { PrefCodeSchema, QueryFlagSchema } from '../shared/common.schemas.ts';
import { ruleIssue } from '../shared/rule-codes.ts';
import { WorkWindowSchema } from '../shared/schedule.schemas.ts';
import { MATCH_STATES } from './match-lifecycle.ts';

export const ReasonSchema = z
  .object({ code: z.string(), tone: z.enum(['positive', 'neutral', 'negative']), text: z.string() })
  .openapi('Reason');

export const MatchExplanationSchema = z
  .object({
    score: z.number().openapi({ description: 'Both sides combined, 0–1' }),
    memberSide: z.number().openapi({ description: 'How well the role suits her, 0–1' }),
    employerSide: z.number().openapi({ description: 'How well she suits the role, 0–1' }),
    commuteMinutes: z.number(),
    components: z.array(
      z.object({
        key: z.string(),
        side: z.enum(['member', 'employer']),
        score: z.number(),
        weight: z.number(),
        reasons: z.array(ReasonSchema),
      }),
    ),
    reasons: z.array(ReasonSchema).openapi({ description: 'Every reason, most telling first, each once' }),
    memberReasons: z.array(ReasonSchema).openapi({
      description: 'For her: how the role suits her, most telling first, each once',
    }),
    employerReasons: z.array(ReasonSchema).openapi({
      description:
        'For the employer: how she suits the role (qualifications, skills, hours); nothing about her children or home',
    }),
    notes: z.array(ReasonSchema),
  })
  .openapi('MatchExplanation');

export const MarginSchema = z
  .object({
    code: z.string().openapi({ description: 'The hard constraint missed', example: 'out_of_reach' }),
    shortBy: z.object({
      amount: z.number().openapi({ description: 'How much is missing (always positive)', example: 4 }),
      unit: z.enum(['minutes', 'hours_per_week', 'days_per_week', 'days']),
    }),
    text: z.string().openapi({ example: 'あと4分足りません' }),
  })
  .openapi('ConstraintMargin');

export const ViolationsSchema = z
  .object({
    violations: z.array(z.object({ code: z.string(), text: z.string() })),
    margins: z.array(MarginSchema).openapi({ description: 'How far each measurable violation missed' }),
    nearMiss: z.boolean().openapi({ description: 'Missed only by a small margin: worth asking about' }),
  })
  .openapi('Violations');

/** How many pairs each hard constraint left out (each pair counted once). */
export const ExcludedCountsSchema = z
  .record(z.string(), z.number().int())
  .openapi('ExcludedCounts', { example: { out_of_reach: 3, schedule_infeasible: 2 } });

export const RankQuerySchema = z.object({
  lang: z.enum(['ja', 'en']).default('ja'),
  includeInfeasible: QueryFlagSchema.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

export const CandidateSchema = z
  .object({
    member: MemberProfileSchema,
    match: MatchExplanationSchema.optional(),
    infeasible: ViolationsSchema.optional(),
  })
  .openapi('Candidate');

export const CandidateListSchema = z
  .object({
    items: z.array(CandidateSchema),
    nearMisses: z.array(CandidateSchema).openapi({
      description:
        'The members ruled out by the smallest margins, smallest miss first, with what is missing: at most 20, on every page',
    }),
    nearMissCount: z.number().int().openapi({
      description: 'How many members are ruled out by a small margin in all (`nearMisses` lists the closest)',
    }),
    feasibleCount: z.number().int(),
    excluded: ExcludedCountsSchema.openapi({ description: 'Members left out, per reason' }),
    summary: z.string().openapi({
      description: 'One sentence on the list, never empty: how many fit, were left out, nearly fit',
    }),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .openapi('CandidateList');

export type MatchExplanation = z.infer<typeof MatchExplanationSchema>;
export type Violations = z.infer<typeof ViolationsSchema>;
export type RankQuery = z.infer<typeof RankQuerySchema>;
export type CandidateList = z.infer<typeof CandidateListSchema>;

export const REJECTION_REASONS = [
  'not_job_ready',
  'schedule_mismatch',
  'skills_gap',
  'commute',
  'employer_concern',
  'member_request',
  'other',
] as const;

export const MatchSchema = z
  .object({
    id: z.string(),
    roleId: z.string(),
    roleTitle: z.string(),
    organisationName: z.string(),
    state: z.enum(MATCH_STATES),
    interestedAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z
      .number()
      .int()
      .openapi({ description: 'Send back as expectedVersion when acting on the match' }),
  })
  .openapi('Match');

export const QueueItemSchema = MatchSchema.extend({
  member: z.object({
    userId: z.string(),
    name: z.string(),
    supportStage: z.number().nullable(),
    prefecture: z.string(),
  }),
}).openapi('QueueItem');

export const QueueQuerySchema = z.object({
  state: z
    .preprocess(
      (v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v),
      z.array(z.enum(MATCH_STATES)).max(10),
    )
    .optional()
    .openapi({ description: 'Default: interested,under_review' }),
  prefCode: PrefCodeSchema.optional(),
  stage: z.coerce.number().int().min(1).max(5).optional(),
  memberId: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .openapi({ description: "One member's matches (her support record)" }),
  waitingDays: z.coerce
    .number()
    .int()
    .min(0)
    .max(365)
    .optional()
    .openapi({ description: 'Only matches waiting at least this many days since her interest' }),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const DecisionInputSchema = z
  .object({
    decision: z.enum(['review', 'approve', 'reject']),
    reasonCode: z.enum(REJECTION_REASONS).optional().openapi({ description: 'Required to reject' }),
    reason: z.string().trim().max(1000).default(''),
    expectedVersion: z.number().int().min(1),
    overrideInfeasible: z.boolean().optional().openapi({
      description:
        'Approve although the matching module finds the pair infeasible (a hard rule broken): the coordinator has checked it, and `reason` says why. Without it such an approval is refused (422).',
    }),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.decision === 'reject' && !d.reasonCode) {
      ctx.addIssue(ruleIssue('reason_code_required', 'choose a reason to reject', ['reasonCode']));
    }
    if (d.decision !== 'review' && !d.reason) {
      ctx.addIssue(
        ruleIssue('reason_required', 'say why, in a sentence the member and employer can read', ['reason']),
      );
    }
  })
  .openapi('DecisionInput');

export const OutcomeInputSchema = z
  .object({
    outcome: z.enum(['interviewing', 'hired', 'not_hired']),
    reason: z.string().trim().max(1000).default(''),
    expectedVersion: z.number().int().min(1),
  })
  .strict()
  .superRefine((o, ctx) => {
    if (o.outcome === 'not_hired' && !o.reason)
      ctx.addIssue(ruleIssue('reason_required', 'say why', ['reason']));
  })
  .openapi('OutcomeInput');

export const WithdrawInputSchema = z
  .object({ reason: z.string().trim().max(1000).default('') })
  .strict()
  .openapi('WithdrawInput');

export const IntroductionSchema = z
  .object({
    id: z.string(),
    roleId: z.string(),
    roleTitle: z.string(),
    state: z.enum(MATCH_STATES),
    version: z.number().int(),
    decidedAt: z.string().nullable(),
    coordinatorNote: z
      .string()
      .nullable()
      .openapi({ description: 'Why the coordinator introduced her, written for the employer and for her' }),
    member: z.object({
      name: z.string(),
      email: z.string(),
      phone: z.string().nullable(),
      area: z.string().openapi({ description: 'Her municipality (or only the prefecture if she hides it)' }),
      availability: z
        .object({ windows: z.array(WorkWindowSchema), maxHoursPerWeek: z.number() })
        .openapi({ description: 'When she can work (on-site or from home) and her weekly maximum' }),
      skills: z.array(z.object({ tag: z.string(), level: z.number().int() })),
      qualifications: z.array(z.string()),
      resume: z
        .object({
          work: ResumeSchema.unwrap().shape.work.unwrap(),
          education: ResumeSchema.unwrap().shape.education.unwrap(),
          selfPr: z.string().nullable(),
        })
        .nullable()
        .openapi({
          description: 'Her résumé and 自己PR, only if she chose to share them at introduction (else null)',
        }),
    }),
  })
  .openapi('Introduction');

export type MatchView = z.infer<typeof MatchSchema>;
export type QueueQuery = z.infer<typeof QueueQuerySchema>;
export type DecisionInput = z.infer<typeof DecisionInputSchema>;
export type OutcomeInput = z.infer<typeof OutcomeInputSchema>;
export type Introduction = z.infer<typeof IntroductionSchema>;

export type Reason = z.infer<typeof ReasonSchema>;
