import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { builtSiteDir, testOutputDir } from '../support/paths.ts';
import { serveStatic } from '../support/static-server.ts';

describe('switching languages on the seed release in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  beforeAll(async () => {
    server = await serveStatic(builtSiteDir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('goes from the English release to the French one by its language link', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}en/news/iom-unhcr-train-libyan-partners-on-saving-lives-at-sea/`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.locator('.language-switcher a[hreflang="fr"]').click();
    await page.waitForURL(/\/fr\/news\//);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.locator('h1').textContent()).toBe('L’OIM et le HCR forment leurs partenaires libyens au sauvetage en mer');
    await page.close();
  });

  it('goes English → Arabic → French with the keyboard-reachable switcher, right to left in Arabic', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    await page.goto(`${server.url}en/news/iom-unhcr-train-libyan-partners-on-saving-lives-at-sea/`);

    await page.locator('.language-switcher a[hreflang="ar"]').click();
    await page.waitForURL(/\/ar\/news\//);
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    // Right to left for real: the headline's text starts at the right edge of the article.
    const direction = await page.locator('h1').evaluate((element) => getComputedStyle(element).direction);
    expect(direction).toBe('rtl');
    const screenshots = path.join(testOutputDir, 'screenshots');
    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: path.join(screenshots, 'seed-release-ar.png'), fullPage: true });

    await page.locator('.language-switcher a[hreflang="fr"]').click();
    await page.waitForURL(/\/fr\/news\//);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    await page.close();
  });
});
