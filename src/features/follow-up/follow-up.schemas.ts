/**
 * Shapes of the follow-up after a hire: her check-in and its short answer, the coordinator's
 * follow-up queue and its closing note, and the separation (退職) an employer records.
 */
import { z } from '@hono/zod-openapi';
import { IsoDateSchema } from '../shared/common.schemas.ts';
import { CHECK_IN_STATES } from './check-in-schedule.ts';

export const CheckInAnswerSchema = z
  .object({
    wellbeing: z
      .number()
      .int()
      .min(1)
      .max(5)
      .openapi({ description: '「お仕事の様子」: 1 つらい … 5 とても順調' }),
    comment: z.string().trim().max(1000).optional(),
    wantsContact: z.boolean().openapi({ description: '「相談したい」' }),
  })
  .strict()
  .openapi('CheckInAnswer');

export const CheckInSchema = z
  .object({
    id: z.string(),
    matchId: z.string(),
    roleTitle: z.string(),
    organisationName: z.string(),
    afterDays: z.number().int(),
    dueAt: z.string(),
    state: z.enum(CHECK_IN_STATES),
    answeredAt: z.string().nullable(),
    answer: CheckInAnswerSchema.extend({ comment: z.string().nullable() }).nullable(),
  })
  .openapi('CheckIn');

export const FOLLOW_UP_REASONS = [
  'low_answer',
  'wants_contact',
  'no_answer',
  'separation',
  'missed_session',
  'silent_mentee',
] as const;
export type FollowUpReason = (typeof FOLLOW_UP_REASONS)[number];

export const FollowUpSchema = z
  .object({
    id: z.string(),
    reason: z.enum(FOLLOW_UP_REASONS),
    member: z.object({
      userId: z.string(),
      name: z.string(),
      supportStage: z.number().int().nullable(),
    }),
    source: z.object({ type: z.enum(['check_in', 'match', 'session', 'pair']), id: z.string() }),
    detail: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
      .openapi({ description: 'What raised it: the check-in answer, the separation reason, the session' }),
    openedAt: z.string(),
    closedAt: z.string().nullable(),
    contactNote: z.string().nullable(),
  })
  .openapi('FollowUp');

export const FollowUpQuerySchema = z.object({
  state: z.enum(['open', 'closed']).default('open'),
  memberId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const CloseFollowUpSchema = z
  .object({
    note: z
      .string()
      .trim()
      .min(1, 'say how you reached her and what was agreed')
      .max(2000)
      .openapi({ description: 'The contact note: how she was reached and what was agreed' }),
  })
  .strict()
  .openapi('CloseFollowUp');

export const SEPARATION_REASONS = [
  'contract_end',
  'schedule',
  'childcare',
  'health',
  'workplace',
  'relocation',
  'other',
] as const;

export const SeparationInputSchema = z
  .object({
    separatedOn: IsoDateSchema,
    reasonCode: z.enum(SEPARATION_REASONS),
    note: z.string().trim().max(1000).optional(),
  })
  .strict()
  .openapi('SeparationInput');

export const SeparationSchema = z
  .object({
    matchId: z.string(),
    separatedOn: z.string(),
    reasonCode: z.enum(SEPARATION_REASONS),
    recordedAt: z.string(),
  })
  .openapi('Separation');

export const AfterHireSchema = z
  .object({
    checkIns: z.array(CheckInSchema),
    separations: z.array(SeparationSchema.extend({ roleTitle: z.string(), note: z.string().nullable() })),
    followUps: z.array(FollowUpSchema),
  })
  .openapi('AfterHire');

export type CheckInAnswer = z.infer<typeof CheckInAnswerSchema>;
export type CheckIn = z.infer<typeof CheckInSchema>;
export type FollowUp = z.infer<typeof FollowUpSchema>;
export type FollowUpQuery = z.infer<typeof FollowUpQuerySchema>;
export type SeparationInput = z.infer<typeof SeparationInputSchema>;
export type Separation = z.infer<typeof SeparationSchema>;
export type AfterHire = z.infer<typeof AfterHireSchema>;
