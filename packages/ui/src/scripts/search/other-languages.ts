/**
 * "No results in French. Results in other languages: English (2) …": searching the other languages' indexes when the
 * page's own language has nothing. Loaded by the search page only when that happens (a separate chunk), and the
 * indexes it reads are fetched only then.
 *
 * Pagefind 1.6 searches one language per instance (the `<html lang>` of the page) and adds others with `mergeIndex`.
 * The page's main instance is kept to its own language, so that everyday searches fetch one index only; this module
 * makes a second instance and merges the other languages into it, each tagged with a `lang` filter so that results
 * can be counted and listed per language. Limits: merged indexes are searched with the page language's stemmer
 * (Pagefind loads one WebAssembly module per page), and Pagefind skips a merge whose path equals the main bundle's, so
 * the same bundle is merged under its absolute URL.
 */
import type { SearchConfig } from './search-config.ts';
import type { PagefindInstance, PagefindModule } from './pagefind-client.ts';
import { excerptLength } from './pagefind-client.ts';
import type { PagefindQuery } from './search-state.ts';
import { isRealMatch, languagesWithResults, toSearchHit, type LanguageGroup } from './search-results.ts';

let instance: Promise<PagefindInstance> | undefined;

async function createMergedInstance(pagefind: PagefindModule, config: SearchConfig): Promise<PagefindInstance> {
  const merged = pagefind.createInstance({ basePath: config.bundlePath, baseUrl: config.siteBase, excerptLength });
  await merged.init();
  const absoluteBundle = new URL(config.bundlePath, window.location.href).href;
  for (const language of config.languages) {
    if (language.code === config.lang) continue;
    await merged.mergeIndex(absoluteBundle, { language: language.lang.toLowerCase(), mergeFilter: { lang: language.code }, baseUrl: config.siteBase });
  }
  return merged;
}

/**
 * Searches the other languages for `query` (with the same filters) and returns, per language with results in
 * locale-table order, the number of matches and the first `perLanguage` hits. A language whose first hits only match
 * by Pagefind's longest-prefix fallback (see `isRealMatch`) is left out: with another language's stemmer, that
 * fallback is frequent.
 */
export async function searchOtherLanguages(pagefind: PagefindModule, config: SearchConfig, query: PagefindQuery, perLanguage: number): Promise<LanguageGroup[]> {
  instance ??= createMergedInstance(pagefind, config).catch((error: unknown) => {
    instance = undefined;
    throw error;
  });
  const merged = await instance;
  const all = await merged.search(query.term, query.options);
  if (!all) return [];
  const codes = config.languages.map((language) => language.code);
  const groups: LanguageGroup[] = [];
  for (const { lang, count } of languagesWithResults(all.filters.lang ?? {}, codes, config.lang)) {
    const response = await merged.search(query.term, { ...query.options, filters: { ...query.options.filters, lang } });
    const fragments = await Promise.all((response?.results ?? []).slice(0, perLanguage).map((result) => result.data()));
    const hits = fragments.map((fragment) => toSearchHit(fragment, config.siteBase, codes)).filter((hit) => query.term === null || isRealMatch(hit.excerpt, query.term));
    if (hits.length) groups.push({ lang, count, hits });
  }
  return groups;
}
