/**
 * Exchange meetings over HTTP: staff publish, list, see replies by name and record attendance; a
 * member lists the meetings for her and replies yes or no. Handlers only translate.
 */
import { z } from '@hono/zod-openapi';
import { requireActor } from '../../http/env.ts';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';
import { newRouter } from '../../http/router.ts';
import { ACCESS } from '../shared/access.ts';
import { IdParamSchema } from '../shared/common.schemas.ts';
import {
  AttendanceInputSchema,
  MeetingDetailSchema,
  MeetingInputSchema,
  MemberMeetingSchema,
  ReplyInputSchema,
  StaffMeetingSchema,
} from './meeting.schemas.ts';

const tags = ['Exchange meetings'];

const publishRoute = defineRoute(ACCESS.runMeetings, {
  method: 'post',
  path: '/meetings',
  tags,
  summary:
    'Publish an exchange meeting (交流会): day and times, online or a place, capacity, children, stages',
  request: jsonBody(MeetingInputSchema),
  responses: { 201: jsonResponse(StaffMeetingSchema, 'The meeting') },
});

const listRoute = defineRoute(ACCESS.runMeetings, {
  method: 'get',
  path: '/meetings',
  tags,
  summary: 'Meetings from a week ago on, soonest first, with seats taken and the waiting list',
  responses: { 200: jsonResponse(z.object({ items: z.array(StaffMeetingSchema) }), 'Meetings') },
});

const detailRoute = defineRoute(ACCESS.runMeetings, {
  method: 'get',
  path: '/meetings/{id}',
  tags,
  summary: 'A meeting with every reply by name (coming, waiting, not coming) and attendance',
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(MeetingDetailSchema, 'The meeting') },
});

const attendanceRoute = defineRoute(ACCESS.runMeetings, {
  method: 'post',
  path: '/meetings/{id}/attendance',
  tags,
  summary: 'Record whether a member with a seat came (on or after the day)',
  request: { params: IdParamSchema, ...jsonBody(AttendanceInputSchema) },
  responses: { 200: jsonResponse(MeetingDetailSchema, 'The meeting') },
});

const mineRoute = defineRoute(ACCESS.ownMeetings, {
  method: 'get',
  path: '/members/me/meetings',
  tags,
  summary: 'Upcoming meetings online or in the prefecture where she lives or plans to move, with her reply',
  responses: { 200: jsonResponse(z.object({ items: z.array(MemberMeetingSchema) }), 'Her meetings') },
});

const replyRoute = defineRoute(ACCESS.ownMeetings, {
  method: 'post',
  path: '/meetings/{id}/reply',
  tags,
  summary: 'Her yes (a seat, or the waiting list when full) or no (also cancels; the first in line moves up)',
  request: { params: IdParamSchema, ...jsonBody(ReplyInputSchema) },
  responses: { 200: jsonResponse(MemberMeetingSchema, 'The meeting, with her reply') },
});

export const meetingRoutes = newRouter()
  .openapi(publishRoute, async (c) =>
    c.json(await c.var.services.meetings.publish(requireActor(c), c.req.valid('json')), 201),
  )
  .openapi(listRoute, async (c) => c.json({ items: await c.var.services.meetings.list() }, 200))
  .openapi(detailRoute, async (c) =>
    c.json(await c.var.services.meetings.detail(c.req.valid('param').id), 200),
  )
  .openapi(attendanceRoute, async (c) => {
    const { memberId, attended } = c.req.valid('json');
    return c.json(
      await c.var.services.meetings.attendance(requireActor(c), c.req.valid('param').id, memberId, attended),
      200,
    );
  })
  .openapi(mineRoute, async (c) =>
    c.json({ items: await c.var.services.meetings.mine(requireActor(c)) }, 200),
  )
  .openapi(replyRoute, async (c) =>
    c.json(
      await c.var.services.meetings.reply(
        requireActor(c),
        c.req.valid('param').id,
        c.req.valid('json').answer,
      ),
      200,
    ),
  );
