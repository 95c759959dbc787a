import type { Locale, SitePage, TranslationState } from '@iom/content-model';
import { describe, expect, it } from 'vitest';
import { buildPageIndex, pageQueue, translatablePage } from '../../page-index.ts';

/** A section page version with what the index reads (the rest does not matter here). */
function version(key: string, lang: Locale, state: TranslationState, menu: { order: number; parent?: string }): SitePage {
  return { id: `${key}/${lang}`, key, lang, state, file: `content/pages/${key}/${lang}.mdx`, sourceLang: 'en', sourceFile: `content/pages/${key}/en.mdx`, title: key, menu } as unknown as SitePage;
}

// Listed out of the menu's order on purpose: the index puts them in it.
const pages = [
  version('partnerships', 'en', 'source', { order: 2, parent: 'our-work' }),
  version('our-work', 'en', 'source', { order: 2 }),
  version('our-work', 'ar', 'stale', { order: 2 }),
  version('what-we-do', 'en', 'source', { order: 1, parent: 'our-work' }),
  version('who-we-are', 'en', 'source', { order: 1 }),
  version('who-we-are', 'ar', 'current', { order: 1 }),
];
const index = buildPageIndex(pages, '/repo');

describe('the section pages of the queue', () => {
  it('are in the menu’s order: each top-level page, then the pages under it', () => {
    expect(index.entries.map((entry) => entry.id)).toEqual(['who-we-are', 'our-work', 'what-we-do', 'partnerships']);
  });

  it('list what is missing or out of date in a language, right to left included, with the counts', () => {
    const queue = pageQueue(index, 'ar');
    expect(queue.items.map((item) => [item.entry.id, item.state])).toEqual([
      ['our-work', 'stale'],
      ['what-we-do', 'missing'],
      ['partnerships', 'missing'],
    ]);
    expect(queue.counts).toEqual({ source: 0, current: 1, stale: 1, missing: 2 });
    expect(pageQueue(index, 'en').items).toEqual([]);
  });

  it('name a file only for a key read at start and a language other than the source', () => {
    expect(translatablePage(index, 'our-work', 'ar')?.file).toBe('/repo/content/pages/our-work/ar.mdx');
    expect(translatablePage(index, 'our-work', 'en')).toBeUndefined();
    expect(translatablePage(index, '../pages/our-work', 'ar')).toBeUndefined();
    expect(translatablePage(index, 'our-work', '../ar')).toBeUndefined();
  });
});
