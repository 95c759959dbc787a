import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { listSitePages, parsePage } from './site-files.ts';

/** Something a search engine (or Lighthouse's SEO audit) would hold against a page of the built site. */
export interface SeoProblem {
  page: string;
  problem: string;
}

/**
 * Whether a language tag is well formed (BCP 47, as `Intl` reads it) and starts with a two- or three-letter language
 * code, as search engines and Lighthouse want (BCP 47 also allows registered 5-8 letter subtags such as `french`).
 */
function isLanguageTag(tag: string): boolean {
  try {
    return /^[a-z]{2,3}(-|$)/i.test(tag) && Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** The addresses a site's sitemaps list, from the sitemap index (`sitemap-index.xml`) at its root. */
function sitemapUrls(siteDir: string): Set<string> {
  const urls = new Set<string>();
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!.replace(/&amp;/g, '&'));
  const sitemaps = readdirSync(siteDir).filter((name) => /^sitemap-.+\.xml$/.test(name) && name !== 'sitemap-index.xml');
  for (const name of sitemaps) for (const url of locs(readFileSync(path.join(siteDir, name), 'utf8'))) urls.add(url);
  return urls;
}

/** The path prefixes robots.txt asks every crawler not to visit. */
function disallowed(siteDir: string): string[] {
  const file = path.join(siteDir, 'robots.txt');
  if (!existsSync(file)) return [];
  return [...readFileSync(file, 'utf8').matchAll(/^Disallow:\s*(\S+)/gim)].map((match) => match[1]!);
}

/**
 * Checks offline, on every HTML page of a built site, what Lighthouse's SEO audit and search engines read in the
 * head: a title, a description, a well-formed `<html lang>`, an icon (without one the browser asks for
 * /favicon.ico: a 404 and a console error), one absolute canonical address, hreflang alternates with well-formed
 * languages and absolute addresses that include the page's own language; that a page of a language asks not to be
 * indexed (`noindex`) exactly when its sitemap leaves it out; and that robots.txt does not forbid a listed page.
 *
 * @example
 * checkSeo('apps/site/dist', { base: '/', siteOrigin: 'https://www.iom.int' }) // [] when every page is in order
 */
export function checkSeo(siteFolder: string, options: { base: string; siteOrigin: string }): SeoProblem[] {
  const siteDir = path.resolve(siteFolder);
  const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
  const problems: SeoProblem[] = [];
  const listed = sitemapUrls(siteDir);
  const forbidden = disallowed(siteDir);
  for (const url of listed) {
    const rule = forbidden.find((prefix) => new URL(url).pathname.startsWith(prefix));
    if (rule) problems.push({ page: url, problem: `listed in a sitemap but robots.txt forbids it (Disallow: ${rule})` });
  }

  for (const page of listSitePages(siteDir)) {
    const root = parsePage(siteDir, page);
    const report = (problem: string) => problems.push({ page, problem });
    const pageUrl = new URL(`${base}${page.replace(/index\.html$/, '')}`, options.siteOrigin).href;

    const lang = root.querySelector('html')?.getAttribute('lang') ?? '';
    if (!isLanguageTag(lang)) report(`<html lang="${lang}">: not a language tag`);
    if (!root.querySelector('head > title')?.textContent.trim()) report('no <title>, or an empty one');
    const description = root.querySelectorAll('meta[name="description"]');
    if (description.length !== 1 || !description[0]!.getAttribute('content')?.trim()) report(`${description.length} <meta name="description"> with text (one wanted)`);
    if (!root.querySelector('link[rel~="icon"][href]')) report('no <link rel="icon">: the browser asks for /favicon.ico, which is not there');

    const canonical = root.querySelectorAll('link[rel="canonical"]');
    if (canonical.length > 1) report(`${canonical.length} canonical links`);
    for (const link of canonical) if (!URL.canParse(link.getAttribute('href') ?? '')) report(`canonical "${link.getAttribute('href')}" is not an absolute address`);

    const alternates = root.querySelectorAll('link[rel="alternate"][hreflang]');
    for (const link of alternates) {
      const hreflang = link.getAttribute('hreflang')!;
      if (hreflang !== 'x-default' && !isLanguageTag(hreflang)) report(`hreflang="${hreflang}": not a language tag`);
      if (!URL.canParse(link.getAttribute('href') ?? '')) report(`hreflang="${hreflang}" points at "${link.getAttribute('href')}", not an absolute address`);
    }
    if (alternates.length > 0 && !alternates.some((link) => link.getAttribute('hreflang') === lang)) {
      report(`hreflang alternates leave out the page's own language (${lang})`);
    }

    const noindex = root.querySelectorAll('meta[name="robots"]').some((meta) => /\b(noindex|none)\b/i.test(meta.getAttribute('content') ?? ''));
    const inSitemap = listed.has(pageUrl);
    if (noindex && inSitemap) report('asks not to be indexed (noindex) but a sitemap lists it');
    // The sitemaps are per language; the pages at the root (language choice, site-wide 404) belong to none.
    if (!noindex && !inSitemap && page.includes('/')) report('no sitemap lists it, yet it does not ask not to be indexed (noindex)');
  }
  return problems;
}
