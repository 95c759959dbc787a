/**
 * `pnpm report:lighthouse [--runs N] [--site <folder>] [page …]`: serves the built site as a static host would
 * (`static-host.ts`) and runs Lighthouse (mobile, its default config and simulated throttling) on a page of every
 * kind, or on the pages given (paths from the site's base, e.g. `en/search/?q=migrants`). Prints the four category
 * scores per page, the median over the runs, with the audits that cost points; exits 1 when a page scores below
 * 100 for a reason other than a deliberate one (see `deliberate`). Not part of `pnpm test`: it takes minutes and
 * its performance figures move with the machine's load.
 *
 * Chromium: `CHROME_PATH`, default Debian's /usr/bin/chromium. Base: `SITE_BASE` (default `/`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { serveLikeStaticHost } from './static-host.ts';

const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof categories)[number];
const categoryLabels: Record<Category, string> = { performance: 'Perf', accessibility: 'A11y', 'best-practices': 'BP', seo: 'SEO' };

/** The pages measured by default: one of every kind, the reading pages also in Arabic (right to left). */
function defaultPages(siteDir: string): { kind: string; path: string }[] {
  const release = 'en/news/iom-unhcr-train-libyan-partners-on-saving-lives-at-sea/';
  return [
    { kind: 'language chooser', path: '' },
    { kind: 'home', path: 'en/' },
    { kind: 'home, Arabic', path: 'ar/' },
    { kind: 'section', path: 'en/who-we-are/' },
    { kind: 'news index', path: 'en/news/' },
    { kind: 'archive', path: 'en/news/archive/' },
    { kind: 'archive year', path: 'en/news/archive/2016/' },
    { kind: 'release', path: release },
    { kind: 'release, Arabic', path: translationPath(siteDir, release, 'ar') },
    { kind: 'release with photo', path: 'en/news/in-cox-s-bazar-volunteers-get-their-camps-ready-for-the-monsoon/' },
    { kind: 'countries', path: 'en/countries/' },
    { kind: 'country', path: 'en/countries/libya/' },
    { kind: 'country news', path: 'en/countries/libya/news/' },
    { kind: 'region', path: 'en/regions/middle-east-north-africa/' },
    { kind: 'theme', path: 'en/themes/search-and-rescue/' },
    { kind: 'search', path: 'en/search/' },
    { kind: 'search with query', path: 'en/search/?q=migrants' },
    { kind: 'search with query, Arabic', path: `ar/search/?q=${encodeURIComponent('ليبيا')}` },
    { kind: 'translation dashboard', path: 'en/translations/' },
    // At their own addresses: Lighthouse refuses to audit a page answered with 404, as hosts answer a miss.
    { kind: 'not found', path: 'en/404/' },
    { kind: 'not found, site-wide', path: '404.html' },
  ];
}

/** The path of a page's translation, read from its hreflang alternates (slugs differ per language). */
function translationPath(siteDir: string, pagePath: string, lang: string): string {
  const html = readFileSync(path.join(siteDir, pagePath, 'index.html'), 'utf8');
  const href = new RegExp(`<link rel="alternate" hreflang="${lang}" href="([^"]+)"`).exec(html)?.[1];
  if (!href) throw new Error(`${pagePath} has no ${lang} translation in ${siteDir}`);
  return decodeURIComponent(new URL(href).pathname).slice(1);
}

/**
 * The paths (with the base) of the pages the site asks search engines to list: those in its sitemaps. A page left
 * out of them on purpose (the translation dashboard, not-found pages) also says noindex, so that failing
 * Lighthouse's "is-crawlable" is meant there; on a listed page it is a defect.
 */
function listedPaths(siteDir: string): Set<string> {
  const listed = new Set<string>();
  for (const file of readdirSync(siteDir).filter((name) => /^sitemap-.+\.xml$/.test(name) && name !== 'sitemap-index.xml')) {
    for (const [, loc] of readFileSync(path.join(siteDir, file), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)) listed.add(new URL(loc!).pathname);
  }
  return listed;
}

/** Why a failing audit is meant, or undefined when it is a defect (see {@link listedPaths}). */
function deliberate(auditId: string, listed: boolean): string | undefined {
  return auditId === 'is-crawlable' && !listed ? 'not in the sitemap, and asks not to be indexed: on purpose' : undefined;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** One Lighthouse run in a fresh Chromium. A run that fails to record the page (it happens on a loaded machine) is tried again. */
async function audit(url: string, tries = 3): Promise<Result> {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox'],
  });
  try {
    const runner = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] });
    if (!runner) throw new Error(`Lighthouse returned nothing for ${url}`);
    const error = runner.lhr.runtimeError;
    if (error && tries > 1) {
      console.log(`    (${error.code} on ${url}: trying again)`);
      return await audit(url, tries - 1);
    }
    if (error) throw new Error(`Lighthouse on ${url}: ${error.message}`);
    return runner.lhr;
  } finally {
    chrome.kill();
  }
}

/** What an audit found, in a few words: the first items of its table (console messages, elements, URLs). */
function findings(result: Result['audits'][string]): string {
  const details = result.details;
  if (!details || (details.type !== 'table' && details.type !== 'list')) return '';
  const items = (details.items as Record<string, unknown>[]).slice(0, 3).map((item) => {
    const node = (item.node ?? item.source) as { snippet?: string; url?: string } | undefined;
    const text = item.description ?? item.url ?? node?.snippet ?? node?.url ?? item.source;
    return typeof text === 'string' ? text.slice(0, 160) : JSON.stringify(text)?.slice(0, 160);
  });
  return items.filter(Boolean).map((text) => `\n        ${text}`).join('');
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '1' }, site: { type: 'string' } } });
const runs = Math.max(1, Number(values.runs));
const siteDir = path.resolve(values.site ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '../../dist'));
const pages = positionals.length ? positionals.map((page) => ({ kind: '', path: page.replace(/^\//, '') })) : defaultPages(siteDir);
const base = process.env.SITE_BASE ?? '/';
const listed = listedPaths(siteDir);
const host = await serveLikeStaticHost(siteDir, base);
let failed = false;
try {
  console.log(`Lighthouse (mobile, simulated throttling), ${siteDir} served at ${host.url}, median of ${runs} run${runs > 1 ? 's' : ''}`);
  console.log(`${'page'.padEnd(64)} ${categories.map((category) => categoryLabels[category].padStart(5)).join(' ')}   metrics`);
  for (const page of pages) {
    const results: Result[] = [];
    for (let run = 0; run < runs; run += 1) results.push(await audit(new URL(page.path, host.url).href));
    const scores = categories.map((category) => Math.round(100 * median(results.map((result) => result.categories[category]?.score ?? 0))));
    const byPerformance = [...results].sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
    const typical = byPerformance[Math.floor(byPerformance.length / 2)]!;
    const metric = (id: string) => typical.audits[id]?.displayValue ?? '?';
    const label = `${page.kind ? `${page.kind}: ` : ''}/${page.path}`;
    // Each run's Performance and Lighthouse's measure of the machine's speed (its "benchmark index"; a loaded machine
    // scores low, and its long tasks, multiplied by the simulated phone's slowdown, become blocking time).
    const perRun = runs > 1 ? `, runs ${results.map((result) => Math.round(100 * (result.categories.performance?.score ?? 0))).join('/')}` : '';
    const benchmark = `, benchmark ${Math.round(median(results.map((result) => result.environment.benchmarkIndex)))}`;
    console.log(`${label.padEnd(64)} ${scores.map((score) => String(score).padStart(5)).join(' ')}   FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}${perRun}${benchmark}`);
    // Every audit that cost a point in the run shown, whether it was meant or not.
    for (const [index, category] of categories.entries()) {
      if (scores[index] === 100) continue;
      for (const ref of typical.categories[category]?.auditRefs ?? []) {
        const result = typical.audits[ref.id];
        if (ref.weight === 0 || !result || result.score === null || result.score >= 1) continue;
        const reason = deliberate(ref.id, listed.has(new URL(page.path, `https://site${base}`).pathname));
        if (!reason && category !== 'performance') failed = true;
        console.log(`    ${categoryLabels[category]}: ${ref.id}${result.displayValue ? ` (${result.displayValue})` : ''}${reason ? `: ${reason}` : findings(result)}`);
      }
      if (category === 'performance') failed = true;
    }
  }
} finally {
  await host.close();
}
if (failed) {
  console.error('Below 100 for a reason that is not deliberate (see the lines under the scores).');
  process.exitCode = 1;
}
