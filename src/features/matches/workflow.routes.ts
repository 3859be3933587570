/**
 * The match workflow over HTTP: a member's interest, her matches and withdrawal; the coordinator's
 * queue and decisions; the employer's introductions and outcomes. Handlers only translate.
 */
import { z } from '@hono/zod-openapi';
import { requireActor } from '../../http/env.ts';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';
import { newRouter } from '../../http/router.ts';
import { ACCESS } from '../shared/access.ts';
import { IdParamSchema } from '../shared/common.schemas.ts';
import {
  DecisionInputSchema,
  IntroductionSchema,
  MatchSchema,
  OutcomeInputSchema,
  QueueItemSchema,
  QueueQuerySchema,
  WithdrawInputSchema,
} from './match.schemas.ts';

const tags = ['Match workflow'];

const interestRoute = defineRoute(ACCESS.ownMatches, {
  method: 'post',
  path: '/jobs/{id}/interest',
  tags,
  summary: '「話を聞いてみたい」: her consent to be introduced for this role (creates or revives the match)',
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(MatchSchema, 'The match, now interested') },
});

const myMatchesRoute = defineRoute(ACCESS.ownMatches, {
  method: 'get',
  path: '/members/me/matches',
  tags,
  summary: 'Her matches and where each stands',
  responses: { 200: jsonResponse(z.object({ items: z.array(MatchSchema) }), 'Her matches, latest first') },
});

const withdrawRoute = defineRoute(ACCESS.ownMatches, {
  method: 'post',
  path: '/matches/{id}/withdraw',
  tags,
  summary: 'Withdraw from a match, at any point before it is concluded',
  request: { params: IdParamSchema, ...jsonBody(WithdrawInputSchema) },
  responses: { 200: jsonResponse(MatchSchema, 'Withdrawn') },
});

const dismissRoute = defineRoute(ACCESS.ownMatches, {
  method: 'post',
  path: '/matches/{id}/dismiss',
  tags,
  summary: 'Dismiss a suggestion (it is not proposed again)',
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(MatchSchema, 'Dismissed') },
});

const queueRoute = defineRoute(ACCESS.reviewMatches, {
  method: 'get',
  path: '/matches',
  tags,
  summary: 'The coordinator queue, oldest interest first',
  request: { query: QueueQuerySchema },
  responses: {
    200: jsonResponse(z.object({ items: z.array(QueueItemSchema) }), 'Matches waiting for a decision'),
  },
});

const decideRoute = defineRoute(ACCESS.reviewMatches, {
  method: 'post',
  path: '/matches/{id}/decision',
  tags,
  summary: 'Take into review, approve (introduce) or reject, at the version you saw',
  request: { params: IdParamSchema, ...jsonBody(DecisionInputSchema) },
  responses: { 200: jsonResponse(MatchSchema, 'The match after the decision') },
});

const introductionsRoute = defineRoute(ACCESS.introductions, {
  method: 'get',
  path: '/introductions',
  tags,
  summary: 'Members a coordinator introduced to the organisation’s roles (approved and later only)',
  responses: { 200: jsonResponse(z.object({ items: z.array(IntroductionSchema) }), 'Introductions') },
});

const outcomeRoute = defineRoute(ACCESS.introductions, {
  method: 'post',
  path: '/introductions/{id}/outcome',
  tags,
  summary: 'Record the outcome of an introduction: interviewing, hired, or not hired (with a reason)',
  request: { params: IdParamSchema, ...jsonBody(OutcomeInputSchema) },
  responses: { 200: jsonResponse(IntroductionSchema, 'The introduction with its outcome') },
});

export const workflowRoutes = newRouter()
  .openapi(interestRoute, async (c) =>
    c.json(await c.var.services.matches.expressInterest(requireActor(c), c.req.valid('param').id), 200),
  )
  .openapi(myMatchesRoute, async (c) =>
    c.json({ items: await c.var.services.matches.mine(requireActor(c)) }, 200),
  )
  .openapi(withdrawRoute, async (c) =>
    c.json(
      await c.var.services.matches.withdraw(
        requireActor(c),
        c.req.valid('param').id,
        c.req.valid('json').reason,
      ),
      200,
    ),
  )
  .openapi(dismissRoute, async (c) =>
    c.json(await c.var.services.matches.dismiss(requireActor(c), c.req.valid('param').id), 200),
  )
  .openapi(queueRoute, async (c) =>
    c.json({ items: await c.var.services.matches.queue(c.req.valid('query')) }, 200),
  )
  .openapi(decideRoute, async (c) =>
    c.json(
      await c.var.services.matches.decide(requireActor(c), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  )
  .openapi(introductionsRoute, async (c) =>
    c.json({ items: await c.var.services.matches.introductions(requireActor(c)) }, 200),
  )
  .openapi(outcomeRoute, async (c) =>
    c.json(
      await c.var.services.matches.recordOutcome(
        requireActor(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      200,
    ),
  );
