/**
 * Follow-up after a hire over HTTP: her check-ins and answers, the coordinator's follow-up queue
 * and what happened after a member's hires, and the employer's separation (退職). Handlers only
 * translate.
 */
import { z } from '@hono/zod-openapi';
import { requireActor } from '../../http/env.ts';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';
import { newRouter } from '../../http/router.ts';
import { ACCESS } from '../shared/access.ts';
import { IdParamSchema } from '../shared/common.schemas.ts';
import {
  AfterHireSchema,
  CheckInAnswerSchema,
  CheckInSchema,
  CloseFollowUpSchema,
  FollowUpQuerySchema,
  FollowUpSchema,
  SeparationInputSchema,
  SeparationSchema,
} from './follow-up.schemas.ts';
import { AfterHireOutcomesSchema, afterHireCsv, afterHireOutcomes } from './outcomes.ts';

const tags = ['Follow-up after a hire'];

const myCheckInsRoute = defineRoute(ACCESS.checkIns, {
  method: 'get',
  path: '/members/me/check-ins',
  tags,
  summary: 'Her check-ins after a hire (2 weeks, 1, 2, 3 months), each with its state and her answer',
  responses: { 200: jsonResponse(z.object({ items: z.array(CheckInSchema) }), 'Soonest first') },
});

const answerRoute = defineRoute(ACCESS.checkIns, {
  method: 'post',
  path: '/check-ins/{id}/answer',
  tags,
  summary: 'Answer a check-in: 「お仕事の様子」 1–5, optional words, 「相談したい」',
  description: 'A low answer or 「相談したい」 puts her in the coordinators’ follow-up queue at once.',
  request: { params: IdParamSchema, ...jsonBody(CheckInAnswerSchema) },
  responses: { 200: jsonResponse(CheckInSchema, 'The answered check-in') },
});

const queueRoute = defineRoute(ACCESS.followUps, {
  method: 'get',
  path: '/follow-ups',
  tags,
  summary: 'The follow-up queue: who needs a call and why (open ones oldest first)',
  request: { query: FollowUpQuerySchema },
  responses: { 200: jsonResponse(z.object({ items: z.array(FollowUpSchema) }), 'Follow-ups') },
});

const closeRoute = defineRoute(ACCESS.followUps, {
  method: 'post',
  path: '/follow-ups/{id}/close',
  tags,
  summary: 'Close a follow-up with a contact note',
  request: { params: IdParamSchema, ...jsonBody(CloseFollowUpSchema) },
  responses: { 200: jsonResponse(FollowUpSchema, 'The closed follow-up') },
});

const afterHireRoute = defineRoute(ACCESS.supportMembers, {
  method: 'get',
  path: '/members/{id}/after-hire',
  tags,
  summary: 'Her check-ins, separations and follow-ups (with her stage history on GET /members/{id}/stage)',
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(AfterHireSchema, 'After her hires') },
});

const separationRoute = defineRoute(ACCESS.introductions, {
  method: 'post',
  path: '/introductions/{id}/separation',
  tags,
  summary: 'Record that a hire ended (退職), with a reason code; a coordinator will reach out to her',
  request: { params: IdParamSchema, ...jsonBody(SeparationInputSchema) },
  responses: { 201: jsonResponse(SeparationSchema, 'Recorded') },
});

const outcomesRoute = defineRoute(ACCESS.readDashboard, {
  method: 'get',
  path: '/dashboard/after-hire',
  tags: ['Dashboard'],
  summary:
    'Retention at 1 and 3 months after a hire, check-in answers per month, mentoring sessions held vs planned',
  responses: { 200: jsonResponse(AfterHireOutcomesSchema, 'The figures') },
});

const outcomesCsvRoute = defineRoute(ACCESS.readDashboard, {
  method: 'get',
  path: '/exports/after-hire.csv',
  tags: ['Dashboard'],
  summary: 'The after-hire figures as CSV (UTF-8 with BOM, formula-safe, opens in Excel)',
  responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } } },
});

export const followUpRoutes = newRouter()
  .openapi(outcomesRoute, async (c) => c.json(await afterHireOutcomes(c.var.services), 200))
  .openapi(outcomesCsvRoute, async (c) =>
    c.body(afterHireCsv(await afterHireOutcomes(c.var.services)), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="yorisoi-after-hire.csv"',
    }),
  )
  .openapi(myCheckInsRoute, async (c) =>
    c.json({ items: await c.var.services.followUp.mine(requireActor(c)) }, 200),
  )
  .openapi(answerRoute, async (c) =>
    c.json(
      await c.var.services.followUp.answer(requireActor(c), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  )
  .openapi(queueRoute, async (c) =>
    c.json({ items: await c.var.services.followUp.queue(c.req.valid('query')) }, 200),
  )
  .openapi(closeRoute, async (c) =>
    c.json(
      await c.var.services.followUp.close(requireActor(c), c.req.valid('param').id, c.req.valid('json').note),
      200,
    ),
  )
  .openapi(afterHireRoute, async (c) =>
    c.json(await c.var.services.followUp.afterHire(c.req.valid('param').id), 200),
  )
  .openapi(separationRoute, async (c) =>
    c.json(
      await c.var.services.followUp.recordSeparation(
        requireActor(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      201,
    ),
  );
