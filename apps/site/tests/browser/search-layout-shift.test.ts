import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { cspHeader } from '@iom/ui/content-security-policy';
import { launchChromium } from '../support/browser.ts';
import { builtSiteDir } from '../support/paths.ts';
import { serveStatic } from '../support/static-server.ts';

/** A layout shift as the page saw it: its score and what moved, for the failure message. */
interface Shift {
  value: number;
  sources: string[];
}

declare global {
  interface Window {
    layoutShifts: Shift[];
  }
}

/**
 * Viewports to measure in: Lighthouse's phone (its mobile run, where the footer is in view before results arrive)
 * and a desktop screen.
 */
const viewports = {
  phone: { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true },
  desktop: { viewport: { width: 1350, height: 940 }, deviceScaleFactor: 1, isMobile: false },
} as const;

/** Lighthouse's and Google's bound for a "good" Cumulative Layout Shift; the page is meant to stay near 0. */
const goodLayoutShift = 0.1;

describe('the search page holds still while its results arrive (Cumulative Layout Shift)', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveStatic>>;

  beforeAll(async () => {
    server = await serveStatic(builtSiteDir, '/', { 'Content-Security-Policy': cspHeader });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const searches = [
    { lang: 'en', query: 'migrants' },
    { lang: 'ar', query: 'ليبيا' },
  ];
  for (const [name, device] of Object.entries(viewports)) {
    for (const { lang, query } of searches) {
      it(`${lang}/search/?q=${query} on a ${name}: every shift from the first paint until the results are shown adds up to less than ${goodLayoutShift}`, async () => {
        const context = await browser.newContext(device);
        const page = await context.newPage();
        // Recorded from the start of the page (buffered), whether or not the reader had just interacted: all of it.
        await page.addInitScript(() => {
          window.layoutShifts = [];
          const describe = (node: Node | null) => (node instanceof Element ? `${node.localName}${node.id ? `#${node.id}` : ''}${node.classList.length ? `.${[...node.classList].join('.')}` : ''}` : String(node?.nodeName));
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as (PerformanceEntry & { value: number; sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] })[]) {
              window.layoutShifts.push({
                value: entry.value,
                sources: entry.sources.map((source) => `${describe(source.node)} from y=${Math.round(source.previousRect.y)} to y=${Math.round(source.currentRect.y)} (height ${Math.round(source.currentRect.height)})`),
              });
            }
          }).observe({ type: 'layout-shift', buffered: true });
        });
        await page.goto(`${server.url}${lang}/search/?q=${encodeURIComponent(query)}`);
        await expect.poll(() => page.locator('#search-list > li').count()).toBeGreaterThan(0);
        await expect.poll(() => page.locator('#search-status').textContent()).not.toBe('');
        // Layout shifts are reported after the frame that shows them: let two frames pass.
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        const shifts = await page.evaluate(() => window.layoutShifts);
        const total = shifts.reduce((sum, shift) => sum + shift.value, 0);
        expect(total, JSON.stringify(shifts, null, 1)).toBeLessThan(goodLayoutShift);
        await context.close();
      });
    }
  }
});
