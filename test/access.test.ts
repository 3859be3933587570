/**
 * One access declaration per action (src/features/shared/access.ts), shared by the API routes and
 * the pages. Every guard the app registers must be one of those declarations, not a list written
 * out again; and, by real requests, the pages and the API routes that take the same declaration
 * admit exactly the callers it names — a page sends a signed-out visitor to sign in and shows
 * anyone else it refuses a 403 page, a route answers 401 and 403. What the product allows is
 * written down independently in test/authorization.test.ts. The services that change data check
 * the same declarations themselves, so a page or job that forgot its guard still cannot act.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Access, type Actor, admits } from '../src/actor.ts';
import { AppError } from '../src/errors.ts';
import { ACCESS } from '../src/features/shared/access.ts';
import type { Services } from '../src/services.ts';
import { HOME_OF } from '../src/web/pages.tsx';
import { type Account, createTestApp, type TestApp } from './support/test-app.ts';
import { browserFor } from './support/web.ts';

type Caller = 'anonymous' | 'member' | 'employer' | 'coordinator' | 'admin';
const CALLERS: Caller[] = ['anonymous', 'member', 'employer', 'coordinator', 'admin'];

/** A guard found in the app's routing table: the middleware `defineRoute` or `requirePage` made. */
interface Guard {
  method: string;
  path: string;
  kind: 'api' | 'page';
  access: Access;
}

/** The declaration's name, found by identity: a list written out again has none. */
function declarationOf(access: Access): string | undefined {
  return Object.entries(ACCESS).find(([, declared]) => declared === access)?.[0];
}

/** Hono wraps a sub-app's handlers that have their own error handler; the guard is inside. */
function unwrap(handler: unknown): { access?: Access } {
  let inner = handler as { __COMPOSED_HANDLER?: unknown; access?: Access };
  while (inner.__COMPOSED_HANDLER) inner = inner.__COMPOSED_HANDLER as typeof inner;
  return inner;
}

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** A path to request for a route pattern: unknown ids, a real area code, a real fact. */
function concrete(path: string): string {
  return path
    .replace(/:(code|areaCode)\b/g, '141003')
    .replace(':fact', 'sick_child_absence_ok')
    .replace(/:[a-zA-Z]+/g, UNKNOWN_ID)
    .replace(/\/\*$/, `/${UNKNOWN_ID}`);
}

/** Pages that are somebody's own: each must sit behind a guard. */
const PRIVATE_PAGES = /^\/(me|employer|coordinator|account|home)(\/|$)/;

let t: TestApp;
let accounts: Record<Exclude<Caller, 'anonymous'>, Account>;
let guards: Guard[];
let pages: { method: string; path: string }[];

beforeAll(async () => {
  t = await createTestApp();
  const coordinator = await t.createStaff('coordinator');
  accounts = {
    member: await t.signUp('member'),
    employer: await t.employerWithOrganisation({ coordinator }),
    coordinator,
    admin: await t.createStaff('admin'),
  };
  guards = t.app.routes.flatMap((route) => {
    const { access } = unwrap(route.handler);
    if (access === undefined) return [];
    const kind = route.path.startsWith('/api/') || route.path.startsWith('/health') ? 'api' : 'page';
    return [{ method: route.method, path: route.path, kind, access } satisfies Guard];
  });
  pages = t.app.routes
    .filter((route) => route.method !== 'ALL' && !route.path.startsWith('/api/'))
    .map((route) => ({ method: route.method, path: route.path }));
});
afterAll(async () => t.close());

/** The actor each kind of caller is, for asking the declaration what it admits. */
function actorOf(caller: Caller): Actor | undefined {
  if (caller === 'anonymous') return undefined;
  return { role: caller } as Actor;
}

/** Whether a request as this caller got past the guard (anything but the guard's refusal). */
async function admitted(guard: Guard, caller: Caller): Promise<boolean> {
  const path = concrete(guard.path);
  const method = guard.method === 'ALL' ? 'GET' : guard.method;
  const token = caller === 'anonymous' ? undefined : accounts[caller].token;
  if (guard.kind === 'api') {
    const res = await t.call(method, path, { token, ...(method === 'GET' ? {} : { body: {} }) });
    expect(res.status, `${method} ${path} as ${caller}`).toBeLessThan(500);
    return res.status !== 401 && res.status !== 403;
  }
  const browser = browserFor(t, token);
  const page = method === 'GET' ? await browser.get(path) : await browser.post(path);
  expect(page.status, `${method} ${path} as ${caller}`).toBeLessThan(500);
  const toSignIn = page.status === 303 && (page.location ?? '').startsWith('/sign-in');
  return !toSignIn && page.status !== 403;
}

describe('one access declaration per action', () => {
  it('guards every API route and the pages with the declarations, never a list written out again', () => {
    expect(guards.filter((g) => g.kind === 'api').length).toBeGreaterThan(100);
    expect(guards.filter((g) => g.kind === 'page').length).toBeGreaterThan(50);
    const copies = guards
      .filter((g) => declarationOf(g.access) === undefined)
      .map((g) => `${g.kind} ${g.method} ${g.path}: ${JSON.stringify(g.access)}`);
    expect(copies).toEqual([]);
  });

  it('guards every page that is somebody’s own', () => {
    const guarded = (page: { method: string; path: string }) =>
      guards.some(
        (g) =>
          g.kind === 'page' &&
          (g.method === page.method || g.method === 'ALL') &&
          (g.path === page.path || (g.path.endsWith('/*') && page.path.startsWith(g.path.slice(0, -1)))),
      );
    const open = pages.filter((page) => PRIVATE_PAGES.test(page.path) && !guarded(page));
    expect(pages.filter((page) => PRIVATE_PAGES.test(page.path)).length).toBeGreaterThan(50);
    expect(open.map((page) => `${page.method} ${page.path}`)).toEqual([]);
  });

  it('has no declaration nothing uses', () => {
    const used = new Set(guards.map((g) => g.access));
    const unused = Object.entries(ACCESS)
      .filter(([, access]) => !used.has(access))
      .map(([name]) => name);
    expect(unused).toEqual([]);
  });

  it('admits on every page and every route exactly the callers its declaration names', async () => {
    const failures: string[] = [];
    // Per declaration, who each of its pages and routes let through: all must be the same.
    const answers = new Map<string, Map<string, string>>();
    for (const guard of guards) {
      // It would end the caller's session for the rest of the walk; authorization.test.ts checks it.
      if (guard.kind === 'api' && guard.path === '/api/auth/sign-out') continue;
      const name = declarationOf(guard.access) ?? JSON.stringify(guard.access);
      const through: Caller[] = [];
      for (const caller of CALLERS) {
        const got = await admitted(guard, caller);
        if (got) through.push(caller);
        if (got !== admits(guard.access, actorOf(caller)))
          failures.push(
            `${guard.kind} ${guard.method} ${guard.path} (${name}) as ${caller}: admitted=${got}`,
          );
      }
      const byAnswer = answers.get(name) ?? new Map<string, string>();
      answers.set(name, byAnswer);
      byAnswer.set(through.join(', ') || 'nobody', `${guard.kind} ${guard.method} ${guard.path}`);
    }
    for (const [name, byAnswer] of answers) {
      if (byAnswer.size > 1)
        failures.push(`${name} answers differently: ${JSON.stringify(Object.fromEntries(byAnswer))}`);
    }
    expect(failures).toEqual([]);
  });

  it('lets the services that change data refuse whom their action does not admit, with no route in front', async () => {
    const actors = Object.fromEntries(
      await Promise.all(
        Object.entries(accounts).map(async ([caller, account]) => [
          caller,
          await t.services.auth.resolve(account.token),
        ]),
      ),
    ) as Record<Exclude<Caller, 'anonymous'>, Actor>;
    const id = UNKNOWN_ID;
    // Each write with the declaration it checks; the input does not matter, the check comes first.
    const writes: [Access, string, (s: Services, actor: Actor) => Promise<unknown>][] = [
      [ACCESS.developProspects, 'prospects.create', (s, a) => s.prospects.create(a, {} as never)],
      [
        ACCESS.developProspects,
        'prospects.move',
        (s, a) => s.prospects.move(a, id, { stage: 'contacted' } as never),
      ],
      [ACCESS.developProspects, 'prospects.invite', (s, a) => s.prospects.invite(a, id)],
      [ACCESS.developProspects, 'prospects.note', (s, a) => s.prospects.note(a, id, { note: 'x' })],
      [ACCESS.followUps, 'followUp.close', (s, a) => s.followUp.close(a, id, 'x')],
      [
        ACCESS.introductions,
        'followUp.recordSeparation',
        (s, a) => s.followUp.recordSeparation(a, id, {} as never),
      ],
      [ACCESS.introductions, 'matches.recordOutcome', (s, a) => s.matches.recordOutcome(a, id, {} as never)],
      [ACCESS.runMeetings, 'meetings.publish', (s, a) => s.meetings.publish(a, {} as never)],
      [ACCESS.runMeetings, 'meetings.attendance', (s, a) => s.meetings.attendance(a, id, id, true)],
      [ACCESS.runMentoring, 'mentoring.open', (s, a) => s.mentoring.open(a, {} as never)],
      [ACCESS.runMentoring, 'mentoring.invite', (s, a) => s.mentoring.invite(a, id, id)],
      [ACCESS.runMentoring, 'mentoring.pair', (s, a) => s.mentoring.pair(a, id, id, id)],
      [ACCESS.supportMembers, 'coordination.setStage', (s, a) => s.coordination.setStage(a, id, {} as never)],
      [ACCESS.supportMembers, 'coordination.addNote', (s, a) => s.coordination.addNote(a, id, {} as never)],
      [ACCESS.supportMembers, 'sensitive.readFor', (s, a) => s.sensitive.readFor(a, id)],
      [ACCESS.supportMembers, 'auth.sendResetForMember', (s, a) => s.auth.sendResetForMember(a, id)],
      [ACCESS.reviewMatches, 'coordination.verifyFact', (s, a) => s.coordination.verifyFact(a, id, 'x')],
      [ACCESS.publishNotices, 'notices.publish', (s, a) => s.notices.publish(a, {} as never)],
      [ACCESS.publishNotices, 'notices.withdraw', (s, a) => s.notices.withdraw(a, id)],
      [
        ACCESS.verifyOrganisations,
        'organisations.verify',
        (s, a) => s.organisations.verify(a, id, 'verified'),
      ],
      [ACCESS.ownOrganisation, 'organisations.register', (s, a) => s.organisations.register(a, {} as never)],
      [ACCESS.planMoves, 'relocation.writeNote', (s, a) => s.relocation.writeNote(a, id, '141003', 'x')],
      [ACCESS.favourites, 'favourites.keep', (s, a) => s.favourites.keep(a, id)],
      [ACCESS.savedSearches, 'savedSearches.create', (s, a) => s.savedSearches.create(a, {} as never)],
    ];
    const failures: string[] = [];
    const before = await t.rowCounts();
    for (const [access, name, write] of writes) {
      for (const [caller, actor] of Object.entries(actors)) {
        if (admits(access, actor)) continue;
        const error = await write(t.services, actor).then(
          () => undefined,
          (thrown: unknown) => thrown,
        );
        if (!(error instanceof AppError) || error.code !== 'forbidden')
          failures.push(`${name} as ${caller}: ${error instanceof AppError ? error.code : String(error)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await t.rowCounts()).toEqual(before);
  });

  it('sends each kind of account, from her start page and its menu, only to pages that admit her', async () => {
    const refused: string[] = [];
    for (const [caller, account] of Object.entries(accounts)) {
      const browser = browserFor(t, account.token);
      const home = await browser.get(HOME_OF[caller as keyof typeof HOME_OF]);
      const menu = /<nav class="tabs"[^>]*>(.*?)<\/nav>/s.exec(home.html)?.[1] ?? '';
      const links = [...menu.matchAll(/href="([^"]+)"/g)].map((match) => match[1] as string);
      expect(links.length, `${caller}'s menu`).toBeGreaterThan(0);
      for (const path of [HOME_OF[caller as keyof typeof HOME_OF], ...links, '/account']) {
        const page = await browser.get(path);
        if (page.status === 403 || (page.location ?? '').startsWith('/sign-in'))
          refused.push(`${caller} → ${path}: ${page.status}`);
      }
    }
    expect(refused).toEqual([]);
  });
});
