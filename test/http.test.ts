/**
 * The service over real HTTP (the Node server), as curl and browsers talk to it: a POST without
 * any body, a JSON body with Content-Length, a form body that must be refused, and an oversize body
 * on a connection kept alive.
 */
import { Agent, request as httpRequest } from 'node:http';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../src/adapter/node/meilisearch-process.ts';
import { type Account, createTestApp, roleInput, type TestApp } from './support/test-app.ts';

let t: TestApp;
let server: ReturnType<typeof serve>;
let port: number;
let employer: Account;

/** A raw HTTP request, with exactly the headers given (no Content-Length unless set). */
function send(method: string, path: string, headers: Record<string, string>, body?: string, agent?: Agent) {
  return new Promise<{ status: number; body: string; connection?: string }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        text += chunk;
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: text, connection: res.headers.connection }),
      );
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

beforeAll(async () => {
  t = await createTestApp();
  employer = await t.employerWithOrganisation();
  port = await freePort();
  server = serve({ fetch: t.app.fetch, port, hostname: '127.0.0.1' });
});
afterAll(async () => {
  server.close();
  await t.close();
});

describe('over HTTP', () => {
  it('publishes with a bodiless POST, as curl -X POST sends it', async () => {
    const created = await t.call('POST', '/api/roles', { token: employer.token, body: roleInput() });
    const published = await send('POST', `/api/roles/${created.json.id}/publish`, {
      authorization: `Bearer ${employer.token}`,
    });
    expect(published.status).toBe(200);
    expect(JSON.parse(published.body).status).toBe('published');
  });

  it('closes the connection after refusing an oversize body, so a client reusing it is not cut off', async () => {
    // One kept-alive connection: the next request goes on it unless the server said to close it.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const huge = JSON.stringify({ description: 'あ'.repeat(200_000) });
    const headers = { authorization: `Bearer ${employer.token}`, 'content-type': 'application/json' };
    for (let i = 0; i < 3; i++) {
      const refused = await send(
        'POST',
        '/api/roles',
        { ...headers, 'content-length': String(Buffer.byteLength(huge)) },
        huge,
        agent,
      );
      expect(refused.status).toBe(413);
      expect(refused.connection).toBe('close');
      const next = await send('GET', '/api/roles', headers, undefined, agent);
      expect(next.status).toBe(200);
    }
    agent.destroy();
  });

  it('accepts JSON with a Content-Length and refuses a form body with 415', async () => {
    const json = JSON.stringify(roleInput());
    const created = await send(
      'POST',
      '/api/roles',
      {
        authorization: `Bearer ${employer.token}`,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(json)),
      },
      json,
    );
    expect(created.status).toBe(201);
    const form = 'title=%E4%BB%8B%E8%AD%B7';
    const refused = await send(
      'POST',
      '/api/roles',
      {
        authorization: `Bearer ${employer.token}`,
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': String(form.length),
      },
      form,
    );
    expect(refused.status).toBe(415);
    expect(JSON.parse(refused.body).error.code).toBe('unsupported_media_type');
  });
});
