import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { cspHeader } from '@iom/ui/content-security-policy';
import { formatViolations, runAxe, type AxeViolation } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { builtSiteDir } from '../support/paths.ts';
import { sidewaysScroll } from '../support/reflow.ts';
import { sampleLanguages, samplePages, untilSettled, type SamplePage } from '../support/sample-pages.ts';
import { fixturePage, writeStaticFixture } from '../support/static-fixture.ts';
import { serveStatic } from '../support/static-server.ts';

/** The width WCAG 1.4.10 (reflow) measures at, and close to the phones most readers have. */
const phone = { width: 320, height: 640 };
const desktop = { width: 1280, height: 800 };

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;
beforeAll(async () => {
  // The Content-Security-Policy is sent as a host would send it, on top of the pages' own <meta> policy: axe has to
  // run on the pages exactly as they ship.
  server = await serveStatic(builtSiteDir, '/', { 'content-security-policy': cspHeader });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Loads each page, lets it settle, and collects axe's violations and sideways scrolling. Two tabs share the pages:
 * axe keeps one core busy, and this machine has two.
 */
async function audit(context: BrowserContext, baseUrl: string, pages: SamplePage[], options: { reflow: boolean }): Promise<{ violations: AxeViolation[]; overflow: string[] }> {
  const results: { violations: AxeViolation[]; overflow?: string | undefined }[] = [];
  const queue = pages.map((sample, index) => ({ sample, index }));
  const worker = async () => {
    const tab = await context.newPage();
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { sample, index } = next;
      const response = await tab.goto(`${baseUrl}${sample.path}`);
      expect(response?.ok(), `${sample.path} (${sample.kind}) did not load`).toBe(true);
      await untilSettled(tab, sample);
      results[index] = { violations: await runAxe(tab), overflow: options.reflow ? await sidewaysScroll(tab) : undefined };
    }
    await tab.close();
  };
  await Promise.all([worker(), worker()]);
  return {
    violations: results.flatMap((result) => result.violations),
    overflow: results.flatMap((result) => (result.overflow ? [result.overflow] : [])),
  };
}

describe('axe-core finds no WCAG 2.2 A/AA problem and no page scrolls sideways at 320px', () => {
  const sample = samplePages(builtSiteDir);

  it.each([...sampleLanguages, 'root'] as const)('on a page of every kind in %s, at phone width', async (lang) => {
    const pages = sample.filter((page) => (page.lang ?? 'root') === lang);
    const context = await browser.newContext({ viewport: phone, isMobile: true, hasTouch: true });
    const { violations, overflow } = await audit(context, server.url, pages, { reflow: true });
    await context.close();
    expect(pages.length).toBeGreaterThan(lang === 'root' ? 1 : 12);
    expect(formatViolations(violations), 'axe violations').toBe('');
    expect(overflow, 'pages that scroll sideways').toEqual([]);
  });

  it('on the home, release, country, search and dashboard pages in English and Arabic, at desktop width', async () => {
    const kinds = ['home', 'release with image', 'country', 'search with query', 'translation dashboard'];
    const pages = sample.filter((page) => (page.lang === 'en' || page.lang === 'ar') && kinds.includes(page.kind));
    const context = await browser.newContext({ viewport: desktop });
    const { violations } = await audit(context, server.url, pages, { reflow: false });
    await context.close();
    expect(pages).toHaveLength(10);
    expect(formatViolations(violations), 'axe violations').toBe('');
  });
});

describe('the accessibility checks can fail', () => {
  // The site's own policy, from its home page: axe must still run where inline scripts are refused.
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync(path.join(builtSiteDir, 'en/index.html'), 'utf8'))![1]!;
  const fixture = writeStaticFixture({
    'index.html': fixturePage(
      [
        '<main>',
        '<h1>Broken on purpose</h1>',
        '<img src="/dot.svg">',
        '<p class="faint">Grey on white, far below 4.5:1.</p>',
        '<p class="wide">A line that refuses to wrap on a phone.</p>',
        '</main>',
      ].join('\n'),
      { head: `<meta http-equiv="Content-Security-Policy" content="${csp}"><link rel="stylesheet" href="/broken.css">` },
    ),
    'broken.css': '.faint { color: #c8c8c8; } .wide { inline-size: 900px; }',
    'dot.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><circle cx="5" cy="5" r="5"/></svg>',
  });
  afterAll(() => fixture.remove());

  it('reports an image without alt text and low-contrast text, with page, rule, selector and HTML, under the site CSP', async () => {
    const fixtureServer = await serveStatic(fixture.dir);
    const context = await browser.newContext({ viewport: phone });
    const { violations, overflow } = await audit(context, fixtureServer.url, [{ kind: 'broken', lang: 'en', path: '' }], { reflow: true });
    await context.close();
    await fixtureServer.close();

    const byRule = new Map(violations.map((violation) => [violation.rule, violation]));
    expect([...byRule.keys()]).toEqual(expect.arrayContaining(['image-alt', 'color-contrast']));
    expect(byRule.get('image-alt')).toMatchObject({ url: fixtureServer.url, impact: 'critical', nodes: [{ selector: 'img', html: '<img src="/dot.svg">' }] });
    const contrast = byRule.get('color-contrast')!;
    expect(contrast.nodes.map((node) => node.selector)).toEqual(['.faint']);
    expect(contrast.nodes[0]!.summary).toContain('insufficient color contrast');
    const report = formatViolations(violations);
    expect(report).toContain(`${fixtureServer.url}\n  image-alt (critical):`);
    expect(report).toContain('<p class="faint">');
    expect(overflow).toEqual([expect.stringMatching(/^\/: the page is \d+px wide in a 320px viewport; sticking out: <p class="wide">/)]);
  });
});
