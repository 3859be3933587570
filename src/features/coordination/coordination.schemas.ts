/**
 * Shapes for a coordinator's work on a member: support stage (with history), consultation notes,
 * a match seen side by side, and the audit log.
 */
import { z } from '@hono/zod-openapi';
import { MatchExplanationSchema, MatchSchema, ViolationsSchema } from '../matches/match.schemas.ts';
import { MemberProfileSchema } from '../members/member.schemas.ts';
import { RoleSchema } from '../roles/role.schemas.ts';
import { IsoDateSchema } from '../shared/common.schemas.ts';

export const StageInputSchema = z
  .object({
    stage: z.number().int().min(1).max(5),
    reason: z.string().trim().min(1, 'say why the stage changes').max(500),
  })
  .strict()
  .openapi('StageInput');

export const StageChangeSchema = z
  .object({
    stage: z.number().int(),
    previousStage: z.number().int().nullable(),
    reason: z.string(),
    setBy: z.string(),
    setAt: z.string(),
  })
  .openapi('StageChange');

export const NoteInputSchema = z
  .object({
    consultedOn: IsoDateSchema,
    topic: z.string().trim().min(1).max(80).openapi({ example: '就労相談' }),
    body: z.string().trim().min(1).max(4000),
    nextStep: z.string().trim().max(500).optional(),
  })
  .strict()
  .openapi('NoteInput');

export const NoteSchema = z
  .object({
    id: z.string(),
    consultedOn: z.string(),
    topic: z.string(),
    body: z.string(),
    nextStep: z.string().nullable(),
    authorId: z.string(),
    createdAt: z.string(),
  })
  .openapi('ConsultationNote');

/** How a coordinator reaches a member (coordinators call members; employers see this only after approval). */
export const MemberContactSchema = z
  .object({
    email: z.string().openapi({ example: 'misaki@example.jp' }),
    phone: z.string().optional().openapi({ example: '090-1234-5678' }),
  })
  .openapi('MemberContact');

export type MemberContact = z.infer<typeof MemberContactSchema>;

export const MatchDetailSchema = z
  .object({
    match: MatchSchema,
    member: MemberProfileSchema,
    contact: MemberContactSchema,
    role: RoleSchema,
    explanation: MatchExplanationSchema.optional(),
    infeasible: ViolationsSchema.optional(),
    events: z.array(
      z.object({
        action: z.string(),
        fromState: z.string().nullable(),
        toState: z.string(),
        actorRole: z.string(),
        reasonCode: z.string().nullable(),
        reason: z.string().nullable(),
        at: z.string(),
      }),
    ),
  })
  .openapi('MatchDetail');

export const AuditQuerySchema = z.object({
  subjectType: z.enum(['member', 'match', 'role', 'organisation']).optional(),
  subjectId: z.string().max(64).optional(),
  actorId: z.string().max(64).optional(),
  before: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .openapi({ description: 'Entries older than this id (paging)' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorId: z.string(),
    actorRole: z.string(),
    action: z.string(),
    subjectType: z.string(),
    subjectId: z.string(),
    detail: z.string().nullable(),
  })
  .openapi('AuditEntry');

export type StageInput = z.infer<typeof StageInputSchema>;
export type NoteInput = z.infer<typeof NoteInputSchema>;
export type AuditQuery = z.infer<typeof AuditQuerySchema>;
export type MatchDetail = z.infer<typeof MatchDetailSchema>;
