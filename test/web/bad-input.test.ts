/**
 * Every form the web pages accept, sent malformed the way a broken client or a tampered page
 * would: unknown and malformed ids, junk in every field, an oversized body. Each answer is a 4xx
 * page (a field-level message where the form has fields), never a 500, and nothing is written.
 * The list of forms is read from the app itself, so a new form is covered the day it is added.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Account,
  createTestApp,
  memberProfileInput,
  roleInput,
  type TestApp,
} from '../support/test-app.ts';
import { browserFor } from '../support/web.ts';

let t: TestApp;
let accounts: Record<'member' | 'employer' | 'coordinator', Account>;
let real: { roleId: string; matchId: string; memberId: string; organisationId: string };

/** Junk for every field any form has: wrong types, out-of-range numbers, unknown choices, far too long. */
const JUNK: Record<string, string | string[]> = {
  email: 'not-an-address',
  password: '',
  displayName: 'x'.repeat(500),
  role: 'admin',
  name: '',
  title: 'x'.repeat(5000),
  category: 'astronaut',
  'pay.min': 'たくさん',
  'pay.unit': 'week',
  'schedule.kind': 'sometimes',
  'week.mon.0.start': '25:00',
  'week.mon.0.end': '08:00',
  'availability.maxHoursPerWeek': '-3',
  'commute.maxMinutes': 'abc',
  'area.prefCode': '99',
  'area.name': '',
  decision: 'approve',
  approveReason: '',
  expectedVersion: 'abc',
  reasonCode: 'because',
  reason: 'r'.repeat(2000),
  stage: '9',
  outcome: 'maybe',
  state: 'perhaps',
  organisationId: 'nope',
  body: '',
  topic: '',
};

/** Who may post to a form, by where it lives. */
function ownerOf(path: string): keyof typeof accounts | undefined {
  // Accepting a registration invitation is an employer's form.
  if (path.startsWith('/employer') || path.startsWith('/join')) return 'employer';
  if (path.startsWith('/coordinator')) return 'coordinator';
  if (path.startsWith('/me') || path.startsWith('/jobs') || path.startsWith('/notifications'))
    return 'member';
  return undefined;
}

const FORMS_WITH_FIELDS_ON_A_REAL_ID: Record<string, keyof typeof real> = {
  '/employer/roles/:id/edit': 'roleId',
  '/coordinator/matches/:id/decision': 'matchId',
  '/coordinator/members/:id/stage': 'memberId',
  '/coordinator/members/:id/notes': 'memberId',
  '/coordinator/organisations/:id/verification': 'organisationId',
  '/me/matches/:id/withdraw': 'matchId',
};

const formPaths = () =>
  [
    ...new Set(
      t.app.routes.filter((r) => r.method === 'POST' && !r.path.startsWith('/api')).map((r) => r.path),
    ),
  ]
    // Signing out has no input to get wrong.
    .filter((path) => path !== '/sign-out');

async function snapshot() {
  const role = await t.call('GET', `/api/roles/${real.roleId}`, { token: accounts.employer.token });
  const profile = await t.call('GET', '/api/members/me', { token: accounts.member.token });
  const matches = await t.call('GET', '/api/members/me/matches', { token: accounts.member.token });
  return { counts: await t.rowCounts(), role: role.json, profile: profile.json, matches: matches.json };
}

beforeAll(async () => {
  t = await createTestApp();
  const coordinator = await t.createStaff('coordinator');
  const employer = await t.employerWithOrganisation({ coordinator });
  const member = await t.signUp('member');
  await t.call('PUT', '/api/members/me', { token: member.token, body: memberProfileInput() });
  const roleId = await t.publishRole(employer, roleInput());
  const interest = await t.call('POST', `/api/jobs/${roleId}/interest`, { token: member.token });
  accounts = { member, employer, coordinator };
  real = {
    roleId,
    matchId: interest.json.id,
    memberId: member.userId,
    organisationId: employer.organisationId as string,
  };
});

afterAll(() => t.close());

describe('malformed posts to every web form', () => {
  it('finds the forms to check', () => {
    expect(formPaths().length).toBeGreaterThanOrEqual(20);
  });

  it('unknown or malformed ids answer 404 (or 422 for the junk beside them) and write nothing', async () => {
    const before = await snapshot();
    for (const path of formPaths().filter((p) => p.includes(':id'))) {
      const owner = ownerOf(path);
      const browser = browserFor(t, owner ? accounts[owner].token : undefined);
      for (const id of ['3f1c2a8e-4b1d-4c55-9a43-1b2c3d4e5f60', 'not-an-id', '%00']) {
        const page = await browser.post(path.replace(':id', id).replace(':fact', 'short_time_allowed'), JUNK);
        // Junk fields may be refused (422) before the id is looked up, as the API validates first.
        expect([404, 422], `${path} with id ${id}`).toContain(page.status);
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('junk in every field answers a 4xx page, with messages by the fields where the form has them, and writes nothing', async () => {
    const before = await snapshot();
    for (const path of formPaths()) {
      const owner = ownerOf(path);
      const browser = browserFor(t, owner ? accounts[owner].token : undefined);
      const idKind = FORMS_WITH_FIELDS_ON_A_REAL_ID[path];
      if (path.includes(':id') && !idKind) continue; // actions without fields: covered by the id checks above
      const page = await browser.post(idKind ? path.replace(':id', real[idKind]) : path, JUNK);
      if (page.status === 303) {
        // Forms whose every field is optional (privacy, unblock, e-mail choices) or that have none
        // (resend the verification mail, sign out elsewhere) may accept junk as "nothing chosen".
        expect(
          [
            '/me/privacy',
            '/me/privacy/unblock',
            '/me/privacy/sensitive/delete',
            '/verification/resend',
            '/account/mail',
            '/account/sign-out-elsewhere',
          ],
          `${path} accepted junk`,
        ).toContain(path);
        continue;
      }
      expect(page.status, path).toBeGreaterThanOrEqual(400);
      expect(page.status, path).toBeLessThan(500);
      expect(page.html, path).toMatch(/class="(field-error|error-summary)|<h1>[^<]+<\/h1>/);
      // A refused form says what is wrong: a list of problems, a message by the field, or an alert.
      if (page.status === 422)
        expect(page.html, path).toMatch(/class="error-summary"|class="field-error"|role="alert"/);
    }
    const after = await snapshot();
    // Re-saving privacy with nothing chosen rewrote the same profile: only its timestamp moved.
    expect({ ...after, profile: { ...after.profile, updatedAt: undefined } }).toEqual({
      ...before,
      profile: { ...before.profile, updatedAt: undefined },
    });
  });

  it('a body over the limit answers 413, not 500', async () => {
    const page = await browserFor(t, accounts.member.token).post('/me/profile', {
      familyName: 'x'.repeat(70_000),
    });
    expect(page.status).toBe(413);
    expect(page.html).toContain('送られた内容が大きすぎます');
  });

  it('blocking an organisation that does not exist is refused with 422, not a 500', async () => {
    const page = await browserFor(t, accounts.member.token).post('/me/privacy/block', {
      organisationId: 'nope',
    });
    expect(page.status).toBe(422);
  });

  it('a withdrawal reason over 1,000 characters is refused beside the field, not cut short', async () => {
    const page = await browserFor(t, accounts.member.token).post(`/me/matches/${real.matchId}/withdraw`, {
      reason: 'r'.repeat(1001),
    });
    expect(page.status).toBe(422);
    expect(page.html).toContain('1000文字以内で入力してください');
    const [match] = (await t.call('GET', '/api/members/me/matches', { token: accounts.member.token })).json
      .items;
    expect(match.state).toBe('interested');
  });
});
