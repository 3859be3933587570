/**
 * Accounts a mother can rely on, through the Node entry's real mail path: messages leave through
 * nodemailer over SMTP to a real SMTP server in this process, which parses what arrived. Sign-up
 * answers alike for new and taken addresses, an unverified account may look but not act, a reset
 * link works once for 30 minutes and ends every session, and sessions lapse when unused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer } from '../src/adapter/node/mail.ts';
import { newId } from '../src/deps.ts';
import { createMailRelay } from '../src/features/mail/mail-relay.ts';
import { createDeliveryRelay } from '../src/features/notifications/delivery.ts';
import { startSmtpCatcher, tokenIn } from './support/mail-catchers.ts';
import {
  type Account,
  createTestApp,
  memberProfileInput,
  TEST_PASSWORD,
  type TestApp,
} from './support/test-app.ts';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
let mailer: ReturnType<typeof smtpMailer>;
let relay: ReturnType<typeof createMailRelay>;
// The app's clock: tests move it forward to pass an expiry or an idle limit.
let offsetMs = 0;
const FROM = 'Yorisoi <no-reply@yorisoi.test>';

const signUpBody = (email: string, extra: Record<string, unknown> = {}) => ({
  email,
  password: TEST_PASSWORD,
  displayName: 'はなこ',
  role: 'member',
  acceptTerms: true,
  ...extra,
});

/** Sends what the outbox holds over SMTP, and waits for the newest message to `to`. */
async function deliveredTo(to: string, subject?: string) {
  const run = await relay.run();
  expect(run.failed).toBe(0);
  return smtp.waitFor(to, (m) => subject === undefined || m.subject === subject);
}

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  t = await createTestApp({ clock: { now: () => new Date(Date.now() + offsetMs) } });
  mailer = smtpMailer(smtp.url, FROM);
  relay = createMailRelay(t.deps, mailer);
});
afterAll(async () => {
  mailer?.close();
  await smtp?.close();
  await t?.close();
});

describe('e-mail over SMTP', { timeout: 120_000 }, () => {
  it('sends the verification mail in Japanese, plain text and HTML, with why it came', async () => {
    const email = `hanako-${newId()}@example.jp`;
    const up = await t.call('POST', '/api/auth/sign-up', { body: signUpBody(email) });
    expect(up.status).toBe(202);
    const mail = await deliveredTo(email);
    expect(mail.from).toContain('no-reply@yorisoi.test');
    expect(mail.subject).toBe('メールアドレスの確認');
    expect(mail.text).toContain('はなこさん');
    expect(mail.text).toMatch(/http:\/\/127\.0\.0\.1:8787\/verify-email\?token=/);
    expect(mail.text).toContain('このメールはアカウントの手続きのためにお送りしています');
    expect(mail.html).toContain('<a href="http://127.0.0.1:8787/verify-email?token=');
    // Once sent, the one-time link is no longer kept in the outbox.
    const kept = await t.lastMailTo(email, 'verify_email');
    expect(kept).toMatchObject({ state: 'sent', text_body: '', html_body: '' });
  });

  it('writes in English for someone who signed up in English', async () => {
    const email = `en-${newId()}@example.jp`;
    await t.call('POST', '/api/auth/sign-up', { body: signUpBody(email, { locale: 'en' }) });
    const mail = await deliveredTo(email);
    expect(mail.subject).toBe('Confirm your e-mail address');
    expect(mail.text).toContain('thank you for signing up');
  });

  it('keeps a message that could not be sent and sends it once the server answers', async () => {
    const email = `retry-${newId()}@example.jp`;
    await t.call('POST', '/api/auth/sign-up', { body: signUpBody(email) });
    const closed = createMailRelay(t.deps, smtpMailer('smtp://127.0.0.1:1', FROM));
    expect(await closed.run()).toMatchObject({ sent: 0, failed: 1 });
    const waiting = await t.lastMailTo(email, 'verify_email');
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1 });
    offsetMs += 10_000; // past the first back-off
    try {
      expect((await deliveredTo(email)).subject).toBe('メールアドレスの確認');
    } finally {
      offsetMs -= 10_000;
    }
  });
});

describe('sign-up with verification', { timeout: 120_000 }, () => {
  it('answers a new and a taken address alike, with the same work, and mails the owner instead', async () => {
    const taken = `taken-${newId()}@example.jp`;
    await t.signUp('member', taken);
    const hashes: string[] = [];
    const { passwords } = t.deps;
    const realHash = passwords.hash;
    passwords.hash = async (password) => {
      hashes.push(password);
      return realHash(password);
    };
    try {
      const outboxBefore = await mailCount();
      const started = performance.now();
      const forNew = await t.call('POST', '/api/auth/sign-up', {
        body: signUpBody(`new-${newId()}@example.jp`),
      });
      const newMs = performance.now() - started;
      const hashesForNew = hashes.length;
      const restarted = performance.now();
      const forTaken = await t.call('POST', '/api/auth/sign-up', { body: signUpBody(taken.toUpperCase()) });
      const takenMs = performance.now() - restarted;
      console.log(
        `sign-up answered in ${newMs.toFixed(0)} ms (new address), ${takenMs.toFixed(0)} ms (taken)`,
      );
      expect(forTaken.status).toBe(forNew.status);
      expect(forTaken.json).toEqual(forNew.json);
      expect(forNew.json.status).toBe('verification_sent');
      expect(forTaken.headers.get('set-cookie')).toBe(forNew.headers.get('set-cookie'));
      // The cost that dominates the time — one password hash — is paid in both cases, and each sends one mail.
      expect(hashesForNew).toBe(1);
      expect(hashes.length - hashesForNew).toBe(1);
      expect((await mailCount()) - outboxBefore).toBe(2);
    } finally {
      passwords.hash = realHash;
    }
    const owner = await deliveredTo(taken, '新規登録のお申し込みについて');
    expect(owner.text).toContain('すでにアカウントがあります');
    expect(owner.text).toContain('/forgot-password');
    // Her password is unchanged.
    expect((await signIn(taken)).status).toBe(200);
  });

  it('lets an unverified account sign in and look, but not express interest or publish', async () => {
    const member = await t.signUpUnverified('member');
    const me = await t.call('GET', '/api/auth/me', { token: member.token });
    expect(me.json.emailVerified).toBe(false);
    expect(
      (await t.call('PUT', '/api/members/me', { token: member.token, body: memberProfileInput() })).status,
    ).toBe(200);
    const employer = await t.employerWithOrganisation();
    const roleId = await t.publishRole(employer);
    const interest = await t.call('POST', `/api/jobs/${roleId}/interest`, { token: member.token });
    expect(interest.status).toBe(403);
    expect(interest.json.error.code).toBe('email_not_verified');

    const unverifiedEmployer = await t.signUpUnverified('employer');
    const role = await t.call('POST', '/api/roles', {
      token: unverifiedEmployer.token,
      body: (await import('./support/inputs.ts')).roleInput(),
    });
    // Without a verified address she has no organisation either; publishing is refused before anything else.
    const publish = await t.call('POST', `/api/roles/${role.json?.id ?? newId()}/publish`, {
      token: unverifiedEmployer.token,
    });
    expect(publish.status).toBe(403);
    expect(publish.json.error.code).toBe('email_not_verified');

    // Following the mail verifies her, ends the earlier session, and she may act.
    const verified = await t.call('POST', '/api/auth/verification', {
      body: { token: await t.tokenFromMail(member.email, 'verify_email') },
    });
    expect(verified.status).toBe(200);
    expect(verified.json.actor.emailVerified).toBe(true);
    expect((await t.call('GET', '/api/auth/me', { token: member.token })).status).toBe(401);
    const again = await t.call('POST', `/api/jobs/${roleId}/interest`, { token: verified.json.token });
    expect(again.status).toBe(200);
  });

  it('uses a verification link once', async () => {
    const member = await t.signUpUnverified('member');
    const token = await t.tokenFromMail(member.email, 'verify_email');
    expect((await t.call('POST', '/api/auth/verification', { body: { token } })).status).toBe(200);
    const second = await t.call('POST', '/api/auth/verification', { body: { token } });
    expect(second.status).toBe(400);
    expect(second.json.error.code).toBe('invalid_token');
  });

  it('records the policy version she agreed to, and refuses a sign-up without the tick', async () => {
    const email = `terms-${newId()}@example.jp`;
    const refused = await t.call('POST', '/api/auth/sign-up', {
      body: signUpBody(email, { acceptTerms: false }),
    });
    expect(refused.status).toBe(422);
    expect(refused.json.error.issues[0].path).toBe('body.acceptTerms');
    await t.signUp('member', email);
    const row = await t.database.db
      .selectFrom('users')
      .select(['terms_version', 'terms_accepted_at'])
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(row.terms_version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(row.terms_accepted_at).not.toBeNull();
  });
});

const signIn = (email: string, password = TEST_PASSWORD) =>
  t.call('POST', '/api/auth/sign-in', { body: { email, password } });

async function mailCount() {
  const row = await t.database.db
    .selectFrom('mail_outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('password reset', { timeout: 120_000 }, () => {
  it('answers known and unknown addresses alike, and mails only a known one', async () => {
    const email = `reset-${newId()}@example.jp`;
    await t.signUp('member', email);
    const before = await mailCount();
    const known = await t.call('POST', '/api/auth/password-reset/request', { body: { email } });
    const unknown = await t.call('POST', '/api/auth/password-reset/request', {
      body: { email: `nobody-${newId()}@example.jp` },
    });
    expect(known.status).toBe(202);
    expect(unknown.json).toEqual(known.json);
    expect((await mailCount()) - before).toBe(1);
  });

  it('sets a new password from the mail once, signing her out everywhere', async () => {
    const email = `forgot-${newId()}@example.jp`;
    const first = await t.signUp('member', email);
    const second = (await signIn(email)).json.token as string;
    await t.call('POST', '/api/auth/password-reset/request', { body: { email } });
    const mail = await deliveredTo(email, 'パスワードの再設定');
    expect(mail.text).toContain('30分間有効');
    const token = tokenIn(mail);
    // Only the hash is kept.
    const stored = await t.database.db.selectFrom('account_tokens').select('token_hash').execute();
    expect(stored.map((r) => r.token_hash)).not.toContain(token);

    const reset = await t.call('POST', '/api/auth/password-reset', {
      body: { token, password: 'a brand new password' },
    });
    expect(reset.status).toBe(204);
    for (const session of [first.token, second])
      expect((await t.call('GET', '/api/auth/me', { token: session })).status).toBe(401);
    expect((await signIn(email)).status).toBe(401);
    expect((await signIn(email, 'a brand new password')).status).toBe(200);
    const reused = await t.call('POST', '/api/auth/password-reset', {
      body: { token, password: 'yet another password' },
    });
    expect(reused.status).toBe(400);
    expect(reused.json.error.code).toBe('invalid_token');
  });

  it('lets a link lapse after 30 minutes', async () => {
    const email = `late-${newId()}@example.jp`;
    await t.signUp('member', email);
    await t.call('POST', '/api/auth/password-reset/request', { body: { email } });
    const token = await t.tokenFromMail(email, 'reset_password');
    offsetMs += 31 * 60_000;
    try {
      const late = await t.call('POST', '/api/auth/password-reset', {
        body: { token, password: 'a brand new password' },
      });
      expect(late.status).toBe(400);
    } finally {
      offsetMs -= 31 * 60_000;
    }
  });

  it('lets a coordinator send a member a reset link, recorded in the audit log', async () => {
    const coordinator = await t.createStaff('coordinator');
    const email = `called-${newId()}@example.jp`;
    const member = await t.signUp('member', email);
    const sent = await t.call('POST', `/api/members/${member.userId}/password-reset`, {
      token: coordinator.token,
    });
    expect(sent.status).toBe(202);
    const mail = await deliveredTo(email, 'パスワードの再設定');
    expect(mail.text).toContain('担当のコーディネーター');
    const admin = await t.createStaff('admin');
    const audit = await t.call('GET', `/api/audit?subjectType=member&subjectId=${member.userId}`, {
      token: admin.token,
    });
    expect(audit.json.items.map((e: { action: string }) => e.action)).toContain('password_reset_sent');
    // Not for staff or employers, and not for anyone else's id.
    const employer = await t.signUp('employer');
    expect(
      (await t.call('POST', `/api/members/${employer.userId}/password-reset`, { token: coordinator.token }))
        .status,
    ).toBe(404);
  });
});

describe('sessions she controls', { timeout: 120_000 }, () => {
  it('lists her devices and signs out every other one', async () => {
    const email = `devices-${newId()}@example.jp`;
    const phone = await t.signUp('member', email);
    const laptop = await t.call('POST', '/api/auth/sign-in', {
      body: { email, password: TEST_PASSWORD },
      headers: {
        'user-agent':
          'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
      },
    });
    const list = await t.call('GET', '/api/auth/sessions', { token: laptop.json.token });
    expect(list.json.items).toHaveLength(2);
    expect(list.json.items.find((s: { current: boolean }) => s.current).device).toBe('Windows・Chrome');
    expect((await t.call('POST', '/api/auth/sign-out-elsewhere', { token: laptop.json.token })).status).toBe(
      204,
    );
    expect((await t.call('GET', '/api/auth/me', { token: phone.token })).status).toBe(401);
    expect((await t.call('GET', '/api/auth/me', { token: laptop.json.token })).status).toBe(200);
  });

  it('ends a member session unused for two days', async () => {
    const member = await t.signUp('member');
    offsetMs += 47 * 3_600_000;
    try {
      expect((await t.call('GET', '/api/auth/me', { token: member.token })).status).toBe(200);
      offsetMs += 47 * 3_600_000; // used 47 hours ago: still alive
      expect((await t.call('GET', '/api/auth/me', { token: member.token })).status).toBe(200);
      offsetMs += 49 * 3_600_000;
      expect((await t.call('GET', '/api/auth/me', { token: member.token })).status).toBe(401);
    } finally {
      offsetMs = 0;
    }
  });

  it('keeps at most the configured number of sessions, ending the oldest', async () => {
    const email = `many-${newId()}@example.jp`;
    const first = await t.signUp('member', email);
    for (let i = 0; i < t.deps.config.maxSessionsPerAccount; i++)
      expect((await signIn(email)).status).toBe(200);
    expect((await t.call('GET', '/api/auth/me', { token: first.token })).status).toBe(401);
    const rows = await t.database.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select('sessions.token_hash')
      .where('users.email', '=', email)
      .execute();
    expect(rows).toHaveLength(t.deps.config.maxSessionsPerAccount);
  });
});

describe('notification e-mails', { timeout: 120_000 }, () => {
  let coordinator: Account;
  let roleId: string;
  beforeAll(async () => {
    coordinator = await t.createStaff('coordinator');
    const employer = await t.employerWithOrganisation({ coordinator });
    roleId = await t.publishRole(employer);
  });

  async function approvedMember(email: string) {
    const member = await t.signUp('member', email);
    await t.call('PUT', '/api/members/me', { token: member.token, body: memberProfileInput() });
    const match = (await t.call('POST', `/api/jobs/${roleId}/interest`, { token: member.token })).json;
    await t.call('POST', `/api/matches/${match.id}/decision`, {
      token: coordinator.token,
      body: { decision: 'approve', reason: '条件が合っています', expectedVersion: match.version ?? 1 },
    });
    await createDeliveryRelay(t.deps, null).run();
    return member;
  }

  it('tells her of an approved introduction with nothing about it in the subject', async () => {
    const email = `news-${newId()}@example.jp`;
    await approvedMember(email);
    const mail = await deliveredTo(email, '寄り添いからのお知らせ');
    expect(mail.text).toContain('ご紹介が決まりました');
    expect(mail.text).toContain('/account');
    const role = await t.call('GET', `/api/jobs/${roleId}`);
    expect(mail.subject).not.toContain(role.json.title);
    expect(mail.text).not.toContain(role.json.title);
  });

  it('sends nothing of a kind she stopped', async () => {
    const email = `quiet-${newId()}@example.jp`;
    const member = await t.signUp('member', email);
    const saved = await t.call('PUT', '/api/auth/mail-preferences', {
      token: member.token,
      body: { locale: 'ja', stopped: ['approved'] },
    });
    expect(saved.status).toBe(200);
    await t.call('PUT', '/api/members/me', { token: member.token, body: memberProfileInput() });
    const match = (await t.call('POST', `/api/jobs/${roleId}/interest`, { token: member.token })).json;
    await t.call('POST', `/api/matches/${match.id}/decision`, {
      token: coordinator.token,
      body: { decision: 'approve', reason: '条件が合っています', expectedVersion: match.version ?? 1 },
    });
    await createDeliveryRelay(t.deps, null).run();
    expect(await t.lastMailTo(email, 'notification')).toBeUndefined();
    // Still in the app.
    const news = await t.call('GET', '/api/notifications', { token: member.token });
    expect(news.json.items.map((n: { kind: string }) => n.kind)).toContain('approved');
  });
});
