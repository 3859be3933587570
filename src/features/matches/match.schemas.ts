/**
 * Shapes of ranked results with their explanations, shared by job browsing, a member's
 * recommendations and a coordinator's candidates for a role.
 */
import { z } from '@hono/zod-openapi';
import { MemberProfileSchema } from '../members/member.schemas.ts';

const ReasonSchema = z
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
    reasons: z.array(ReasonSchema),
    notes: z.array(ReasonSchema),
  })
  .openapi('MatchExplanation');

export const ViolationsSchema = z
  .object({ violations: z.array(z.object({ code: z.string(), text: z.string() })) })
  .openapi('Violations');

export const RankQuerySchema = z.object({
  lang: z.enum(['ja', 'en']).default('ja'),
  includeInfeasible: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
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
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .openapi('CandidateList');

export type MatchExplanation = z.infer<typeof MatchExplanationSchema>;
export type Violations = z.infer<typeof ViolationsSchema>;
export type RankQuery = z.infer<typeof RankQuerySchema>;
export type CandidateList = z.infer<typeof CandidateListSchema>;
