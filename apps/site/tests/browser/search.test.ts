import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { builtSiteDir } from '../support/paths.ts';
import { serveStatic } from '../support/static-server.ts';

/** The policy the site is meant to be served with: no inline script or style, no eval; WebAssembly and a worker. */
const contentSecurityPolicy =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

const seedEnglish = 'en/news/iom-unhcr-train-libyan-partners-on-saving-lives-at-sea/';

/** Resolves with the number in the status line ("Results for “x”: 12"). */
async function resultCount(page: Page): Promise<number> {
  const text = (await page.locator('#search-status').textContent()) ?? '';
  return Number(/(\d+)\s*$/.exec(text.trim())?.[1] ?? Number.NaN);
}

describe('the search page in Chromium, under a strict Content-Security-Policy', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  /** Console errors and warnings, page errors, CSP violations and requests to other origins, per test. */
  let problems: string[] = [];
  let workers = 0;

  async function open(path: string, { onRequest, ...options }: { javaScriptEnabled?: boolean; onRequest?: (url: string) => void } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 800, height: 1200 }, ...options });
    const page = await context.newPage();
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
    });
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => {
      if (!request.url().startsWith(new URL(server.url).origin)) problems.push(`request to another origin: ${request.url()}`);
    });
    page.on('worker', () => (workers += 1));
    // Pagefind fetches from its worker too: the context sees those requests, the page does not.
    if (onRequest) context.on('request', (request) => onRequest(request.url()));
    await page.goto(`${server.url}${path}`);
    return page;
  }

  beforeAll(async () => {
    server = await serveStatic(builtSiteDir, '/', { 'Content-Security-Policy': contentSecurityPolicy });
    browser = await launchChromium();
  });
  afterEach(() => {
    expect(problems).toEqual([]);
    problems = [];
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  describe('in English', () => {
    it('finds the seed release as the reader types, in a Pagefind worker, and keeps the query in the URL', async () => {
      const page = await open('en/search/');
      await page.locator('#search-q').pressSequentially('libyan partners');
      await expect.poll(() => page.locator('#search-status').textContent()).toMatch(/^Results for “libyan partners”: \d+$/);
      await expect.poll(() => page.locator(`#search-list a[href="/${seedEnglish}"]`).count()).toBe(1);
      expect(new URL(page.url()).search).toBe('?q=libyan+partners');
      // A labelled region with a live status, and results as headed list items with real links.
      expect(await page.locator('section.search-results').getAttribute('aria-labelledby')).toBe('search-results-heading');
      expect(await page.locator('#search-status').getAttribute('aria-live')).toBe('polite');
      expect(await page.locator('#search-list > li.search-result h3 > a').count()).toBeGreaterThan(0);
      expect(await page.locator('#search-list mark').count()).toBeGreaterThan(0);
      expect(workers).toBeGreaterThan(0);
      await page.context().close();
    });

    it('loads the filter data only when the reader opens the filters, then counts the values', async () => {
      const filterFiles: string[] = [];
      const page = await open('en/search/?q=IOM', { onRequest: (url) => url.includes('/pagefind/filter/') && filterFiles.push(url) });
      await expect.poll(() => resultCount(page)).toBeGreaterThan(0);
      // The results are shown with the filters closed: no filter data fetched, no counts.
      await page.waitForTimeout(500);
      expect(filterFiles).toEqual([]);
      expect(await page.locator('#search-type option[value="press-release"]').textContent()).toBe('Press release');
      await page.locator('summary', { hasText: 'Filter and sort' }).click();
      await expect.poll(() => page.locator('#search-type option[value="press-release"]').textContent()).toMatch(/^Press release \(\d+\)$/);
      expect(filterFiles.length).toBeGreaterThan(0);
      await page.context().close();
    });

    it('runs the search in the URL on load, with the query back in the box', async () => {
      const page = await open('en/search/?q=Sabratah');
      await expect.poll(() => page.locator('#search-status').textContent()).toMatch(/^Results for “Sabratah”: \d+$/);
      expect(await page.inputValue('#search-q')).toBe('Sabratah');
      expect(await page.locator(`#search-list a[href="/${seedEnglish}"]`).count()).toBe(1);
      await page.context().close();
    });

    it('narrows the results with filters whose labels are localized and whose values are identifiers, in the URL', async () => {
      const page = await open('en/search/?q=IOM');
      await expect.poll(() => resultCount(page)).toBeGreaterThan(0);
      const all = await resultCount(page);
      // Option labels carry the number of results each value would give, once the reader opens the filters.
      await page.locator('summary', { hasText: 'Filter and sort' }).click();
      await expect.poll(() => page.locator('#search-type option[value="press-release"]').textContent()).toMatch(/^Press release \(\d+\)$/);
      await page.selectOption('#search-type', 'press-release');
      await expect.poll(() => resultCount(page)).toBeLessThan(all);
      const pressReleases = await resultCount(page);
      for (const meta of await page.locator('#search-list .search-result__meta').allTextContents()) expect(meta).toMatch(/^Press release · /);

      await page.selectOption('#search-country', 'LY');
      await expect.poll(() => resultCount(page)).toBeLessThanOrEqual(pressReleases);
      const fromLibya = await resultCount(page);
      expect(fromLibya).toBeGreaterThan(0);
      expect(await page.locator(`#search-list a[href="/${seedEnglish}"]`).count()).toBe(1);
      expect(new URL(page.url()).search).toBe('?q=IOM&type=press-release&country=LY');

      // The link is the search: opened afresh, it gives the same results, with the filters shown open.
      const shared = await open(`en/search/${new URL(page.url()).search}`);
      await expect.poll(() => resultCount(shared)).toBe(fromLibya);
      expect(await shared.locator('#search-filters').getAttribute('open')).not.toBeNull();
      expect(await shared.inputValue('#search-country')).toBe('LY');
      await page.context().close();
      await shared.context().close();
    });

    it('lists a filter’s pages without a query, and sorts news by date', async () => {
      const page = await open('en/search/?country=LY');
      await expect.poll(() => page.locator('#search-status').textContent()).toMatch(/^Pages matching the filters: [1-9]\d*$/);
      await page.goto(`${server.url}en/search/?q=sea&sort=oldest`);
      await expect.poll(() => resultCount(page)).toBeGreaterThan(1);
      const dates = await page.locator('#search-list .search-result__meta').allTextContents();
      const years = dates.map((meta) => Number(/(\d{4})$/.exec(meta)?.[1]));
      expect(years).toEqual([...years].sort((a, b) => a - b));
      await page.context().close();
    });

    it('works with the keyboard: “/” focuses the box, Enter moves to the results, Tab reaches the first result', async () => {
      const page = await open('en/search/');
      expect(await page.locator('#search-shortcut').isVisible()).toBe(true);
      expect(await page.getAttribute('#search-q', 'aria-keyshortcuts')).toBe('/');
      await page.locator('h1').click();
      await page.keyboard.press('/');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
      await page.keyboard.type('rescue');
      expect(await page.inputValue('#search-q')).toBe('rescue');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search-results-heading');
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => ({ tag: document.activeElement?.tagName, inResults: Boolean(document.activeElement?.closest('#search-list')) }));
      expect(focused).toEqual({ tag: 'A', inResults: true });
      await page.context().close();
    });

    it('is a plain form without JavaScript: it submits the query to itself and says results need JavaScript', async () => {
      const page = await open('en/search/', { javaScriptEnabled: false });
      expect(await page.locator('.search-panel__noscript').isVisible()).toBe(true);
      await page.fill('#search-q', 'Libya');
      await page.locator('#search-form button[type="submit"]').first().click();
      await page.waitForURL(/\/en\/search\/\?q=Libya/);
      expect(await page.inputValue('#search-q')).toBe('');
      await page.context().close();
    });
  });

  describe('in Arabic, right to left', () => {
    it('finds the Arabic seed release from a query with tashkeel and a conjunction, and shows its title as written', async () => {
      const page = await open(`ar/search/?q=${encodeURIComponent('وَالْمُفَوَّضِيَّة')}`);
      expect(await page.getAttribute('html', 'dir')).toBe('rtl');
      expect(await page.getAttribute('html', 'lang')).toBe('ar');
      await expect.poll(() => page.locator('#search-status').textContent()).toMatch(/^نتائج البحث عن «وَالْمُفَوَّضِيَّة»: \d+$/);
      const titles = await page.locator('#search-list .search-result__title').allTextContents();
      expect(titles.some((title) => title.includes('تدرّبان الشركاء الليبيين'))).toBe(true);
      // The index separates "و" from "المفوضية"; readers see the words joined again.
      expect(titles.some((title) => title.includes('والمفوضية'))).toBe(true);
      expect(await page.locator('#search-list').evaluate((list) => getComputedStyle(list).direction)).toBe('rtl');
      expect(await page.locator('#search-list a').first().getAttribute('href')).toMatch(/^\/ar\/news\//);
      await page.context().close();
    });
  });

  describe('when a language has no result', () => {
    it('offers the matches in other languages, labelled by language, each with its lang and dir', async () => {
      const page = await open('fr/search/?q=capsize');
      await expect.poll(() => page.locator('#search-status').textContent()).toMatch(/^Aucun résultat pour « capsize » en français\. Résultats dans d’autres langues : anglais \(\d+\)/);
      expect(await page.locator('#search-list li').count()).toBe(0);
      const group = page.locator('.search-other__group', { has: page.locator('h3', { hasText: /^anglais \(\d+\)$/ }) });
      expect(await group.locator(`a[href="/${seedEnglish}"]`).count()).toBe(1);
      const item = group.locator('li.search-result', { has: page.locator(`a[href="/${seedEnglish}"]`) });
      expect(await item.getAttribute('lang')).toBe('en');
      expect(await item.getAttribute('dir')).toBe('ltr');
      // Type and date stay in the reader's language inside the English result.
      expect(await item.locator('.search-result__meta').getAttribute('lang')).toBe('fr');
      await page.context().close();
    });
  });
});
