/**
 * Indexing a site folder that is already built (the mirror's language subsets), with the same shards as the site
 * build, which hands pages to a `SearchIndexBuilder` as Astro renders them instead (README.md).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { localeCodes } from '@iom/content-model';
import { listFiles } from '@iom/files';
import { buildSettings } from '../protocol.ts';
import { htmlLang, pageDate } from './prepare-page.ts';
import { emptyBundleFolder, SearchIndexBuilder, type SearchIndexReport } from './search-index-builder.ts';
import { planSearchShards, type DatedPage } from './search-shards.ts';

export { ignoreOtherLanguages, prepareForIndex, searchCopy, splitPagefindAttributes } from './prepare-page.ts';

const htmlFiles = async (siteDir: string) => (await listFiles(siteDir, { extension: '.html', missing: 'throw' })).filter((file) => !file.startsWith('pagefind/'));

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
  const plan = planSearchShards(dated, languages, options.shardPages ?? (process.env[buildSettings.searchShardPages] ? Number(process.env[buildSettings.searchShardPages]) : undefined));
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
