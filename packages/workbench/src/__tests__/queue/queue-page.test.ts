import type { Locale, ReleasePage, TranslationState } from '@iom/content-model';
import { describe, expect, it } from 'vitest';
import { buildReleaseIndex, queuePage, translatableRelease } from '../../release-index.ts';

/** A release page with what the index reads (the rest of a page does not matter here). */
function page(year: number, index: number, lang: Locale, state: TranslationState, sourceLang: Locale = 'en'): ReleasePage {
  const key = `release-${String(index).padStart(5, '0')}`;
  const date = `${year}-01-${String((index % 28) + 1).padStart(2, '0')}`;
  return { key, lang, state, file: `content/releases/${year}/${key}/${lang}.mdx`, sourceLang, sourceFile: `content/releases/${year}/${key}/${sourceLang}.mdx`, title: `Release ${index}`, date, countries: [index % 2 === 0 ? 'LY' : 'TN'], themes: index % 7 === 0 ? ['health'] : [] } as unknown as ReleasePage;
}

/** 20,000 releases: every third one has an Arabic translation, every fifth an out-of-date one, the rest none. */
const pages = Array.from({ length: 20_000 }, (_, index) => {
  const year = 2000 + (index % 26);
  const versions = [page(year, index, 'en', 'source')];
  if (index % 5 === 0) versions.push(page(year, index, 'ar', 'stale'));
  else if (index % 3 === 0) versions.push(page(year, index, 'ar', 'current'));
  return versions;
}).flat();
const index = buildReleaseIndex(pages, '/repo');

describe('the queue of a language with 20,000 releases', () => {
  it('counts every state, as i18n:status does', () => {
    const queue = queuePage(index, 'ar', 1);
    expect(queue.counts).toEqual({ source: 0, current: 5333, stale: 4000, missing: 10_667 });
    expect(queue.pages).toBe(Math.ceil(14_667 / 50));
  });

  it('lists missing and out-of-date releases newest first, one page at a time', () => {
    const first = queuePage(index, 'ar', 1);
    expect(first.items).toHaveLength(50);
    const dates = first.items.map((item) => item.entry.source.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(first.items.every((item) => item.state === 'missing' || item.state === 'stale')).toBe(true);
    const last = queuePage(index, 'ar', 9999);
    expect(last.page).toBe(last.pages);
    expect(last.items.length).toBe(14_667 - 50 * (last.pages - 1));
    expect(queuePage(index, 'ar', Number.NaN).page).toBe(1);
  });

  it('narrows the list and the counts to a country and a theme', () => {
    const libya = queuePage(index, 'ar', 1, 50, { country: 'LY' });
    expect(libya.items.every((item) => item.entry.source.countries.includes('LY'))).toBe(true);
    expect(Object.values(libya.counts).reduce((sum, count) => sum + count, 0)).toBe(10_000);
    const health = queuePage(index, 'ar', 1, 50, { country: 'TN', theme: 'health' });
    expect(health.items.every((item) => item.entry.source.countries.includes('TN') && item.entry.source.themes.includes('health'))).toBe(true);
    // About Tunisia (odd numbers) and on health (multiples of 7): the odd multiples of 7 below 20,000.
    expect(Object.values(health.counts).reduce((sum, count) => sum + count, 0)).toBe(1429);
  });

  it('names releases by year and folder, and refuses a source language or an unknown one', () => {
    expect(translatableRelease(index, '2000/release-00000', 'ar')?.file).toBe('/repo/content/releases/2000/release-00000/ar.mdx');
    expect(translatableRelease(index, '2000/release-00000', 'en')).toBeUndefined();
    expect(translatableRelease(index, '2000/release-00000', 'de')).toBeUndefined();
    expect(translatableRelease(index, '2000/../2000/release-00000', 'ar')).toBeUndefined();
  });
});
