/**
 * The site's search index (Pagefind), split into shards per language: see search-index/README.md.
 *
 * - The site build (build.ts) hands pages to a {@link SearchIndexBuilder} as Astro renders them.
 * - {@link indexSite} indexes a site folder that is already built (the mirror's language subsets).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { localeCodes } from '@iom/content-model';
import { planSearchShards, type DatedPage } from '@iom/content-model/search-shards';
import { htmlLang, pageDate } from './search-index/prepare-page.ts';
import { emptyBundleFolder, SearchIndexBuilder, type SearchIndexReport } from './search-index/search-index-builder.ts';

export { excludeSelectors, htmlLang, ignoreOtherLanguages, pageDate, prepareForIndex, searchCopy, splitPagefindAttributes, withIndexName } from './search-index/prepare-page.ts';
export { SearchIndexBuilder, emptyBundleFolder, writeSearchEntry, type SearchIndexReport, type SearchState } from './search-index/search-index-builder.ts';

async function htmlFiles(siteDir: string): Promise<string[]> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(siteDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !file.startsWith('pagefind/'))
    .sort();
}

/** The URL Pagefind gives a file of the site (`en/news/x/index.html` → `/en/news/x/`). */
const urlOf = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

/**
 * Indexes the built site in `siteDir` and writes the Pagefind bundle to `outputPath` (default `<siteDir>/pagefind`),
 * with the same shards as the site build (planned here from the pages' dates). Throws with Pagefind's messages if it
 * reports any error.
 */
export async function indexSite(siteDir: string, options: { outputPath?: string; shardPages?: number; indexers?: number } = {}): Promise<SearchIndexReport> {
  const outputPath = options.outputPath ?? path.join(siteDir, 'pagefind');
  const files = await htmlFiles(siteDir);
  const pages: { url: string; html: string }[] = [];
  const dated: DatedPage[] = [];
  for (const file of files) {
    const html = await readFile(path.join(siteDir, file), 'utf8');
    if (!html.includes('data-pagefind-body')) continue;
    pages.push({ url: urlOf(file), html });
    const date = pageDate(html);
    const lang = htmlLang(html);
    if (date && lang) dated.push({ lang, date });
  }
  const languages = [...new Set([...localeCodes, ...pages.map((page) => htmlLang(page.html) ?? 'unknown')])];
  const plan = planSearchShards(dated, languages, options.shardPages ?? (process.env.SITE_SEARCH_SHARD_PAGES ? Number(process.env.SITE_SEARCH_SHARD_PAGES) : undefined));
  await emptyBundleFolder(outputPath);
  const builder = new SearchIndexBuilder({ outputPath, plan, indexers: options.indexers ?? 2 });
  try {
    for (const page of pages.splice(0)) builder.addPage(page.url, page.html);
  } catch (error) {
    await builder.abort();
    throw error;
  }
  return (await builder.finish()).report;
}
