/**
 * Read, then write back: a role and a member profile read with GET and turned into their write
 * shapes by the typed client's helpers (clients/typescript/round-trip.ts) are accepted by PUT and
 * change nothing. The helpers drop only what the service adds; if a read or write shape gains a
 * field, this test says which field no longer survives the trip.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileInputFrom, roleInputFrom } from '../clients/typescript/round-trip.ts';
import { createTestApp, memberProfileInput, roleInput, type TestApp } from './support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** Everything but what a write is expected to move (its time and version). */
const settled = ({ updatedAt: _u, version: _v, ...rest }: Record<string, unknown>) => rest;

describe('GET then PUT back', () => {
  it('keeps a role as it was, its verified facts too', async () => {
    const coordinator = await t.createStaff('coordinator');
    const employer = await t.employerWithOrganisation({ coordinator });
    const id = await t.publishRole(employer);
    const checked = await t.call('POST', `/api/roles/${id}/facts/sick_child_absence_ok/verification`, {
      token: coordinator.token,
      body: {},
    });
    expect(checked.status).toBe(200);
    const before = await t.call('GET', `/api/roles/${id}`, { token: employer.token });
    expect(before.json.facts.sick_child_absence_ok.verified).toBe(true);

    const put = await t.call('PUT', `/api/roles/${id}`, {
      token: employer.token,
      body: roleInputFrom(before.json),
    });
    expect(put.status, put.text).toBe(200);
    const after = await t.call('GET', `/api/roles/${id}`, { token: employer.token });
    expect(settled(after.json)).toEqual(settled(before.json));
    expect(roleInputFrom(after.json)).toEqual(roleInput());
  });

  it('keeps her profile as it was', async () => {
    const member = await t.signUp('member');
    await t.call('PUT', '/api/members/me', { token: member.token, body: memberProfileInput() });
    const before = await t.call('GET', '/api/members/me', { token: member.token });

    const put = await t.call('PUT', '/api/members/me', {
      token: member.token,
      body: profileInputFrom(before.json),
    });
    expect(put.status, put.text).toBe(200);
    const after = await t.call('GET', '/api/members/me', { token: member.token });
    expect(settled(after.json)).toEqual(settled(before.json));
  });
});
