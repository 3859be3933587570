/**
 * The browser tests' Japanese: with the fontconfig file the harness gives Chromium, kanji render
 * as glyphs, and the check that says so does fail when no font has them (a browser whose
 * fontconfig lists no fonts draws boxes or nothing), so screenshots of boxes cannot pass.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { japaneseGlyphProblems, launchBrowser } from './harness.ts';

const browsers: Browser[] = [];
const dir = mkdtempSync(join(tmpdir(), 'yorisoi-no-fonts-'));

afterAll(async () => {
  for (const browser of browsers) await browser.close();
  rmSync(dir, { recursive: true, force: true });
});

async function japanesePage(browser: Browser) {
  browsers.push(browser);
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html lang="ja"><body><p>寄り添い</p></body></html>');
  return page;
}

describe('Japanese glyphs in the browser tests', { timeout: 60_000 }, () => {
  it('render with the fonts the harness ships', async () => {
    const page = await japanesePage(await launchBrowser());
    expect(await japaneseGlyphProblems(page)).toEqual([]);
  });

  it('are reported as missing when Chromium has no fonts at all', async () => {
    const config = join(dir, 'fonts.conf');
    writeFileSync(
      config,
      `<?xml version="1.0"?>\n<fontconfig><dir>${dir}</dir><cachedir>${join(dir, 'cache')}</cachedir></fontconfig>\n`,
    );
    const page = await japanesePage(await launchBrowser(config));
    expect(await japaneseGlyphProblems(page)).not.toEqual([]);
  });
});
