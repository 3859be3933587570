/**
 * Relocation support over HTTP: her move page (one entry per target area, with that place's
 * notices, the roles that fit her there after the move and her coordinator's note), the
 * coordinators' table of planned moves per area and month, and the note a coordinator writes.
 */
import { z } from '@hono/zod-openapi';
import { MemberNoticeSchema } from '../notices/notice.schemas.ts';
import { JobHitSchema } from '../search/job-search.schemas.ts';
import { IdParamSchema } from '../shared/common.schemas.ts';

const PlaceSchema = z.object({
  code: z.string(),
  name: z.string(),
  prefecture: z.string(),
  prefCode: z.string(),
});

const NoteSchema = z
  .object({ text: z.string(), writtenAt: z.string() })
  .nullable()
  .openapi({ description: "Her coordinator's note on this move (null until one is written)" });

export const MovePlanSchema = z
  .object({
    area: PlaceSchema,
    moveFrom: z.string().nullable().openapi({ description: 'The first month she can live there (YYYY-MM)' }),
    maxCommuteMinutes: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Her commute limit there; null: as now' }),
    needsRelocationSupport: z.boolean(),
    note: NoteSchema,
    notices: z
      .array(MemberNoticeSchema)
      .openapi({ description: 'Current notices for this place or its prefecture' }),
    roles: z.array(JobHitSchema).openapi({
      description: 'The roles in this prefecture that fit her after the move, best first (at most 10)',
    }),
  })
  .openapi('MovePlan');

export const PlannedMovesSchema = z
  .object({
    area: PlaceSchema.omit({ prefCode: true }),
    month: z
      .string()
      .nullable()
      .openapi({ description: 'The month of the move (YYYY-MM); null: not dated yet' }),
    members: z.array(
      z.object({
        memberId: z.string(),
        name: z.string(),
        needsRelocationSupport: z.boolean(),
        note: NoteSchema,
      }),
    ),
  })
  .openapi('PlannedMoves');

export const MoveNoteInputSchema = z
  .object({ note: z.string().trim().min(1).max(1000) })
  .strict()
  .openapi('MoveNoteInput');

export const MoveNoteParamsSchema = IdParamSchema.extend({
  areaCode: z
    .string()
    .regex(/^\d{6}$/, 'Use a six-digit area code')
    .openapi({ param: { name: 'areaCode', in: 'path' }, example: '402028' }),
});

export type MovePlan = z.infer<typeof MovePlanSchema>;
export type PlannedMoves = z.infer<typeof PlannedMovesSchema>;
