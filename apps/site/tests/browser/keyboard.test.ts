import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { cspHeader } from '@iom/ui/content-security-policy';
import { launchChromium } from '../support/browser.ts';
import { checkFocusIndicators, checkSkipLink, focusState, tabTo } from '../support/keyboard.ts';
import { builtSiteDir } from '../support/paths.ts';
import { samplePages, searchQueries, untilSettled } from '../support/sample-pages.ts';
import { fixturePage, writeStaticFixture } from '../support/static-fixture.ts';
import { serveStatic } from '../support/static-server.ts';

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;
beforeAll(async () => {
  server = await serveStatic(builtSiteDir, '/', { 'content-security-policy': cspHeader });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh tab at phone size on `url`, with nothing focused yet: as a reader arrives. */
async function open(url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await page.goto(url);
  return page;
}

const sample = samplePages(builtSiteDir);

describe.each(['en', 'ar'] as const)('using the site with the keyboard only, in %s', (lang) => {
  const other = lang === 'en' ? 'ar' : 'en';
  const pages = sample.filter((page) => page.lang === lang);

  it('the first Tab reaches the skip link, which shows itself, and Enter moves focus to the main content', async () => {
    for (const kind of ['home', 'release', 'country', 'search', 'translation dashboard']) {
      const page = await open(`${server.url}${pages.find((entry) => entry.kind === kind)!.path}`);
      expect(await checkSkipLink(page), kind).toEqual([]);
      await page.close();
    }
  });

  it('every element Tab reaches shows a focus ring that stands out 3:1 and is in view', async () => {
    for (const kind of ['home', 'release with image', 'country', 'search with query', 'translation dashboard']) {
      const entry = pages.find((candidate) => candidate.kind === kind)!;
      const page = await open(`${server.url}${entry.path}`);
      await untilSettled(page, entry);
      const { problems, stops } = await checkFocusIndicators(page, 150);
      expect(problems, kind).toEqual([]);
      // The walk went through the header, the content and the footer.
      expect(stops, kind).toBeGreaterThan(15);
      await page.close();
    }
  });

  it(`reaches the language switcher with Tab, and Enter opens the page in ${other === 'ar' ? 'Arabic' : 'English'}`, async () => {
    const release = pages.find((entry) => entry.kind === 'release')!;
    const page = await open(`${server.url}${release.path}`);
    expect(await tabTo(page, `.language-switcher a[hreflang="${other}"]`)).toBe(true);
    await Promise.all([page.waitForURL(new RegExp(`/${other}/news/`)), page.keyboard.press('Enter')]);
    expect(await page.getAttribute('html', 'lang')).toBe(other);
    expect(await page.getAttribute('html', 'dir')).toBe(other === 'ar' ? 'rtl' : 'ltr');
    await page.close();
  });

  it('searches from the header form with the keyboard, then opens a result with Tab and Enter', async () => {
    const page = await open(`${server.url}${lang}/`);
    expect(await tabTo(page, 'header [role="search"] input[type="search"]')).toBe(true);
    await page.keyboard.type(searchQueries[lang]);
    await Promise.all([page.waitForURL(/\/search\/\?/), page.keyboard.press('Enter')]);
    const url = new URL(page.url());
    expect(url.pathname).toBe(`/${lang}/search/`);
    expect(url.searchParams.get('q')).toBe(searchQueries[lang]);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);

    // The results the page shows are reachable with Tab, and Enter follows one.
    await untilSettled(page, { kind: 'search with query', lang, path: '' });
    expect(await tabTo(page, `main a[href^="/${lang}/news/"]`, 80)).toBe(true);
    const chosen = (await focusState(page))!;
    await Promise.all([page.waitForURL(new RegExp(`/${lang}/news/[^/?]+/$`)), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').count(), chosen.description).toBe(1);
    await page.close();
  });
});

describe('the keyboard checks can fail', () => {
  const fixture = writeStaticFixture({
    // No skip link, focus styles taken away, and a language "link" without href, which Tab never reaches.
    'no-skip-link.html': fixturePage('<header><a href="/">Home</a><nav class="language-switcher"><a hreflang="fr">Français</a></nav></header><main id="main"><h1>Page</h1><a href="/more">More</a></main>', {
      head: '<style>a:focus { outline: none; }</style>',
    }),
    // A skip link that stays off screen when focused, to a main that cannot take focus; a yellow focus ring on white.
    'hidden-skip-link.html': fixturePage('<a class="skip" href="#main">Skip</a><main id="main"><h1>Page</h1><a href="/more">More</a></main>', {
      head: '<style>.skip { position: absolute; inset-inline-start: -9999px; } a:focus-visible { outline: 3px solid #ffb81c; }</style>',
    }),
  });
  afterAll(() => fixture.remove());

  it('catches a missing skip link, focus without a visible indicator and a switcher out of reach of Tab', async () => {
    const fixtureServer = await serveStatic(fixture.dir);
    let page = await open(`${fixtureServer.url}no-skip-link.html`);
    const skip = await checkSkipLink(page);
    expect(skip).toEqual([
      'the first element Tab reaches is <a href="/"> "Home", not a skip link to the main content',
      '<a href="/"> "Home": no visible focus indicator (outline none, no box-shadow)',
    ]);
    await page.close();
    page = await open(`${fixtureServer.url}no-skip-link.html`);
    const { problems, stops } = await checkFocusIndicators(page);
    expect(stops).toBe(2);
    expect(problems).toEqual([expect.stringContaining('"Home": no visible focus indicator'), expect.stringContaining('"More": no visible focus indicator')]);
    await page.close();
    page = await open(`${fixtureServer.url}no-skip-link.html`);
    expect(await tabTo(page, '.language-switcher a[hreflang="fr"]', 10)).toBe(false);
    await page.close();
    await fixtureServer.close();
  });

  it('catches a skip link that stays hidden and does not move focus, and a focus ring without contrast', async () => {
    const fixtureServer = await serveStatic(fixture.dir);
    const page = await open(`${fixtureServer.url}hidden-skip-link.html`);
    const skip = await checkSkipLink(page);
    expect(skip).toEqual([
      expect.stringMatching(/^<a href="#main" class="skip"> "Skip" is not visible when focused \(box \{"x":-9999/),
      expect.stringMatching(/^<a href="#main" class="skip"> "Skip": focus outline rgb\(255, 184, 28\) has contrast 1\.7\d:1/),
      expect.stringMatching(/^Enter on <a href="#main" class="skip"> "Skip" moves focus to .*, not to main$/),
    ]);
    await page.close();
    await fixtureServer.close();
  });
});
