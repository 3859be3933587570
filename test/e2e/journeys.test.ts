/**
 * The three journeys in a real Chromium against the real service (`npm start` with the demo data,
 * its own SQLite and Meilisearch), on a phone-sized window in Japanese: the employer posts and
 * publishes a role, the member finds it near her home, reads why it fits and says she would like
 * to hear more, the coordinator approves, and the employer sees the introduction. Each main page
 * is screenshotted at phone and desktop width (Japanese shown as glyphs, checked) and checked with
 * axe-core.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  japaneseGlyphProblems,
  launchBrowser,
  newPhoneContext,
  type RunningService,
  screenshotBoth,
  seriousAccessibilityProblems,
  signIn,
  startService,
  textOf,
  visible,
} from './harness.ts';

const ROLE_TITLE = `経理事務スタッフ（港北区・週4日 9時〜15時）${Date.now().toString(36)}`;

let service: RunningService;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function pageAs(email: string): Promise<Page> {
  const context = await newPhoneContext(browser, service.url);
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** Screenshot (with Japanese glyphs, not boxes) and accessibility check of the page as it is now. */
async function checkPage(page: Page, name: string) {
  expect(await japaneseGlyphProblems(page), name).toEqual([]);
  await screenshotBoth(page, name);
  const problems = await seriousAccessibilityProblems(page);
  expect(
    problems.map((p) => `${p.id}: ${p.help} (${JSON.stringify(p.nodes.map((n) => n.target))})`),
    name,
  ).toEqual([]);
}

beforeAll(async () => {
  browser = await launchBrowser();
  service = await startService();
}, 180_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await service?.stop();
});

describe('the three journeys, on a phone, in Japanese', { timeout: 120_000 }, () => {
  let employer: Page;
  let member: Page;
  let coordinator: Page;

  it('the visitor sees a welcome page with sign-in and sign-up', async () => {
    const context = await newPhoneContext(browser, service.url);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/');
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    expect(await page.getByRole('link', { name: '新規登録' }).count()).toBeGreaterThan(0);
    await checkPage(page, '01-welcome');
    await page.goto('/sign-in');
    await checkPage(page, '02-sign-in');
  });

  it('the employer posts a role and publishes it', async () => {
    employer = await pageAs('employer@demo.yorisoi.jp');
    expect(new URL(employer.url()).pathname).toBe('/employer/roles');
    await checkPage(employer, '10-employer-roles');

    await employer.getByRole('link', { name: '新しい求人をつくる' }).click();
    await employer.getByLabel('求人のタイトル').fill(ROLE_TITLE);
    await employer
      .getByLabel('仕事の内容')
      .fill('請求書の作成、経費の入力、電話応対。子育て中のスタッフが多い職場です。');
    await employer.getByLabel('職種').selectOption({ label: '経理' });
    await employer.getByLabel('雇用の形').selectOption({ label: 'パート・アルバイト' });
    await employer.getByLabel('給与の形').selectOption('hour');
    await employer.getByLabel('給与（下限）').fill('１４００'); // typed with a Japanese IME: full-width digits
    await employer.getByLabel('決まったシフト（選んだ時間はすべて勤務）').check();
    for (const day of ['mon', 'tue', 'wed', 'thu']) {
      await employer.locator(`select[name="week.${day}.0.start"]`).selectOption('09:00');
      await employer.locator(`select[name="week.${day}.0.end"]`).selectOption('15:00');
    }
    await employer.locator('select[name="locations.0.prefCode"]').selectOption({ label: '神奈川県' });
    await employer.locator('input[name="locations.0.name"]').fill('港北区');
    await employer.locator('input[name="facts.sick_child_absence_ok"][value="yes"]').check();
    await checkPage(employer, '11-employer-role-editor');
    await employer.getByRole('button', { name: '保存する' }).click();
    await visible(employer.getByText('下書きを保存しました'));

    await employer.getByRole('button', { name: '公開する' }).click();
    await visible(employer.getByText('求人を公開しました'));
  });

  it('the member finds it near her home, reads why it fits, and says she would like to hear more', async () => {
    member = await pageAs('member@demo.yorisoi.jp');
    expect(new URL(member.url()).pathname).toBe('/home');
    await visible(member.getByRole('heading', { name: 'あなたに合いそうな仕事' }));
    await checkPage(member, '20-member-home');

    // The index catches up within seconds of publishing; search the way she would until it shows.
    const link = member.getByRole('link', { name: ROLE_TITLE });
    for (let attempt = 0; attempt < 30; attempt++) {
      await member.goto(`/jobs?q=${encodeURIComponent('経理')}&sort=distance`);
      if ((await link.count()) > 0) break;
      await member.waitForTimeout(500);
    }
    await visible(link);
    await checkPage(member, '21-member-search');

    await link.click();
    await visible(member.getByRole('heading', { name: 'あなたに合う理由' }));
    expect(await member.locator('.reasons li.positive').count()).toBeGreaterThan(0);
    await visible(member.getByText('子どもの急な発熱で当日休みOK'));
    await checkPage(member, '22-member-job');

    await member.getByRole('button', { name: '話を聞いてみたい' }).click();
    await member.waitForURL('**/me/matches');
    const card = member.locator('li.card', { hasText: ROLE_TITLE });
    await visible(card.getByText('話を聞きたい'));
    await checkPage(member, '23-member-matches');

    await member.goto('/me/profile');
    await checkPage(member, '24-member-profile');
    await member.goto('/me/privacy');
    await checkPage(member, '25-member-privacy');
    await member.getByRole('link', { name: 'データのダウンロードと退会' }).click();
    await visible(member.getByRole('heading', { name: '退会してデータを削除する' }));
    await checkPage(member, '26-member-data');
  });

  it('the coordinator approves the match', async () => {
    coordinator = await pageAs('coordinator@demo.yorisoi.jp');
    expect(new URL(coordinator.url()).pathname).toBe('/coordinator/queue');
    await checkPage(coordinator, '30-coordinator-queue');

    await coordinator
      .locator('li.queue-item', { hasText: ROLE_TITLE })
      .getByRole('link', { name: '小川 彩', exact: true })
      .click();
    await checkPage(coordinator, '31-coordinator-match');
    // The role's other candidates, and who nearly fits, one tap from the match.
    const matchUrl = coordinator.url();
    await coordinator.getByRole('link', { name: 'この求人の候補者を見る' }).click();
    await visible(coordinator.getByRole('heading', { name: /わずかに条件に届かない人/ }));
    await checkPage(coordinator, '35-coordinator-candidates');
    await coordinator.goto(matchUrl);
    await coordinator
      .locator('form', { has: coordinator.getByRole('button', { name: '承認して紹介する' }) })
      .locator('[name="approveReason"]')
      .fill('勤務時間と通勤が希望に合っています');
    await coordinator.getByRole('button', { name: '承認して紹介する' }).click();
    await visible(coordinator.getByText('紹介済み').first());
    await coordinator.locator('a[href^="/coordinator/members/"]').first().click();
    await visible(coordinator.locator('.member-matches li', { hasText: ROLE_TITLE }).getByText('紹介済み'));
    await checkPage(coordinator, '34-coordinator-member');

    // She hears of it on the page she lands on.
    await member.goto('/home');
    await visible(member.getByText('ご紹介が決まりました'));

    await coordinator.goto('/coordinator/dashboard');
    expect(await coordinator.locator('svg').count()).toBeGreaterThan(0);
    await checkPage(coordinator, '32-coordinator-dashboard');
    await coordinator.goto('/coordinator/organisations');
    await checkPage(coordinator, '33-coordinator-organisations');
  });

  it('the employer sees the introduction, with her name and contact, and records the interview', async () => {
    await employer.goto('/employer/introductions');
    const introduction = employer.locator('.card', { hasText: ROLE_TITLE });
    await visible(introduction.getByText('小川 彩'));
    await visible(introduction.getByText('090-1234-5678'));
    await checkPage(employer, '12-employer-introductions');
    await introduction.getByRole('button', { name: '面接中' }).click();
    await employer.waitForLoadState('domcontentloaded');
    await visible(employer.locator('.card', { hasText: ROLE_TITLE }).getByRole('button', { name: '採用' }));
    expect(
      await employer
        .locator('.card', { hasText: ROLE_TITLE })
        .getByRole('button', { name: '面接中' })
        .count(),
    ).toBe(0);
    await employer.goto('/employer/organisation');
    await checkPage(employer, '13-employer-organisation');
  });
});

describe('forms with bad input, in a real browser', { timeout: 60_000 }, () => {
  it('sign-up shows each problem next to its field and keeps what she typed', async () => {
    const context = await newPhoneContext(browser, service.url);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/sign-up');
    await page.getByLabel('表示名').fill('あや');
    await page.getByLabel('メールアドレス').fill('not-an-address');
    await page.getByLabel('パスワード').fill('short');
    await page.getByRole('button', { name: '新規登録' }).click();
    expect(await textOf(page.locator('#f-email-error'))).toBe('メールアドレスの形式で入力してください');
    expect(await textOf(page.locator('#f-password-error'))).toBe('10文字以上で入力してください');
    expect(await page.getByLabel('表示名').inputValue()).toBe('あや');
    expect(await page.getByLabel('メールアドレス').inputValue()).toBe('not-an-address');
    await checkPage(page, '03-sign-up-errors');
  });

  it('the profile editor points at a time window without an end and an unknown town', async () => {
    const page = await pageAs('member@demo.yorisoi.jp');
    // The saved profile opens folded: her week unfolded from the link, her place by a tap.
    await page.goto('/me/profile?section=week');
    await page.locator('#section-place > summary').click();
    await page.locator('select[name="week.tue.0.end"]').selectOption('');
    await page.locator('input[name="area.name"]').fill('どこにもない町');
    await page.getByRole('button', { name: '保存する' }).click();
    await visible(page.locator('.error-summary'));
    expect(await textOf(page.locator('#f-week-tue-0 .field-error'))).toBe('選んでください');
    expect(await textOf(page.locator('#f-area-name-error'))).toContain('どこにもない町');
    expect(await page.locator('input[name="area.name"]').inputValue()).toBe('どこにもない町');
  });

  it('the role editor refuses a role without a title or hours', async () => {
    const page = await pageAs('employer@demo.yorisoi.jp');
    await page.goto('/employer/roles/new');
    await page.getByRole('button', { name: '保存する' }).click();
    expect(await textOf(page.locator('#f-title-error'))).toBe('入力してください');
    await visible(page.locator('.error-summary'));
  });
});
