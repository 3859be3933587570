/**
 * Shapes of exchange meetings (交流会): what a coordinator publishes, what a member sees of one
 * near her (and, once she comes herself, the first names of the others who come), her reply, and
 * the coordinator's list of who replied with their attendance.
 */
import { z } from '@hono/zod-openapi';
import { AreaCodeSchema, IsoDateSchema } from '../shared/common.schemas.ts';
import { rule } from '../shared/rule-codes.ts';
import { minutesOf, TimeSchema } from '../shared/schedule.schemas.ts';

export const REPLY_STATES = ['going', 'waiting', 'not_going'] as const;

export const MeetingInputSchema = z
  .object({
    title: z.string().trim().min(1).max(100).openapi({ example: '港北区 ひとり親の交流会（ランチ付き）' }),
    description: z.string().trim().min(1).max(2000),
    heldOn: IsoDateSchema.openapi({ description: 'The day (Japan date)' }),
    startTime: TimeSchema,
    endTime: TimeSchema,
    online: z.boolean(),
    areaCode: AreaCodeSchema.optional().openapi({ description: 'Where it is held; needed unless online' }),
    place: z.string().trim().max(200).optional().openapi({ description: 'The venue as members are told it' }),
    capacity: z.number().int().min(1).max(500),
    childrenWelcome: z.boolean(),
    childcareProvided: z.boolean(),
    stages: z
      .array(z.number().int().min(1).max(5))
      .min(1)
      .max(5)
      .optional()
      .openapi({ description: 'Only members at these support stages (all when left out)' }),
  })
  .strict()
  .refine(
    (m) => minutesOf(m.endTime) > minutesOf(m.startTime),
    rule('end_after_start', 'end must be after start', ['endTime']),
  )
  .refine(
    (m) => m.online || m.areaCode !== undefined,
    rule('needs_area', 'a meeting in person needs its area', ['areaCode']),
  )
  .openapi('MeetingInput');

export const ReplyInputSchema = z
  .object({
    answer: z
      .enum(['yes', 'no'])
      .openapi({ description: 'yes: she comes (or waits in line); no: she does not, or cancels' }),
  })
  .strict()
  .openapi('MeetingReplyInput');

export const AttendanceInputSchema = z
  .object({ memberId: z.uuid(), attended: z.boolean() })
  .strict()
  .openapi('MeetingAttendanceInput');

const MeetingBase = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  heldOn: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  online: z.boolean(),
  area: z.object({ code: z.string(), name: z.string(), prefecture: z.string() }).nullable(),
  place: z.string().nullable(),
  capacity: z.number().int(),
  childrenWelcome: z.boolean(),
  childcareProvided: z.boolean(),
  stages: z.array(z.number().int()).nullable(),
  going: z.number().int().openapi({ description: 'Members with a seat' }),
  waiting: z.number().int().openapi({ description: 'Members waiting for a seat' }),
});

/** For her: the meeting, her reply, and the others who come by first name — only once she comes too. */
export const MemberMeetingSchema = MeetingBase.extend({
  myReply: z.enum(REPLY_STATES).nullable(),
  waitingPosition: z
    .number()
    .int()
    .nullable()
    .openapi({ description: 'Her place in line while waiting (1 = next)' }),
  participants: z
    .array(z.string())
    .openapi({ description: 'First names of the others who come; empty unless she comes herself' }),
}).openapi('MemberMeeting');

export const StaffMeetingSchema = MeetingBase.extend({ createdAt: z.string() }).openapi('StaffMeeting');

export const MeetingDetailSchema = z
  .object({
    meeting: StaffMeetingSchema,
    replies: z.array(
      z.object({
        memberId: z.string(),
        name: z.string(),
        state: z.enum(REPLY_STATES),
        repliedAt: z.string(),
        attended: z.boolean().nullable(),
      }),
    ),
  })
  .openapi('MeetingDetail');

export type MeetingInput = z.infer<typeof MeetingInputSchema>;
export type MemberMeeting = z.infer<typeof MemberMeetingSchema>;
export type StaffMeeting = z.infer<typeof StaffMeetingSchema>;
export type MeetingDetail = z.infer<typeof MeetingDetailSchema>;
export type ReplyState = (typeof REPLY_STATES)[number];
