/**
 * The employer's journey through the API: sign up, register the organisation, post a role,
 * get verified, publish, edit, close — against a real SQLite file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, organisationInput, roleInput, type TestApp } from './support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('employer journey', () => {
  it('registers, posts a draft, is refused publishing until verified, then publishes and closes', async () => {
    const employer = await t.signUp('employer');
    const coordinator = await t.createStaff('coordinator');

    const org = await t.call('POST', '/api/organisations', {
      token: employer.token,
      body: organisationInput(),
    });
    expect(org.status).toBe(201);
    expect(org.json.verification.state).toBe('unverified');
    expect(org.json.headOffice).toMatchObject({ code: '141003', name: '横浜市', prefecture: '神奈川県' });

    const second = await t.call('POST', '/api/organisations', {
      token: employer.token,
      body: organisationInput(),
    });
    expect(second.status).toBe(409);
    expect(second.json.error.code).toBe('organisation_exists');

    const created = await t.call('POST', '/api/roles', { token: employer.token, body: roleInput() });
    expect(created.status).toBe(201);
    const role = created.json;
    expect(role.status).toBe('draft');
    expect(role.organisation).toEqual({ id: org.json.id, name: '株式会社みなと介護サービス' });
    expect(role.schedule.shifts).toEqual([
      { day: 'mon', start: '09:00', end: '15:00' },
      { day: 'wed', start: '09:00', end: '15:00' },
      { day: 'fri', start: '09:00', end: '15:00' },
    ]);
    expect(role.locations[0]).toMatchObject({
      areaCode: '141097',
      name: '横浜市港北区',
      prefecture: '神奈川県',
    });
    expect(role.facts.sick_child_absence_ok).toEqual({ available: true, verified: false });

    const refused = await t.call('POST', `/api/roles/${role.id}/publish`, { token: employer.token });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('organisation_not_verified');

    const verified = await t.call('POST', `/api/organisations/${org.json.id}/verification`, {
      token: coordinator.token,
      body: { state: 'verified' },
    });
    expect(verified.status).toBe(200);
    expect(verified.json.verification.state).toBe('verified');

    const published = await t.call('POST', `/api/roles/${role.id}/publish`, { token: employer.token });
    expect(published.status).toBe(200);
    expect(published.json.status).toBe('published');
    expect(published.json.publishedAt).toEqual(expect.any(String));

    const again = await t.call('POST', `/api/roles/${role.id}/publish`, { token: employer.token });
    expect(again.status).toBe(409);

    const edited = await t.call('PUT', `/api/roles/${role.id}`, {
      token: employer.token,
      body: roleInput({ title: 'デイサービスの介護スタッフ（週2日から相談可）' }),
    });
    expect(edited.status).toBe(200);
    expect(edited.json.title).toBe('デイサービスの介護スタッフ（週2日から相談可）');
    expect(edited.json.status).toBe('published');
    expect(edited.json.version).toBeGreaterThan(published.json.version);

    const list = await t.call('GET', '/api/roles?status=published', { token: employer.token });
    expect(list.status).toBe(200);
    expect(list.json.items.map((r: { id: string }) => r.id)).toEqual([role.id]);

    const deleteLive = await t.call('DELETE', `/api/roles/${role.id}`, { token: employer.token });
    expect(deleteLive.status).toBe(409);

    const closed = await t.call('POST', `/api/roles/${role.id}/close`, { token: employer.token });
    expect(closed.status).toBe(200);
    expect(closed.json.status).toBe('closed');

    const editClosed = await t.call('PUT', `/api/roles/${role.id}`, {
      token: employer.token,
      body: roleInput(),
    });
    expect(editClosed.status).toBe(409);
    expect(editClosed.json.error.code).toBe('invalid_state');
  });

  it('keeps a fact’s verification when an edit leaves its value unchanged, and drops it when changed', async () => {
    const employer = await t.employerWithOrganisation();
    const created = await t.call('POST', '/api/roles', { token: employer.token, body: roleInput() });
    const id = created.json.id;
    await t.database.atomic([
      t.database.db
        .updateTable('role_facts')
        .set({ verified_at: new Date().toISOString(), verified_by: 'coordinator' })
        .where('role_id', '=', id),
    ]);
    const unchanged = await t.call('PUT', `/api/roles/${id}`, {
      token: employer.token,
      body: roleInput({ title: '介護スタッフ' }),
    });
    expect(unchanged.json.facts.sick_child_absence_ok).toEqual({ available: true, verified: true });
    const changed = await t.call('PUT', `/api/roles/${id}`, {
      token: employer.token,
      body: roleInput({ facts: { sick_child_absence_ok: false, short_time_allowed: true } }),
    });
    expect(changed.json.facts.sick_child_absence_ok).toEqual({ available: false, verified: false });
    expect(changed.json.facts.short_time_allowed).toEqual({ available: true, verified: true });
    expect(changed.json.facts.school_event_leave).toBeUndefined();
  });

  it('accepts a flexible, hybrid role and a draft can be deleted', async () => {
    const employer = await t.employerWithOrganisation();
    const flexible = roleInput({
      category: 'call_center',
      title: 'コールセンターのお問い合わせ対応（在宅あり）',
      requiredQualifications: [],
      skills: { required: [{ tag: 'phone_reception', level: 1 }], niceToHave: [] },
      schedule: {
        kind: 'flexible',
        windows: [
          { day: 'mon', start: '09:00', end: '18:00' },
          { day: 'tue', start: '09:00', end: '18:00' },
          { day: 'thu', start: '09:00', end: '18:00' },
        ],
        minHoursPerWeek: 12,
        minDaysPerWeek: 3,
        preferredHoursPerWeek: 20,
      },
      remote: { mode: 'hybrid', officeDaysPerWeek: 1 },
    });
    const created = await t.call('POST', '/api/roles', { token: employer.token, body: flexible });
    expect(created.status).toBe(201);
    expect(created.json.schedule).toMatchObject({
      kind: 'flexible',
      minHoursPerWeek: 12,
      minDaysPerWeek: 3,
      preferredHoursPerWeek: 20,
    });
    expect(created.json.remote).toEqual({ mode: 'hybrid', officeDaysPerWeek: 1 });

    const removed = await t.call('DELETE', `/api/roles/${created.json.id}`, { token: employer.token });
    expect(removed.status).toBe(204);
    const gone = await t.call('GET', `/api/roles/${created.json.id}`, { token: employer.token });
    expect(gone.status).toBe(404);
    const children = await t.database.db
      .selectFrom('role_windows')
      .selectAll()
      .where('role_id', '=', created.json.id)
      .execute();
    expect(children).toEqual([]);
  });

  it('asks for verification again when the organisation changes its legal name', async () => {
    const employer = await t.employerWithOrganisation();
    const renamed = await t.call('PUT', '/api/organisations/me', {
      token: employer.token,
      body: organisationInput({ name: '株式会社みなとケア' }),
    });
    expect(renamed.status).toBe(200);
    expect(renamed.json.verification.state).toBe('unverified');
    const described = await t.call('PUT', '/api/organisations/me', {
      token: employer.token,
      body: organisationInput({ name: '株式会社みなとケア', description: '説明を更新しました。' }),
    });
    expect(described.json.description).toBe('説明を更新しました。');
  });

  it('tells a rejected organisation why it cannot publish, and asks for a new check once it saves its details', async () => {
    const coordinator = await t.createStaff('coordinator');
    const employer = await t.employerWithOrganisation({ verified: false });
    const draft = await t.call('POST', '/api/roles', { token: employer.token, body: roleInput() });
    const rejected = await t.call('POST', `/api/organisations/${employer.organisationId}/verification`, {
      token: coordinator.token,
      body: { state: 'rejected' },
    });
    expect(rejected.json.verification.state).toBe('rejected');

    const refused = await t.call('POST', `/api/roles/${draft.json.id}/publish`, { token: employer.token });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('organisation_rejected');

    const corrected = await t.call('PUT', '/api/organisations/me', {
      token: employer.token,
      body: organisationInput({ description: '所在地と連絡先を正しく直しました。' }),
    });
    expect(corrected.json.verification.state).toBe('unverified');
    const waiting = await t.call('POST', `/api/roles/${draft.json.id}/publish`, { token: employer.token });
    expect(waiting.json.error.code).toBe('organisation_not_verified');
  });
});
