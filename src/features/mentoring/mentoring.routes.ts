/**
 * Peer mentoring over HTTP: the coordinator's cohorts, invitations, suggested pairs and pairing;
 * her invitations, pairs and sessions, the shared record, and the mentee's choices of what her
 * mentor and the coordinator may read. Handlers only translate.
 */
import { z } from '@hono/zod-openapi';
import { requireActor } from '../../http/env.ts';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';
import { newRouter } from '../../http/router.ts';
import { ACCESS } from '../shared/access.ts';
import { IdParamSchema } from '../shared/common.schemas.ts';
import {
  CohortDetailSchema,
  CohortInputSchema,
  CohortSchema,
  ConsentSchema,
  InviteMentorSchema,
  MenteeAnswerSchema,
  MyMentoringSchema,
  PairInputSchema,
  PairSuggestionSchema,
  SessionRecordInputSchema,
  SessionSchema,
  SharesInputSchema,
  SuggestionQuerySchema,
} from './mentoring.schemas.ts';

const tags = ['Peer mentoring'];

const openRoute = defineRoute(ACCESS.runMentoring, {
  method: 'post',
  path: '/mentoring/cohorts',
  tags,
  summary: 'Open a cohort: start date, sessions (6) every so many days (14)',
  request: jsonBody(CohortInputSchema),
  responses: { 201: jsonResponse(CohortSchema, 'The cohort') },
});

const cohortsRoute = defineRoute(ACCESS.runMentoring, {
  method: 'get',
  path: '/mentoring/cohorts',
  tags,
  summary: 'Cohorts, newest start first',
  responses: { 200: jsonResponse(z.object({ items: z.array(CohortSchema) }), 'Cohorts') },
});

const cohortRoute = defineRoute(ACCESS.runMentoring, {
  method: 'get',
  path: '/mentoring/cohorts/{id}',
  tags,
  summary: 'A cohort: mentors and their answers, pairs and sessions (records only where the mentee allowed)',
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(CohortDetailSchema, 'The cohort') },
});

const inviteRoute = defineRoute(ACCESS.runMentoring, {
  method: 'post',
  path: '/mentoring/cohorts/{id}/mentors',
  tags,
  summary: 'Invite a member at support stage 4–5 to mentor; she mentors only once she agrees',
  request: { params: IdParamSchema, ...jsonBody(InviteMentorSchema) },
  responses: { 200: jsonResponse(CohortDetailSchema, 'The cohort') },
});

const suggestionsRoute = defineRoute(ACCESS.runMentoring, {
  method: 'get',
  path: '/mentoring/cohorts/{id}/suggestions',
  tags,
  summary: 'Consenting mentors ranked for a mentee, with the reasons (area, hometown, children, work)',
  request: { params: IdParamSchema, query: SuggestionQuerySchema },
  responses: { 200: jsonResponse(z.object({ items: z.array(PairSuggestionSchema) }), 'Best first') },
});

const pairRoute = defineRoute(ACCESS.runMentoring, {
  method: 'post',
  path: '/mentoring/cohorts/{id}/pairs',
  tags,
  summary: 'Pair a mentee with a consenting mentor; their sessions are planned',
  request: { params: IdParamSchema, ...jsonBody(PairInputSchema) },
  responses: { 201: jsonResponse(CohortDetailSchema, 'The cohort') },
});

const mineRoute = defineRoute(ACCESS.ownMentoring, {
  method: 'get',
  path: '/members/me/mentoring',
  tags,
  summary: 'Her invitations, her mentees (first name and what each shared) and her mentor, with sessions',
  responses: { 200: jsonResponse(MyMentoringSchema, 'Her mentoring') },
});

const consentRoute = defineRoute(ACCESS.ownMentoring, {
  method: 'post',
  path: '/mentoring/invitations/{id}/answer',
  tags,
  summary: 'Agree (or not) to mentor in the cohort she was invited to ({id} is the cohort)',
  request: { params: IdParamSchema, ...jsonBody(ConsentSchema) },
  responses: { 200: jsonResponse(MyMentoringSchema, 'Her mentoring') },
});

const sharesRoute = defineRoute(ACCESS.ownMentoring, {
  method: 'put',
  path: '/mentoring/pairs/{id}/shares',
  tags,
  summary: 'The mentee chooses what her mentor sees besides her first name (area, children, work)',
  request: { params: IdParamSchema, ...jsonBody(SharesInputSchema) },
  responses: { 200: jsonResponse(MyMentoringSchema, 'Her mentoring') },
});

const recordRoute = defineRoute(ACCESS.ownMentoring, {
  method: 'post',
  path: '/mentoring/sessions/{id}/record',
  tags,
  summary:
    'The shared record of a session (held or not, what was talked about, next step), by mentor or mentee',
  request: { params: IdParamSchema, ...jsonBody(SessionRecordInputSchema) },
  responses: { 200: jsonResponse(SessionSchema, 'The session') },
});

const menteeAnswerRoute = defineRoute(ACCESS.ownMentoring, {
  method: 'post',
  path: '/mentoring/sessions/{id}/answer',
  tags,
  summary: 'The mentee’s answer to a record, with whether the coordinator may read it',
  request: { params: IdParamSchema, ...jsonBody(MenteeAnswerSchema) },
  responses: { 200: jsonResponse(SessionSchema, 'The session') },
});

export const mentoringRoutes = newRouter()
  .openapi(openRoute, async (c) =>
    c.json(await c.var.services.mentoring.open(requireActor(c), c.req.valid('json')), 201),
  )
  .openapi(cohortsRoute, async (c) => c.json({ items: await c.var.services.mentoring.cohorts() }, 200))
  .openapi(cohortRoute, async (c) =>
    c.json(await c.var.services.mentoring.detail(c.req.valid('param').id), 200),
  )
  .openapi(inviteRoute, async (c) =>
    c.json(
      await c.var.services.mentoring.invite(
        requireActor(c),
        c.req.valid('param').id,
        c.req.valid('json').memberId,
      ),
      200,
    ),
  )
  .openapi(suggestionsRoute, async (c) =>
    c.json(
      {
        items: await c.var.services.mentoring.suggestions(
          c.req.valid('param').id,
          c.req.valid('query').menteeId,
        ),
      },
      200,
    ),
  )
  .openapi(pairRoute, async (c) => {
    const { menteeId, mentorId } = c.req.valid('json');
    return c.json(
      await c.var.services.mentoring.pair(requireActor(c), c.req.valid('param').id, menteeId, mentorId),
      201,
    );
  })
  .openapi(mineRoute, async (c) => c.json(await c.var.services.mentoring.mine(requireActor(c)), 200))
  .openapi(consentRoute, async (c) =>
    c.json(
      await c.var.services.mentoring.answerInvitation(
        requireActor(c),
        c.req.valid('param').id,
        c.req.valid('json').consent,
      ),
      200,
    ),
  )
  .openapi(sharesRoute, async (c) =>
    c.json(
      await c.var.services.mentoring.share(
        requireActor(c),
        c.req.valid('param').id,
        c.req.valid('json').shares,
      ),
      200,
    ),
  )
  .openapi(recordRoute, async (c) =>
    c.json(
      await c.var.services.mentoring.record(requireActor(c), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  )
  .openapi(menteeAnswerRoute, async (c) =>
    c.json(
      await c.var.services.mentoring.answer(
        requireActor(c),
        c.req.valid('param').id,
        c.req.valid('json').coordinatorMayRead,
      ),
      200,
    ),
  );
