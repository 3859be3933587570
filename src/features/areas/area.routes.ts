/**
 * Area look-ups: prefectures, municipalities and wards by prefecture or by name, one area by code.
 * Public: they hold no personal data and sign-up forms need them.
 */
import { z } from '@hono/zod-openapi';
import { defineRoute, jsonResponse } from '../../http/route.ts';
import { newRouter } from '../../http/router.ts';
import { ACCESS } from '../shared/access.ts';
import { AreaCodeSchema, listResponse, PageQuerySchema, PrefCodeSchema } from '../shared/common.schemas.ts';

const AreaSchema = z
  .object({
    code: z.string(),
    kind: z.enum(['prefecture', 'municipality', 'ward']),
    prefCode: z.string(),
    prefecture: z.string(),
    parentCode: z.string().nullable(),
    name: z.string(),
    kana: z.string(),
    point: z.object({ lat: z.number(), lng: z.number() }).nullable(),
  })
  .openapi('Area');

const listPrefecturesRoute = defineRoute(ACCESS.publicInformation, {
  method: 'get',
  path: '/prefectures',
  tags: ['Areas'],
  summary: 'All 47 prefectures',
  responses: { 200: jsonResponse(z.object({ items: z.array(AreaSchema) }), 'Prefectures in JIS order') },
});

const searchAreasRoute = defineRoute(ACCESS.publicInformation, {
  method: 'get',
  path: '/',
  tags: ['Areas'],
  summary: 'Municipalities and wards, by prefecture and/or name',
  request: {
    query: PageQuerySchema.extend({
      prefCode: PrefCodeSchema.optional(),
      q: z
        .string()
        .trim()
        .min(1)
        .max(40)
        .optional()
        .openapi({ description: 'Name, reading or romaji, e.g. 横浜, よこはま, ヨコハマ or yokohama' }),
      kind: z.enum(['prefecture', 'municipality', 'ward']).optional(),
    }),
  },
  responses: { 200: jsonResponse(listResponse(AreaSchema, 'AreaList'), 'Matching areas') },
});

const getAreaRoute = defineRoute(ACCESS.publicInformation, {
  method: 'get',
  path: '/{code}',
  tags: ['Areas'],
  summary: 'One area by its 6-digit code',
  request: { params: z.object({ code: AreaCodeSchema.openapi({ param: { name: 'code', in: 'path' } }) }) },
  responses: { 200: jsonResponse(AreaSchema, 'The area') },
});

const TownSchema = z
  .object({
    name: z.string().openapi({ example: '大倉山三丁目' }),
    point: z.object({ lat: z.number(), lng: z.number() }),
  })
  .openapi('Town');

const searchTownsRoute = defineRoute(ACCESS.publicInformation, {
  method: 'get',
  path: '/{code}/towns',
  operationId: 'listAreaTowns',
  tags: ['Areas'],
  summary: 'Towns (大字・町丁目) of a municipality or ward, by name',
  description:
    'For a home or workplace finer than the municipality. Names only (the town master has no readings); digits match kanji (大倉山3 finds 大倉山三丁目).',
  request: {
    params: z.object({ code: AreaCodeSchema.openapi({ param: { name: 'code', in: 'path' } }) }),
    query: PageQuerySchema.extend({
      q: z
        .string()
        .trim()
        .min(1)
        .max(40)
        .optional()
        .openapi({ description: 'Part of the name, e.g. 大倉山' }),
    }),
  },
  responses: { 200: jsonResponse(listResponse(TownSchema, 'TownList'), 'Matching towns') },
});

export const areaRoutes = newRouter()
  .openapi(listPrefecturesRoute, async (c) =>
    c.json({ items: await c.var.services.areas.prefectures() }, 200),
  )
  .openapi(searchAreasRoute, async (c) =>
    c.json(await c.var.services.areas.search(c.req.valid('query')), 200),
  )
  .openapi(searchTownsRoute, async (c) =>
    c.json(await c.var.services.areas.towns({ ...c.req.valid('param'), ...c.req.valid('query') }), 200),
  )
  .openapi(getAreaRoute, async (c) => c.json(await c.var.services.areas.get(c.req.valid('param').code), 200));
