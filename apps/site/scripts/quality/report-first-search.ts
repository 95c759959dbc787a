/**
 * `pnpm report:first-search [--site <folder>] [--lang en] [--query migrants]`: what a reader downloads for a first
 * search, measured in Debian's Chromium against the built site served as a static host would (static-host.ts: text
 * gzipped at level 9, Pagefind's own files as they are). Counts every request from the moment the search page's HTML
 * has arrived until the first results show, by kind of file; then what opening the filters adds (the counts next to
 * the filter values). Prints figures, asserts nothing (bench figures go to packages/bench/README.md).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { serveLikeStaticHost } from './static-host.ts';

const { values } = parseArgs({
  options: { site: { type: 'string' }, lang: { type: 'string', default: 'en' }, query: { type: 'string', default: 'migrants' } },
});
const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const siteDir = path.resolve(values.site ?? path.join(appDir, 'dist'));

/** The kind of a requested file, for the table. */
function kindOf(url: string): string {
  const name = new URL(url).pathname;
  if (name.includes('/pagefind/filter/')) return 'filter data';
  if (name.includes('/pagefind/index/')) return 'index chunks';
  if (name.includes('/pagefind/fragment/')) return 'result fragments';
  if (name.endsWith('.pf_meta')) return 'shard metadata';
  if (name.endsWith('.pagefind')) return 'WebAssembly';
  if (name.endsWith('pagefind-entry.json')) return 'entry file';
  if (name.endsWith('.js')) return 'scripts';
  if (name.endsWith('.css')) return 'styles';
  return 'other';
}

interface Fetched {
  url: string;
  bytes: number;
}

function table(title: string, fetched: Fetched[]): string {
  const byKind = Map.groupBy(fetched, (entry) => kindOf(entry.url));
  const total = fetched.reduce((sum, entry) => sum + entry.bytes, 0);
  const lines = [...byKind]
    .sort(([, a], [, b]) => b.reduce((s, e) => s + e.bytes, 0) - a.reduce((s, e) => s + e.bytes, 0))
    .map(([kind, entries]) => `  ${kind.padEnd(18)} ${(entries.reduce((s, e) => s + e.bytes, 0) / 1000).toFixed(1).padStart(8)} kB ${String(entries.length).padStart(4)} requests (${new Set(entries.map((e) => e.url)).size} distinct)`);
  return [`${title}: ${(total / 1000).toFixed(1)} kB in ${fetched.length} requests`, ...lines].join('\n');
}

const host = await serveLikeStaticHost(siteDir);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless', '--disable-gpu'] });
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const pageUrl = `${host.url}${values.lang}/search/?q=${encodeURIComponent(values.query)}`;
  let phase: Fetched[] = [];
  const phases: Fetched[][] = [phase];
  // The context sees the requests of the page and of Pagefind's worker.
  context.on('requestfinished', (request) => {
    if (request.url() === pageUrl) return;
    void request.sizes().then((sizes) => phase.push({ url: request.url(), bytes: sizes.responseBodySize + sizes.responseHeadersSize }));
  });
  await page.goto(pageUrl);
  await page.waitForSelector('#search-list li.search-result', { timeout: 60_000 });
  await page.waitForTimeout(1500);
  phase = [];
  phases.push(phase);
  await page.locator('#search-filters > summary').click();
  await page.waitForFunction(() => /\(\d+\)$/.test(document.querySelector('#search-year option:nth-child(2)')?.textContent ?? ''), undefined, { timeout: 60_000 });
  await page.waitForTimeout(1500);
  console.log(`${pageUrl} (site ${siteDir}); bytes as transferred, headers included`);
  console.log(table('first search, until the results show', phases[0]!));
  console.log(table('opening the filters (counts)', phases[1]!));
} finally {
  await browser.close();
  await host.close();
}
