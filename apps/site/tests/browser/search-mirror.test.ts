import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { buildSite } from '../support/build-site.ts';
import { testOutputDir } from '../support/paths.ts';
import { serveStatic } from '../support/static-server.ts';

const contentSecurityPolicy =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
const mirrorDir = path.join(testOutputDir, 'site-mirror');

describe('search on a copy of the site hosted under /mirror/', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveStatic>>;

  beforeAll(async () => {
    const { status, output } = buildSite(mirrorDir, { SITE_BASE: '/mirror/' });
    if (status !== 0) throw new Error(`The /mirror/ build failed:\n${output.slice(-4000)}`);
    server = await serveStatic(mirrorDir, '/mirror/', { 'Content-Security-Policy': contentSecurityPolicy });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens a page and records every request and every console error or warning. */
  async function open(pathname: string): Promise<{ page: Page; requests: string[]; problems: string[] }> {
    const page = await browser.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${server.url}${pathname}`);
    return { page, requests, problems };
  }

  it('loads Pagefind from the base and links results under it', async () => {
    const { page, requests, problems } = await open('en/search/?q=Libya');
    await expect.poll(() => page.locator('#search-status').textContent()).toMatch(/^Results for “Libya”: [1-9]\d*$/);
    const links = await page.locator('#search-list a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toMatch(/^\/mirror\/en\//);
    expect(requests.some((url) => url.endsWith('/mirror/pagefind/pagefind.js'))).toBe(true);
    // Everything comes from the site's own origin and from under its base (a request outside would 404 here).
    for (const url of requests) expect(url.startsWith(server.url), url).toBe(true);
    expect(problems).toEqual([]);
    const response = await page.goto(`${server.url}${links[0]!.slice('/mirror/'.length)}`);
    expect(response?.status()).toBe(200);
    await page.close();
  });

  it('offers other languages’ results from the same bundle, with links under the base', async () => {
    const { page, requests, problems } = await open('fr/search/?q=capsize');
    await expect.poll(() => page.locator('#search-status').textContent()).toMatch(/^Aucun résultat pour « capsize » en français\./);
    await expect.poll(() => page.locator('.search-other__group[aria-labelledby="search-other-en"] li').count()).toBeGreaterThan(0);
    for (const link of await page.locator('.search-other a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')))) expect(link).toMatch(/^\/mirror\//);
    for (const url of requests) expect(url.startsWith(server.url), url).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});
