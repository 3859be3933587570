/**
 * What she keeps, in a real Chromium on a phone (390 px) against the real service with the demo
 * data: the demo member keeps a job from her search results with one tap (a plain form post),
 * finds it under キープ, puts it away again; then saves the search she is looking at for new-job
 * alerts, changes it to weekly and deletes it. Each page is checked with axe-core.
 */
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
let context: BrowserContext;
let member: Page;

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
  context = await newPhoneContext(browser, service.url);
  member = await context.newPage();
  await signIn(member, 'member@demo.yorisoi.jp');
}, 180_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await service?.stop();
});

describe('favourites and saved searches, on a phone, in Japanese', { timeout: 120_000 }, () => {
  it('keeps a job from the results, finds it under キープ, and puts it away', async () => {
    await member.goto('/jobs');
    const card = member.locator('article.card').first();
    const title = (await card.locator('.card-title a').innerText()).trim();
    await card.getByRole('button', { name: '☆ キープする' }).click();
    await member.waitForURL((url) => url.pathname === '/jobs');
    await visible(member.getByText('キープしました'));
    const kept = member.locator('article.card', { hasText: title }).first();
    await visible(kept.getByRole('button', { name: '★ キープをやめる' }));
    await checkPage(member, '50-member-jobs-kept');

    await member.getByRole('link', { name: 'キープ', exact: true }).first().click();
    await visible(member.getByRole('heading', { name: 'キープした求人' }));
    await visible(member.getByRole('link', { name: title }));
    await checkPage(member, '51-member-favourites');
    await member.getByRole('button', { name: '★ キープをやめる' }).first().click();
    await visible(member.getByText('キープした求人はまだありません'));
  });

  it('saves the search she is looking at, changes it to weekly, and deletes it', async () => {
    await member.goto(`/jobs?q=${encodeURIComponent('介護')}`);
    await member.getByText('この条件を保存して新着を受け取る').click();
    const form = member.locator('details.save-search');
    await form.getByLabel('名前').fill('近くの介護');
    await form.getByLabel('届く頻度').selectOption('daily');
    await form.getByRole('button', { name: '保存する' }).click();
    await member.waitForURL((url) => url.pathname === '/me/saved-searches');
    await visible(member.getByText('検索条件を保存しました'));
    const item = member.locator('li.card', { hasText: '近くの介護' });
    await visible(item.getByText('毎日'));
    await checkPage(member, '52-member-saved-searches');

    await item.getByText('変更する', { exact: true }).first().click();
    await item.getByLabel('届く頻度').selectOption('weekly');
    await item.getByRole('button', { name: '変更する' }).click();
    await visible(member.locator('li.card', { hasText: '近くの介護' }).getByText('毎週'));

    await member
      .locator('li.card', { hasText: '近くの介護' })
      .getByRole('link', { name: 'この条件で探す' })
      .click();
    await member.waitForURL((url) => url.pathname === '/jobs');
    expect(await member.getByLabel('キーワード').inputValue()).toBe('介護');

    await member.goto('/me/saved-searches');
    await member
      .locator('li.card', { hasText: '近くの介護' })
      .getByRole('button', { name: '削除する' })
      .click();
    await visible(member.getByText('保存した検索条件はまだありません'));
  });
});
