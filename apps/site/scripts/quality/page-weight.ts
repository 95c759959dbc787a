import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { listSitePages } from './site-files.ts';

/** What a page costs a reader on first visit (bytes as stored, and gzipped as most hosts send them). */
export interface PageWeight {
  page: string;
  html: number;
  htmlGzip: number;
  css: number;
  cssGzip: number;
  /** Script bytes the page loads itself (JSON-LD data blocks are not script). */
  js: number;
}

/** The budget every release page and every non-search page is held to. */
export const weightBudget = {
  /** Release page HTML, uncompressed. */
  releaseHtml: 60_000,
  /** All CSS a page links, uncompressed. */
  css: 20_000,
  /** Script on any page but the search page. */
  jsOutsideSearch: 0,
  /** Script the search page loads before Pagefind's own files. */
  searchJs: 30_000,
} as const;

const gzipSize = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

/** Sizes of the files pages share (stylesheets, scripts), measured once per site. */
type SharedSizes = Map<string, { size: number; gzip: number }>;

function sharedFileSize(sizes: SharedSizes, file: string, gzipped: boolean): { size: number; gzip: number } {
  let known = sizes.get(file);
  if (!known) {
    const bytes = gzipped ? readFileSync(file) : undefined;
    known = { size: bytes ? bytes.length : statSync(file).size, gzip: bytes ? gzipSize(bytes) : 0 };
    sizes.set(file, known);
  }
  return known;
}

/**
 * Measures one page of a built site. The page is parsed for this measurement only and not kept: a site of 80,000
 * pages must be measurable in a bounded heap. Shared files are measured once per `sizes` map.
 */
export function pageWeight(siteDir: string, page: string, base = '/', sizes: SharedSizes = new Map()): PageWeight {
  const htmlBytes = readFileSync(path.join(siteDir, page));
  const root = parse(htmlBytes.toString('utf8'));
  const local = (url: string) => path.join(siteDir, decodeURIComponent(url.startsWith(base) ? url.slice(base.length) : url));
  const css = root.querySelectorAll('link[rel="stylesheet"]').map((link) => sharedFileSize(sizes, local(link.getAttribute('href')!), true));
  const scripts = root.querySelectorAll('script').filter((script) => !['application/ld+json', 'application/json'].includes(script.getAttribute('type') ?? ''));
  const js = scripts.reduce((sum, script) => {
    const src = script.getAttribute('src');
    return sum + (src ? sharedFileSize(sizes, local(src), false).size : Buffer.byteLength(script.textContent));
  }, 0);
  return {
    page,
    html: htmlBytes.length,
    htmlGzip: gzipSize(htmlBytes),
    css: css.reduce((sum, file) => sum + file.size, 0),
    cssGzip: css.reduce((sum, file) => sum + file.gzip, 0),
    js,
  };
}

/** Measures every page and reports what goes over the budget. */
export function checkPageWeight(siteDir: string, base = '/'): { weights: PageWeight[]; overBudget: string[] } {
  const sizes: SharedSizes = new Map();
  const weights = listSitePages(siteDir).map((page) => pageWeight(siteDir, page, base, sizes));
  const overBudget: string[] = [];
  for (const weight of weights) {
    const isSearch = /^[a-z]{2}\/search\/index\.html$/.test(weight.page);
    const isRelease = /^[a-z]{2}\/news\/(?!page\/|archive\/)[^/]+\/index\.html$/.test(weight.page);
    if (isRelease && weight.html > weightBudget.releaseHtml) overBudget.push(`${weight.page}: HTML ${weight.html} bytes > ${weightBudget.releaseHtml}`);
    if (weight.css > weightBudget.css) overBudget.push(`${weight.page}: CSS ${weight.css} bytes > ${weightBudget.css}`);
    if (!isSearch && weight.js > weightBudget.jsOutsideSearch) overBudget.push(`${weight.page}: ${weight.js} bytes of JavaScript on a page that must have none`);
    if (isSearch && weight.js > weightBudget.searchJs) overBudget.push(`${weight.page}: search JavaScript ${weight.js} bytes > ${weightBudget.searchJs}`);
  }
  return { weights, overBudget };
}
