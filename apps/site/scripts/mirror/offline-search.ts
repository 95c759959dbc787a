/**
 * Search for a mirror opened from disk. Pagefind cannot run from `file://` (browsers refuse module scripts and
 * `fetch` for file: URLs), so the mirror carries, next to the Pagefind bundle:
 *
 * - `search-offline/<lang>.js`: the title, address, summary and date of every page Pagefind indexes in that language,
 *   as a script that stores them in a global (a `<script src>` loads from disk; `fetch` would not);
 * - `search-offline/search-offline.js` (browser/search-offline.js): on a page opened from disk, shows a notice saying
 *   how to get the full search and searches that index; over http(s), only fixes the search page's relative paths
 *   for Pagefind (see relocate.ts) and lets Pagefind run;
 * - on each search page, the notice and an empty results list (hidden until the script shows them), the strings in
 *   the page's language, and the script, loaded `defer` right before the search module so that it runs first.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, type HTMLElement } from 'node-html-parser';
import { isLocale, type Locale } from '@iom/content-model';
import { escapeAttribute, escapeText } from './html-tags.ts';
import type { MirrorStrings } from './mirror-strings.ts';
import { jsonForScript, listFiles, prefixToRoot } from './relocate.ts';

/** One page in the offline index. Short keys: the index of a large site is downloaded with the mirror. */
export interface OfflineEntry {
  /** Title: the page's `<h1>`. */
  t: string;
  /** Address from the site root, naming the file: `en/news/x/index.html`. */
  u: string;
  /** Summary: the page's description, else its first paragraph of some length, shortened. */
  s?: string;
  /** Publication date, `YYYY-MM-DD`, for news. */
  d?: string;
}

/** The folder, under the site root, that holds the offline index and script. */
export const offlineFolder = 'search-offline';
const summaryLength = 240;
const browserScript = fileURLToPath(new URL('./browser/search-offline.js', import.meta.url));

function text(element: HTMLElement | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function shorten(value: string, length: number): string {
  if (value.length <= length) return value;
  const cut = value.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/** An address from the site root, with the few characters that would change a URL's meaning escaped. */
function addressOf(file: string): string {
  return file.replace(/[%#?]/g, (character) => encodeURIComponent(character));
}

/**
 * The offline index entry of a built page, with the language it belongs to (its `<html lang>`, as Pagefind files
 * it), or undefined for pages Pagefind does not index (no `data-pagefind-body`).
 *
 * @example
 * offlineEntry('<html lang="en"><head><meta name="description" content="IOM trained…"></head><body><main data-pagefind-body>' +
 *   '<article data-pagefind-meta="date:2016-09-02, type:press-release"><h1>Train Libyan Partners</h1>…', 'en/news/x/index.html')
 * // { lang: 'en', entry: { t: 'Train Libyan Partners', u: 'en/news/x/index.html', s: 'IOM trained…', d: '2016-09-02' } }
 */
export function offlineEntry(html: string, file: string): { lang: string; entry: OfflineEntry } | undefined {
  if (!html.includes('data-pagefind-body')) return undefined;
  const root = parse(html);
  const body = root.querySelector('[data-pagefind-body]');
  if (!body) return undefined;
  const lang = (root.querySelector('html')?.getAttribute('lang') ?? '').toLowerCase().split('-')[0] ?? '';
  const title = text(body.querySelector('h1')) || text(root.querySelector('title'));
  if (!lang || !title) return undefined;
  const entry: OfflineEntry = { t: title, u: addressOf(file) };
  const description = root.querySelector('meta[name="description"]')?.getAttribute('content')?.trim();
  const paragraph = body
    .querySelectorAll('p')
    .filter((element) => !element.closest('[data-pagefind-ignore]'))
    .map(text)
    .find((value) => value.length >= 60);
  const summary = description || paragraph;
  if (summary) entry.s = shorten(summary, summaryLength);
  const meta = body.querySelector('[data-pagefind-meta]')?.getAttribute('data-pagefind-meta') ?? '';
  const date = /(?:^|,)\s*date:(\d{4}-\d{2}-\d{2})/.exec(meta)?.[1];
  if (date) entry.d = date;
  return { lang, entry };
}

/**
 * The text of `search-offline/<lang>.js`.
 *
 * @example
 * offlineIndexScript('en', [{ t: 'Libya', u: 'en/countries/libya/index.html' }])
 * // '(self.iomOfflineSearchIndex=self.iomOfflineSearchIndex||{})["en"]=[{"t":"Libya","u":"en/countries/libya/index.html"}];\n'
 */
export function offlineIndexScript(lang: string, entries: readonly OfflineEntry[]): string {
  return `(self.iomOfflineSearchIndex=self.iomOfflineSearchIndex||{})[${JSON.stringify(lang)}]=${JSON.stringify(entries)};\n`;
}

/** What {@link addOfflineSearch} needs besides the page. */
export interface OfflineSearchPageOptions {
  /** The search page, as a path from the site root: `en/search/index.html`. */
  from: string;
  lang: Locale;
  strings: MirrorStrings[Locale];
}

/** The command the notice tells readers to run in the mirror's folder. */
export const serveCommand = 'node mirror-tool/cli.js serve .';

/**
 * Adds the offline search to a search page: the notice and results list (hidden) after the page's search form, their
 * configuration, and the script right before the search module (or before `</body>`). Returns the page unchanged when
 * it already has them.
 *
 * @example
 * addOfflineSearch(searchPageHtml, { from: 'ar/search/index.html', lang: 'ar', strings: strings.ar })
 */
export function addOfflineSearch(html: string, options: OfflineSearchPageOptions): string {
  if (html.includes('id="mirror-offline-search"')) return html;
  const root = prefixToRoot(options.from);
  const { strings } = options;
  const command = `<code dir="ltr">${escapeText(serveCommand)}</code>`;
  const notice = escapeText(strings['mirror.offlineSearch.notice']).replace('{command}', command);
  const panel =
    `<div id="mirror-offline-search" class="mirror-offline-search" hidden>` +
    `<div class="c-callout c-callout--warning"><p>${notice}</p><p>${escapeText(strings['mirror.offlineSearch.scope'])}</p></div>` +
    `<section aria-labelledby="mirror-offline-heading"><h2 id="mirror-offline-heading" hidden>${escapeText(strings['mirror.offlineSearch.heading'])}</h2>` +
    `<p id="mirror-offline-status" role="status"></p><ol id="mirror-offline-results" class="release-list"></ol></section></div>`;
  const config = {
    lang: options.lang,
    root,
    index: `${root}${offlineFolder}/${options.lang}.js`,
    strings: {
      resultCount: strings['mirror.offlineSearch.resultCount'],
      noResults: strings['mirror.offlineSearch.noResults'],
      unavailable: strings['mirror.offlineSearch.unavailable'],
    },
  };
  const script =
    `<script type="application/json" id="mirror-offline-config">${jsonForScript(config)}</script>` +
    `<script defer src="${escapeAttribute(`${root}${offlineFolder}/search-offline.js`)}"></script>`;

  let result = html;
  const main = result.search(/<main\b/);
  const formEnd = main === -1 ? -1 : result.indexOf('</form>', main);
  const mainEnd = result.indexOf('</main>');
  if (formEnd !== -1 && (mainEnd === -1 || formEnd < mainEnd)) {
    const at = formEnd + '</form>'.length;
    result = result.slice(0, at) + panel + result.slice(at);
  } else if (mainEnd !== -1) {
    result = result.slice(0, mainEnd) + panel + result.slice(mainEnd);
  } else {
    result = result.replace(/<\/body>/i, `${panel}</body>`);
  }
  const module = result.search(/<script\b[^>]*\btype="module"/);
  if (module !== -1) return result.slice(0, module) + script + result.slice(module);
  return result.replace(/<\/body>/i, `${script}</body>`);
}

/** What {@link writeOfflineSearch} made. */
export interface OfflineSearchReport {
  /** Entries per language. */
  entries: Record<string, number>;
  /** Search pages that got the offline search. */
  searchPages: number;
}

/**
 * Writes the offline index and script into a built site and adds the offline search to its search pages (the pages
 * holding `id="search-config"`).
 *
 * @example
 * await writeOfflineSearch('/tmp/mirror-site', await readMirrorStrings('content')) // { entries: { en: 207, … }, searchPages: 4 }
 */
export async function writeOfflineSearch(siteDir: string, strings: MirrorStrings): Promise<OfflineSearchReport> {
  const pages = (await listFiles(siteDir)).filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/') && !file.startsWith(`${offlineFolder}/`));
  const byLang = new Map<string, OfflineEntry[]>();
  const searchPages: { file: string; html: string; lang: Locale }[] = [];
  for (const file of pages) {
    const html = await readFile(path.join(siteDir, file), 'utf8');
    const found = offlineEntry(html, file);
    if (found) {
      const list = byLang.get(found.lang) ?? [];
      list.push(found.entry);
      byLang.set(found.lang, list);
    }
    if (html.includes('id="search-config"')) {
      const lang = file.split('/')[0];
      if (isLocale(lang)) searchPages.push({ file, html, lang });
    }
  }
  await mkdir(path.join(siteDir, offlineFolder), { recursive: true });
  const entries: Record<string, number> = {};
  const languages = new Set<string>([...byLang.keys(), ...searchPages.map((page) => page.lang)]);
  for (const lang of [...languages].sort()) {
    const list = byLang.get(lang) ?? [];
    entries[lang] = list.length;
    await writeFile(path.join(siteDir, offlineFolder, `${lang}.js`), offlineIndexScript(lang, list));
  }
  await copyFile(browserScript, path.join(siteDir, offlineFolder, 'search-offline.js'));
  for (const page of searchPages) {
    const updated = addOfflineSearch(page.html, { from: page.file, lang: page.lang, strings: strings[page.lang] });
    if (updated !== page.html) await writeFile(path.join(siteDir, page.file), updated);
  }
  return { entries, searchPages: searchPages.length };
}
