import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { siteUrl } from '../../src/site-config.ts';
import { launchChromium } from '../support/browser.ts';
import { builtSiteDir } from '../support/paths.ts';
import { samplePages, untilSettled, type SamplePage } from '../support/sample-pages.ts';
import { fixturePage, writeStaticFixture } from '../support/static-fixture.ts';
import { serveStatic } from '../support/static-server.ts';
import { findThirdPartyReferences, formatReferences } from '../support/third-party-references.ts';
import { formatRefused, loadEverything, refuseThirdPartyRequests, type RefusedRequest } from '../support/third-party-requests.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * A context that refuses and records every request to another origin than `siteUrl`. The pages' Content-Security-
 * Policy is bypassed on purpose: it would block a third-party load before the request exists, and this check is
 * about what the pages *try* to load (the policy is the second line of defence, not the one under test).
 */
async function guardedContext(siteUrl: string): Promise<{ context: BrowserContext; refused: RefusedRequest[]; allowed: string[] }> {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 } });
  const refused = await refuseThirdPartyRequests(context, siteUrl);
  const allowed: string[] = [];
  context.on('requestfinished', (request) => allowed.push(request.url()));
  return { context, refused, allowed };
}

async function visit(context: BrowserContext, baseUrl: string, pages: SamplePage[]): Promise<void> {
  const tab = await context.newPage();
  for (const sample of pages) {
    await tab.goto(`${baseUrl}${sample.path}`);
    await untilSettled(tab, sample);
    await loadEverything(tab);
  }
  await tab.close();
}

describe('no page loads anything from another origin', () => {
  it('in Chromium, over a page of every kind in every language, the search page running a query included', async () => {
    const server = await serveStatic(builtSiteDir);
    const { context, refused, allowed } = await guardedContext(server.url);
    const pages = samplePages(builtSiteDir);
    await visit(context, server.url, pages);
    await context.close();
    await server.close();

    expect(formatRefused(refused), 'requests to other origins').toBe('');
    // The guard saw the page's own traffic: a photograph with its srcset, the stylesheet, Pagefind's script,
    // WebAssembly and index, fetched by the search page.
    expect(pages.length).toBeGreaterThan(50);
    expect(allowed.some((url) => /\/_astro\/[^/]+\.webp$/.test(url))).toBe(true);
    expect(allowed.some((url) => url.endsWith('.css'))).toBe(true);
    expect(allowed.some((url) => url.endsWith('/pagefind/pagefind.js'))).toBe(true);
    expect(allowed.some((url) => /\/pagefind\/.+\.pagefind$|\.wasm$|\.pf_/.test(url))).toBe(true);
  });

  it('in the built files: no third-party source, stylesheet, font, import or fetch, and no external link in page chrome', () => {
    expect(formatReferences(findThirdPartyReferences(builtSiteDir, { siteOrigin: siteUrl }))).toBe('');
  });
});

describe('the privacy checks can fail', () => {
  const fixture = writeStaticFixture({
    'index.html': fixturePage(
      [
        '<header><a href="https://tracker.example.org/">Partner</a></header>',
        '<main><h1>Leaky</h1>',
        '<img src="https://images.example.org/photo.jpg" alt="">',
        '<img src="/local.svg" alt="">',
        '<div class="release__body"><p><a href="https://www.unhcr.org/">UNHCR</a></p></div>',
        '<div style="block-size: 4000px"></div>',
        '<img loading="lazy" src="https://images.example.org/far-below.jpg" alt="">',
        '</main>',
        '<script src="/beacon.js"></script>',
      ].join('\n'),
      {
        head: [
          '<link rel="stylesheet" href="https://fonts.example.org/x.css">',
          '<link rel="preconnect" href="https://cdn.example.org">',
          '<link rel="stylesheet" href="/site.css">',
          '<link rel="canonical" href="https://www.iom.int/en/">',
          '<meta property="og:image" content="https://cdn.example.org/card.png">',
          '<script type="application/ld+json">{"@context":"https://schema.org","url":"https://www.iom.int/en/","logo":"https://cdn.example.org/logo.png"}</script>',
        ].join(''),
      },
    ),
    'site.css': '@import url("https://fonts.example.org/y.css");\n.x { background: url(/local.svg); }\n@font-face { font-family: X; src: url(https://fonts.example.org/x.woff2); }\nbody { font-family: X; }',
    'beacon.js': 'fetch("https://analytics.example.org/hit");\nconst base = new URL("/", "https://example.com");',
    'local.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><image href="https://images.example.org/in-svg.png" width="4" height="4"/></svg>',
  });
  afterAll(() => fixture.remove());

  it('refuses and reports each attempt in the browser: stylesheet, @import, font, image, lazy image, fetch', async () => {
    const server = await serveStatic(fixture.dir);
    const { context, refused, allowed } = await guardedContext(server.url);
    await visit(context, server.url, [{ kind: 'leaky', lang: 'en', path: '' }]);
    await context.close();
    await server.close();

    const urls = refused.map((request) => request.url);
    expect(urls).toEqual(expect.arrayContaining([
      'https://fonts.example.org/x.css',
      'https://fonts.example.org/y.css',
      'https://fonts.example.org/x.woff2',
      'https://images.example.org/photo.jpg',
      'https://images.example.org/far-below.jpg',
      'https://analytics.example.org/hit',
    ]));
    expect(refused.find((request) => request.url === 'https://analytics.example.org/hit')).toMatchObject({ page: server.url, type: 'fetch' });
    expect(formatRefused(refused)).toContain(`${server.url} tried to load https://fonts.example.org/x.css (stylesheet)`);
    // Local files went through; nothing local was refused.
    expect(allowed).toEqual(expect.arrayContaining([`${server.url}site.css`, `${server.url}local.svg`, `${server.url}beacon.js`]));
    expect(urls.filter((url) => url.startsWith(server.url))).toEqual([]);
  });

  it('finds each reference in the files, and lets content link out', () => {
    const found = findThirdPartyReferences(fixture.dir, { siteOrigin: 'https://www.iom.int' });
    const report = formatReferences(found);
    expect(report.split('\n').sort()).toEqual([
      'beacon.js: script fetch() → https://analytics.example.org/hit',
      'index.html: <a href> outside content → https://tracker.example.org/',
      'index.html: <img src> → https://images.example.org/far-below.jpg',
      'index.html: <img src> → https://images.example.org/photo.jpg',
      'index.html: <link rel="preconnect" href> → https://cdn.example.org',
      'index.html: <link rel="stylesheet" href> → https://fonts.example.org/x.css',
      'index.html: <meta property="og:image"> → https://cdn.example.org/card.png',
      'index.html: JSON-LD "logo" → https://cdn.example.org/logo.png',
      'local.svg: <image href> → https://images.example.org/in-svg.png',
      'site.css: CSS @import → https://fonts.example.org/y.css',
      'site.css: CSS url() → https://fonts.example.org/x.woff2',
    ]);
  });
});
