import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { builtSiteDir } from '../support/paths.ts';
import { serveStatic } from '../support/static-server.ts';

describe('following a language link in Chromium', () => {
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

  it('goes from the English release to the French one', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}en/news/iom-unhcr-train-libyan-partners-on-saving-lives-at-sea/`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.locator('.language-switcher a[hreflang="fr"]').click();
    await page.waitForURL(/\/fr\/news\//);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.locator('h1').textContent()).toBe('L’OIM et le HCR forment leurs partenaires libyens au sauvetage en mer');
    await page.close();
  });
});
