/**
 * "No results in French. Results in other languages: English (2) …": searching the other languages' indexes when the
 * page's own language has nothing. Loaded by the search page only when that happens (a separate chunk), and the
 * indexes it reads are fetched only then.
 *
 * The other languages' shards are opened together (sharded-index.ts), next to the page's own instance, so that
 * everyday searches keep fetching one language only. Limit: merged indexes are searched with the page language's
 * stemmer (Pagefind loads one WebAssembly module per instance), which is why hits that only match by Pagefind's
 * longest-prefix fallback are left out (see `isRealMatch`).
 */
import type { SearchConfig } from './search-config.ts';
import type { PagefindModule } from './pagefind-client.ts';
import { excerptLength } from './pagefind-client.ts';
import type { PagefindQuery } from './search-state.ts';
import { isRealMatch, languagesWithResults, toSearchHit, type LanguageGroup } from './search-results.ts';
import { openShardedIndex, type ShardedIndex } from './sharded-index.ts';

let opened: Promise<ShardedIndex> | undefined;

/**
 * Searches the other languages for `query` (with the same filters and order) and returns, per language with results
 * in locale-table order, the number of matches and the first `perLanguage` hits.
 */
export async function searchOtherLanguages(pagefind: PagefindModule, names: readonly string[], config: SearchConfig, query: PagefindQuery, perLanguage: number): Promise<LanguageGroup[]> {
  const indexLang = (code: string) => config.languages.find((language) => language.code === code)!.lang.toLowerCase();
  const others = config.languages.filter((language) => language.code !== config.lang).map((language) => language.code);
  opened ??= openShardedIndex(pagefind, { bundlePath: config.bundlePath, baseUrl: config.siteBase, excerptLength, names, pageLang: indexLang(config.lang), langs: others.map(indexLang) }).catch((error: unknown) => {
    opened = undefined;
    throw error;
  });
  const index = await opened;
  const responses = new Map(await Promise.all(others.map(async (code) => [code, await index.search(query.term, query.options, indexLang(code))] as const)));
  const counts = Object.fromEntries([...responses].map(([code, response]) => [code, response?.results.length ?? 0]));
  const codes = config.languages.map((language) => language.code);
  const groups: LanguageGroup[] = [];
  for (const { lang, count } of languagesWithResults(counts, codes, config.lang)) {
    const fragments = await Promise.all(responses.get(lang)!.results.slice(0, perLanguage).map((result) => result.data()));
    const hits = fragments.map((fragment) => toSearchHit(fragment, config.siteBase, codes)).filter((hit) => query.term === null || isRealMatch(hit.excerpt, query.term));
    if (hits.length) groups.push({ lang, count, hits });
  }
  return groups;
}
