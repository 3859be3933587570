/**
 * The member's journey through the API: sign up, save a profile, update her availability,
 * hide her municipality and block an employer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, memberProfileInput, type TestApp } from './support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('member journey', () => {
  it('saves her profile, then her availability, and keeps her stage', async () => {
    const member = await t.signUp('member');
    const before = await t.call('GET', '/api/members/me', { token: member.token });
    expect(before.status).toBe(404);
    const availabilityBefore = await t.call('PUT', '/api/members/me/availability', {
      token: member.token,
      body: { windows: [{ day: 'mon', start: '09:00', end: '12:00' }], maxHoursPerWeek: 10 },
    });
    expect(availabilityBefore.status).toBe(404);

    const saved = await t.call('PUT', '/api/members/me', { token: member.token, body: memberProfileInput() });
    expect(saved.status).toBe(200);
    expect(saved.json.area).toEqual({
      code: '141097',
      name: '横浜市港北区',
      prefecture: '神奈川県',
      prefCode: '14',
    });
    expect(saved.json.targetAreas).toEqual([
      { code: '400009', name: '福岡県', prefecture: '福岡県', prefCode: '40', needsRelocationSupport: true },
    ]);
    expect(saved.json.supportStage).toBeNull();
    expect(saved.json.availability.windows).toHaveLength(5);

    // A coordinator assigned a stage; her own save must not undo it.
    await t.database.atomic([
      t.database.db.updateTable('members').set({ support_stage: 3 }).where('user_id', '=', member.userId),
    ]);

    const availability = {
      windows: [
        { day: 'sat', start: '10:00', end: '13:00' },
        { day: 'mon', start: '09:00', end: '15:00' },
        { day: 'fri', start: '09:00', end: '15:00' },
      ],
      maxHoursPerWeek: 15,
      earliestStartDate: '2027-02-01',
    };
    const updated = await t.call('PUT', '/api/members/me/availability', {
      token: member.token,
      body: availability,
    });
    expect(updated.status).toBe(200);
    expect(updated.json.windows.map((w: { day: string }) => w.day)).toEqual(['mon', 'fri', 'sat']);
    expect(updated.json.maxHoursPerWeek).toBe(15);

    const again = await t.call('PUT', '/api/members/me', {
      token: member.token,
      body: memberProfileInput({ availability }),
    });
    expect(again.json.supportStage).toBe(3);
    const read = await t.call('GET', '/api/members/me/availability', { token: member.token });
    expect(read.json).toEqual({ ...availability, windows: updated.json.windows });
  });

  it('hides her municipality and blocks an employer; unknown organisations are field errors', async () => {
    const member = await t.signUp('member');
    const employer = await t.employerWithOrganisation();
    const privacy = { hideMunicipality: true, blockedOrganisationIds: [employer.organisationId] };
    const saved = await t.call('PUT', '/api/members/me', {
      token: member.token,
      body: memberProfileInput({ privacy }),
    });
    expect(saved.status).toBe(200);
    expect(saved.json.privacy).toEqual(privacy);

    const unknown = '00000000-0000-4000-8000-000000000000';
    const bad = await t.call('PUT', '/api/members/me', {
      token: member.token,
      body: memberProfileInput({ privacy: { hideMunicipality: false, blockedOrganisationIds: [unknown] } }),
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error.issues).toEqual([
      {
        path: 'body.privacy.blockedOrganisationIds.0',
        message: 'unknown organisation',
        code: 'unknown_organisation',
      },
    ]);
    const still = await t.call('GET', '/api/members/me', { token: member.token });
    expect(still.json.privacy).toEqual(privacy);
  });

  it('rejects children born in the future and a prefecture as her home', async () => {
    const member = await t.signUp('member');
    const res = await t.call('PUT', '/api/members/me', {
      token: member.token,
      body: memberProfileInput({ children: [{ birthYear: 2099, birthMonth: 1 }] }),
    });
    expect(res.status).toBe(422);
    expect(res.json.error.issues[0].path).toBe('body.children.0.birthYear');
    const prefecture = await t.call('PUT', '/api/members/me', {
      token: member.token,
      body: memberProfileInput({ areaCode: '140007' }),
    });
    expect(prefecture.status).toBe(422);
    expect(prefecture.json.error.issues[0]).toMatchObject({
      path: 'body.areaCode',
      code: 'prefecture_not_allowed',
    });
  });

  it('signs in and out with a cookie as a browser would', async () => {
    const email = `cookie-${Date.now()}@example.jp`;
    await t.signUp('member', email);
    const signIn = await t.app.request('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'correct horse battery staple' }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/yorisoi_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const session = cookie.split(';')[0] as string;
    const me = await t.app.request('/api/auth/me', { headers: { cookie: session } });
    expect(me.status).toBe(200);
    // A browser's own fetch says where it comes from; without that a cookie-signed write is refused.
    const out = await t.app.request('/api/auth/sign-out', {
      method: 'POST',
      headers: { cookie: session, 'sec-fetch-site': 'same-origin' },
    });
    expect(out.status).toBe(204);
    const after = await t.app.request('/api/auth/me', { headers: { cookie: session } });
    expect(after.status).toBe(401);

    const secure = await t.app.request('https://yorisoi.example/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'correct horse battery staple' }),
    });
    expect(secure.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('refuses a wrong password and a duplicate e-mail', async () => {
    const email = `dup-${Date.now()}@example.jp`;
    await t.signUp('member', email);
    const wrong = await t.call('POST', '/api/auth/sign-in', {
      body: { email, password: 'not the password' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error.code).toBe('unauthenticated');
    const dup = await t.call('POST', '/api/auth/sign-up', {
      body: {
        email: email.toUpperCase(),
        password: 'another long password',
        displayName: 'x',
        role: 'member',
      },
    });
    expect(dup.status).toBe(409);
    expect(dup.json.error.code).toBe('email_taken');
  });
});
