/**
 * `pnpm report:first-search [--site <folder>] [--lang en] [--query migrants] [--json]`: what a reader downloads for
 * a first search, measured in Debian's Chromium against the built site served as a static host would (static-host.ts:
 * text gzipped at level 9, Pagefind's own files as they are). Counts every request from the moment the search page's
 * HTML has arrived until the first results show, by kind of file; then what opening the filters adds (the counts next
 * to the filter values). Prints figures, asserts nothing (bench figures go to packages/bench/README.md).
 *
 * With `--json` it prints one line, a `FirstSearchReport` (below), instead of the tables; `pnpm bench` reads it
 * (packages/bench/src/bench/browser-search.ts checks its shape). On failure it prints `report:first-search: <why>` on
 * stderr and exits with 1, in both modes.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { serveLikeStaticHost } from './static-host.ts';

const { values } = parseArgs({
  options: {
    site: { type: 'string' },
    lang: { type: 'string', default: 'en' },
    query: { type: 'string', default: 'migrants' },
    json: { type: 'boolean', default: false },
  },
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

/** Requests of one phase, bytes as transferred (headers included): all together, then by kind, largest first. */
interface RequestTally {
  bytes: number;
  requests: number;
  byKind: { kind: string; bytes: number; requests: number; distinct: number }[];
}

/** What `--json` prints. */
interface FirstSearchReport {
  url: string;
  site: string;
  lang: string;
  query: string;
  /** From the search page's HTML until the first results show. */
  firstSearch: RequestTally;
  /** What opening the filters adds. */
  filters: RequestTally;
}

function tally(fetched: readonly Fetched[]): RequestTally {
  const byKind = [...Map.groupBy(fetched, (entry) => kindOf(entry.url))].map(([kind, entries]) => ({
    kind,
    bytes: entries.reduce((sum, entry) => sum + entry.bytes, 0),
    requests: entries.length,
    distinct: new Set(entries.map((entry) => entry.url)).size,
  }));
  return {
    bytes: fetched.reduce((sum, entry) => sum + entry.bytes, 0),
    requests: fetched.length,
    byKind: byKind.sort((a, b) => b.bytes - a.bytes),
  };
}

function table(title: string, { bytes, requests, byKind }: RequestTally): string {
  const lines = byKind.map(
    (kind) => `  ${kind.kind.padEnd(18)} ${(kind.bytes / 1000).toFixed(1).padStart(8)} kB ${String(kind.requests).padStart(4)} requests (${kind.distinct} distinct)`,
  );
  return [`${title}: ${(bytes / 1000).toFixed(1)} kB in ${requests} requests`, ...lines].join('\n');
}

async function measure(): Promise<FirstSearchReport> {
  // Checked first so that a wrong folder is said in one line, not as a selector timeout a minute later.
  const searchPage = path.join(siteDir, values.lang, 'search', 'index.html');
  if (!existsSync(searchPage)) throw new Error(`no search page at ${searchPage}: give --site the folder of a built site (and --lang one of its languages)`);
  const host = await serveLikeStaticHost(siteDir);
  try {
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
      return { url: pageUrl, site: siteDir, lang: values.lang, query: values.query, firstSearch: tally(phases[0]!), filters: tally(phases[1]!) };
    } finally {
      await browser.close();
    }
  } finally {
    await host.close();
  }
}

try {
  const report = await measure();
  if (values.json) {
    console.log(JSON.stringify(report));
  } else {
    console.log(`${report.url} (site ${report.site}); bytes as transferred, headers included`);
    console.log(table('first search, until the results show', report.firstSearch));
    console.log(table('opening the filters (counts)', report.filters));
  }
} catch (error) {
  console.error(`report:first-search: ${(error as Error).message}`);
  process.exitCode = 1;
}
