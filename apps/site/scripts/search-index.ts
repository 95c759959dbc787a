/**
 * The Pagefind step of the build: indexes the built pages of a site folder, one index per `<html lang>`, and writes
 * the bundle into `<site>/pagefind/`.
 *
 * Each page is read here and a copy written to a scratch folder that Pagefind indexes (with `addDirectory`, which
 * parses on all cores), so that these things happen to the copy Pagefind reads, never to the page itself:
 * - Arabic pages are normalized for search (`normalizeArabicHtml`, shared with the search page's query
 *   normalization; see packages/ui/src/scripts/search/README.md for what it fixes and why).
 * - `data-pagefind-filter` / `-meta` / `-sort` attributes that list several `key:value` pairs are rewritten into a
 *   form Pagefind reads (see {@link splitPagefindAttributes}).
 * - Passages in another language than the page's (the English summary of an untranslated release on the French home
 *   page) are left out of the page's index (see {@link ignoreOtherLanguages}).
 * Only pages that mark their content with `data-pagefind-body` are indexed; page chrome is outside it, and screen-reader
 * only text is excluded by selector.
 */
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { normalizeArabicHtml } from '@iom/ui/scripts/search/arabic-normalize';

/** What was indexed, per Pagefind language. */
export interface SearchIndexReport {
  pages: Record<string, number>;
  milliseconds: number;
}

/** Elements inside page bodies that are not content: text for screen readers only (its words are page chrome). */
export const excludeSelectors = ['.visually-hidden'];

const pairList = /^\s*[^\s:,[\]]+:/;

/**
 * Rewrites a Pagefind attribute that lists several `key:value` pairs into Pagefind's attribute-reference form.
 *
 * Why: Pagefind (1.6, `parse_attr_string` in pagefind/src/fossick/parser.rs) splits such an attribute at its first
 * colon only, so `data-pagefind-filter="kind:release, type:news"` gives one filter `kind` with the value
 * `release, type:news`. Several `key[attribute]` references before an optional single `key:value` are read, though, so
 * each pair becomes `key[data-pf-…]` with its value in an attribute of its own. A comma escaped as `\,` (see
 * content-model's `pagefindFilters`) is a comma of the value. Attributes with a single pair are left as they are.
 *
 * @example
 * splitPagefindAttributes('<article data-pagefind-filter="kind:release, country:LY, country:TN">')
 * // '<article data-pagefind-filter="kind[data-pf-filter-0], country[data-pf-filter-1], country[data-pf-filter-2]"
 * //   data-pf-filter-0="release" data-pf-filter-1="LY" data-pf-filter-2="TN">'
 */
export function splitPagefindAttributes(html: string): string {
  return html.replace(/ data-pagefind-(filter|meta|sort)="([^"]*)"/g, (whole, kind: string, value: string) => {
    const pairs = splitPairs(value);
    if (pairs.length < 2 || !pairs.every((pair) => pairList.test(pair))) return whole;
    const references = pairs.map((pair, index) => `${pair.slice(0, pair.indexOf(':')).trim()}[data-pf-${kind}-${index}]`);
    const values = pairs.map((pair, index) => ` data-pf-${kind}-${index}="${pair.slice(pair.indexOf(':') + 1).trim()}"`);
    return ` data-pagefind-${kind}="${references.join(', ')}"${values.join('')}`;
  });
}

function splitPairs(value: string): string[] {
  const pairs: string[] = [];
  let current = '';
  for (let index = 0; index < value.length; index++) {
    const character = value[index]!;
    if (character === '\\' && index + 1 < value.length) current += value[++index];
    else if (character === ',') {
      pairs.push(current);
      current = '';
    } else current += character;
  }
  pairs.push(current);
  return pairs;
}

/**
 * Marks every element whose `lang` differs from the page's with `data-pagefind-ignore`, so that a language's index
 * holds only text in that language: a French reader searching "drought" should be offered the English release in the
 * other languages' results, not the French home page that quotes its English summary.
 *
 * @example
 * ignoreOtherLanguages('<li lang="en"><p lang="fr">…</p></li>', 'fr') // '<li lang="en" data-pagefind-ignore><p lang="fr">…</p></li>'
 */
export function ignoreOtherLanguages(html: string, pageLang: string): string {
  const own = pageLang.toLowerCase().split('-')[0];
  return html.replace(/<(?!html\b)([a-z][a-z0-9-]*)(\s(?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/gi, (whole, tag: string, attributes: string, slash: string) => {
    const lang = /\slang="([^"]*)"/i.exec(attributes)?.[1];
    if (lang === undefined || lang.toLowerCase().split('-')[0] === own || attributes.includes('data-pagefind-ignore')) return whole;
    return `<${tag}${attributes} data-pagefind-ignore${slash}>`;
  });
}

/** The language Pagefind will file a page under: its `<html lang>`, lower case. */
export function htmlLang(html: string): string | undefined {
  return /<html\b[^>]*\slang="([^"]+)"/i.exec(html)?.[1]?.toLowerCase();
}

/** The copy of a page that Pagefind reads (see the module comment). */
export function prepareForIndex(html: string): string {
  const lang = htmlLang(html) ?? 'unknown';
  const prepared = ignoreOtherLanguages(splitPagefindAttributes(html), lang);
  return lang.split('-')[0] === 'ar' ? normalizeArabicHtml(prepared) : prepared;
}

async function htmlFiles(siteDir: string): Promise<string[]> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(siteDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !file.startsWith('pagefind/'))
    .sort();
}

/**
 * Indexes the site in `siteDir` and writes the Pagefind bundle to `outputPath` (default `<siteDir>/pagefind`).
 * Throws with Pagefind's messages if it reports any error.
 */
export async function indexSite(siteDir: string, outputPath = path.join(siteDir, 'pagefind')): Promise<SearchIndexReport> {
  const started = performance.now();
  const pages: Record<string, number> = {};
  // The prepared copies go to a scratch folder, one subfolder per language, that Pagefind reads with addDirectory:
  // the binary reads and parses a directory on all cores, while pages handed over one by one (addHTMLFile) are
  // parsed one at a time (5,000 releases: about 30 s that way, about 15 s this way).
  const scratch = await mkdtemp(path.join(tmpdir(), 'iom-pagefind-'));
  try {
    const files = await htmlFiles(siteDir);
    let next = 0;
    const copyWorker = async () => {
      while (next < files.length) {
        const file = files[next++]!;
        const html = await readFile(path.join(siteDir, file), 'utf8');
        // Pages without a marked body (listings, the search page itself) are not content.
        if (!html.includes('data-pagefind-body')) continue;
        const lang = htmlLang(html) ?? 'unknown';
        pages[lang] = (pages[lang] ?? 0) + 1;
        const target = path.join(scratch, 'pages', lang, file);
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, prepareForIndex(html));
      }
    };
    // A few files in flight at once, so that reading, preparing and writing overlap.
    await Promise.all(Array.from({ length: 8 }, copyWorker));

    // One Pagefind index per language, one after the other, each freed before the next: Pagefind holds a whole
    // index in memory, so the peak is that of the largest language rather than of all four together (20,000 pages:
    // 5 GiB at once). Each run writes its own bundle; the bundles are merged into one `pagefind/` folder with one
    // `pagefind-entry.json` listing every language, exactly what a single run would have written.
    const entry: { version?: string; languages: Record<string, unknown>; include_characters?: unknown } = { languages: {} };
    await rm(outputPath, { recursive: true, force: true });
    for (const lang of Object.keys(pages).sort()) {
      const { index, errors } = await pagefind.createIndex({ excludeSelectors });
      if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
      const added = await index.addDirectory({ path: path.join(scratch, 'pages', lang) });
      if (added.errors.length) throw new Error(`Pagefind (${lang}): ${added.errors.join('; ')}`);
      const bundle = path.join(scratch, 'bundles', lang);
      const written = await index.writeFiles({ outputPath: bundle });
      if (written.errors.length) throw new Error(`Pagefind (${lang}): ${written.errors.join('; ')}`);
      await index.deleteIndex();
      const part = JSON.parse(await readFile(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as typeof entry;
      entry.version = part.version;
      entry.include_characters = part.include_characters;
      Object.assign(entry.languages, part.languages);
      await rm(path.join(bundle, 'pagefind-entry.json'));
      // The shared files (pagefind.js, the worker, the UI bundles) are the same in every bundle.
      await cp(bundle, outputPath, { recursive: true, force: true });
    }
    // Pagefind also writes its ready-made UIs (about 430 kB). The search page uses the JS API only, so they would
    // only weigh on every deployment and every field office's mirror.
    for (const name of await readdir(outputPath)) {
      if (/^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/.test(name)) await rm(path.join(outputPath, name));
    }
    const sortedLanguages = Object.fromEntries(Object.entries(entry.languages).sort(([a], [b]) => a.localeCompare(b)));
    await mkdir(outputPath, { recursive: true });
    await writeFile(path.join(outputPath, 'pagefind-entry.json'), JSON.stringify({ version: entry.version, languages: sortedLanguages, include_characters: entry.include_characters }));
  } finally {
    await pagefind.close();
    await rm(scratch, { recursive: true, force: true });
  }
  return { pages, milliseconds: Math.round(performance.now() - started) };
}
