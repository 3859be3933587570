/**
 * The real thing for browser tests: the service started as `npm start` starts it (its own SQLite
 * file with the demo data, its own Meilisearch), on a free port with a temp directory, and
 * Debian's Chromium driven by playwright-core. Without Chromium the suite fails and says how to
 * install it; a browser suite that silently passes would hide exactly what it is for.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { freePort } from '../../src/adapter/node/meilisearch-process.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'screenshots');
export const DEMO_PASSWORD = 'yorisoi-demo-2026';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

export interface RunningService {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the service with demo data and waits until it answers `/health`; `env` adds to (or
 * overrides) its environment, e.g. SMTP_URL for a test's SMTP server.
 */
export async function startService(env: Record<string, string> = {}): Promise<RunningService> {
  const dir = mkdtempSync(join(tmpdir(), 'yorisoi-e2e-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/adapter/node/main.ts'], {
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
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Launches Chromium, or fails loudly with what to install. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: the browser tests cannot run. ` +
        'Install it with `apt-get install -y chromium fonts-ipafont-gothic` (.ci/run does), or set CHROMIUM_PATH.',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
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
