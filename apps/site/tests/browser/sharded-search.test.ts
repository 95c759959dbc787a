import path from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { searchShardsOf } from '@iom/ui/scripts/search/shard-names';
import { launchChromium } from '../support/browser.ts';
import { buildSite } from '../support/build-site.ts';
import { builtSiteDir, testOutputDir } from '../support/paths.ts';
import { serveStatic } from '../support/static-server.ts';

/**
 * The same content built twice: as the other tests build it (one run of months per language), and with a budget of
 * three releases per search shard, so that every language's index is split into several runs. In Chromium, the search
 * page must answer the same on both: same counts, same filter counts, same pages in the same date order.
 */
const shardedDir = path.join(testOutputDir, 'site-sharded');

/** What the search page shows for a search: the status line, the results (link and meta line), the type filter. */
async function answer(page: Page): Promise<{ status: string; results: string[]; typeOptions: string[] }> {
  await expect.poll(() => page.locator('#search-status').textContent()).not.toBe('');
  // The filter counts arrive after the results, once the filters are open (Pagefind loads its filter data then); a
  // search without words shows none.
  if (!(await page.locator('#search-filters').evaluate((details) => (details as HTMLDetailsElement).open))) await page.locator('#search-filters > summary').click();
  if (new URL(page.url()).searchParams.has('q')) await expect.poll(() => page.locator('#search-year option').nth(1).textContent()).toMatch(/\(\d+\)$/);
  const results = await page.locator('#search-list li.search-result').evaluateAll((items) =>
    items.map((item) => `${item.querySelector('a')!.getAttribute('href')} | ${item.querySelector('.search-result__meta')?.textContent ?? ''}`),
  );
  return {
    status: (await page.locator('#search-status').textContent()) ?? '',
    results,
    typeOptions: [...(await page.locator('#search-type option').allTextContents()), ...(await page.locator('#search-year option').allTextContents())],
  };
}

describe('a search index split into many shards answers like one index per language', () => {
  let browser: Browser;
  const servers: Awaited<ReturnType<typeof serveStatic>>[] = [];
  let single: string;
  let sharded: string;

  beforeAll(async () => {
    const built = buildSite(shardedDir, { SITE_SEARCH_SHARD_PAGES: '3' });
    if (built.status !== 0) throw new Error(`The sharded build failed:\n${built.output.slice(-3000)}`);
    for (const dir of [builtSiteDir, shardedDir]) servers.push(await serveStatic(dir));
    [single, sharded] = servers.map((server) => server.url) as [string, string];
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    for (const server of servers) await server.close();
  });

  const indexNames = (dir: string) => Object.keys((JSON.parse(readFileSync(path.join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: object }).languages);

  it('is really split: several runs of months in every language', () => {
    for (const lang of ['en', 'fr', 'es', 'ar']) {
      expect(searchShardsOf(indexNames(shardedDir), lang).dated.length, lang).toBeGreaterThan(1);
      expect(searchShardsOf(indexNames(builtSiteDir), lang).dated, lang).toHaveLength(1);
    }
  });

  const searches: [string, string][] = [
    ['en', '?q=migrants&sort=newest'],
    ['en', '?q=migrants&sort=oldest'],
    ['en', '?type=press-release&sort=newest'],
    ['fr', '?q=migrants&sort=newest'],
    ['es', '?sort=oldest&country=LY'],
    ['ar', '?q=المهاجرين&sort=newest'],
  ];
  for (const [lang, query] of searches) {
    it(`${lang} ${decodeURIComponent(query)}: same count, same filter counts, same pages in the same order`, async () => {
      const answers = [];
      for (const origin of [single, sharded]) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${origin}${lang}/search/${query}`);
        answers.push(await answer(page));
        await context.close();
      }
      expect(answers[0]!.results.length).toBeGreaterThan(0);
      expect(answers[1]).toEqual(answers[0]);
    });
  }

  it('by relevance: the same count and the same filter counts (the order may differ: each shard scores on its own)', async () => {
    const answers = [];
    for (const origin of [single, sharded]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${origin}en/search/?q=migrants`);
      answers.push(await answer(page));
      await context.close();
    }
    expect(answers[1]!.status).toBe(answers[0]!.status);
    expect(answers[1]!.typeOptions).toEqual(answers[0]!.typeOptions);
  });
});
