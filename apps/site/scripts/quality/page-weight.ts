import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { listSitePages, parsePage } from './site-files.ts';

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

/** Measures one page of a built site. */
export function pageWeight(siteDir: string, page: string, base = '/'): PageWeight {
  const root = parsePage(siteDir, page);
  const htmlBytes = readFileSync(path.join(siteDir, page));
  const local = (url: string) => path.join(siteDir, decodeURIComponent(url.startsWith(base) ? url.slice(base.length) : url));
  const cssFiles = root.querySelectorAll('link[rel="stylesheet"]').map((link) => readFileSync(local(link.getAttribute('href')!)));
  const scripts = root.querySelectorAll('script').filter((script) => !['application/ld+json', 'application/json'].includes(script.getAttribute('type') ?? ''));
  const js = scripts.reduce((sum, script) => sum + (script.getAttribute('src') ? statSync(local(script.getAttribute('src')!)).size : Buffer.byteLength(script.textContent)), 0);
  return {
    page,
    html: htmlBytes.length,
    htmlGzip: gzipSize(htmlBytes),
    css: cssFiles.reduce((sum, file) => sum + file.length, 0),
    cssGzip: cssFiles.reduce((sum, file) => sum + gzipSize(file), 0),
    js,
  };
}

/** Measures every page and reports what goes over the budget. */
export function checkPageWeight(siteDir: string, base = '/'): { weights: PageWeight[]; overBudget: string[] } {
  const weights = listSitePages(siteDir).map((page) => pageWeight(siteDir, page, base));
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
