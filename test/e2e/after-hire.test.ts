/**
 * After the introduction, in a real Chromium against the real service with the demo data, on a
 * phone in Japanese: the employer records 採用; two weeks on (the test moves her check-in's due
 * date back, as the clock would), she answers her check-in on her phone with 「相談したい」; the
 * coordinator finds her in the follow-up queue, writes a note and closes it. And a cohort: the
 * coordinator opens one and pairs a mentee with a mentor who agreed (suggested, with reasons); in
 * the running demo cohort the demo member records two sessions on her phone; a missed session of
 * another pair is in the coordinator's follow-up queue.
 */
import Database from 'better-sqlite3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  newPhoneContext,
  type RunningService,
  screenshotBoth,
  seriousAccessibilityProblems,
  signIn,
  startService,
  visible,
} from './harness.ts';

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

async function checkPage(page: Page, name: string) {
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

describe('after the introduction, on a phone, in Japanese', { timeout: 120_000 }, () => {
  let coordinator: Page | undefined;

  it('hire recorded → her 2-week check-in with 「相談したい」 → the follow-up queue → note and close', async () => {
    coordinator = await pageAs('coordinator@demo.yorisoi.jp');
    // Her interest in the demo employer's role (she may be in the queue for other employers' roles too).
    await coordinator
      .locator('li.queue-item', { hasText: 'みなと介護サービス' })
      .getByRole('link', { name: '小川 彩', exact: true })
      .first()
      .click();
    await coordinator
      .locator('form', { has: coordinator.getByRole('button', { name: '承認して紹介する' }) })
      .locator('[name="approveReason"]')
      .fill('勤務時間と通勤が希望に合っています');
    await coordinator.getByRole('button', { name: '承認して紹介する' }).click();
    await visible(coordinator.getByText('紹介済み').first());

    const employer = await pageAs('employer@demo.yorisoi.jp');
    await employer.goto('/employer/introductions');
    const card = employer.locator('.card', { hasText: '小川 彩' });
    await card.getByRole('button', { name: '採用', exact: true }).click();
    await employer.waitForLoadState('domcontentloaded');
    await visible(
      employer.locator('.card', { hasText: '小川 彩' }).getByRole('link', { name: '退職を記録する' }),
    );

    // Two weeks pass: her first check-in falls due.
    const db = new Database(service.databasePath);
    db.prepare(
      `UPDATE check_ins SET due_at = ? WHERE after_days = 14 AND member_id =
         (SELECT id FROM users WHERE email = 'member@demo.yorisoi.jp')`,
    ).run(new Date(Date.now() - 60_000).toISOString());
    db.close();

    const member = await pageAs('member@demo.yorisoi.jp');
    await member.getByRole('link', { name: 'サポート' }).first().click();
    await visible(member.getByText('お仕事の様子はいかがですか？'));
    await checkPage(member, '40-member-check-in');
    const form = member.locator('section.check-in').first();
    await form.getByLabel('ひとこと（なくても大丈夫です）').fill('お迎えの時間に間に合うか心配です');
    await form.getByLabel('相談したい（コーディネーターから連絡します）').check();
    await form.getByRole('button', { name: '3　ふつう' }).click();
    await visible(member.getByText('コーディネーターからご連絡します'));

    await coordinator.goto('/coordinator/follow-ups');
    const item = coordinator
      .locator('li.follow-up', { hasText: '小川 彩' })
      .filter({ hasText: '「相談したい」' });
    await visible(item.getByText('お迎えの時間に間に合うか心配です'));
    await checkPage(coordinator, '41-coordinator-follow-ups');
    await item.getByLabel('連絡の記録').fill('電話で話しました。延長保育の利用を一緒に確認します。');
    await item.getByRole('button', { name: '記録して完了にする' }).click();
    await visible(coordinator.getByText('フォローを完了にしました'));
    await visible(coordinator.locator('.quote', { hasText: '延長保育の利用を一緒に確認します' }));

    await coordinator.locator('a', { hasText: '小川 彩' }).first().click();
    await visible(coordinator.getByRole('heading', { name: '採用後のようす' }));
    await visible(coordinator.getByText('お迎えの時間に間に合うか心配です'));
  });

  it('a cohort: open, pair, two sessions recorded, one missed session flagged', async () => {
    // Signed in by the journey above when it runs; on its own, this one signs her in.
    coordinator ??= await pageAs('coordinator@demo.yorisoi.jp');
    await coordinator.goto('/coordinator/mentoring');
    await coordinator.getByLabel('グループ名').fill('E2E 春のグループ');
    await coordinator.getByRole('button', { name: 'グループを開く' }).click();
    await visible(coordinator.getByText('グループを開きました'));
    await visible(coordinator.getByRole('heading', { name: 'E2E 春のグループ' }));

    // Pair in the running demo cohort, whose mentors agreed.
    await coordinator.goto('/coordinator/mentoring');
    await coordinator.locator('ul.cohorts a').filter({ hasNotText: 'E2E' }).first().click();
    await checkPage(coordinator, '42-coordinator-cohort');
    const mentee = coordinator.locator('select[name="menteeId"]');
    await mentee.selectOption({ index: 0 });
    await coordinator.getByRole('button', { name: 'メンターの候補を見る' }).click();
    const suggestion = coordinator.locator('ol.suggestions > li').first();
    await visible(suggestion.locator('.reasons li').first());
    await suggestion.getByRole('button', { name: 'このかたとペアにする' }).click();
    await visible(coordinator.getByText('ペアをつくりました'));

    const member = await pageAs('member@demo.yorisoi.jp');
    await member.goto('/me/mentoring');
    await checkPage(member, '43-member-mentoring');
    for (const topics of ['仕事と子育ての両立について', '職場での相談の仕方']) {
      const session = member
        .locator('li.session', { has: member.getByRole('button', { name: '記録する' }) })
        .first();
      await session.getByLabel('話したこと').fill(topics);
      await session.getByRole('button', { name: '記録する' }).click();
      await visible(member.getByText(topics));
    }

    await coordinator.goto('/coordinator/follow-ups');
    await visible(coordinator.getByText('メンタリングの回が実施されず').first());
  });
});
