/**
 * The real thing for browser tests: the service started as `npm start` starts it (its own SQLite
 * file with the demo data, its own Meilisearch), on a free port with a temp directory, and a
 * headless Chromium driven by playwright-core: the one `@sparticuz/chromium` ships (unpacked from
 * node_modules, so `npm ci` is all the set-up), or another build when `CHROMIUM_PATH` names one.
 * Either way the browser sees only Noto Sans JP from `@fontsource/noto-sans-jp`, so Japanese shows
 * as glyphs, not boxes, on a machine with no Japanese fonts; `japaneseGlyphProblems` proves it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { freePort } from '../../src/adapter/node/meilisearch-process.ts';
import { serviceArgs } from '../support/start-command.ts';
import { japaneseFontConfig, npmChromium } from './browser-files.ts';

export const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'screenshots');
export const DEMO_PASSWORD = 'yorisoi-demo-2026';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

export interface RunningService {
  url: string;
  /** The service's SQLite file, for a journey that has to move time along (a check-in falling due). */
  databasePath: string;
  stop(): Promise<void>;
}

/**
 * Starts the service with demo data and waits until it answers `/health`; `env` adds to (or
 * overrides) its environment, e.g. SMTP_URL for a test's SMTP server.
 */
export async function startService(env: Record<string, string> = {}): Promise<RunningService> {
  const dir = mkdtempSync(join(tmpdir(), 'yorisoi-e2e-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, serviceArgs(), {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: join(dir, 'yorisoi.db'),
      MEILI_DATA_DIR: join(dir, 'meili'),
      MEILI_MAX_INDEXING_MEMORY: '512 MiB',
      SEED_DEMO: 'true',
      MAIL_DIR: join(dir, 'mail'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited (${child.exitCode}):\n${output}`);
    try {
      const health = await fetch(`${url}/health`);
      const body = health.ok ? await health.json() : undefined;
      // Ready once search is up and the demo data is in the index.
      if (body?.search === 'ok' && body.outbox?.pending === 0) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the service did not become healthy:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return {
    url,
    databasePath: join(dir, 'yorisoi.db'),
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Launches Chromium: `CHROMIUM_PATH` when set (and it must exist: a browser suite that silently
 * skips would hide exactly what it is for), else the npm-shipped one. `fontConfig` replaces the
 * Noto Sans JP fontconfig file (the glyph check's own test uses one with no fonts).
 */
export async function launchBrowser(fontConfig = japaneseFontConfig()): Promise<Browser> {
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen && !existsSync(chosen)) {
    throw new Error(
      `CHROMIUM_PATH names ${chosen}, which does not exist; unset it to use the npm-shipped Chromium.`,
    );
  }
  return chromium.launch({
    executablePath: chosen || npmChromium(),
    env: { ...process.env, FONTCONFIG_FILE: fontConfig },
    args: [
      '--headless',
      '--no-sandbox',
      '--no-zygote',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A fresh browser profile (own cookies) at phone size, Japanese. */
export async function newPhoneContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    viewport: PHONE,
    locale: 'ja-JP',
    deviceScaleFactor: 1,
    hasTouch: true,
    isMobile: true,
    // axe-core is injected as an inline script, which the pages' Content-Security-Policy refuses.
    bypassCSP: true,
  });
}

export async function signIn(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}

/** Saves the page at phone and desktop width under test-results/screenshots/. */
export async function screenshotBoth(page: Page, name: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const original = page.viewportSize() ?? PHONE;
  for (const [label, size] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.${label}.png`), fullPage: true });
  }
  await page.setViewportSize(original);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe-core's serious and critical findings on the current page (WCAG 2.1 A/AA rules). */
export async function seriousAccessibilityProblems(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  const violations: AxeViolation[] = await page.evaluate(async () => {
    const result = await (window as any).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Waits until the element is shown (playwright-core has no test runner's web-first assertions). */
export async function visible(locator: Locator) {
  await locator.first().waitFor({ state: 'visible', timeout: 10_000 });
}

/** The element's text once it is shown, trimmed. */
export async function textOf(locator: Locator): Promise<string> {
  await visible(locator);
  return ((await locator.first().textContent()) ?? '').trim();
}

/**
 * Why Japanese on the current page would show as boxes, or [] when it shows as glyphs. Three
 * characters are rendered in the page's own font beside it: two different kanji, which are the
 * same .notdef box when no font has them, and a private-use character, which is that box. The
 * kanji must differ from each other, from the box and from a blank.
 */
export async function japaneseGlyphProblems(page: Page): Promise<string[]> {
  const shot = async (text: string): Promise<Buffer> => {
    const probe = page.locator('#glyph-probe');
    await page.evaluate((content) => {
      const span = document.createElement('span');
      span.id = 'glyph-probe';
      span.textContent = content;
      span.style.fontSize = '32px';
      // A fixed box, so that a character drawn as nothing still makes a (blank) picture.
      span.style.display = 'inline-block';
      span.style.width = '40px';
      span.style.height = '40px';
      span.style.lineHeight = '40px';
      // Pinned to the top of the screen: on a long page (the profile form is 10,000 px on a
      // phone) a probe appended at the very end is captured blank by the headless screenshot.
      span.style.position = 'fixed';
      span.style.top = '0';
      span.style.left = '0';
      span.style.zIndex = '2147483647';
      span.style.background = '#fff';
      span.style.color = '#000';
      document.body.append(span);
    }, text);
    const image = await probe.screenshot();
    await probe.evaluate((element) => element.remove());
    return image;
  };
  const kanji = await shot('寄');
  const other = await shot('添');
  const box = await shot('\uE000');
  const blank = await shot('\u3000');
  const problems: string[] = [];
  if (kanji.equals(other))
    problems.push('two different kanji render the same (both as the missing-glyph box)');
  if (kanji.equals(box)) problems.push('a kanji renders as the missing-glyph box');
  if (kanji.equals(blank)) problems.push('a kanji renders as nothing');
  return problems;
}
