/**
 * Subset mirrors in small: choosing content (subset-content.ts) and taking references to left-out pages out of
 * the pages that stay (prune-languages.ts).
 */
import { describe, expect, it } from 'vitest';
import { parseSelection, planSubset, SubsetError, type CountryFacts, type ReleaseFacts } from '../../scripts/mirror/subset-content.ts';
import { pointsOutside, pruneJsonConfig, pruneLinks, pruneSitemapIndex, type PruneContext } from '../../scripts/mirror/prune-languages.ts';

describe('reading --lang and --country', () => {
  it('accepts codes in any case and order, keeping the locale table order', () => {
    expect(parseSelection('ar, EN', 'ly,tn,LY')).toEqual({ languages: ['en', 'ar'], countries: ['LY', 'TN'] });
    expect(parseSelection(undefined, undefined)).toEqual({});
  });

  it('says what is wrong, in words', () => {
    expect(() => parseSelection('de', undefined)).toThrow(SubsetError);
    expect(() => parseSelection('de,pt', undefined)).toThrow('"de", "pt" are not languages of the site (en, fr, es, ar)');
    expect(() => parseSelection(',', undefined)).toThrow('--lang names no language');
    expect(() => parseSelection(undefined, 'Libya')).toThrow('two-letter codes, for example --country LY,TN');
  });
});

describe('choosing content for countries', () => {
  const release = (key: string, lang: string, countries: string[], source = 'en'): ReleaseFacts => ({
    key,
    lang,
    file: `releases/2016/${key}/${lang}.mdx`,
    sourceFile: `releases/2016/${key}/${source}.mdx`,
    countries,
    dateline: { country: countries[0] },
  });
  const releases = [
    release('libya', 'en', ['LY']),
    release('libya', 'ar', ['LY']),
    release('libya', 'fr', ['LY']),
    release('med', 'en', ['TN', 'IT', 'LY']),
    release('comoros', 'fr', ['KM'], 'fr'),
    release('bangladesh', 'en', ['BD']),
  ];
  const countries: CountryFacts[] = [{ code: 'LY' }, { code: 'TN' }, { code: 'IT' }, { code: 'KM', coveredBy: 'MU' }, { code: 'MU' }, { code: 'BD' }];

  it('keeps the releases about a chosen country in every language, and the countries they name', () => {
    expect(planSubset({ releases, countries }, { languages: ['ar'], countries: ['LY'] })).toEqual({
      releaseFiles: ['releases/2016/libya/ar.mdx', 'releases/2016/libya/en.mdx', 'releases/2016/libya/fr.mdx', 'releases/2016/med/en.mdx'],
      countries: ['IT', 'LY', 'TN'],
      releaseCount: 2,
    });
  });

  it('adds the country that covers a chosen one', () => {
    expect(planSubset({ releases, countries }, { countries: ['KM'] })).toEqual({ releaseFiles: ['releases/2016/comoros/fr.mdx'], countries: ['KM', 'MU'], releaseCount: 1 });
  });

  it('keeps everything when no country is chosen', () => {
    expect(planSubset({ releases, countries }, { languages: ['en'] }).releaseCount).toBe(4);
    expect(planSubset({ releases, countries }, {}).countries).toEqual(['BD', 'IT', 'KM', 'LY', 'MU', 'TN']);
  });

  it('names a chosen country that has no record', () => {
    expect(() => planSubset({ releases, countries }, { countries: ['LY', 'ZZ'] })).toThrow('The content has no country ZZ (no folder content/countries/zz/)');
  });
});

describe('taking references to left-out pages out of a page', () => {
  const kept = new Set(['index.html', 'en/index.html', 'en/news/x/index.html', 'ar/index.html', 'ar/news/تدريب/index.html', 'ar/search/index.html', 'en/search/index.html', 'sitemap-en.xml']);
  const context = (lang = 'en', notInCopy = 'not in this copy of the site'): PruneContext => ({
    base: '/',
    siteOrigin: 'https://www.iom.int',
    isFile: (sitePath) => kept.has(sitePath),
    notInCopy,
    lang,
  });

  it('knows what is outside the copy, whether written root-relative or absolute', () => {
    expect(pointsOutside('/fr/news/y/', context())).toBe(true);
    expect(pointsOutside('https://www.iom.int/fr/', context())).toBe(true);
    expect(pointsOutside('/ar/news/تدريب/', context())).toBe(false);
    expect(pointsOutside('https://example.org/fr/', context())).toBe(false);
    expect(pointsOutside('mailto:a@iom.int', context())).toBe(false);
    expect(pointsOutside('#main', context())).toBe(false);
  });

  it('shows the language switcher’s left-out languages as unavailable, with a note in the page’s language', () => {
    const switcher =
      '<html lang="ar"><nav class="language-switcher"><ul><li><a href="/en/news/x/" hreflang="en" lang="en" dir="ltr">English</a></li>' +
      '<li><a href="/fr/news/y/" hreflang="fr" lang="fr" dir="ltr">Français</a></li></ul></nav>';
    const { html, changed } = pruneLinks(switcher, context('ar', 'غير موجودة في هذه النسخة من الموقع'));
    expect(changed).toBe(1);
    expect(html).toBe(
      '<html lang="ar"><nav class="language-switcher"><ul><li><a href="/en/news/x/" hreflang="en" lang="en" dir="ltr">English</a></li>' +
        '<li><span lang="fr" dir="ltr" class="mirror-left-out language-switcher__unavailable">Français</span>' +
        '<span class="visually-hidden" lang="ar"> — غير موجودة في هذه النسخة من الموقع</span></li></ul></nav>',
    );
  });

  it('keeps the content and classes of other links, and drops alternates to left-out pages', () => {
    const page =
      '<head><link rel="alternate" hreflang="en" href="https://www.iom.int/en/news/x/"><link rel="alternate" hreflang="fr" href="https://www.iom.int/fr/news/y/">' +
      '<link rel="alternate" type="application/rss+xml" href="/fr/news/feed.xml"></head>' +
      '<p><a class="card" href="/es/"><strong>Español</strong></a> and <a href="https://example.org/">elsewhere</a></p>';
    const { html, changed } = pruneLinks(page, context());
    expect(changed).toBe(3);
    expect(html).toBe(
      '<head><link rel="alternate" hreflang="en" href="https://www.iom.int/en/news/x/"></head>' +
        '<p><span class="card mirror-left-out"><strong>Español</strong></span><span class="visually-hidden" lang="en"> — not in this copy of the site</span> and <a href="https://example.org/">elsewhere</a></p>',
    );
  });

  it('drops left-out languages from the search configuration', () => {
    const config = '{"lang":"ar","bundlePath":"/pagefind/","siteBase":"/","languages":[{"code":"en","searchPath":"/en/search/"},{"code":"fr","searchPath":"/fr/search/"},{"code":"ar","searchPath":"/ar/search/"}]}';
    expect(JSON.parse(pruneJsonConfig(config, context())!)).toEqual({
      lang: 'ar',
      bundlePath: '/pagefind/',
      siteBase: '/',
      languages: [
        { code: 'en', searchPath: '/en/search/' },
        { code: 'ar', searchPath: '/ar/search/' },
      ],
    });
    expect(pruneJsonConfig('{"languages":[{"code":"en","searchPath":"/en/search/"}]}', context())).toBeUndefined();
  });

  it('drops left-out sitemaps from the sitemap index', () => {
    const index =
      '<sitemapindex><sitemap><loc>https://www.iom.int/sitemap-en.xml</loc></sitemap><sitemap><loc>https://www.iom.int/sitemap-fr.xml</loc></sitemap></sitemapindex>';
    expect(pruneSitemapIndex(index, context())).toBe('<sitemapindex><sitemap><loc>https://www.iom.int/sitemap-en.xml</loc></sitemap></sitemapindex>');
  });
});
