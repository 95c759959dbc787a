import { describe, expect, it } from 'vitest';
import { searchShardsOf } from '@iom/ui/scripts/search/shard-names';
import { defaultShardPages, planSearchShards, shardFor, type DatedPage } from '../../search-index/search-shards.ts';

/** `count` pages of `lang` dated in `month` (yyyy-mm). */
const pages = (lang: string, month: string, count: number): DatedPage[] => Array.from({ length: count }, (_, day) => ({ lang, date: `${month}-${String((day % 28) + 1).padStart(2, '0')}` }));
const names = (plan: ReturnType<typeof planSearchShards>, lang: string) => plan[lang]!.map((shard) => `${shard.name}:${shard.pages}`);

describe('a small site', () => {
  it('has one run of months per language and the undated shard, named after the language, Arabic included', () => {
    const plan = planSearchShards([...pages('en', '2016-09', 3), ...pages('ar', '2016-09', 1), ...pages('en', '2019-02', 2)], ['en', 'fr', 'ar']);
    expect(names(plan, 'en')).toEqual(['en:0', 'en-x-201609:5']);
    expect(names(plan, 'ar')).toEqual(['ar:0', 'ar-x-201609:1']);
    // A language without releases still has its undated shard (home, country and section pages).
    expect(names(plan, 'fr')).toEqual(['fr:0']);
  });
});

describe('a language above the page budget', () => {
  const plan = planSearchShards([...pages('en', '2010-01', 4), ...pages('en', '2010-02', 4), ...pages('en', '2010-03', 3), ...pages('en', '2011-07', 12), ...pages('ar', '2012-05', 9)], ['en', 'ar'], 8);

  it('is cut into runs of whole months from the oldest on, newest first, a month above the budget alone', () => {
    expect(names(plan, 'en')).toEqual(['en:0', 'en-x-201107:12', 'en-x-201003:3', 'en-x-201001:8']);
    expect(names(plan, 'ar')).toEqual(['ar:0', 'ar-x-201205:9']);
  });

  it('files each page under the run of its month, undated pages and unknown languages under the language', () => {
    expect(shardFor(plan, 'en', '2010-02-28')).toBe('en-x-201001');
    expect(shardFor(plan, 'en', '2010-03-01')).toBe('en-x-201003');
    expect(shardFor(plan, 'en', '2011-06-30')).toBe('en-x-201003');
    expect(shardFor(plan, 'en', '2026-12-01')).toBe('en-x-201107');
    // Older than every run (a page the plan did not count): the oldest run.
    expect(shardFor(plan, 'en', '2009-12-31')).toBe('en-x-201001');
    expect(shardFor(plan, 'en', undefined)).toBe('en');
    expect(shardFor(plan, 'ar', '2012-05-10')).toBe('ar-x-201205');
    expect(shardFor(plan, 'es', '2012-05-10')).toBe('es');
  });

  it('keeps every older cut when releases are added to the newest month', () => {
    const grown = planSearchShards([...pages('en', '2010-01', 4), ...pages('en', '2010-02', 4), ...pages('en', '2010-03', 3), ...pages('en', '2011-07', 20)], ['en'], 8);
    expect(names(grown, 'en').slice(2)).toEqual(names(plan, 'en').slice(2));
  });
});

describe('the default budget', () => {
  it('is 700 releases a shard, and grows in steps of 700 for every 8,400 releases of the largest language', () => {
    expect(defaultShardPages(0)).toBe(700);
    expect(defaultShardPages(8_400)).toBe(700);
    expect(defaultShardPages(8_401)).toBe(1400);
    expect(defaultShardPages(33_000)).toBe(2800);
    // So a plan without a budget of its own cuts an 8,400-release language (Arabic here) into runs of 700 or less.
    const plan = planSearchShards(Array.from({ length: 8_400 }, (_, index) => ({ lang: 'ar', date: `${2010 + Math.floor(index / 500)}-0${(index % 9) + 1}-01` })), ['ar']);
    expect(plan.ar!.filter((shard) => shard.fromMonth).every((shard) => shard.pages <= 700)).toBe(true);
    expect(plan.ar!.length).toBeGreaterThan(9);
  });
});

describe('the shards of a bundle', () => {
  it('are read back from its index names, runs newest first', () => {
    expect(searchShardsOf(['fr', 'en-x-201001', 'en', 'ar-x-201609', 'en-x-201701', 'en-x-bogus'], 'en')).toEqual({ undated: 'en', dated: ['en-x-201701', 'en-x-201001'] });
    expect(searchShardsOf(['ar-x-201609'], 'ar')).toEqual({ undated: undefined, dated: ['ar-x-201609'] });
  });

  it('refuses a budget that is not a whole number above 0', () => {
    expect(() => planSearchShards([], ['en'], 0)).toThrow(/whole number above 0/);
  });
});
