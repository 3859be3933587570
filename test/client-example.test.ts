/**
 * The typed client's README example (clients/typescript/example.ts) against the service over
 * real HTTP: the three journeys end with the employer seeing her introduction. Also, the client's
 * generated files are those `npm run client:generate` writes today, so the client and README never
 * describe an API that has since changed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yorisoiClient } from '../clients/typescript/client.ts';
import { threeJourneys } from '../clients/typescript/example.ts';
import { DOCUMENT_FILE, generatedFiles, TYPESCRIPT_DIR } from '../clients/typescript/generate.ts';
import { freePort } from '../src/adapter/node/meilisearch-process.ts';
import { newId } from '../src/deps.ts';
import {
  createTestApp,
  memberProfileInput,
  organisationInput,
  roleInput,
  TEST_PASSWORD,
  type TestApp,
} from './support/test-app.ts';

let t: TestApp;
let server: ReturnType<typeof serve>;
let baseUrl: string;

beforeAll(async () => {
  t = await createTestApp();
  const port = await freePort();
  server = serve({ fetch: t.app.fetch, port, hostname: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  server.close();
  await t.close();
});

// Several sign-ups and sign-ins, each a deliberate password hash: slow on a busy 2-core machine.
describe('the typed client', { timeout: 120_000 }, () => {
  it('drives the three journeys of its README example', async () => {
    const email = (who: string) => `${who}-${newId()}@example.jp`;
    const accounts = {
      employer: { email: email('employer'), password: TEST_PASSWORD },
      member: { email: email('member'), password: TEST_PASSWORD },
      coordinator: { email: email('coordinator'), password: TEST_PASSWORD },
    };
    const coordinator = await t.createStaff('coordinator', accounts.coordinator.email);
    const employer = await t.signUp('employer', accounts.employer.email);
    const organisation = await t.call('POST', '/api/organisations', {
      token: employer.token,
      body: organisationInput(),
    });
    await t.call('POST', `/api/organisations/${organisation.json.id}/verification`, {
      token: coordinator.token,
      body: { state: 'verified' },
    });
    const member = await t.signUp('member', accounts.member.email);
    await t.call('PUT', '/api/members/me', { token: member.token, body: memberProfileInput() });

    const role = roleInput() as Parameters<typeof threeJourneys>[2];
    const introduction = await threeJourneys(baseUrl, accounts, role);
    expect(introduction).toMatchObject({
      state: 'approved',
      roleTitle: role.title,
      member: { email: accounts.member.email },
    });
  });

  it('returns failures in the one error shape, typed', async () => {
    const { data, error, response } = await yorisoiClient(baseUrl).POST('/api/auth/sign-in', {
      body: { email: 'nobody@example.jp', password: 'not-the-password' },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(401);
    expect(error?.error.code).toBe('unauthenticated');
  });

  it('is generated from the API as it is now (else run `npm run client:generate`)', async () => {
    const fresh = await generatedFiles();
    expect(readFileSync(DOCUMENT_FILE, 'utf8') === fresh.document, 'clients/openapi.json is stale').toBe(
      true,
    );
    for (const [file, text] of Object.entries(fresh.schema))
      expect(
        readFileSync(join(TYPESCRIPT_DIR, file), 'utf8') === text,
        `clients/typescript/${file} is stale`,
      ).toBe(true);
  });
});
