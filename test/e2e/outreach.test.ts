/**
 * Reaching employers and places (issue 20), in a real Chromium against the real service with the
 * demo data, its mail going to an SMTP server in this process. The coordinator works at a desk;
 * the firm's HR person and the members on phones (390 px), in Japanese:
 * - the coordinator adds a firm to the pipeline and sends it an invitation link; the firm signs up
 *   through the link, registers as a national company and accepts the invitation (the prospect
 *   moves to 登録), the coordinator verifies it (確認済み); the firm lists branches in 静岡市葵区
 *   and 仙台市青葉区 and posts one role at both; the demo member, who plans to move back to
 *   静岡市葵区, sees it marked 「地元で働ける全国企業」 on her move page, in search and on the job;
 * - a notice for 横浜市 reaches the demo member's home (港北区) and not a member in 大阪市;
 * - a 交流会 in 港北区: the demo member replies 参加する, the coordinator sees her on the list,
 *   the member in 大阪市 does not see the meeting.
 */
import Database from 'better-sqlite3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReceivedMail, startSmtpCatcher } from '../support/mail-catchers.ts';
import {
  DESKTOP,
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

const RUN = Date.now().toString(36);
const COMPANY = `株式会社ふるさとベーカリー${RUN}`;
const HR_EMAIL = `hr-${RUN}@furusato-bakery.example.jp`;
const HR_PASSWORD = 'furusato-bakery-2026';
const ROLE_TITLE = `パン工房の事務パート（静岡・仙台）${RUN}`;
const NOTICE_TITLE = `横浜市 ひとり親家庭のための就職相談会 ${RUN}`;
const MEETING_TITLE = `港北区 ひとり親のおしゃべり会 ${RUN}`;
const HOMETOWN_BADGE = '地元で働ける全国企業';

let service: RunningService;
let browser: Browser;
let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
const contexts: BrowserContext[] = [];
let coordinator: Page;
let member: Page;
let osakaEmail: string;

/** The first link in a mail's text. */
const linkIn = (mail: ReceivedMail) => /https?:\/\/\S+/.exec(mail.text)?.[0] ?? '';

async function phonePage(): Promise<Page> {
  const context = await newPhoneContext(browser, service.url);
  contexts.push(context);
  return context.newPage();
}

async function desktopPage(): Promise<Page> {
  const context = await browser.newContext({
    baseURL: service.url,
    viewport: DESKTOP,
    locale: 'ja-JP',
    bypassCSP: true,
  });
  contexts.push(context);
  return context.newPage();
}

async function checkPage(page: Page, name: string) {
  await screenshotBoth(page, name);
  const problems = await seriousAccessibilityProblems(page);
  expect(
    problems.map((p) => `${p.id}: ${p.help} (${JSON.stringify(p.nodes.map((n) => n.target))})`),
    name,
  ).toEqual([]);
}

/** Reloads until the text shows (the search index catches up within seconds of a write). */
async function eventually(page: Page, path: string, text: string) {
  for (let attempt = 0; attempt < 40; attempt++) {
    await page.goto(path);
    if ((await page.getByText(text).count()) > 0) return;
    await page.waitForTimeout(500);
  }
  await visible(page.getByText(text));
}

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  browser = await launchBrowser();
  service = await startService({ SMTP_URL: smtp.url, MAIL_FROM: 'Yorisoi <no-reply@yorisoi.test>' });
  // A demo member living in 大阪市 with no plan to move to Kanagawa (the demo data is seeded).
  const db = new Database(service.databasePath, { readonly: true });
  const osaka = db
    .prepare(
      `SELECT u.email FROM members m JOIN users u ON u.id = m.user_id JOIN areas a ON a.code = m.area_code
       WHERE a.name LIKE '大阪市%' AND NOT EXISTS (
         SELECT 1 FROM member_target_areas t JOIN areas ta ON ta.code = t.area_code
         WHERE t.member_id = m.user_id AND ta.pref_code = '14')
       ORDER BY u.email LIMIT 1`,
    )
    .get() as { email: string } | undefined;
  db.close();
  if (!osaka) throw new Error('the demo data has no member in 大阪市');
  osakaEmail = osaka.email;
  coordinator = await desktopPage();
  await signIn(coordinator, 'coordinator@demo.yorisoi.jp');
  member = await phonePage();
  await signIn(member, 'member@demo.yorisoi.jp');
}, 240_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await service?.stop();
  await smtp?.close();
});

describe('a national firm brought in by invitation, hiring in her hometown', { timeout: 180_000 }, () => {
  let invitationLink: string;
  let prospectPath: string;
  let employer: Page;

  it('the coordinator adds the firm to the pipeline and makes an invitation link', async () => {
    await coordinator.goto('/coordinator/prospects');
    await coordinator.getByLabel('会社名').fill(COMPANY);
    const add = coordinator.locator('form', { has: coordinator.locator('input[name="company"]') });
    await add.locator('select[name="place.prefCode"]').selectOption({ label: '静岡県' });
    await add.locator('input[name="place.name"]').fill('静岡市葵区');
    await add.locator('input[name="trades"][value="office"]').check();
    await add.getByLabel('きっかけ').fill('移住相談会で紹介');
    await add.locator('button[type="submit"]').click();
    await coordinator.waitForURL((url) => /^\/coordinator\/prospects\/[0-9a-f-]{36}$/.test(url.pathname));
    prospectPath = new URL(coordinator.url()).pathname;

    await coordinator.getByRole('button', { name: '招待リンクを作る' }).click();
    invitationLink = await coordinator.locator('#invitation-link').inputValue();
    expect(invitationLink).toMatch(/\/join\/\S+$/);
    await checkPage(coordinator, '60-coordinator-prospect-invitation');
  });

  it('the firm signs up through the link, registers as a national company and accepts the invitation', async () => {
    employer = await phonePage();
    await employer.goto(invitationLink);
    await visible(employer.getByRole('heading', { name: new RegExp(COMPANY) }));
    await employer.getByRole('link', { name: '事業者として新規登録する' }).click();
    await employer.getByLabel('人を募集する（事業者）').check();
    await employer.getByLabel('表示名').fill('ふるさとベーカリー 採用担当');
    await employer.getByLabel('メールアドレス').fill(HR_EMAIL);
    await employer.getByLabel('パスワード').fill(HR_PASSWORD);
    await employer.getByLabel('利用規約とプライバシーポリシーに同意します').check();
    await employer.getByRole('button', { name: '新規登録' }).click();
    await visible(employer.getByRole('heading', { name: '確認メールを送りました' }));
    const mail = await smtp.waitFor(HR_EMAIL, (m) => m.subject === 'メールアドレスの確認');
    await employer.goto(linkIn(mail));
    await employer.getByRole('button', { name: '確認してログインする' }).click();
    await employer.waitForURL((url) => url.pathname.startsWith('/employer'));

    await employer.goto('/employer/organisation');
    await employer.getByLabel('会社名・団体名').fill(COMPANY);
    await employer.getByLabel('全国に拠点のある会社').check();
    await employer.locator('select[name="headOffice.prefCode"]').selectOption({ label: '静岡県' });
    await employer.locator('input[name="headOffice.name"]').fill('静岡市葵区');
    await employer.getByRole('button', { name: '登録する' }).click();
    await visible(employer.getByText('会社情報を登録しました'));

    await employer.goto(invitationLink);
    await employer.getByRole('button', { name: '招待を受け取る' }).click();
    await employer.waitForURL((url) => url.pathname === '/employer/roles');
    await visible(employer.getByText('の招待を受け取りました'));
  });

  it('the coordinator sees it at 登録, verifies it, and it is 確認済み', async () => {
    await coordinator.goto(prospectPath);
    expect(await textOf(coordinator.locator('dd .badge.state'))).toBe('登録');
    await coordinator.goto('/coordinator/organisations');
    await coordinator.getByRole('button', { name: `確認済みにする: ${COMPANY}` }).click();
    await visible(coordinator.getByText(COMPANY));
    await coordinator.goto(prospectPath);
    expect(await textOf(coordinator.locator('dd .badge.state'))).toBe('確認済み');
  });

  it('the firm lists branches in two prefectures and posts one role at both', async () => {
    await employer.goto('/employer/organisation');
    await employer.getByRole('link', { name: '拠点を登録・変更する' }).click();
    for (const [name, prefecture, municipality] of [
      ['静岡本店', '静岡県', '静岡市葵区'],
      ['仙台店', '宮城県', '仙台市青葉区'],
    ] as const) {
      await employer.getByLabel('拠点の名前').fill(name);
      await employer.locator('select[name="area.prefCode"]').selectOption({ label: prefecture });
      await employer.locator('input[name="area.name"]').fill(municipality);
      await employer.getByRole('button', { name: '拠点を追加する' }).click();
      await visible(employer.getByText('拠点を追加しました'));
    }
    await visible(employer.getByText('「全国企業」として表示されています'));
    await checkPage(employer, '61-employer-branches');

    await employer.goto('/employer/roles/new');
    await employer.getByLabel('求人のタイトル').fill(ROLE_TITLE);
    await employer
      .getByLabel('仕事の内容')
      .fill('パンの受注の入力、売上の集計、電話の取り次ぎ。引っ越してからも同じ仕事を続けられます。');
    await employer.getByLabel('職種').selectOption({ label: '一般事務' });
    await employer.getByLabel('雇用の形').selectOption({ label: 'パート・アルバイト' });
    await employer.getByLabel('給与の形').selectOption('hour');
    await employer.getByLabel('給与（下限）').fill('1250');
    await employer.getByLabel('決まったシフト（選んだ時間はすべて勤務）').check();
    for (const day of ['mon', 'wed', 'thu']) {
      await employer.locator(`select[name="week.${day}.0.start"]`).selectOption('09:00');
      await employer.locator(`select[name="week.${day}.0.end"]`).selectOption('15:00');
    }
    await employer.getByLabel('静岡本店（静岡県 静岡市葵区）').check();
    await employer.getByLabel('仙台店（宮城県 仙台市青葉区）').check();
    await employer.locator('input[name="facts.sick_child_absence_ok"][value="yes"]').check();
    await employer.getByRole('button', { name: '保存する' }).click();
    await visible(employer.getByText('下書きを保存しました'));
    await employer.getByRole('button', { name: '公開する' }).click();
    await visible(employer.getByText('求人を公開しました'));
    await visible(employer.getByText(ROLE_TITLE));
  });

  it('the member moving back to 静岡市葵区 sees it marked on her move page, in search and on the job', async () => {
    await eventually(member, '/me/moves', ROLE_TITLE);
    const onMoves = member.locator('article.card', { hasText: ROLE_TITLE });
    await visible(onMoves.getByText(HOMETOWN_BADGE));
    await checkPage(member, '62-member-moves-hometown-firm');

    await eventually(member, `/jobs?q=${encodeURIComponent('パン工房')}`, ROLE_TITLE);
    const card = member.locator('article.card', { hasText: ROLE_TITLE });
    await visible(card.getByText(HOMETOWN_BADGE));
    await card.getByRole('link', { name: ROLE_TITLE }).click();
    await visible(member.getByRole('heading', { name: ROLE_TITLE }));
    await visible(member.getByText(HOMETOWN_BADGE));
    await checkPage(member, '63-member-job-hometown-firm');
  });
});

describe('a notice for 横浜市', { timeout: 120_000 }, () => {
  it('reaches the demo member’s home in 港北区 and not a member in 大阪市', async () => {
    await coordinator.goto('/coordinator/notices');
    await coordinator.getByLabel('タイトル').fill(NOTICE_TITLE);
    await coordinator.getByLabel('本文').fill('区役所で、お子さま連れで相談できます。予約はいりません。');
    await coordinator.locator('select[name="place.prefCode"]').selectOption({ label: '神奈川県' });
    await coordinator.locator('input[name="place.name"]').fill('横浜市');
    await coordinator.getByRole('button', { name: '掲載する' }).click();
    await visible(coordinator.getByText('お知らせを掲載しました'));

    await member.goto('/home');
    await visible(member.getByText(NOTICE_TITLE));
    await checkPage(member, '64-member-home-notice');

    const osaka = await phonePage();
    await signIn(osaka, osakaEmail);
    await osaka.goto('/home');
    await visible(osaka.locator('main h1'));
    expect(await osaka.getByText(NOTICE_TITLE).count()).toBe(0);
  });
});

describe('a 交流会 near her', { timeout: 120_000 }, () => {
  it('she replies from her phone, the coordinator sees her coming, a member in 大阪市 does not see it', async () => {
    await coordinator.goto('/coordinator/meetings');
    await coordinator.getByLabel('タイトル').fill(MEETING_TITLE);
    await coordinator.getByLabel('内容').fill('お茶を飲みながら、子育てと仕事の話をしましょう。');
    await coordinator.locator('select[name="place.prefCode"]').selectOption({ label: '神奈川県' });
    await coordinator.locator('input[name="place.name"]').fill('港北区');
    await coordinator.getByLabel('会場（任意）').fill('大倉山記念館 第2集会室');
    await coordinator.getByRole('button', { name: '公開する' }).click();
    await visible(coordinator.getByText('交流会を公開しました'));

    await member.goto('/me/meetings');
    const card = member.locator('li, article', { hasText: MEETING_TITLE }).last();
    await card.getByRole('button', { name: '参加する' }).click();
    await member.waitForURL((url) => url.pathname === '/me/meetings');
    await checkPage(member, '65-member-meetings-replied');

    await coordinator.goto('/coordinator/meetings');
    await coordinator.getByRole('link', { name: MEETING_TITLE }).click();
    await visible(coordinator.getByText('小川 彩'));
    await checkPage(coordinator, '66-coordinator-meeting-replies');

    const osaka = await phonePage();
    await signIn(osaka, osakaEmail);
    await osaka.goto('/me/meetings');
    await visible(osaka.locator('main h1'));
    expect(await osaka.getByText(MEETING_TITLE).count()).toBe(0);
  });
});
