/**
 * Subset mirrors, second half: after the site is built from the filtered content (subset-content.ts), the languages
 * not chosen are removed from the output, and nothing that stays may point at them.
 *
 * Why prune after the build rather than build fewer languages: the site always builds every language of the locale
 * table (routes, language switcher, hreflang all derive from it), and a release in Arabic needs its English source
 * to exist for the build to accept it. So the build makes everything, and this step takes out the folders of the
 * languages left out, their sitemaps, and every reference to them:
 *
 * - a link (`<a href>`) to a page that is not in the output becomes a `<span>` with the same content, followed by a
 *   visually hidden "not in this copy of the site" in the page's language; a link that named a language
 *   (`hreflang`, as in the language switcher and "Also available in") gets the switcher's "unavailable" style;
 * - `<link rel="alternate">` to a page not in the output is removed (hreflang alternates name the public site, but a
 *   mirror that announces languages it does not hold misleads);
 * - the search page's configuration drops the languages whose search page is gone;
 * - `sitemap-index.xml` drops the sitemaps of removed languages.
 *
 * The rules work on what is in the output, not on language codes, so a page missing for any other reason is treated
 * the same way. Run it on the site as built (root-relative URLs), before relocate.ts.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { localeCodes, locales, type Locale } from '@iom/content-model';
import { attribute, editAttributes, escapeText, parseAttributes, rewriteTags } from './html-tags.ts';
import type { MirrorStrings } from './mirror-strings.ts';
import { fileOfSitePath, jsonForScript, listFiles, pathKey, splitSiteUrl } from './relocate.ts';

/** What {@link pruneLinks} needs to know. */
export interface PruneContext {
  /** The sub-path the site was built for. */
  base: string;
  /** The public origin written in absolute URLs (canonical, hreflang): `https://www.iom.int`. */
  siteOrigin: string;
  /** Whether a decoded path from the site root is a file of the (pruned) output. */
  isFile: (sitePath: string) => boolean;
  /** "not in this copy of the site", in the page's language. */
  notInCopy: string;
  /** The page's language (`<html lang>`), written on the note: on a multilingual page (the language choice) the
   * link may sit inside another language's card. */
  lang: string;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Whether a URL names a page of this site that is not in the output. URLs of other sites, and URLs that are not
 * pages of the site at all (`mailto:`, `#top`), are never "missing".
 *
 * @example
 * pointsOutside('/fr/news/', { base: '/', siteOrigin: 'https://www.iom.int', isFile: (p) => !p.startsWith('fr/') }) // true
 * pointsOutside('https://www.iom.int/en/', context) // false when en/index.html is in the output
 */
export function pointsOutside(url: string, context: Omit<PruneContext, 'notInCopy' | 'lang'>): boolean {
  let local = url;
  const origin = context.siteOrigin.replace(/\/+$/, '');
  if (url.startsWith(`${origin}/`)) local = url.slice(origin.length);
  const split = splitSiteUrl(local, context.base);
  if (!split) return false;
  return !context.isFile(safeDecode(fileOfSitePath(split.inside, context.isFile)));
}

/**
 * Takes out of one page every reference to a page not in the output (see the module comment). Returns the page and
 * how many references changed.
 *
 * @example
 * pruneLinks('<html lang="en">…<a href="/fr/" hreflang="fr" lang="fr">Français</a>…', { …, notInCopy: 'not in this copy of the site' })
 * // '…<span lang="fr" class="mirror-left-out language-switcher__unavailable">Français</span><span class="visually-hidden" lang="en"> — not in this copy of the site</span>…'
 */
export function pruneLinks(html: string, context: PruneContext): { html: string; changed: number } {
  let changed = 0;
  const outside = (url: string | undefined) => url !== undefined && pointsOutside(url, context);
  // Links first: an <a> and its content become a <span> (anchors do not nest, so the next </a> closes it).
  let result = html.replace(/<a\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/a\s*>/gi, (whole, attributes: string, content: string) => {
    const startTag = `<a${attributes}>`;
    const parsed = parseAttributes(attributes);
    const href = parsed.find((item) => item.name === 'href')?.value;
    const hreflang = parsed.find((item) => item.name === 'hreflang')?.value;
    if (!outside(href)) return whole;
    changed++;
    let hasClass = false;
    const span = editAttributes(startTag, (name, value) => {
      if (['href', 'hreflang', 'rel', 'target', 'download', 'type', 'aria-current', 'ping', 'referrerpolicy'].includes(name)) return null;
      if (name === 'class') {
        hasClass = true;
        return [value ?? '', 'mirror-left-out', hreflang ? 'language-switcher__unavailable' : ''].filter(Boolean).join(' ');
      }
      return undefined;
    }).replace(/^<a/i, '<span');
    const classes = ['mirror-left-out', hreflang ? 'language-switcher__unavailable' : ''].filter(Boolean).join(' ');
    const opened = hasClass ? span : span.replace(/>$/, ` class="${classes}">`);
    return `${opened}${content}</span><span class="visually-hidden" lang="${context.lang}"> — ${escapeText(context.notInCopy)}</span>`;
  });
  result = rewriteTags(result, (tag, written) => {
    if (tag.name === 'link' && /\balternate\b/i.test(attribute(tag, 'rel') ?? '') && outside(attribute(tag, 'href'))) {
      changed++;
      return '';
    }
    if (tag.name === 'script' && tag.body !== undefined && /^application\/json$/i.test(attribute(tag, 'type') ?? '')) {
      const pruned = pruneJsonConfig(tag.body, context);
      if (pruned === undefined) return undefined;
      changed++;
      return `${tag.startTag}${pruned}${written.slice(tag.startTag.length + tag.body.length)}`;
    }
    return undefined;
  });
  return { html: result, changed };
}

/**
 * Drops, from every array of a JSON configuration block, the objects that name a page not in the output under a
 * path key (the search page's `languages: [{ code, searchPath }]`). Undefined when nothing changed.
 *
 * @example
 * pruneJsonConfig('{"languages":[{"code":"en","searchPath":"/en/search/"},{"code":"fr","searchPath":"/fr/search/"}]}', context)
 * // '{"languages":[{"code":"en","searchPath":"/en/search/"}]}' when fr/ was pruned
 */
export function pruneJsonConfig(text: string, context: Omit<PruneContext, 'notInCopy' | 'lang'>): string | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  let changed = false;
  const namesMissingPage = (value: unknown) =>
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.entries(value).some(([key, item]) => pathKey.test(key) && typeof item === 'string' && item !== context.base && pointsOutside(item, context));
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      const kept = value.filter((item) => !namesMissingPage(item));
      if (kept.length !== value.length) changed = true;
      return kept.map(visit);
    }
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, visit(item)]));
    return value;
  };
  const result = visit(data);
  return changed ? jsonForScript(result) : undefined;
}

/**
 * Removes the `<sitemap>` entries of sitemaps that are not in the output from a sitemap index.
 *
 * @example
 * pruneSitemapIndex('<sitemapindex><sitemap><loc>https://www.iom.int/sitemap-fr.xml</loc></sitemap></sitemapindex>', context)
 * // '<sitemapindex></sitemapindex>' when sitemap-fr.xml was removed
 */
export function pruneSitemapIndex(xml: string, context: Omit<PruneContext, 'notInCopy' | 'lang'>): string {
  return xml.replace(/<sitemap>\s*<loc>([^<]+)<\/loc>[\s\S]*?<\/sitemap>/g, (whole, loc: string) => (pointsOutside(loc.trim(), context) ? '' : whole));
}

/** What {@link pruneLanguages} did. */
export interface PruneReport {
  removedLanguages: Locale[];
  removedFiles: number;
  pagesChanged: number;
  referencesChanged: number;
}

/**
 * Removes every language not in `keep` from a built site and every reference to what was removed (see the module
 * comment). The Pagefind bundle must be made again afterwards (the caller does it: see mirror-build.ts).
 *
 * @example
 * await pruneLanguages('/tmp/mirror-site', ['en', 'ar'], { base: '/', siteOrigin: 'https://www.iom.int', strings })
 */
export async function pruneLanguages(
  siteDir: string,
  keep: readonly Locale[],
  options: { base: string; siteOrigin: string; strings: MirrorStrings },
): Promise<PruneReport> {
  const removedLanguages = localeCodes.filter((code) => !keep.includes(code));
  const before = await listFiles(siteDir);
  const removedFile = (file: string) =>
    removedLanguages.some((code) => file.startsWith(`${code}/`) || file === `sitemap-${code}.xml`);
  for (const code of removedLanguages) {
    await rm(path.join(siteDir, code), { recursive: true, force: true });
    await rm(path.join(siteDir, `sitemap-${code}.xml`), { force: true });
  }
  const files = before.filter((file) => !removedFile(file));
  const known = new Set(files);
  const isFile = (sitePath: string) => known.has(sitePath);
  const report: PruneReport = { removedLanguages, removedFiles: before.length - files.length, pagesChanged: 0, referencesChanged: 0 };
  for (const file of files) {
    if (file.startsWith('pagefind/')) continue;
    const full = path.join(siteDir, file);
    if (file === 'sitemap-index.xml') {
      const xml = await readFile(full, 'utf8');
      const pruned = pruneSitemapIndex(xml, { base: options.base, siteOrigin: options.siteOrigin, isFile });
      if (pruned !== xml) await writeFile(full, pruned);
      continue;
    }
    if (!file.endsWith('.html')) continue;
    const html = await readFile(full, 'utf8');
    const lang = /<html\b[^>]*\slang="([^"]+)"/i.exec(html)?.[1]?.toLowerCase().split('-')[0];
    const pageLang: Locale = localeCodes.find((code) => code === lang) ?? 'en';
    const { html: pruned, changed } = pruneLinks(html, {
      base: options.base,
      siteOrigin: options.siteOrigin,
      isFile,
      notInCopy: options.strings[pageLang]['mirror.notInCopy'],
      lang: locales[pageLang].lang,
    });
    if (changed === 0) continue;
    await writeFile(full, pruned);
    report.pagesChanged++;
    report.referencesChanged += changed;
  }
  return report;
}
