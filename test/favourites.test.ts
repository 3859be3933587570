/**
 * Favourites (キープ) and the 応募済み badge: keeping is idempotent and private to her (another
 * member can neither see nor remove what she kept, an employer cannot call it at all), a kept
 * role that closes stays in her list saying so, and every card and job page shows the marks,
 * which work as plain form posts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Account,
  createTestApp,
  memberProfileInput,
  roleInput,
  type TestApp,
} from './support/test-app.ts';
import { browserFor } from './support/web.ts';

let t: TestApp;
let employer: Account;
let her: Account;
let other: Account;
let roles: string[];

const list = async (account: Account) => {
  const res = await t.call('GET', '/api/members/me/favourites', { token: account.token });
  expect(res.status, res.text).toBe(200);
  return res.json as {
    items: { roleId: string; state: string; keptAt: string; endedAt: string | null; interested: boolean }[];
    total: number;
  };
};

beforeAll(async () => {
  t = await createTestApp();
  employer = await t.employerWithOrganisation();
  her = await t.signUp('member');
  other = await t.signUp('member');
  for (const member of [her, other]) {
    const saved = await t.call('PUT', '/api/members/me', { token: member.token, body: memberProfileInput() });
    expect(saved.status, saved.text).toBe(200);
  }
  roles = [];
  for (const title of ['介護スタッフA（週3日）', '介護スタッフB（週3日）', '介護スタッフC（週3日）'])
    roles.push(await t.publishRole(employer, roleInput({ title })));
});
afterAll(async () => t.close());

describe('favourites API', () => {
  it('keeps a role once however often she taps, and lists it as open', async () => {
    const first = await t.call('PUT', `/api/members/me/favourites/${roles[0]}`, { token: her.token });
    expect(first.status, first.text).toBe(200);
    expect(first.json).toMatchObject({ roleId: roles[0], state: 'open', interested: false });
    expect(first.json.role.id).toBe(roles[0]);
    const again = await t.call('PUT', `/api/members/me/favourites/${roles[0]}`, { token: her.token });
    expect(again.status).toBe(200);
    expect(again.json.keptAt).toBe(first.json.keptAt);
    expect((await list(her)).items.map((f) => f.roleId)).toEqual([roles[0]]);
  });

  it('is hers alone: another member sees none of it and cannot remove it; an employer is refused', async () => {
    expect((await list(other)).items).toEqual([]);
    const removed = await t.call('DELETE', `/api/members/me/favourites/${roles[0]}`, { token: other.token });
    expect(removed.status).toBe(204);
    expect((await list(her)).items.map((f) => f.roleId)).toEqual([roles[0]]);
    for (const [method, path] of [
      ['GET', '/api/members/me/favourites'],
      ['PUT', `/api/members/me/favourites/${roles[0]}`],
      ['DELETE', `/api/members/me/favourites/${roles[0]}`],
    ] as const) {
      const res = await t.call(method, path, { token: employer.token });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    expect((await list(her)).total).toBe(1);
  });

  it('refuses what she cannot find: an unknown id, a draft, a malformed id', async () => {
    const unknown = await t.call('PUT', '/api/members/me/favourites/00000000-0000-4000-8000-000000000000', {
      token: her.token,
    });
    expect(unknown.status).toBe(404);
    const putAway = await t.call(
      'DELETE',
      '/api/members/me/favourites/00000000-0000-4000-8000-000000000000',
      {
        token: her.token,
      },
    );
    expect(putAway.status).toBe(404);
    const draft = await t.call('POST', '/api/roles', { token: employer.token, body: roleInput() });
    const kept = await t.call('PUT', `/api/members/me/favourites/${draft.json.id}`, { token: her.token });
    expect(kept.status).toBe(404);
    const malformed = await t.call('PUT', '/api/members/me/favourites/not-an-id', { token: her.token });
    expect(malformed.status).toBe(422);
    expect(malformed.json.error.issues[0].path).toBe('param.roleId');
    expect((await list(her)).total).toBe(1);
  });

  it('keeps a closed role in her list, saying it closed and when, instead of dropping it', async () => {
    await t.call('PUT', `/api/members/me/favourites/${roles[2]}`, { token: her.token });
    const closed = await t.call('POST', `/api/roles/${roles[2]}/close`, { token: employer.token });
    expect(closed.status).toBe(200);
    const entry = (await list(her)).items.find((f) => f.roleId === roles[2]);
    expect(entry).toMatchObject({ state: 'closed', endedAt: closed.json.closedAt });
    expect(entry).not.toHaveProperty('role');
    // Tapping again on a closed role she kept answers the same; a closed one she never kept is a 404.
    expect((await t.call('PUT', `/api/members/me/favourites/${roles[2]}`, { token: her.token })).status).toBe(
      200,
    );
    expect(
      (await t.call('PUT', `/api/members/me/favourites/${roles[2]}`, { token: other.token })).status,
    ).toBe(404);
  });

  it('puts a role away, and doing it twice is fine', async () => {
    for (let i = 0; i < 2; i += 1)
      expect(
        (await t.call('DELETE', `/api/members/me/favourites/${roles[2]}`, { token: her.token })).status,
      ).toBe(204);
    expect((await list(her)).items.map((f) => f.roleId)).toEqual([roles[0]]);
  });

  it('comes with her data export, and goes with her account', async () => {
    const exported = await t.call('GET', '/api/members/me/export', { token: her.token });
    expect(exported.status).toBe(200);
    expect(exported.json.favourites.map((f: { roleId: string }) => f.roleId)).toEqual([roles[0]]);
    expect((await t.call('GET', '/api/members/me/export', { token: other.token })).json.favourites).toEqual(
      [],
    );
  });

  it('marks a page of roles in one call: kept and 応募済み (said interested, not withdrawn)', async () => {
    const interest = await t.call('POST', `/api/jobs/${roles[1]}/interest`, { token: her.token });
    expect(interest.status, interest.text).toBe(200);
    const actor = {
      userId: her.userId,
      role: 'member' as const,
      displayName: '',
      email: '',
      organisationId: null,
      emailVerified: true,
    };
    const marks = await t.services.favourites.marks(actor, roles);
    expect([...marks.kept]).toEqual([roles[0]]);
    expect([...marks.interested]).toEqual([roles[1]]);
    const theirs = await t.services.favourites.marks({ ...actor, userId: other.userId }, roles);
    expect([marks.kept.size, theirs.kept.size, theirs.interested.size]).toEqual([1, 0, 0]);
    await t.call('POST', `/api/matches/${interest.json.id}/withdraw`, { token: her.token });
    expect((await t.services.favourites.marks(actor, roles)).interested.size).toBe(0);
    const again = await t.call('POST', `/api/jobs/${roles[1]}/interest`, { token: her.token });
    expect(again.status, again.text).toBe(200);
  });
});

describe('favourites pages', () => {
  const keepForms = (html: string) => [
    ...html.matchAll(/action="\/me\/favourites\/([0-9a-f-]+)(\/remove)?\?/g),
  ];

  it('every card on the search page has a keep button, and 応募済み where she said yes', async () => {
    const page = await browserFor(t, her.token).get('/jobs?q=%E4%BB%8B%E8%AD%B7');
    expect(page.status).toBe(200);
    const forms = keepForms(page.html);
    const byRole = new Map(forms.map((f) => [f[1], f[2] ? 'remove' : 'keep']));
    expect(byRole.get(roles[0])).toBe('remove');
    expect(byRole.get(roles[1])).toBe('keep');
    expect(page.html).toContain('★ キープをやめる');
    expect(page.html.split('応募済み').length - 1).toBe(1);
  });

  it('keeps from a job page without JavaScript and comes back to it', async () => {
    const browser = browserFor(t, her.token);
    const job = await browser.get(`/jobs/${roles[1]}`);
    expect(job.html).toContain('応募済み');
    expect(job.html).toContain(`action="/me/favourites/${roles[1]}?next=%2Fjobs%2F${roles[1]}"`);
    const kept = await browser.post(`/me/favourites/${roles[1]}?next=%2Fjobs%2F${roles[1]}`);
    expect(kept.status).toBe(303);
    expect(kept.location).toBe(`/jobs/${roles[1]}`);
    expect((await browser.get(`/jobs/${roles[1]}`)).html).toContain('★ キープをやめる');
    // A next that leaves the site is not followed.
    const away = await browser.post(`/me/favourites/${roles[1]}?next=https%3A%2F%2Fevil.example%2F`);
    expect(away.location).toBe('/me/favourites');
  });

  it('lists her kept roles, an ended one with its reason, and refuses a post without the form token', async () => {
    await t.call('POST', `/api/roles/${roles[0]}/close`, { token: employer.token });
    const browser = browserFor(t, her.token);
    const page = await browser.get('/me/favourites');
    expect(page.status).toBe(200);
    expect(page.html).toContain('介護スタッフA（週3日）');
    expect(page.html).toContain('募集終了');
    expect(page.html).toContain('介護スタッフB（週3日）');
    expect(page.html).not.toContain('介護スタッフC（週3日）');
    const forged = await t.app.request(`/me/favourites/${roles[2]}`, {
      method: 'POST',
      headers: {
        cookie: `yorisoi_session=${her.token}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: '',
    });
    expect(forged.status).toBe(403);
    // Employers get no keep button and cannot post one.
    const employerPage = await browserFor(t, employer.token).get(`/jobs/${roles[0]}`);
    expect(keepForms(employerPage.html)).toEqual([]);
    expect((await browserFor(t, employer.token).post(`/me/favourites/${roles[0]}`)).status).toBe(403);
  });
});
