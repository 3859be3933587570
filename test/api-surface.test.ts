/**
 * The API as a generated client sees it: every operation has a unique verb-noun id, the document
 * names its server and licence, request parameters carry no `default` (said in words instead) and
 * no `null` in query types, each route documents the failure statuses it can really return, a
 * documented path called with another method is 405 with `Allow` in the one error shape, and a
 * yes/no query flag takes what an HTML checkbox sends (`on`) as well as `true`/`false`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, memberProfileInput, type TestApp } from './support/test-app.ts';

let t: TestApp;
let doc: any;
const operations: { method: string; path: string; op: any }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  doc = (await t.call('GET', '/openapi.json')).json;
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
    for (const [method, op] of Object.entries(item)) operations.push({ method, path, op });
  }
});
afterAll(async () => t.close());

describe('the OpenAPI document', () => {
  it('gives every operation a unique verb-noun operationId, a tag, and defines the tags', () => {
    const ids = operations.map((o) => o.op.operationId);
    expect(
      ids.every((id) => /^[a-z]+[A-Z][A-Za-z]*$/.test(id)),
      ids.join(' '),
    ).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const defined = new Set(doc.tags.map((tag: { name: string }) => tag.name));
    for (const { op } of operations) for (const tag of op.tags) expect(defined).toContain(tag);
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
    expect(doc.info.license.name).toBeTruthy();
  });

  it('says defaults in words, never as a schema default, and types offset as a plain integer', () => {
    for (const { op } of operations) {
      for (const parameter of op.parameters ?? []) {
        expect(JSON.stringify(parameter.schema)).not.toContain('"default"');
        expect(JSON.stringify(parameter.schema.type)).not.toContain('null');
      }
    }
    const offset = operations
      .find((o) => o.method === 'get' && o.path === '/api/jobs')
      ?.op.parameters.find((p: { name: string }) => p.name === 'offset');
    expect(offset.schema.type).toBe('integer');
    expect(offset.description).toBe('0 when left out.');
    expect(JSON.stringify(doc.components.schemas.OrganisationInput)).not.toContain('"default"');
  });

  it('documents only the errors each route can return', () => {
    const statuses = (method: string, path: string) =>
      Object.keys(operations.find((o) => o.method === method && o.path === path)?.op.responses ?? {});
    expect(statuses('post', '/api/auth/sign-in')).toEqual(
      expect.arrayContaining(['401', '429', '413', '415']),
    );
    expect(statuses('post', '/api/members/me/deletion')).toContain('429');
    for (const { method, op, path } of operations) {
      const codes = Object.keys(op.responses);
      if (!op.requestBody) {
        expect(codes, `${method} ${path}`).not.toContain('413');
        expect(codes, `${method} ${path}`).not.toContain('415');
      }
      if (method === 'get') expect(codes, `${method} ${path}`).not.toContain('409');
    }
  });
});

describe('methods a path does not have', () => {
  it('are 405 with Allow, in the one error shape', async () => {
    const res = await t.call('DELETE', '/api/jobs');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(res.json.error).toMatchObject({ code: 'method_not_allowed', requestId: expect.any(String) });

    const role = await t.call('PATCH', '/api/roles/3f1c2a8e-4b1d-4c55-9a43-1b2c3d4e5f60');
    expect(role.status).toBe(405);
    expect(role.headers.get('allow')).toBe('GET, PUT, DELETE, HEAD');
  });

  it('leave unknown paths 404', async () => {
    const res = await t.call('DELETE', '/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('not_found');
  });
});

describe('yes/no query flags', () => {
  it('take on (a checked checkbox) as yes, like true, and refuse anything else', async () => {
    const member = await t.signUp('member');
    const saved = await t.call('PUT', '/api/members/me', { token: member.token, body: memberProfileInput() });
    expect(saved.status).toBe(200);
    for (const value of ['on', 'true', 'false']) {
      const res = await t.call('GET', `/api/jobs?fitsAvailability=${value}`, { token: member.token });
      expect(res.status, value).toBe(200);
    }
    const bad = await t.call('GET', '/api/jobs?fitsAvailability=yes', { token: member.token });
    expect(bad.status).toBe(422);
    expect(bad.json.error.issues[0].path).toBe('query.fitsAvailability');
  });

  it('let the search page filter by her hours with its checkbox', async () => {
    const member = await t.signUp('member');
    await t.call('PUT', '/api/members/me', { token: member.token, body: memberProfileInput() });
    const page = await t.call('GET', '/jobs?fitsAvailability=on', { token: member.token });
    expect(page.status).toBe(200);
  });
});
