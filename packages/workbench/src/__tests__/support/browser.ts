import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AxeResults, RunOptions } from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Debian's Chromium, headless, as the site's browser tests launch it (apps/site/tests/support/browser.ts): the extra
 * flags stop Chromium's own background connections, which the closed network refuses.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** The same rules as the site's axe tests: WCAG 2.0–2.2 A and AA, and axe's best practices. */
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * The axe rules the page breaks as it is now, one line per element (empty when it passes). axe is evaluated through
 * the DevTools protocol, so the workbench's Content-Security-Policy stays in force.
 */
export async function axeViolations(page: Page): Promise<string> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    const require = createRequire(import.meta.url);
    await page.evaluate(readFileSync(path.join(path.dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8'));
  }
  const options: RunOptions = { runOnly: { type: 'tag', values: axeTags }, resultTypes: ['violations'] };
  const results = await page.evaluate(async (runOptions) => {
    const { axe } = window as unknown as { axe: { run: (context: Document, options: RunOptions) => Promise<AxeResults> } };
    return axe.run(document, runOptions);
  }, options);
  return results.violations.flatMap((violation) => violation.nodes.map((node) => `${page.url()} ${violation.id}: ${violation.help} at ${node.target.join(' ')}`)).join('\n');
}
