/**
 * The coordinator's pages driven as a browser would (session cookie, anti-forgery token,
 * urlencoded forms): the queue, a match side by side with its decision, a member's support
 * record, employer checks and the dashboard. Each write is checked through the services the API
 * uses; each refused post is checked to have written nothing.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/web/i18n.ts';
import { type Account, createTestApp, memberProfileInput, type TestApp } from '../support/test-app.ts';
import { type Browser, browserFor, fieldError } from '../support/web.ts';

const ja = messagesFor('ja');
const c = ja.coordinator;

let t: TestApp;
let coordinator: Account;
let member: Account;
let employer: Account;
let staff: Browser;
let roleId: string;

/** Set DUMP_HTML=1 to keep the pages under /tmp for a look in a browser. */
function dump(name: string, html: string) {
  if (process.env.DUMP_HTML) writeFileSync(`/tmp/coord-${name}.html`, html);
}

async function actorOf(account: Account) {
  const resolved = await t.services.auth.resolve(account.token);
  if (!resolved) throw new Error('no session');
  return resolved;
}

/** A member with a profile who said she would like to hear more about the role; returns the match id. */
async function interestedMember(): Promise<{ account: Account; matchId: string }> {
  const account = await t.signUp('member');
  const saved = await t.call('PUT', '/api/members/me', { token: account.token, body: memberProfileInput() });
  if (saved.status !== 200) throw new Error(`profile failed: ${saved.status} ${saved.text}`);
  // Stage 1 or no stage is never job-ready; the score breakdown needs a stage.
  await t.services.coordination.setStage(await actorOf(coordinator), account.userId, {
    stage: 3,
    reason: '週20時間で働けている',
  });
  const interest = await t.call('POST', `/api/jobs/${roleId}/interest`, { token: account.token });
  if (interest.status !== 200) throw new Error(`interest failed: ${interest.status} ${interest.text}`);
  return { account, matchId: interest.json.id };
}

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.createStaff('coordinator');
  staff = browserFor(t, coordinator.token);
  employer = await t.employerWithOrganisation({ coordinator });
  roleId = await t.publishRole(employer);
  member = await t.signUp('member');
});
afterAll(async () => t.close());

describe('who may see the coordinator pages', () => {
  const paths = ['/coordinator/queue', '/coordinator/organisations', '/coordinator/dashboard'];

  it('sends a signed-out visitor to sign in, and refuses members and employers', async () => {
    for (const path of paths) {
      const visitor = await browserFor(t).get(path);
      expect(visitor.status).toBe(303);
      expect(visitor.location).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
      expect((await browserFor(t, member.token).get(path)).status).toBe(403);
      expect((await browserFor(t, employer.token).get(path)).status).toBe(403);
    }
    const { matchId, account } = await interestedMember();
    expect((await browserFor(t, account.token).get(`/coordinator/matches/${matchId}`)).status).toBe(403);
    expect((await browserFor(t, employer.token).get(`/coordinator/members/${account.userId}`)).status).toBe(
      403,
    );
    const refused = await browserFor(t, employer.token).post(`/coordinator/matches/${matchId}/decision`, {
      decision: 'approve',
      approveReason: 'x',
      expectedVersion: '1',
    });
    expect(refused.status).toBe(403);
  });

  it('lets an admin in too', async () => {
    const admin = await t.createStaff('admin');
    for (const path of paths) expect((await browserFor(t, admin.token).get(path)).status).toBe(200);
  });
});

describe('the queue and a decision', () => {
  it('lists a waiting match with her name and links to it; filters narrow it', async () => {
    const { matchId } = await interestedMember();
    const page = await staff.get('/coordinator/queue');
    dump('queue', page.html);
    expect(page.status).toBe(200);
    expect(page.html).toContain(c.queue.title);
    expect(page.html).toContain(`href="/coordinator/matches/${matchId}"`);
    expect(page.html).toContain('佐藤 美咲');
    // Her card says how well it fits, without opening it.
    const card = page.html.split('<li class="card queue-item').find((chunk) => chunk.includes(matchId)) ?? '';
    expect(card).toMatch(/相性 \d+%/);
    const otherPrefecture = await staff.get('/coordinator/queue?prefCode=01&stage=&waitingDays=');
    expect(otherPrefecture.status).toBe(200);
    expect(otherPrefecture.html).not.toContain(`/coordinator/matches/${matchId}`);
    expect(otherPrefecture.html).toContain(c.queue.empty);
    const bad = await staff.get('/coordinator/queue?waitingDays=%EF%BC%94%EF%BC%90%EF%BC%90');
    expect(bad.status).toBe(422);
    expect(fieldError(bad.html, 'waitingDays')).toBe(ja.validation.atMost(365));
  });

  it('shows her, the role and the score side by side, and approves in one step from interested', async () => {
    const { matchId } = await interestedMember();
    const page = await staff.get(`/coordinator/matches/${matchId}`);
    dump('match', page.html);
    expect(page.status).toBe(200);
    expect(page.html).toContain(c.match.score);
    expect(page.html).toContain(c.match.memberSide);
    expect(page.html).toContain(c.match.employerSide);
    expect(page.html).toContain('name="expectedVersion" value="1"');
    expect(page.html).toContain(`>${c.decision.approve}</button>`);
    expect(page.html).toContain(`>${c.decision.review}</button>`);
    // Coordinators call members: her phone and address are on the page.
    expect(page.html).toContain('href="tel:09012345678">090-1234-5678</a>');
    expect(page.html).toMatch(/href="mailto:[^"]+@[^"]+"/);

    const approved = await staff.post(`/coordinator/matches/${matchId}/decision`, {
      decision: 'approve',
      approveReason: '平日の日中で、お迎えに間に合います',
      expectedVersion: '1',
    });
    expect(approved.status).toBe(303);
    expect(approved.location).toBe(`/coordinator/matches/${matchId}`);
    const detail = await t.services.coordination.matchDetail(await actorOf(coordinator), matchId);
    expect(detail.match.state).toBe('approved');
    expect(detail.events.at(-1)?.reason).toBe('平日の日中で、お迎えに間に合います');
    const after = await staff.get(`/coordinator/matches/${matchId}`);
    expect(after.html).toContain(ja.matchStates.approved);
    expect(after.html).toContain(c.decision.closed);
  });

  it('approves a pair the matching calls infeasible only as a ticked, reasoned override, kept on record', async () => {
    // 16 hours a week at most, for a role of 18: she said yes anyway.
    const account = await t.signUp('member');
    const base = memberProfileInput();
    await t.call('PUT', '/api/members/me', {
      token: account.token,
      body: { ...base, availability: { ...base.availability, maxHoursPerWeek: 16 } },
    });
    const interest = await t.call('POST', `/api/jobs/${roleId}/interest`, { token: account.token });
    const matchId = interest.json.id as string;
    const queue = await staff.get('/coordinator/queue');
    const card =
      queue.html.split('<li class="card queue-item').find((chunk) => chunk.includes(matchId)) ?? '';
    expect(card).toContain('<span class="badge warn">条件外：勤務時間が合わない</span>');
    const page = await staff.get(`/coordinator/matches/${matchId}`);
    expect(page.html).toContain(c.decision.infeasibleWarning);
    expect(page.html).toContain(c.decision.override);
    // No stage set: staff still see the breakdown, not the member-facing stage sentence.
    expect(page.html).not.toContain('自動ではご提案していません');

    const before = await t.rowCounts();
    const unticked = await staff.post(`/coordinator/matches/${matchId}/decision`, {
      decision: 'approve',
      approveReason: '週18時間でも大丈夫とご本人に確認しました',
      expectedVersion: '1',
    });
    expect(unticked.status).toBe(422);
    expect(fieldError(unticked.html, 'overrideInfeasible')).toBe(c.decision.overrideRequired);
    expect(await t.rowCounts()).toEqual(before);

    const api = await t.call('POST', `/api/matches/${matchId}/decision`, {
      token: coordinator.token,
      body: { decision: 'approve', reason: '確認しました', expectedVersion: 1 },
    });
    expect(api.status).toBe(422);
    expect(api.json.error.issues[0].path).toBe('body.overrideInfeasible');

    const ticked = await staff.post(`/coordinator/matches/${matchId}/decision`, {
      decision: 'approve',
      approveReason: '週18時間でも大丈夫とご本人に確認しました',
      overrideInfeasible: 'on',
      expectedVersion: '1',
    });
    expect(ticked.status).toBe(303);
    const detail = await t.services.coordination.matchDetail(await actorOf(coordinator), matchId);
    expect(detail.match.state).toBe('approved');
    expect(detail.events.at(-1)).toMatchObject({
      reasonCode: 'override_infeasible',
      reason: '週18時間でも大丈夫とご本人に確認しました',
    });
    expect((await staff.get(`/coordinator/matches/${matchId}`)).html).toContain(
      c.decision.reasonCodes.override_infeasible,
    );
  });

  it('takes a match into review, then rejects it with a reason code', async () => {
    const { matchId } = await interestedMember();
    const reviewed = await staff.post(`/coordinator/matches/${matchId}/decision`, {
      decision: 'review',
      expectedVersion: '1',
    });
    expect(reviewed.status).toBe(303);
    const rejected = await staff.post(`/coordinator/matches/${matchId}/decision`, {
      decision: 'reject',
      reasonCode: 'commute',
      rejectReason: '通勤に1時間かかるため、近くの求人をご紹介します',
      expectedVersion: '2',
    });
    expect(rejected.status).toBe(303);
    const detail = await t.services.coordination.matchDetail(await actorOf(coordinator), matchId);
    expect(detail.match.state).toBe('rejected');
    expect(detail.events.at(-1)?.reasonCode).toBe('commute');
  });

  it('answers a reject without reasons with 422, the errors next to the fields, and writes nothing', async () => {
    const { matchId } = await interestedMember();
    const before = await t.rowCounts();
    const page = await staff.post(`/coordinator/matches/${matchId}/decision`, {
      decision: 'reject',
      reasonCode: '',
      rejectReason: '   ',
      expectedVersion: '1',
    });
    dump('match-422', page.html);
    expect(page.status).toBe(422);
    expect(fieldError(page.html, 'reasonCode')).toBe(ja.validation.choose);
    expect(fieldError(page.html, 'rejectReason')).toBe(ja.validation.required);
    expect(await t.rowCounts()).toEqual(before);

    const tooLong = 'あ'.repeat(1001);
    const kept = await staff.post(`/coordinator/matches/${matchId}/decision`, {
      decision: 'reject',
      reasonCode: 'skills_gap',
      rejectReason: tooLong,
      expectedVersion: '1',
    });
    expect(kept.status).toBe(422);
    expect(fieldError(kept.html, 'rejectReason')).toBe(ja.validation.tooLong(1000));
    expect(kept.html).toContain(`${tooLong}</textarea>`);
    expect(kept.html).toMatch(/<option value="skills_gap" selected/);
    expect(await t.rowCounts()).toEqual(before);

    // A tampered hidden version is the page's fault, not hers: she is asked to reload.
    const tampered = await staff.post(`/coordinator/matches/${matchId}/decision`, {
      decision: 'approve',
      approveReason: '合っています',
      expectedVersion: 'abc',
    });
    expect(tampered.status).toBe(422);
    expect(tampered.html).toContain(ja.errors.invalidInput);
    expect(await t.rowCounts()).toEqual(before);
  });

  it('says plainly that another coordinator decided first (409) and shows the latest state', async () => {
    const { matchId } = await interestedMember();
    const other = browserFor(t, (await t.createStaff('coordinator')).token);
    expect(
      (
        await other.post(`/coordinator/matches/${matchId}/decision`, {
          decision: 'approve',
          approveReason: '条件が合うため',
          expectedVersion: '1',
        })
      ).status,
    ).toBe(303);
    const late = await staff.post(`/coordinator/matches/${matchId}/decision`, {
      decision: 'reject',
      reasonCode: 'other',
      rejectReason: '別の求人のほうが合うため',
      expectedVersion: '1',
    });
    expect(late.status).toBe(409);
    expect(late.html).toContain(c.decision.conflict);
    expect(late.html).toContain(ja.matchStates.approved);
    const detail = await t.services.coordination.matchDetail(await actorOf(coordinator), matchId);
    expect(detail.match.state).toBe('approved');
  });

  it('marks a stated fact verified', async () => {
    const { matchId } = await interestedMember();
    const done = await staff.post(`/coordinator/matches/${matchId}/facts/sick_child_absence_ok/verification`);
    expect(done.status).toBe(303);
    const role = await t.services.roles.get(await actorOf(coordinator), roleId);
    expect(role.facts.sick_child_absence_ok?.verified).toBe(true);
    expect((await staff.post(`/coordinator/matches/${matchId}/facts/nonsense/verification`)).status).toBe(
      404,
    );
  });

  it('gives 404 for an unknown match, also on a post', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expect((await staff.get(`/coordinator/matches/${id}`)).status).toBe(404);
    const before = await t.rowCounts();
    const post = await staff.post(`/coordinator/matches/${id}/decision`, {
      decision: 'approve',
      approveReason: 'x',
      expectedVersion: '1',
    });
    expect(post.status).toBe(404);
    expect(await t.rowCounts()).toEqual(before);
  });
});

describe("a role's candidates", () => {
  it('lists who fits with her reasons, who nearly fits with what is missing, and what left the rest out', async () => {
    const { account: fits } = await interestedMember();
    // 16 hours a week at most: the role's three 6-hour shifts are 18, two hours too many.
    const nearly = await t.signUp('member');
    const base = memberProfileInput();
    await t.call('PUT', '/api/members/me', {
      token: nearly.token,
      body: { ...base, familyName: '高橋', availability: { ...base.availability, maxHoursPerWeek: 16 } },
    });
    await t.services.coordination.setStage(await actorOf(coordinator), nearly.userId, {
      stage: 3,
      reason: '週16時間まで',
    });

    const page = await staff.get(`/coordinator/roles/${roleId}/candidates`);
    dump('candidates', page.html);
    expect(page.status).toBe(200);
    const [fitting, nearMisses] = page.html.split('id="near-misses"');
    expect(fitting).toContain(`/coordinator/members/${fits.userId}`);
    expect(fitting).toMatch(/相性 \d+%/);
    expect(fitting).not.toContain(`/coordinator/members/${nearly.userId}`);
    expect(nearMisses).toContain(`/coordinator/members/${nearly.userId}`);
    expect(nearMisses).toContain('あと週2時間足りません');
    // The sentence on top always says how the list came about.
    expect(page.html).toMatch(/わずかに条件に届かない\d+人/);
  });

  it('is linked from a match, closed to members and employers, and 404 for an unknown role', async () => {
    const { matchId } = await interestedMember();
    const match = await staff.get(`/coordinator/matches/${matchId}`);
    expect(match.html).toContain(`href="/coordinator/roles/${roleId}/candidates"`);
    const path = `/coordinator/roles/${roleId}/candidates`;
    expect((await browserFor(t, member.token).get(path)).status).toBe(403);
    expect((await browserFor(t, employer.token).get(path)).status).toBe(403);
    expect((await browserFor(t).get(path)).status).toBe(303);
    const unknown = await staff.get('/coordinator/roles/3f1c2a8e-4b1d-4c55-9a43-1b2c3d4e5f60/candidates');
    expect(unknown.status).toBe(404);
  });
});

describe("a member's support record", () => {
  it('shows her profile, stage history and notes; changes the stage with a reason', async () => {
    const { account } = await interestedMember();
    const path = `/coordinator/members/${account.userId}`;
    const page = await staff.get(path);
    expect(page.status).toBe(200);
    expect(page.html).toContain(c.member.title('佐藤 美咲'));
    expect(page.html).toContain(c.stages[3]);
    expect(page.html).toMatch(
      /<dt>連絡先<\/dt><dd><a href="tel:09012345678">[^<]+<\/a><br\/><a href="mailto:member-[^"]+@example.jp">/,
    );

    const saved = await staff.post(`${path}/stage`, {
      stage: '４',
      reason: 'フルタイムを目指したいとのこと',
    });
    expect(saved.status).toBe(303);
    const history = await t.services.coordination.stageHistory(account.userId);
    expect(history.map((h) => h.stage)).toEqual([4, 3]);
    const after = await staff.get(path);
    dump('member', after.html);
    expect(after.html).toContain(c.stages[4]);
    expect(after.html).toContain('フルタイムを目指したいとのこと');
  });

  it('a stage set when she joined (no change recorded) is not called unset', async () => {
    const joined = await t.signUp('member');
    await t.call('PUT', '/api/members/me', { token: joined.token, body: memberProfileInput() });
    // As an import or the demo data leave it: a stage with no change recorded.
    await t.database.db
      .updateTable('members')
      .set({ support_stage: 2 })
      .where('user_id', '=', joined.userId)
      .execute();
    const page = await staff.get(`/coordinator/members/${joined.userId}`);
    expect(page.html).toContain(c.stages[2]);
    expect(page.html).not.toContain(c.member.noHistory);
    expect(page.html).toContain(c.member.noChanges);
  });

  it('lists her matches with where each stands, and nobody else’s', async () => {
    const her = await interestedMember();
    const other = await interestedMember();
    const page = await staff.get(`/coordinator/members/${her.account.userId}`);
    expect(page.html).toContain(c.member.matches);
    expect(page.html).toContain(`href="/coordinator/matches/${her.matchId}"`);
    expect(page.html).not.toContain(other.matchId);
    expect(page.html).toContain(ja.matchStates.interested);

    const api = await t.call('GET', `/api/matches?memberId=${her.account.userId}&state=interested,approved`, {
      token: coordinator.token,
    });
    expect(api.json.items.map((m: { id: string }) => m.id)).toEqual([her.matchId]);

    const quiet = await t.signUp('member');
    await t.call('PUT', '/api/members/me', { token: quiet.token, body: memberProfileInput() });
    expect((await staff.get(`/coordinator/members/${quiet.userId}`)).html).toContain(c.member.noMatches);
  });

  it('answers a stage change without a reason with 422 and keeps the choice', async () => {
    const { account } = await interestedMember();
    const path = `/coordinator/members/${account.userId}`;
    const before = await t.rowCounts();
    const page = await staff.post(`${path}/stage`, { stage: '2', reason: ' ' });
    expect(page.status).toBe(422);
    expect(fieldError(page.html, 'reason')).toBe(ja.validation.required);
    expect(page.html).toMatch(/<option value="2" selected/);
    const noStage = await staff.post(`${path}/stage`, { stage: '', reason: '相談の結果' });
    expect(fieldError(noStage.html, 'stage')).toBe(ja.validation.choose);
    expect(noStage.html).toContain('value="相談の結果"');
    expect(await t.services.coordination.stageHistory(account.userId)).toHaveLength(1);
    expect(await t.rowCounts()).toEqual(before);
  });

  it('adds a consultation note, newest first; a bad note keeps what was typed', async () => {
    const { account } = await interestedMember();
    const path = `/coordinator/members/${account.userId}`;
    const bad = await staff.post(`${path}/notes`, {
      consultedOn: '2026-13-40',
      topic: '就労相談',
      body: '',
      nextStep: '',
    });
    expect(bad.status).toBe(422);
    expect(fieldError(bad.html, 'consultedOn')).toBe(ja.validation.format);
    expect(fieldError(bad.html, 'body')).toBe(ja.validation.required);
    expect(bad.html).toContain('value="就労相談"');
    expect(await t.services.coordination.notes(account.userId)).toEqual([]);

    for (const topic of ['保育園のこと', '就労相談']) {
      const ok = await staff.post(`${path}/notes`, {
        consultedOn: '2026-05-01',
        topic,
        body: `${topic}について話しました。`,
        nextStep: '',
      });
      expect(ok.status).toBe(303);
    }
    const notes = await t.services.coordination.notes(account.userId);
    expect(notes.map((n) => n.topic)).toEqual(['就労相談', '保育園のこと']);
    expect(notes[0]?.nextStep).toBeNull();
    const page = await staff.get(path);
    expect(page.html.indexOf('就労相談について')).toBeLessThan(page.html.indexOf('保育園のことについて'));
  });

  it('shows sensitive information only on request, and the read is audited', async () => {
    const { account } = await interestedMember();
    await t.call('PUT', '/api/members/me/sensitive', {
      token: account.token,
      body: { consent: true, familySituation: '母子家庭、実家は遠方', dvSupportNeeded: false },
    });
    const path = `/coordinator/members/${account.userId}`;
    const page = await staff.get(path);
    expect(page.html).not.toContain('実家は遠方');
    expect(page.html).toContain(`>${c.member.showSensitive}</button>`);
    const shown = await staff.post(`${path}/sensitive`);
    expect(shown.status).toBe(200);
    expect(shown.html).toContain('実家は遠方');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('subject_id', '=', account.userId)
      .where('action', '=', 'read_sensitive')
      .execute();
    expect(audit).toHaveLength(1);

    const { account: quiet } = await interestedMember();
    const none = await staff.post(`/coordinator/members/${quiet.userId}/sensitive`);
    expect(none.status).toBe(200);
    expect(none.html).toContain(c.member.noSensitive);
  });

  it('gives 404 for someone who is not a member', async () => {
    expect((await staff.get(`/coordinator/members/${employer.userId}`)).status).toBe(404);
    const before = await t.rowCounts();
    expect(
      (
        await staff.post(`/coordinator/members/${employer.userId}/notes`, {
          consultedOn: '2026-05-01',
          topic: 'x',
          body: 'y',
        })
      ).status,
    ).toBe(404);
    expect(await t.rowCounts()).toEqual(before);
  });
});

describe('employer checks', () => {
  it('lists organisations waiting for a check and verifies one', async () => {
    const waiting = await t.employerWithOrganisation({
      verified: false,
      organisation: { name: '株式会社あおば食品' },
    });
    const page = await staff.get('/coordinator/organisations');
    dump('organisations', page.html);
    expect(page.status).toBe(200);
    expect(page.html).toContain(escapeHtml('株式会社あおば食品'));
    expect(page.html).toContain(`>${c.organisations.verify}</button>`);
    const done = await staff.post(`/coordinator/organisations/${waiting.organisationId}/verification`, {
      state: 'verified',
    });
    expect(done.status).toBe(303);
    const organisation = await t.services.organisations.get(
      await actorOf(coordinator),
      waiting.organisationId as string,
    );
    expect(organisation.verification.state).toBe('verified');
    const verifiedList = await staff.get('/coordinator/organisations?state=verified');
    expect(verifiedList.html).toContain('株式会社あおば食品');
  });

  it('refuses an unknown answer (422, nothing written) and an unknown organisation (404)', async () => {
    const waiting = await t.employerWithOrganisation({ verified: false });
    const bad = await staff.post(`/coordinator/organisations/${waiting.organisationId}/verification`, {
      state: 'maybe',
    });
    expect(bad.status).toBe(422);
    const organisation = await t.services.organisations.get(
      await actorOf(coordinator),
      waiting.organisationId as string,
    );
    expect(organisation.verification.state).toBe('unverified');
    const unknown = await staff.post(
      '/coordinator/organisations/00000000-0000-4000-8000-000000000000/verification',
      {
        state: 'verified',
      },
    );
    expect(unknown.status).toBe(404);
  });
});

describe('the dashboard', () => {
  it('draws the figures as SVG charts with their numbers as text, and links the CSV exports', async () => {
    const page = await staff.get('/coordinator/dashboard');
    dump('dashboard', page.html);
    expect(page.status).toBe(200);
    expect(page.html).toContain(c.dashboard.byState);
    expect(page.html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="by-state-title by-state-desc"/);
    expect(page.html).toContain('<title id="by-state-title">');
    expect(page.html).toContain(`<th scope="row">${ja.matchStates.approved}</th>`);
    expect(page.html).toContain('href="/api/exports/queue.csv"');
    expect(page.html).toContain('href="/api/exports/outcomes.csv"');
    // The export links work with the page's session cookie.
    const csv = await t.app.request('/api/exports/queue.csv', {
      headers: { cookie: `yorisoi_session=${coordinator.token}` },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
  });

  it('speaks English when asked', async () => {
    const english = await t.app.request('/coordinator/dashboard', {
      headers: { cookie: `yorisoi_session=${coordinator.token}; yorisoi_lang=en` },
    });
    const html = await english.text();
    expect(html).toContain(messagesFor('en').coordinator.dashboard.byState);
  });
});
