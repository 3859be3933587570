/**
 * CORS: off unless `CORS_ORIGINS` lists origins. Then only those origins' pages get
 * Access-Control-Allow-Origin (on answers and errors alike, so a front end can read the error
 * shape), preflights are answered, and credentials (the session cookie) are never allowed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigurationError, parseEnv, sharedEnvFields } from '../src/config.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const FRONT_END = 'https://app.example.jp';
const ELSEWHERE = 'https://evil.example.com';

const preflight = (origin: string) => ({
  headers: {
    origin,
    'access-control-request-method': 'POST',
    'access-control-request-headers': 'authorization,content-type',
  },
});

let off: TestApp;
let on: TestApp;

beforeAll(async () => {
  off = await createTestApp();
  on = await createTestApp({ config: { corsOrigins: [FRONT_END] } });
});
afterAll(async () => {
  await off.close();
  await on.close();
});

describe('CORS by default', () => {
  it('is off: no preflight answer and no allow-origin on any answer', async () => {
    const options = await off.call('OPTIONS', '/api/roles', preflight(FRONT_END));
    expect(options.status).toBe(405);
    expect(options.headers.get('access-control-allow-origin')).toBeNull();
    const get = await off.call('GET', '/api/areas/prefectures', { headers: { origin: FRONT_END } });
    expect(get.status).toBe(200);
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CORS with an allow-list', () => {
  it('answers a listed origin’s preflight, without credentials', async () => {
    const res = await on.call('OPTIONS', '/api/roles', preflight(FRONT_END));
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(FRONT_END);
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('lets the listed origin read answers and errors, and no other origin', async () => {
    const ok = await on.call('GET', '/api/areas/prefectures', { headers: { origin: FRONT_END } });
    expect(ok.headers.get('access-control-allow-origin')).toBe(FRONT_END);
    const refused = await on.call('GET', '/api/auth/me', { headers: { origin: FRONT_END } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe(FRONT_END);
    expect(refused.headers.get('access-control-expose-headers')).toContain('Retry-After');

    const other = await on.call('GET', '/api/areas/prefectures', { headers: { origin: ELSEWHERE } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const otherPreflight = await on.call('OPTIONS', '/api/roles', preflight(ELSEWHERE));
    expect(otherPreflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('does not reach the web pages', async () => {
    const page = await on.call('GET', '/sign-in', { headers: { origin: FRONT_END } });
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CORS_ORIGINS', () => {
  const schema = z.object(sharedEnvFields);

  it('is a comma-separated list of origins, empty by default', () => {
    expect(parseEnv(schema, {}).CORS_ORIGINS).toEqual([]);
    expect(parseEnv(schema, { CORS_ORIGINS: '' }).CORS_ORIGINS).toEqual([]);
    expect(
      parseEnv(schema, { CORS_ORIGINS: 'https://app.example.jp, http://localhost:5173' }).CORS_ORIGINS,
    ).toEqual(['https://app.example.jp', 'http://localhost:5173']);
  });

  it('refuses anything that is not exactly an origin, naming the variable', () => {
    for (const value of ['*', 'https://app.example.jp/', 'https://app.example.jp/app', 'app.example.jp']) {
      expect(() => parseEnv(schema, { CORS_ORIGINS: value }), value).toThrow(ConfigurationError);
      expect(() => parseEnv(schema, { CORS_ORIGINS: value }), value).toThrow(/CORS_ORIGINS/);
    }
  });
});
