/**
 * How a language's search index is split into shards, so that no single Pagefind run holds a whole language:
 * Pagefind keeps every word position of an index in memory (about 330 KB per 1,000-word page, 2.8 GB for 8,400
 * English releases).
 *
 * - Dated pages (releases) go into **runs of consecutive months**, each holding at most `maxPages` pages (by default
 *   {@link defaultShardPages}). Runs are
 *   cut from the oldest month on, so that new releases (the current month) only ever change the newest run, and the
 *   search page can sort by date by reading the runs one after the other.
 * - Undated pages (country, region, home and section pages) go into one more shard of their own, named after the
 *   language: it is small, and can be indexed once every other page of the language is known.
 *
 * Each shard has a Pagefind index name of its own, which is how Pagefind tells indexes apart within one bundle; the
 * names are the search page's as much as the build's, so they are written in ui's `shard-names.ts`.
 */
import { datedShardName } from '@iom/ui/scripts/search/shard-names';

/** One shard of a language's search index. */
export interface SearchShard {
  /** Pagefind index name: `en` for undated pages, `en-x-201001` for a run of months. */
  name: string;
  lang: string;
  /** First month held, `yyyy-mm`; undefined for the undated shard. */
  fromMonth: string | undefined;
  /** Number of pages planned into it (dated shards; the undated shard's count is not known in advance: 0). */
  pages: number;
}

/** The shards of every language: the undated shard first, then the runs of months, newest first. */
export type SearchShardPlan = Record<string, SearchShard[]>;

/** A page the plan counts: its language and its date (`yyyy-mm-dd`). */
export interface DatedPage {
  lang: string;
  date: string;
}

/**
 * Most dated pages per shard by default, for a site whose largest language has `largest` dated pages: 700, and
 * 700 more for every 8,400 pages beyond the first, so that a language has about a dozen shards at most.
 *
 * Why these numbers (see the site README, "Scale"): a shard is what one Pagefind run holds in memory (about 0.37 MB a
 * page) and what an edit makes the next build index again (about 3 ms a page), so small is better; but a search
 * reads every shard of its language (one more small request each: 1,000 releases a shard instead of 700 saved an
 * English first search 36 KiB and 12 requests at 20,000 pages, and made an edit's rebuild 1.8 s longer). The budget
 * grows in steps, so shards are cut anew only when the site has grown by 8,400 pages in one language, not with
 * every release.
 *
 * @example
 * defaultShardPages(8_400)  // 700
 * defaultShardPages(33_000) // 2800
 */
export function defaultShardPages(largest: number): number {
  return 700 * Math.max(1, Math.ceil(largest / 8_400));
}

/**
 * Plans the shards of every language from its dated pages (releases): months in order, a new run starting whenever
 * the next month would take the current one above `maxPages` (a month larger than `maxPages` is a run of its own,
 * never split). Every language of `languages` gets its undated shard.
 *
 * @example
 * planSearchShards([{ lang: 'en', date: '2016-09-02' }, { lang: 'en', date: '2017-01-10' }], ['en'], 1).en.map((s) => s.name)
 * // ['en', 'en-x-201701', 'en-x-201609']
 */
export function planSearchShards(pages: readonly DatedPage[], languages: readonly string[], maxPagesAsked?: number): SearchShardPlan {
  const months = new Map<string, Map<string, number>>();
  const perLanguage = new Map<string, number>();
  for (const page of pages) {
    const month = monthOf(page.date);
    const counts = months.get(page.lang) ?? new Map<string, number>();
    counts.set(month, (counts.get(month) ?? 0) + 1);
    months.set(page.lang, counts);
    perLanguage.set(page.lang, (perLanguage.get(page.lang) ?? 0) + 1);
  }
  const maxPages = maxPagesAsked ?? defaultShardPages(Math.max(0, ...perLanguage.values()));
  if (!Number.isInteger(maxPages) || maxPages < 1) throw new Error(`The number of pages per search shard must be a whole number above 0 (got ${maxPages}).`);
  const plan: SearchShardPlan = {};
  for (const lang of [...new Set([...languages, ...months.keys()])].sort()) {
    const runs: { fromMonth: string; pages: number }[] = [];
    for (const [month, count] of [...(months.get(lang) ?? [])].sort(([a], [b]) => a.localeCompare(b))) {
      const current = runs.at(-1);
      if (current && current.pages + count <= maxPages) current.pages += count;
      else runs.push({ fromMonth: month, pages: count });
    }
    plan[lang] = [
      { name: lang, lang, fromMonth: undefined, pages: 0 },
      ...runs.reverse().map((run) => ({ name: datedShardName(lang, run.fromMonth), lang, fromMonth: run.fromMonth, pages: run.pages })),
    ];
  }
  return plan;
}

/**
 * The shard a page belongs to, by its language and date: undated pages, and dated pages of a language the plan
 * has no run for, go to the language's undated shard; a date older than every run goes to the oldest run.
 *
 * @example
 * shardFor(plan, 'en', '2016-09-02') // 'en-x-201609'
 * shardFor(plan, 'en', undefined)    // 'en'
 */
export function shardFor(plan: SearchShardPlan, lang: string, date: string | undefined): string {
  const runs = (plan[lang] ?? []).filter((shard) => shard.fromMonth !== undefined);
  if (date === undefined || runs.length === 0) return lang;
  const month = monthOf(date);
  return (runs.find((shard) => shard.fromMonth! <= month) ?? runs.at(-1)!).name;
}

function monthOf(date: string): string {
  if (!/^\d{4}-\d{2}/.test(date)) throw new Error(`Not a date: "${date}" (expected yyyy-mm-dd).`);
  return date.slice(0, 7);
}
