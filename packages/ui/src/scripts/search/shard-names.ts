/**
 * How the shards of a language's search index are named, which the build writes and the search page reads:
 * `en` for the undated pages, `en-x-201001` (a private-use language tag naming the first month held) for a run of
 * releases. Pagefind stems every shard by its primary subtag, so all English shards are stemmed as English. (The
 * build's planner, packages/site-build/src/search-index/search-shards.ts, says how runs are cut.)
 */

/** The index name of a run of months starting with `fromMonth` (`yyyy-mm`). */
export function datedShardName(lang: string, fromMonth: string): string {
  return `${lang}-x-${fromMonth.replace('-', '')}`;
}

/**
 * A language's shards among a bundle's index names: the undated shard (if any), then the runs of months, newest first.
 *
 * @example
 * searchShardsOf(['en-x-201001', 'fr', 'en', 'en-x-201701'], 'en') // { undated: 'en', dated: ['en-x-201701', 'en-x-201001'] }
 */
export function searchShardsOf(indexNames: readonly string[], lang: string): { undated: string | undefined; dated: string[] } {
  const dated = indexNames.filter((name) => name.startsWith(`${lang}-x-`) && /^\d{6}$/.test(name.slice(lang.length + 3))).sort().reverse();
  return { undated: indexNames.includes(lang) ? lang : undefined, dated };
}
