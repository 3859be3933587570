/**
 * Shapes of peer mentoring: cohorts, mentor invitations and consent, pairs with their suggested
 * reasons, sessions and their shared record. A mentor's view of her mentee has the first name and
 * only what the mentee chose to share; a coordinator's view of a record only what she allowed.
 */
import { z } from '@hono/zod-openapi';
import { IsoDateSchema } from '../shared/common.schemas.ts';

export const MENTEE_SHARES = ['area', 'children', 'work'] as const;
export const SESSION_STATES = ['planned', 'due', 'held', 'not_held', 'missed'] as const;
export const PAIR_REASONS = [
  'same_area',
  'same_prefecture',
  'hometown',
  'children_ages',
  'work_experience',
  'shared_skills',
] as const;

export const CohortInputSchema = z
  .object({
    name: z.string().trim().min(1).max(80).openapi({ example: '2027年春 横浜' }),
    startsOn: IsoDateSchema,
    sessionCount: z.number().int().min(1).max(24).default(6),
    intervalDays: z.number().int().min(1).max(60).default(14),
  })
  .strict()
  .openapi('CohortInput');

export const CohortSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    sessionCount: z.number().int(),
    intervalDays: z.number().int(),
    mentors: z.number().int(),
    pairs: z.number().int(),
  })
  .openapi('Cohort');

export const InviteMentorSchema = z.object({ memberId: z.uuid() }).strict().openapi('InviteMentor');
export const PairInputSchema = z
  .object({ menteeId: z.uuid(), mentorId: z.uuid() })
  .strict()
  .openapi('PairInput');
export const ConsentSchema = z.object({ consent: z.boolean() }).strict().openapi('MentorConsent');

export const SessionRecordInputSchema = z
  .object({
    held: z.boolean().openapi({ description: 'Whether the session took place' }),
    topics: z.string().trim().max(1000).optional().openapi({ description: 'What was talked about' }),
    nextStep: z.string().trim().max(500).optional(),
  })
  .strict()
  .openapi('SessionRecordInput');

export const MenteeAnswerSchema = z
  .object({
    coordinatorMayRead: z.boolean().openapi({
      description: 'Her choice: may the coordinator read what was talked about and the next step?',
    }),
  })
  .strict()
  .openapi('MenteeAnswer');

export const SharesInputSchema = z
  .object({ shares: z.array(z.enum(MENTEE_SHARES)).max(3) })
  .strict()
  .openapi('MenteeShares');

const SessionBase = z.object({
  id: z.string(),
  number: z.number().int(),
  plannedOn: z.string(),
  state: z.enum(SESSION_STATES),
  menteeAnswered: z.boolean(),
});

/** Between mentor and mentee: the whole shared record. */
export const SessionSchema = SessionBase.extend({
  topics: z.string().nullable(),
  nextStep: z.string().nullable(),
  coordinatorMayRead: z.boolean(),
}).openapi('MentoringSession');

/** For the coordinator: the record only where the mentee allowed it. */
export const StaffSessionSchema = SessionBase.extend({
  record: z.object({ topics: z.string().nullable(), nextStep: z.string().nullable() }).nullable(),
}).openapi('MentoringSessionForStaff');

export const MenteeForMentorSchema = z
  .object({
    givenName: z.string(),
    area: z.string().optional(),
    childAges: z.array(z.number().int()).optional(),
    work: z.array(z.string()).optional(),
  })
  .openapi('MenteeForMentor');

export const MyMentoringSchema = z
  .object({
    invitations: z.array(
      z.object({
        cohortId: z.string(),
        cohortName: z.string(),
        startsOn: z.string(),
        state: z.enum(['invited', 'consented', 'declined']),
      }),
    ),
    asMentor: z.array(
      z.object({
        pairId: z.string(),
        cohortName: z.string(),
        mentee: MenteeForMentorSchema,
        sessions: z.array(SessionSchema),
      }),
    ),
    asMentee: z.array(
      z.object({
        pairId: z.string(),
        cohortName: z.string(),
        mentor: z.object({ givenName: z.string() }),
        shares: z.array(z.enum(MENTEE_SHARES)),
        sessions: z.array(SessionSchema),
      }),
    ),
  })
  .openapi('MyMentoring');

export const CohortDetailSchema = z
  .object({
    cohort: CohortSchema,
    mentors: z.array(
      z.object({
        memberId: z.string(),
        name: z.string(),
        supportStage: z.number().int().nullable(),
        state: z.enum(['invited', 'consented', 'declined']),
      }),
    ),
    pairs: z.array(
      z.object({
        id: z.string(),
        mentor: z.object({ memberId: z.string(), name: z.string() }),
        mentee: z.object({ memberId: z.string(), name: z.string() }),
        reasons: z.array(z.enum(PAIR_REASONS)),
        sessions: z.array(StaffSessionSchema),
      }),
    ),
  })
  .openapi('CohortDetail');

export const SuggestionQuerySchema = z.object({ menteeId: z.uuid() });

export const PairSuggestionSchema = z
  .object({
    mentorId: z.string(),
    name: z.string(),
    score: z.number(),
    reasons: z.array(z.object({ code: z.enum(PAIR_REASONS), text: z.string() })),
  })
  .openapi('PairSuggestion');

export type CohortInput = z.infer<typeof CohortInputSchema>;
export type Cohort = z.infer<typeof CohortSchema>;
export type SessionRecordInput = z.infer<typeof SessionRecordInputSchema>;
export type Session = z.infer<typeof SessionSchema>;
export type StaffSession = z.infer<typeof StaffSessionSchema>;
export type MyMentoring = z.infer<typeof MyMentoringSchema>;
export type CohortDetail = z.infer<typeof CohortDetailSchema>;
export type MenteeShare = (typeof MENTEE_SHARES)[number];
export type SessionState = (typeof SESSION_STATES)[number];
