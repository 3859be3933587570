/**
 * The three journeys through the typed client, as the client's README shows them: the employer
 * posts and publishes a role, the member says she would like to hear more, a coordinator takes it
 * into review and approves, and the employer sees the introduction with her contact details.
 * `test/client-example.test.ts` runs this against the service over HTTP.
 */
import { type Schemas, signedInClient } from './client.ts';

export interface Credentials {
  email: string;
  password: string;
}

/** Fails with the error envelope's code and message when a call did not succeed. */
function ok<T>(result: { data?: T; error?: { error: { code: string; message: string } } }, what: string): T {
  if (result.data === undefined) {
    throw new Error(`${what} failed: ${result.error?.error.code} ${result.error?.error.message}`);
  }
  return result.data;
}

/** Runs the three journeys and returns the introduction the employer sees. */
export async function threeJourneys(
  baseUrl: string,
  accounts: { employer: Credentials; member: Credentials; coordinator: Credentials },
  role: Schemas['RoleInput'],
): Promise<Schemas['Introduction']> {
  // 1. The employer posts a role (a draft) and publishes it.
  const employer = await signedInClient(baseUrl, accounts.employer);
  const draft = ok(await employer.POST('/api/roles', { body: role }), 'create role');
  const published = ok(
    await employer.POST('/api/roles/{id}/publish', { params: { path: { id: draft.id } } }),
    'publish role',
  );

  // 2. The member says she would like to hear more (her consent to be introduced).
  const member = await signedInClient(baseUrl, accounts.member);
  const match = ok(
    await member.POST('/api/jobs/{id}/interest', { params: { path: { id: published.id } } }),
    'express interest',
  );

  // 3. A coordinator takes it into review, then approves, each at the version she saw.
  const coordinator = await signedInClient(baseUrl, accounts.coordinator);
  const reviewing = ok(
    await coordinator.POST('/api/matches/{id}/decision', {
      params: { path: { id: match.id } },
      body: { decision: 'review', expectedVersion: match.version },
    }),
    'take into review',
  );
  ok(
    await coordinator.POST('/api/matches/{id}/decision', {
      params: { path: { id: match.id } },
      body: {
        decision: 'approve',
        reason: 'Her hours and commute fit the role',
        expectedVersion: reviewing.version,
      },
    }),
    'approve',
  );

  // 4. The employer sees the introduction, with her name and contact details.
  const introductions = ok(await employer.GET('/api/introductions'), 'list introductions');
  const introduction = introductions.items.find((item) => item.id === match.id);
  if (!introduction) throw new Error('the employer does not see the introduction');
  return introduction;
}
