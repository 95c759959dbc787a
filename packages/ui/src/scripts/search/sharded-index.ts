/**
 * The site's search indexes, read from their shards: the site splits each language's Pagefind index into runs of
 * months, plus one index of the language's undated pages (shard-names.ts; the build's search-shards.ts in packages/site-build says why and how), all in
 * one bundle. This module opens the shards of the languages asked for as one Pagefind instance, and answers as one
 * index per language would:
 *
 * - by relevance: the language's shards at once, merged by score, as Pagefind merges indexes;
 * - by date: the language's runs of months one after the other (newest first, or oldest first), each in its own date
 *   order, which is the language's date order because runs do not overlap. Undated pages have no date and are left
 *   out, as one index leaves them out; they are still counted, as one index counts them.
 *
 * How: Pagefind 1.6 opens the index of the page's `<html lang>` first (its `createInstance` ignores any `language`
 * option) and adds others with `mergeIndex`, which does take one. Every shard is tagged with a `shard` filter
 * (`mergeFilter`), so that a search can be kept to one language's shards (`{ shard: { any: [...] } }`) or to one shard.
 * The page's own bundle is merged under its absolute URL, since Pagefind skips a merge whose path is its own. Merged
 * indexes share the first one's WebAssembly module: the page language's stemmer (see other-languages.ts).
 */
import { searchShardsOf } from './shard-names.ts';
import type { PagefindInstance, PagefindModule, PagefindResponse, PagefindResult, PagefindSearchOptions } from './pagefind-client.ts';

/** The filter every shard is tagged with, holding the shard's index name. */
export const shardFilter = 'shard';

/** One language's shards: the undated one (if any) and the runs of months, newest first. */
export interface LanguageShards {
  /** The language as Pagefind keys it: the pages' `<html lang>`, lower case. */
  lang: string;
  undated: string | undefined;
  dated: string[];
}

/** A Pagefind search restricted to one shard or to a set of them, and its answer. */
export type ShardSearch = (term: string | null, options: PagefindSearchOptions, shards: readonly string[]) => Promise<PagefindResponse | null>;

/** What the search page needs of the site's indexes. */
export interface ShardedIndex {
  /** The languages that have something indexed, with their shards. */
  languages: LanguageShards[];
  /** Searches one language, as one index of it would answer (see the module comment). */
  search(term: string | null, options: PagefindSearchOptions, lang: string): Promise<PagefindResponse | null>;
  /** Loads the filter data; only afterwards do search responses carry `filters` counts. */
  filters(): Promise<Record<string, Record<string, number>>>;
  destroy(): Promise<void>;
}

/** Filter counts without the shard tag, which is ours and not a facet of the pages. */
function withoutShardCounts(counts: Record<string, Record<string, number>>): Record<string, Record<string, number>> {
  return Object.fromEntries(Object.entries(counts).filter(([key]) => key !== shardFilter));
}

/**
 * Searches one language through `searchShards` (a Pagefind search kept to the given shards): one search by
 * relevance, or for a date order one per run of months (and one more for the counts), concatenated.
 *
 * @example
 * await searchLanguage(searchShards, { lang: 'en', undated: 'en', dated: ['en-x-201701', 'en-x-201001'] }, 'floods', { sort: { date: 'asc' } })
 * // the results of en-x-201001, then those of en-x-201701; counts over all three shards
 */
export async function searchLanguage(searchShards: ShardSearch, shards: LanguageShards, term: string | null, options: PagefindSearchOptions): Promise<PagefindResponse | null> {
  const all = [...(shards.undated ? [shards.undated] : []), ...shards.dated];
  const direction = options.sort?.date;
  const counted = await searchShards(term, options, all);
  if (!counted || !direction) return counted && { ...counted, filters: withoutShardCounts(counted.filters), totalFilters: withoutShardCounts(counted.totalFilters) };
  const runs = direction === 'asc' ? shards.dated.toReversed() : shards.dated;
  const answers = await Promise.all(runs.map((name) => searchShards(term, options, [name])));
  if (answers.some((answer) => answer === null)) return null;
  const results: PagefindResult[] = answers.flatMap((answer) => answer!.results);
  return { ...counted, results, filters: withoutShardCounts(counted.filters), totalFilters: withoutShardCounts(counted.totalFilters) };
}

/** The index names in a bundle's `pagefind-entry.json`. */
export async function bundleIndexNames(bundlePath: string): Promise<string[]> {
  const response = await fetch(`${bundlePath}pagefind-entry.json`);
  if (!response.ok) throw new Error(`The search index could not be loaded (${response.status}).`);
  const entry = (await response.json()) as { languages?: Record<string, unknown> };
  return Object.keys(entry.languages ?? {});
}

/**
 * Opens the shards of `langs` (as Pagefind keys languages: `<html lang>`, lower case) from the bundle at
 * `bundlePath`, whose index names are `names` (see {@link bundleIndexNames}).
 *
 * @example
 * const index = await openShardedIndex(pagefind, { bundlePath: '/pagefind/', baseUrl: '/', excerptLength: 24, names, pageLang: 'fr', langs: ['fr'] });
 * const response = await index.search('inondations', { sort: { date: 'desc' } }, 'fr');
 */
export async function openShardedIndex(
  pagefind: PagefindModule,
  options: { bundlePath: string; baseUrl: string; excerptLength: number; names: readonly string[]; pageLang: string; langs: readonly string[] },
): Promise<ShardedIndex> {
  const languages = options.langs
    .map((lang) => ({ lang, ...searchShardsOf(options.names, lang) }))
    .filter((shards) => shards.undated !== undefined || shards.dated.length > 0);
  // The index Pagefind opens first: the page language's own (the undated shard). It is tagged like the others, and
  // left out of every answer when it is not one of the languages asked for.
  const first = options.names.includes(options.pageLang) ? options.pageLang : '';
  const instance: PagefindInstance = pagefind.createInstance({ basePath: options.bundlePath, baseUrl: options.baseUrl, excerptLength: options.excerptLength, mergeFilter: { [shardFilter]: first } });
  await instance.init();
  const absoluteBundle = new URL(options.bundlePath, window.location.href).href;
  // All at once: each merge fetches its index's metadata, and a connection with high latency should wait once.
  const names = languages.flatMap((shards) => [...(shards.undated ? [shards.undated] : []), ...shards.dated]).filter((name) => name !== first);
  await Promise.all(names.map((name) => instance.mergeIndex(absoluteBundle, { language: name, mergeFilter: { [shardFilter]: name }, baseUrl: options.baseUrl })));
  const searchShards: ShardSearch = (term, searchOptions, shards) =>
    instance.search(term, { ...searchOptions, filters: { ...searchOptions.filters, [shardFilter]: shards.length === 1 ? shards[0]! : { any: [...shards] } } });
  return {
    languages,
    async search(term, searchOptions, lang) {
      const shards = languages.find((candidate) => candidate.lang === lang);
      return shards ? searchLanguage(searchShards, shards, term, searchOptions) : { results: [], unfilteredResultCount: 0, filters: {}, totalFilters: {} };
    },
    async filters() {
      return withoutShardCounts(await instance.filters());
    },
    destroy: () => instance.destroy(),
  };
}
