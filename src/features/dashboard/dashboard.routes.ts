/**
 * Dashboard figures and CSV exports for coordinators.
 */
import { z } from '@hono/zod-openapi';
import { defineRoute, jsonResponse } from '../../http/route.ts';
import { newRouter } from '../../http/router.ts';
import { ACCESS } from '../shared/access.ts';
import { DECISION_SPANS, type DecisionSpan } from './dashboard.service.ts';
import { outcomesCsv, queueCsv } from './dashboard-exports.ts';

const tags = ['Dashboard'];

const DashboardSchema = z
  .object({
    byState: z.record(z.string(), z.number().int()),
    byStage: z.array(z.object({ stage: z.number().int().nullable(), matches: z.number().int() })),
    byPrefecture: z.array(
      z.object({ prefCode: z.string(), prefecture: z.string(), matches: z.number().int() }),
    ),
    medianHoursToDecision: z
      .number()
      .nullable()
      .openapi({ description: 'From her interest to the coordinator’s decision' }),
    decisionTimes: z
      .array(
        z.object({
          span: z.enum(DECISION_SPANS.map((s) => s.span) as [DecisionSpan, ...DecisionSpan[]]),
          decisions: z.number().int(),
        }),
      )
      .openapi({ description: 'Decisions by how long they took' }),
    perMonth: z.array(
      z.object({ month: z.string(), introductions: z.number().int(), hires: z.number().int() }),
    ),
  })
  .openapi('Dashboard');

const csv = (description: string) => ({ description, content: { 'text/csv': { schema: z.string() } } });

const summaryRoute = defineRoute(ACCESS.readDashboard, {
  method: 'get',
  path: '/dashboard',
  tags,
  summary: 'Matches by state, stage and prefecture; time to decision; introductions and hires per month',
  responses: { 200: jsonResponse(DashboardSchema, 'The figures') },
});

const queueCsvRoute = defineRoute(ACCESS.readDashboard, {
  method: 'get',
  path: '/exports/queue.csv',
  tags,
  summary: 'The queue as CSV (UTF-8 with BOM, opens in Excel)',
  responses: { 200: csv('CSV') },
});

const outcomesCsvRoute = defineRoute(ACCESS.readDashboard, {
  method: 'get',
  path: '/exports/outcomes.csv',
  tags,
  summary: 'Introductions and their outcomes as CSV (UTF-8 with BOM, opens in Excel)',
  responses: { 200: csv('CSV') },
});

const csvHeaders = (name: string) => ({
  'content-type': 'text/csv; charset=utf-8',
  'content-disposition': `attachment; filename="${name}"`,
});

export const dashboardRoutes = newRouter()
  .openapi(summaryRoute, async (c) => c.json(await c.var.services.dashboard.summary(), 200))
  .openapi(queueCsvRoute, async (c) =>
    c.body(queueCsv(await c.var.services.dashboard.queueForExport()), 200, csvHeaders('yorisoi-queue.csv')),
  )
  .openapi(outcomesCsvRoute, async (c) =>
    c.body(
      outcomesCsv(await c.var.services.dashboard.outcomesForExport()),
      200,
      csvHeaders('yorisoi-outcomes.csv'),
    ),
  );
