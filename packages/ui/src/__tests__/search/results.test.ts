import { describe, expect, it } from 'vitest';
import { excerptParts, isRealMatch, languageOfUrl, languagesWithResults, toSearchHit } from '../../scripts/search/search-results.ts';

describe('an excerpt from Pagefind', () => {
  it('becomes text and highlighted parts, with the escaped content characters decoded', () => {
    expect(excerptParts('rescue <mark>at</mark> sea &lt;3 &amp; <mark>more</mark>')).toEqual([
      { text: 'rescue ', mark: false },
      { text: 'at', mark: true },
      { text: ' sea <3 &amp; ', mark: false },
      { text: 'more', mark: true },
    ]);
  });

  it('never lets markup through as markup (the page renders text nodes only)', () => {
    const parts = excerptParts('&lt;img src=x onerror=alert(1)&gt; <mark>sea</mark>');
    expect(parts[0]).toEqual({ text: '<img src=x onerror=alert(1)> ', mark: false });
  });

  it('in Arabic, shows the conjunctions the index separated joined again, right to left text unchanged', () => {
    expect(excerptParts('المنظمة الدولية للهجرة و <mark>المفوضية</mark> تدرّبان')).toEqual([
      { text: 'المنظمة الدولية للهجرة و', mark: false },
      { text: 'المفوضية', mark: true },
      { text: ' تدرّبان', mark: false },
    ]);
  });
});

describe('a result that only matches by Pagefind’s longest-prefix fallback', () => {
  it('is not a real match', () => {
    expect(isRealMatch(excerptParts('République islamique <mark>d\').</mark>'), 'drought')).toBe(false);
    expect(isRealMatch(excerptParts('migrantes <mark>o</mark> refugiados'), 'overcrowded')).toBe(false);
    expect(isRealMatch(excerptParts('no highlight at all'), 'monsoon')).toBe(false);
  });

  it('differs from stemmed, accented, prefixed and Arabic matches, which are real', () => {
    expect(isRealMatch(excerptParts('the <mark>drought</mark> deepens'), 'drought')).toBe(true);
    expect(isRealMatch(excerptParts('<mark>trained</mark> officers'), 'training')).toBe(true);
    expect(isRealMatch(excerptParts('la <mark>Méditerranée</mark>'), 'mediterranee')).toBe(true);
    expect(isRealMatch(excerptParts('<mark>COVID-19</mark> response'), 'covid')).toBe(true);
    expect(isRealMatch(excerptParts('للهجرة و <mark>المفوضية</mark>'), 'المفوضية')).toBe(true);
    expect(isRealMatch(excerptParts('<mark>الأولية</mark>'), 'الاولية')).toBe(true);
    expect(isRealMatch(excerptParts('<mark>تدرّبان</mark>'), 'تدربان')).toBe(true);
  });

  it('is judged on any of several query terms', () => {
    expect(isRealMatch(excerptParts('<mark>o</mark> <mark>Libya</mark>'), 'overcrowded libya')).toBe(true);
  });
});

describe('the language of a result', () => {
  const codes = ['en', 'fr', 'es', 'ar'];

  it('is the first path segment after the base, also under a sub-path and for absolute or encoded URLs', () => {
    expect(languageOfUrl('/fr/news/x/', '/', codes)).toBe('fr');
    expect(languageOfUrl('/mirror/ar/news/%D8%A7/', '/mirror/', codes)).toBe('ar');
    expect(languageOfUrl('http://127.0.0.1:4321/mirror/en/', '/mirror/', codes)).toBe('en');
    expect(languageOfUrl('/mirror/about/', '/mirror', codes)).toBeUndefined();
  });

  it('comes with the hit built from a fragment, with the Arabic title restored', () => {
    const hit = toSearchHit(
      { url: '/mirror/ar/news/x/', excerpt: '<mark>المفوضية</mark>', meta: { title: 'المنظمة و المفوضية', date: '2016-09-02', type: 'press-release' }, filters: { kind: ['release'] } },
      '/mirror/',
      codes,
    );
    expect(hit).toEqual({ url: '/mirror/ar/news/x/', lang: 'ar', title: 'المنظمة والمفوضية', excerpt: [{ text: 'المفوضية', mark: true }], date: '2016-09-02', type: 'press-release', kind: 'release' });
  });

  it('falls back to the URL for a page without a title', () => {
    expect(toSearchHit({ url: '/en/x/', excerpt: '', meta: {}, filters: {} }, '/', codes).title).toBe('/en/x/');
  });
});

describe('results in other languages', () => {
  it('are listed by language in locale-table order, own language and empty ones left out', () => {
    expect(languagesWithResults({ es: 1, en: 2, ar: 0, fr: 4 }, ['en', 'fr', 'es', 'ar'], 'fr')).toEqual([
      { lang: 'en', count: 2 },
      { lang: 'es', count: 1 },
    ]);
    expect(languagesWithResults({ ar: 3 }, ['en', 'fr', 'es', 'ar'], 'en')).toEqual([{ lang: 'ar', count: 3 }]);
  });
});
