/**
 * A new member's account, in a real Chromium on a phone against the real service (`npm start`),
 * its mail going over SMTP to a real SMTP server in this process: she signs up (ticking the
 * terms), follows the verification mail, signs out, forgets her password, sets a new one from the
 * reset mail, and is told she is signed out everywhere — her other phone's session included.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReceivedMail, startSmtpCatcher } from '../support/mail-catchers.ts';
import {
  launchBrowser,
  newPhoneContext,
  type RunningService,
  screenshotBoth,
  seriousAccessibilityProblems,
  startService,
  visible,
} from './harness.ts';

let service: RunningService;
let browser: Browser;
let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
const contexts: BrowserContext[] = [];
const EMAIL = `sakura-${Date.now().toString(36)}@example.jp`;
const FIRST_PASSWORD = 'sakura-first-2026';
const NEW_PASSWORD = 'sakura-second-2026';

async function newPage(): Promise<Page> {
  const context = await newPhoneContext(browser, service.url);
  contexts.push(context);
  return context.newPage();
}

/** The first link in a mail's text. */
const linkIn = (mail: ReceivedMail) => /https?:\/\/\S+/.exec(mail.text)?.[0] ?? '';

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  browser = await launchBrowser();
  service = await startService({ SMTP_URL: smtp.url, MAIL_FROM: 'Yorisoi <no-reply@yorisoi.test>' });
}, 180_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await service?.stop();
  await smtp?.close();
});

describe('a new member’s account, on a phone, in Japanese', { timeout: 120_000 }, () => {
  let page: Page;
  let otherPhone: Page;

  it('signs up with the terms ticked and is told to look at her mail', async () => {
    page = await newPage();
    await page.goto('/sign-up');
    await page.getByLabel('表示名').fill('さくら');
    await page.getByLabel('メールアドレス').fill(EMAIL);
    await page.getByLabel('パスワード').fill(FIRST_PASSWORD);
    await page.getByLabel('利用規約とプライバシーポリシーに同意します').check();
    await page.getByRole('button', { name: '新規登録' }).click();
    await visible(page.getByRole('heading', { name: '確認メールを送りました' }));
    await screenshotBoth(page, '20-sign-up-sent');
  });

  it('follows the verification mail and lands on her home, signed in', async () => {
    const mail = await smtp.waitFor(EMAIL, (m) => m.subject === 'メールアドレスの確認');
    await page.goto(linkIn(mail));
    await page.getByRole('button', { name: '確認してログインする' }).click();
    await page.waitForURL('**/home');
    await visible(page.getByText('メールアドレスを確認しました'));
    // Her other phone signs in too, to see it signed out by the reset.
    otherPhone = await newPage();
    await otherPhone.goto('/sign-in');
    await otherPhone.getByLabel('メールアドレス').fill(EMAIL);
    await otherPhone.getByLabel('パスワード').fill(FIRST_PASSWORD);
    await otherPhone.getByRole('button', { name: 'ログイン' }).click();
    await otherPhone.waitForURL('**/home');
  });

  it('writes her profile in four short steps, kept from her week on', async () => {
    const check = async (name: string) => {
      await screenshotBoth(page, name);
      expect(
        (await seriousAccessibilityProblems(page)).map((p) => p.id),
        name,
      ).toEqual([]);
    };
    await page.getByRole('link', { name: 'プロフィールを登録する' }).click();
    await visible(page.getByText('ステップ 1 / 4'));
    // Only this step's questions: no week grid yet.
    expect(await page.locator('select[name="week.mon.0.start"]').count()).toBe(0);
    await check('22-first-run-place');
    await page.locator('input[name="familyName"]').fill('佐藤');
    await page.locator('input[name="givenName"]').fill('さくら');
    await page.locator('select[name="area.prefCode"]').selectOption('14');
    await page.locator('input[name="area.name"]').fill('港北区');
    await page.getByRole('button', { name: '次へ' }).click();

    await visible(page.getByText('ステップ 2 / 4'));
    for (const day of ['mon', 'wed', 'fri']) {
      await page.locator(`select[name="week.${day}.0.start"]`).selectOption('09:00');
      await page.locator(`select[name="week.${day}.0.end"]`).selectOption('15:00');
    }
    await check('23-first-run-week');
    await page.getByRole('button', { name: '保存して次へ' }).click();

    await page.waitForURL('**/me/profile?step=children');
    await visible(page.getByText('ステップ 3 / 4'));
    await check('24-first-run-children');
    // Children can wait: her profile is saved already.
    await page.getByRole('link', { name: 'あとで入力する' }).click();

    await visible(page.getByText('ステップ 4 / 4'));
    await page.getByLabel('パソコン基本操作').check();
    await check('25-first-run-wishes');
    await page.getByRole('button', { name: '保存して完了' }).click();
    await page.waitForURL('**/home');
    await visible(page.getByText(/プロフィールの充実度 \d+%/));

    // Later, the profile opens folded, one section at a time.
    await page.goto('/me/profile');
    await page.locator('#section-resume > summary').click();
    await visible(page.getByLabel('勤め先').first());
    await check('26-profile-sections');
  });

  it('forgets her password and asks for a reset link from the sign-in page', async () => {
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'パスワードをお忘れの方' }).click();
    await page.getByLabel('メールアドレス').fill(EMAIL);
    await page.getByRole('button', { name: 'リンクを送る' }).click();
    await visible(page.getByText('再設定のリンクを送りました'));
  });

  it('sets a new password from the mail and sees she is signed out everywhere', async () => {
    const mail = await smtp.waitFor(EMAIL, (m) => m.subject === 'パスワードの再設定');
    expect(mail.subject).not.toContain('さくら');
    await page.goto(linkIn(mail));
    await page.getByLabel('新しいパスワード').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'パスワードを設定する' }).click();
    await page.waitForURL('**/sign-in');
    await visible(page.getByText('すべての端末からログアウトしました'));
    await screenshotBoth(page, '21-reset-signed-out-everywhere');
    // The other phone's session has ended.
    await otherPhone.goto('/home');
    await otherPhone.waitForURL('**/sign-in**');
    // The new password works; the reset link does not work twice.
    await page.getByLabel('メールアドレス').fill(EMAIL);
    await page.getByLabel('パスワード').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.waitForURL('**/home');
  });
});
