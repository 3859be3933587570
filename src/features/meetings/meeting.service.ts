/**
 * Exchange meetings (交流会). A coordinator publishes a meeting — a day and times, online or in a
 * place, a capacity, whether children are welcome or childcare is provided, for which stages.
 * A member sees the upcoming ones held online or in the prefecture where she lives or plans to
 * move, and replies yes (a seat, or the waiting list when full) or no; saying no after yes
 * cancels, and the first in line moves up into the freed seat and is told. The day before, those
 * coming are reminded (the scheduled job). Others' names: only first names, only of those who
 * come, and only to someone who comes herself. The coordinator sees everyone's reply by full name
 * and records who attended.
 */
import type { AppDeps } from '../../deps.ts';
import { newId } from '../../deps.ts';
import { AppError, invalidField, notFound } from '../../errors.ts';
import type { AreaService } from '../areas/area.service.ts';
import type { Actor } from '../auth/actor.ts';
import { appendAudit } from '../coordination/audit.repository.ts';
import { ACCESS, admits, requireAdmitted } from '../shared/access.ts';
import { japanDate } from '../shared/japan-time.ts';
import {
  findMeeting,
  findReply,
  firstNamesGoing,
  insertMeeting,
  type MeetingRow,
  markReminded,
  meetingIsFor,
  meetingsForMember,
  meetingsFrom,
  meetingsToRemind,
  notifyRepliers,
  promoteWaiting,
  recordAttendance,
  repliesWithNames,
  replyNo,
  replyYes,
  waitingPosition,
} from './meeting.repository.ts';
import type {
  MeetingDetail,
  MeetingInput,
  MemberMeeting,
  ReplyState,
  StaffMeeting,
} from './meeting.schemas.ts';

const DAY = 86_400_000;
const LISTED = 200;

function toStaffMeeting(row: MeetingRow): StaffMeeting {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    heldOn: row.held_on,
    startTime: row.start_time,
    endTime: row.end_time,
    online: row.online === 1,
    area:
      row.area_code && row.area_name && row.area_prefecture
        ? { code: row.area_code, name: row.area_name, prefecture: row.area_prefecture }
        : null,
    place: row.place,
    capacity: row.capacity,
    childrenWelcome: row.children_welcome === 1,
    childcareProvided: row.childcare_provided === 1,
    stages: row.stages ? (JSON.parse(row.stages) as number[]) : null,
    going: Number(row.going),
    waiting: Number(row.waiting),
    createdAt: row.created_at,
  };
}

export function createMeetingService({ database, clock }: AppDeps, services: { areas: AreaService }) {
  const { db } = database;
  const today = () => japanDate(clock.now());

  async function requireMeeting(id: string) {
    const meeting = await findMeeting(db, id);
    if (!meeting) throw notFound('meeting');
    return meeting;
  }

  return {
    async publish(actor: Actor, input: MeetingInput): Promise<StaffMeeting> {
      requireAdmitted(ACCESS.runMeetings, actor);
      if (input.heldOn < today())
        throw invalidField('body.heldOn', 'the day has already passed', 'date_in_past');
      if (input.areaCode)
        await services.areas.requirePlaces([{ code: input.areaCode, path: 'body.areaCode' }], {
          allowPrefecture: true,
        });
      const id = newId();
      const at = clock.now().toISOString();
      await database.atomic([
        insertMeeting(db, {
          id,
          title: input.title,
          description: input.description,
          held_on: input.heldOn,
          start_time: input.startTime,
          end_time: input.endTime,
          online: input.online ? 1 : 0,
          area_code: input.areaCode ?? null,
          place: input.place?.trim() || null,
          capacity: input.capacity,
          children_welcome: input.childrenWelcome ? 1 : 0,
          childcare_provided: input.childcareProvided ? 1 : 0,
          stages: input.stages ? JSON.stringify([...new Set(input.stages)].sort()) : null,
          created_by: actor.userId,
          created_at: at,
          reminded_at: null,
        }),
        appendAudit(db, actor, at, { action: 'publish_meeting', subjectType: 'meeting', subjectId: id }),
      ]);
      return toStaffMeeting(await requireMeeting(id));
    },

    /** Meetings from a week ago on (so attendance can still be recorded), soonest first. */
    async list(): Promise<StaffMeeting[]> {
      const from = japanDate(new Date(clock.now().getTime() - 7 * DAY));
      return (await meetingsFrom(db, from, LISTED)).map(toStaffMeeting);
    },

    /** A meeting with every reply by full name and attendance, for the coordinator. */
    async detail(id: string): Promise<MeetingDetail> {
      const meeting = toStaffMeeting(await requireMeeting(id));
      const replies = await repliesWithNames(db, id);
      const order: Record<ReplyState, number> = { going: 0, waiting: 1, not_going: 2 };
      return {
        meeting,
        replies: replies
          .map((r) => ({
            memberId: r.member_id,
            name: `${r.family_name} ${r.given_name}`,
            state: r.state,
            repliedAt: r.replied_at,
            attended: r.attended === null ? null : r.attended === 1,
          }))
          .sort((a, b) => order[a.state] - order[b.state]),
      };
    },

    /** Records whether a member who had a seat came; only on or after the day. */
    async attendance(actor: Actor, id: string, memberId: string, attended: boolean): Promise<MeetingDetail> {
      requireAdmitted(ACCESS.runMeetings, actor);
      const meeting = await requireMeeting(id);
      const reply = await findReply(db, id, memberId);
      if (reply?.state !== 'going')
        throw invalidField('body.memberId', 'she has no seat at this meeting', 'not_going');
      if (meeting.held_on > today())
        throw new AppError('invalid_state', 'The meeting has not taken place yet');
      const at = clock.now().toISOString();
      await database.atomic([
        recordAttendance(db, id, memberId, attended),
        appendAudit(db, actor, at, {
          action: attended ? 'meeting_attended' : 'meeting_absent',
          subjectType: 'meeting',
          subjectId: id,
          detail: memberId,
        }),
      ]);
      return this.detail(id);
    },

    /** The upcoming meetings for her (and those she replied to), with her reply. */
    async mine(actor: Actor): Promise<MemberMeeting[]> {
      if (!admits(ACCESS.ownMeetings, actor)) return [];
      const rows = await meetingsForMember(db, actor.userId, today());
      return Promise.all(
        rows.map(async (row) => {
          const { createdAt: _, ...meeting } = toStaffMeeting(row);
          const state = row.my_state ?? null;
          return {
            ...meeting,
            myReply: state,
            waitingPosition:
              state === 'waiting' && row.my_replied_at
                ? await waitingPosition(db, row.id, row.my_replied_at, actor.userId)
                : null,
            participants: state === 'going' ? await firstNamesGoing(db, row.id, actor.userId) : [],
          };
        }),
      );
    },

    /** Her yes or no; a no after a yes gives her seat to the first in line, who is told. */
    async reply(actor: Actor, id: string, answer: 'yes' | 'no'): Promise<MemberMeeting> {
      const meeting = admits(ACCESS.ownMeetings, actor) ? await findMeeting(db, id) : undefined;
      const replied = meeting ? await findReply(db, id, actor.userId) : undefined;
      if (!meeting || (!replied && !(await meetingIsFor(db, id, actor.userId)))) throw notFound('meeting');
      if (meeting.held_on < today())
        throw new AppError('invalid_state', 'This meeting has already taken place');
      const at = clock.now().toISOString();
      if (answer === 'yes') await database.atomic([replyYes(id, actor.userId, at)]);
      else {
        const token = newId();
        await database.atomic([
          replyNo(db, id, actor.userId, at),
          promoteWaiting(id, token),
          notifyRepliers(
            { meetingId: id, promotedBy: token },
            {
              kind: 'meeting_seat',
              title: '交流会の席があきました',
              body: `キャンセル待ちをしていた「${meeting.title}」（${meeting.held_on} ${meeting.start_time}〜）に参加できるようになりました。`,
              at,
            },
          ),
        ]);
      }
      const mine = (await this.mine(actor)).find((m) => m.id === id);
      if (!mine) throw notFound('meeting');
      return mine;
    },

    /** The scheduled part: tomorrow's meetings remind those coming, once. */
    async run(): Promise<{ meetingsReminded: number }> {
      const tomorrow = japanDate(new Date(clock.now().getTime() + DAY));
      const due = await meetingsToRemind(db, tomorrow);
      if (due.length === 0) return { meetingsReminded: 0 };
      const at = clock.now().toISOString();
      await database.atomic([
        ...due.map((m) =>
          notifyRepliers(
            { meetingId: m.id, state: 'going' },
            {
              kind: 'meeting_reminder',
              title: 'あしたは交流会です',
              body: `「${m.title}」は、あした${m.start_time}からです。行けなくなったときは、交流会のページからキャンセルしてください。`,
              at,
            },
          ),
        ),
        markReminded(
          db,
          due.map((m) => m.id),
          at,
        ),
      ]);
      return { meetingsReminded: due.length };
    },
  };
}

export type MeetingService = ReturnType<typeof createMeetingService>;
