import { describe, expect, it } from 'vitest';
import type { PagefindResponse, PagefindSearchOptions } from '../../scripts/search/pagefind-client.ts';
import { searchLanguage, shardFilter, type LanguageShards, type ShardSearch } from '../../scripts/search/sharded-index.ts';

/** A fake Pagefind: each shard holds results (id, score); a search kept to some shards answers from those only. */
function fakePagefind(held: Record<string, [string, number][]>): { search: ShardSearch; calls: string[][] } {
  const calls: string[][] = [];
  const search: ShardSearch = (_term, _options: PagefindSearchOptions, shards) => {
    calls.push([...shards]);
    const results = shards.flatMap((shard) => (held[shard] ?? []).map(([id, score]) => ({ id, score, data: () => Promise.reject(new Error('not loaded')) })));
    const counts = Object.fromEntries(shards.map((shard) => [shard, held[shard]?.length ?? 0]));
    return Promise.resolve({ results, unfilteredResultCount: results.length, filters: { type: { news: results.length }, [shardFilter]: counts }, totalFilters: { [shardFilter]: counts } } satisfies PagefindResponse);
  };
  return { search, calls };
}

const arabic: LanguageShards = { lang: 'ar', undated: 'ar', dated: ['ar-x-201701', 'ar-x-201001'] };
const held: Record<string, [string, number][]> = {
  ar: [['country-ly', 9]],
  'ar-x-201701': [['2018-b', 2], ['2017-a', 1]],
  'ar-x-201001': [['2012-b', 2], ['2010-a', 1]],
};

describe('one language read from its shards (Arabic here)', () => {
  it('searches every shard at once by relevance, and leaves the shard tag out of the counts', async () => {
    const { search, calls } = fakePagefind(held);
    const response = (await searchLanguage(search, arabic, 'مهاجرين', {}))!;
    expect(calls).toEqual([['ar', 'ar-x-201701', 'ar-x-201001']]);
    expect(response.results.map((result) => result.id)).toEqual(['country-ly', '2018-b', '2017-a', '2012-b', '2010-a']);
    expect(response.filters).toEqual({ type: { news: 5 } });
    expect(response.totalFilters).toEqual({});
  });

  it('newest first: the runs of months one after the other, each in its own order, undated pages left out but counted', async () => {
    const { search } = fakePagefind(held);
    const response = (await searchLanguage(search, arabic, null, { sort: { date: 'desc' } }))!;
    expect(response.results.map((result) => result.id)).toEqual(['2018-b', '2017-a', '2012-b', '2010-a']);
    expect(response.unfilteredResultCount).toBe(5);
  });

  it('oldest first: the runs the other way round (each shard already answers oldest first)', async () => {
    const { search } = fakePagefind({ ar: [], 'ar-x-201701': [['2017-a', 0], ['2018-b', -1]], 'ar-x-201001': [['2010-a', 0], ['2012-b', -1]] });
    const response = (await searchLanguage(search, arabic, null, { sort: { date: 'asc' } }))!;
    expect(response.results.map((result) => result.id)).toEqual(['2010-a', '2012-b', '2017-a', '2018-b']);
  });

  it('is null when Pagefind drops the search (a newer one started)', async () => {
    const dropped: ShardSearch = () => Promise.resolve(null);
    expect(await searchLanguage(dropped, arabic, 'x', { sort: { date: 'desc' } })).toBeNull();
  });
});
