/**
 * Matching through the API: a member's recommendations and browsing ranked for her with reasons in
 * Japanese and English, infeasible roles apart with why, and a coordinator's ranked members for a
 * role — with blocked employers never seeing her.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureName, JOB_FIXTURES, publishFixtures } from './support/job-fixtures.ts';
import { type Account, createTestApp, memberProfileInput, type TestApp } from './support/test-app.ts';

let t: TestApp;
let member: Account;
let coordinator: Account;
let employer: Account;
let ids: Record<FixtureName, string>;

beforeAll(async () => {
  t = await createTestApp({ search: true });
  coordinator = await t.createStaff('coordinator');
  employer = await t.employerWithOrganisation({
    coordinator,
    organisation: { name: '株式会社みなと総合サービス' },
  });
  ids = await publishFixtures(t, employer);
  await t.syncSearch();
  member = await t.signUp('member');
  // Lives in 港北区, free weekdays 8:30–16:30 (commute included), a child born 2022 (nursery pickup), office skills, no 簿記2級.
  await t.call('PUT', '/api/members/me', {
    token: member.token,
    body: memberProfileInput({
      skills: [
        { tag: 'pc_basic', level: 2 },
        { tag: 'excel', level: 2 },
        { tag: 'phone_reception', level: 2 },
      ],
      qualifications: ['driver_license'],
      employmentTypes: [],
      targetAreas: [],
      availability: { ...memberProfileInput().availability, maxHoursPerWeek: 30 },
    }),
  });
});
afterAll(async () => t.close());

describe('ranked for her', () => {
  it('recommends feasible roles with reasons for every component, in Japanese', async () => {
    const res = await t.call('GET', '/api/members/me/recommendations', { token: member.token });
    expect(res.status).toBe(200);
    expect(res.json.ranking).toBe('match');
    const ranked = res.json.items.map((i: { role: { id: string } }) => i.role.id);
    // The office role fits her week, her area and her skills; 福岡 care work is out of her reach;
    // accounting needs 日商簿記2級; the clinic wants Saturdays she does not have.
    expect(ranked).toContain(ids.office);
    expect(ranked).not.toContain(ids.care);
    expect(ranked).not.toContain(ids.accounting);
    expect(ranked).not.toContain(ids.medical);
    for (const item of res.json.items) {
      expect(item.match.score).toBeGreaterThan(0);
      expect(item.match.components.length).toBeGreaterThan(0);
      for (const component of item.match.components) expect(component.reasons.length).toBeGreaterThan(0);
    }
    const office = res.json.items.find((i: { role: { id: string } }) => i.role.id === ids.office);
    expect(office.match.reasons.map((r: { text: string }) => r.text).join(' ')).toMatch(/[ぁ-んァ-ン一-龥]/);
    // Reasons by audience: hers never carry the employer's count of her skills; the employer's
    // never her children or her commute; neither says a sentence twice.
    const hers = office.match.memberReasons.map((r: { text: string }) => r.text);
    const theirs = office.match.employerReasons.map((r: { code: string; text: string }) => r);
    expect(hers.join('\n')).not.toMatch(/必須スキル/);
    expect(theirs.map((r: { text: string }) => r.text)).toContain('必須スキル 1/1・歓迎スキル 1/1');
    expect(theirs.some((r: { code: string }) => /pickup|commute/.test(r.code))).toBe(false);
    expect(new Set(hers).size).toBe(hers.length);
  });

  it('explains in English on request, and lists infeasible roles apart with why', async () => {
    const res = await t.call(
      'GET',
      '/api/members/me/recommendations?lang=en&includeInfeasible=true&limit=50',
      { token: member.token },
    );
    const accounting = res.json.items.find((i: { role: { id: string } }) => i.role.id === ids.accounting);
    expect(accounting.match).toBeUndefined();
    expect(accounting.infeasible.violations.map((v: { code: string }) => v.code)).toContain(
      'qualification_missing',
    );
    const care = res.json.items.find((i: { role: { id: string } }) => i.role.id === ids.care);
    expect(care.infeasible.violations.map((v: { code: string }) => v.code)).toContain('out_of_reach');
    const office = res.json.items.find((i: { role: { id: string } }) => i.role.id === ids.office);
    expect(office.match.reasons[0].text).toMatch(/[A-Za-z]/);
    expect(office.match.reasons[0].text).not.toMatch(/[ぁ-ん]/);
    const ja = await t.call('GET', '/api/members/me/recommendations?includeInfeasible=true&limit=50', {
      token: member.token,
    });
    const jaAccounting = ja.json.items.find((i: { role: { id: string } }) => i.role.id === ids.accounting);
    expect(jaAccounting.infeasible.violations.map((v: { text: string }) => v.text).join()).toContain(
      '日商簿記2級',
    );
  });

  it('ranks her word searches too, with text relevance among the components', async () => {
    // 事務 alone now reads as the trade (a filter); a word that is no trade or condition stays text.
    const res = await t.call('GET', `/api/jobs?q=${encodeURIComponent('子育て中')}`, { token: member.token });
    expect(res.json.ranking).toBe('match');
    const office = res.json.items.find((i: { role: { id: string } }) => i.role.id === ids.office);
    expect(office.match.components.map((c: { key: string }) => c.key)).toContain('text');
    const anonymous = await t.call('GET', `/api/jobs?q=${encodeURIComponent('子育て中')}`);
    expect(anonymous.json.ranking).toBe('search');
    expect(anonymous.json.items[0].match).toBeUndefined();
  });

  it('a member without a profile gets 404 for recommendations', async () => {
    const fresh = await t.signUp('member');
    const res = await t.call('GET', '/api/members/me/recommendations', { token: fresh.token });
    expect(res.status).toBe(404);
  });
});

describe('qualifications the vocabulary does not know', () => {
  it('are kept as text, and a role needing one never ranks as a fit until she holds it (要確認)', async () => {
    const created = await t.call('POST', '/api/roles', {
      token: employer.token,
      body: {
        ...JOB_FIXTURES.office,
        title: '訪問看護の事務とドローン撮影',
        otherRequiredQualifications: ['ドローン操縦士'],
      },
    });
    expect(created.status).toBe(201);
    expect(created.json.requiredQualifications).toEqual([]);
    expect(created.json.otherRequiredQualifications).toEqual(['ドローン操縦士']);
    const roleId = created.json.id;
    expect((await t.call('POST', `/api/roles/${roleId}/publish`, { token: employer.token })).status).toBe(
      200,
    );
    await t.syncSearch();

    const hers = await t.call('GET', '/api/members/me/recommendations?includeInfeasible=true&limit=50', {
      token: member.token,
    });
    const item = hers.json.items.find((i: { role: { id: string } }) => i.role.id === roleId);
    expect(item.match).toBeUndefined();
    expect(item.infeasible.violations).toEqual([
      {
        code: 'qualification_unconfirmed',
        text: '要確認：この求人には「ドローン操縦士」が必要です。お持ちかどうかをコーディネーターが確認します',
      },
    ]);

    // Another member who wrote the same qualification (spelt her way) has it ranked.
    const pilot = await t.signUp('member');
    const saved = await t.call('PUT', '/api/members/me', {
      token: pilot.token,
      body: memberProfileInput({
        targetAreas: [],
        skills: [{ tag: 'pc_basic', level: 2 }],
        qualifications: [],
        otherQualifications: ['ドローン　操縦士', 'ヘルパー2級'],
        availability: { ...memberProfileInput().availability, maxHoursPerWeek: 30 },
      }),
    });
    expect(saved.status).toBe(200);
    // A name the vocabulary knows (ヘルパー2級) is stored under its key.
    expect(saved.json.qualifications).toEqual(['care_initial_training']);
    expect(saved.json.otherQualifications).toEqual(['ドローン　操縦士']);
    const theirs = await t.call('GET', '/api/members/me/recommendations?includeInfeasible=true&limit=50', {
      token: pilot.token,
    });
    const ranked = theirs.json.items.find((i: { role: { id: string } }) => i.role.id === roleId);
    expect(ranked.infeasible?.violations).toBeUndefined();
    expect(ranked.match?.score).toBeGreaterThan(0);
  });

  it('a typed name the vocabulary knows is a known requirement (看護師 → nurse), unmet without it', async () => {
    const created = await t.call('POST', '/api/roles', {
      token: employer.token,
      body: {
        ...JOB_FIXTURES.office,
        title: 'クリニックの看護スタッフ',
        otherRequiredQualifications: ['看護師'],
      },
    });
    expect(created.status).toBe(201);
    expect(created.json.requiredQualifications).toEqual(['nurse']);
    expect(created.json.otherRequiredQualifications).toEqual([]);
  });

  it('refuses a key the vocabulary does not have, naming the field', async () => {
    const res = await t.call('POST', '/api/roles', {
      token: employer.token,
      body: { ...JOB_FIXTURES.office, requiredQualifications: ['drone_pilot'] },
    });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.json)).toContain('requiredQualifications');
  });
});

describe('ranked members for a role (coordinator)', () => {
  it('ranks reachable members with both sides explained; unassessed members are listed apart', async () => {
    await t.database.atomic([
      t.database.db.updateTable('members').set({ support_stage: 3 }).where('user_id', '=', member.userId),
    ]);
    const res = await t.call('GET', `/api/roles/${ids.office}/candidates?includeInfeasible=true`, {
      token: coordinator.token,
    });
    expect(res.status).toBe(200);
    const mine = res.json.items.find(
      (i: { member: { userId: string } }) => i.member.userId === member.userId,
    );
    expect(mine.match.memberSide).toBeGreaterThan(0);
    expect(mine.match.employerSide).toBeGreaterThan(0);
    expect(mine.match.components.some((c: { side: string }) => c.side === 'employer')).toBe(true);

    const unassessed = await t.signUp('member');
    await t.call('PUT', '/api/members/me', {
      token: unassessed.token,
      body: memberProfileInput({ targetAreas: [] }),
    });
    const again = await t.call('GET', `/api/roles/${ids.office}/candidates?includeInfeasible=true`, {
      token: coordinator.token,
    });
    const other = again.json.items.find(
      (i: { member: { userId: string } }) => i.member.userId === unassessed.userId,
    );
    expect(other.infeasible.violations.map((v: { code: string }) => v.code)).toContain('stage_not_assessed');
  });

  it('never lists a member who blocked the employer, and blocked roles leave her browsing', async () => {
    const profile = await t.call('GET', '/api/members/me', { token: member.token });
    const {
      userId: _u,
      area,
      targetAreas: _t,
      supportStage: _s,
      createdAt: _c,
      updatedAt: _up,
      version: _v,
      ...rest
    } = profile.json;
    const saved = await t.call('PUT', '/api/members/me', {
      token: member.token,
      body: {
        ...rest,
        areaCode: area.code,
        targetAreas: [],
        privacy: { hideMunicipality: false, blockedOrganisationIds: [employer.organisationId] },
      },
    });
    if (saved.status !== 200) throw new Error(saved.text);
    const candidates = await t.call(
      'GET',
      `/api/roles/${ids.office}/candidates?includeInfeasible=true&limit=50`,
      { token: coordinator.token },
    );
    expect(candidates.json.items.map((i: { member: { userId: string } }) => i.member.userId)).not.toContain(
      member.userId,
    );
    const browse = await t.call('GET', '/api/jobs', { token: member.token });
    expect(browse.json.items).toEqual([]);
  });
});
