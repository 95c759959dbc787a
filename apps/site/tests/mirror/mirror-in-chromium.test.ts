/**
 * A fixture mirror built by `pnpm mirror`, opened in Chromium the two ways a field office uses it: served on the
 * network by its own tool under a sub-path, and opened from disk (file://).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { formatViolations, runAxe } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { makeFixtureContent } from '../support/fixture-content.ts';
import { buildBundle, currentVersion, fixtureCountries, fixtureReleases, mirrorTestDir, serveMirror, type ServedMirror } from './mirror-support.ts';

const seedTitle = /Train Libyan Partners on Saving Lives at Sea/;
const seedArabicTitle = /تدرّبان الشركاء الليبيين/;
/** The site header's background: the site's CSS loaded (the browser default is transparent). */
const brandBlue = 'rgb(0, 51, 160)';

const bundle = path.join(mirrorTestDir, 'chromium');
let browser: Browser;

beforeAll(async () => {
  buildBundle(bundle, makeFixtureContent(fixtureCountries, fixtureReleases));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A page that records Content-Security-Policy reports and failed requests. */
async function newPage(): Promise<{ page: Page; cspViolations: string[]; failed: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
  const cspViolations: string[] = [];
  const failed: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  return { page, cspViolations, failed };
}

async function headerBackground(page: Page): Promise<string> {
  return page.locator('header.site-header').evaluate((element) => getComputedStyle(element).backgroundColor);
}

describe('served on the office network under /iom/ by the mirror tool', () => {
  let server: ServedMirror;
  beforeAll(async () => {
    server = await serveMirror(bundle, { base: '/iom/' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('opens the home page, a feed, a release and the other languages, every request staying under /iom/', async () => {
    const { page, cspViolations, failed } = await newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(server.url);
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/\/iom\/en\/index\.html$/);
    expect(await headerBackground(page)).toBe(brandBlue);

    await page.locator('.site-nav').getByRole('link', { name: 'News' }).click();
    await page.waitForURL(/\/iom\/en\/news\/index\.html$/);
    const feed = await fetch(await page.locator('a[type="application/rss+xml"]').first().evaluate((link: HTMLAnchorElement) => link.href));
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('Train Libyan Partners');
    await page.locator('main').getByRole('link', { name: seedTitle }).first().click();
    await expect.poll(() => page.locator('h1').textContent()).toMatch(seedTitle);

    await page.locator('.language-switcher a[hreflang="fr"]').click();
    await page.waitForURL(/\/iom\/fr\/news\/l-oim-et-le-hcr-forment[^/]*\/index\.html$/);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.locator('.language-switcher a[hreflang="ar"]').click();
    await page.waitForURL(/\/iom\/ar\/news\//);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await headerBackground(page)).toBe(brandBlue);

    expect(requests.filter((url) => !url.startsWith(server.url))).toEqual([]);
    expect(failed).toEqual([]);
    expect(cspViolations).toEqual([]);
    await page.close();
  });

  it('searches with Pagefind from the header form, results linking inside /iom/, the offline notice hidden', async () => {
    const { page, cspViolations, failed } = await newPage();
    await page.goto(`${server.url}en/countries/libya/index.html`);
    await page.locator('header .search-form input[name="q"]').fill('libyan partners');
    await page.locator('header .search-form input[name="q"]').press('Enter');
    await page.waitForURL(/\/iom\/en\/search\/index\.html\?q=libyan/);
    const result = page.locator('main').getByRole('link', { name: seedTitle }).first();
    await result.waitFor();
    expect(await page.locator('#mirror-offline-search').isHidden()).toBe(true);
    expect(await result.getAttribute('href')).toMatch(/^\/iom\/en\/news\/iom-unhcr-train-libyan-partners/);
    await result.click();
    await page.waitForURL(/\/iom\/en\/news\/iom-unhcr-train-libyan-partners/);
    expect(await page.locator('h1').textContent()).toMatch(seedTitle);
    expect(failed).toEqual([]);
    expect(cspViolations).toEqual([]);
    await page.close();
  });

  it('searches in Arabic, right to left', async () => {
    const { page } = await newPage();
    await page.goto(`${server.url}ar/search/index.html?q=${encodeURIComponent('الليبيين')}`);
    await page.locator('main').getByRole('link', { name: seedArabicTitle }).first().waitFor();
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await page.close();
  });
});

describe('opened from disk (file://)', () => {
  const start = () => pathToFileURL(path.join(bundle, 'index.html')).href;
  const site = () => pathToFileURL(path.join(bundle, 'versions', currentVersion(bundle))).href;

  it('goes from the bundle’s index.html to a styled home page, follows links to a feed and a release, and switches language', async () => {
    const { page, cspViolations } = await newPage();
    await page.goto(start());
    await page.waitForURL(/\/versions\/[0-9a-f]{16}\/index\.html$/);
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/\/en\/index\.html$/);
    expect(await headerBackground(page)).toBe(brandBlue);

    await page.locator('.site-nav').getByRole('link', { name: 'News' }).click();
    await page.waitForURL(/\/en\/news\/index\.html$/);
    const feed = await page.locator('a[type="application/rss+xml"]').first().evaluate((link: HTMLAnchorElement) => link.href);
    expect(readFileSync(fileURLToPath(feed), 'utf8')).toContain('Train Libyan Partners');
    await page.locator('main').getByRole('link', { name: seedTitle }).first().click();
    await page.waitForURL(/\/en\/news\/iom-unhcr-train-libyan-partners[^/]*\/index\.html$/);
    expect(await page.locator('h1').textContent()).toMatch(seedTitle);
    expect(await headerBackground(page)).toBe(brandBlue);

    await page.locator('.language-switcher a[hreflang="ar"]').click();
    await page.waitForURL(/\/ar\/news\/.+\/index\.html$/);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.locator('h1').textContent()).toMatch(seedArabicTitle);
    expect(await headerBackground(page)).toBe(brandBlue);
    expect(cspViolations).toEqual([]);
    await page.close();
  });

  it('shows the photos of a release', async () => {
    const { page } = await newPage();
    await page.goto(`${site()}/en/news/index.html`);
    await page.locator('main').getByRole('link', { name: /monsoon/i }).first().click();
    const images = page.locator('main img');
    expect(await images.count()).toBeGreaterThan(0);
    for (const image of await images.all()) {
      await image.scrollIntoViewIfNeeded();
      await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBeGreaterThan(0);
    }
    await page.close();
  });

  it('says on the search page that full search needs the mirror served, and finds the seed release offline', async () => {
    const { page, cspViolations } = await newPage();
    await page.goto(`${site()}/en/news/index.html`);
    await page.locator('header .search-form input[name="q"]').fill('Libyan partners');
    await page.locator('header .search-form input[name="q"]').press('Enter');
    await page.waitForURL(/\/en\/search\/index\.html\?q=Libyan/);
    const notice = page.locator('#mirror-offline-search');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('node mirror-tool/cli.js serve .');
    expect(await page.locator('main input[name="q"]').first().inputValue()).toBe('Libyan partners');
    const result = page.locator('#mirror-offline-results').getByRole('link', { name: seedTitle });
    await result.click();
    await page.waitForURL(/\/en\/news\/iom-unhcr-train-libyan-partners[^/]*\/index\.html$/);
    expect(cspViolations).toEqual([]);
    await page.close();
  });

  it('searches Arabic offline whatever the tashkeel, with the notice in Arabic, and passes axe', async () => {
    const { page } = await newPage();
    // "الليبيّين" with a shadda, as a reader may type it; the title is written without.
    await page.goto(`${site()}/ar/search/index.html?q=${encodeURIComponent('الشركاء الليبيّين')}`);
    await page.locator('#mirror-offline-results').getByRole('link', { name: seedArabicTitle }).waitFor();
    expect(await page.locator('#mirror-offline-search .c-callout').textContent()).toMatch(/فُتحت هذه النسخة/);
    expect(await page.locator('#mirror-offline-status').textContent()).toMatch(/«الشركاء الليبيّين»: 1/);
    const violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
    await page.close();
  });

  it('says so when nothing matches', async () => {
    const { page } = await newPage();
    await page.goto(`${site()}/fr/search/index.html?q=zzzqqq`);
    await expect.poll(() => page.locator('#mirror-offline-status').textContent()).toMatch(/Aucun titre ni résumé ne contient « zzzqqq »/);
    expect(await page.locator('#mirror-offline-results li').count()).toBe(0);
    await page.close();
  });
});
