import type { Locale } from './locales.ts';

/**
 * Every kind of page the site writes, and the path of each, relative to the site root. One place for URL shapes:
 * routes, links, hreflang, feeds and the sitemap all call these.
 */
export const paths = {
  /** `/en/` */
  home: (lang: Locale) => `/${lang}/`,
  /** `/en/news/` (further pages: `pagePath`) */
  news: (lang: Locale) => `/${lang}/news/`,
  /** `/en/news/archive/` (the list of years) */
  archive: (lang: Locale) => `/${lang}/news/archive/`,
  /** `/en/news/<slug>/` */
  release: (lang: Locale, slug: string) => `/${lang}/news/${slug}/`,
  /** `/en/news/archive/2016/` */
  year: (lang: Locale, year: number | string) => `/${lang}/news/archive/${year}/`,
  /** `/en/themes/<id>/` */
  theme: (lang: Locale, theme: string) => `/${lang}/themes/${theme}/`,
  /** `/en/countries/` (Where we work) */
  countries: (lang: Locale) => `/${lang}/countries/`,
  /** `/en/countries/<slug>/` */
  country: (lang: Locale, slug: string) => `/${lang}/countries/${slug}/`,
  /** `/en/regions/<id>/` */
  region: (lang: Locale, region: string) => `/${lang}/regions/${region}/`,
  /** `/en/news/feed.xml` and `feed.json` beside any listing: `feed(paths.theme('en', 'health'), 'json')` */
  feed: (listingPath: string, format: 'rss' | 'json') => `${listingPath}feed.${format === 'rss' ? 'xml' : 'json'}`,
  /** `/en/search/` */
  search: (lang: Locale) => `/${lang}/search/`,
  /** `/en/translations/` (translation dashboard) */
  dashboard: (lang: Locale) => `/${lang}/translations/`,
  /** A section page of the menu: `/en/who-we-are/`, `/en/our-work/what-we-do/` (a page under another). */
  sitePage: (lang: Locale, key: string, parent?: string) => `/${lang}/${parent ? `${parent}/` : ''}${key}/`,
} as const;

export type PageKind = keyof typeof paths;

/**
 * Prefixes a root-relative path with the site's base (for hosting under a sub-path such as `/mirror/`).
 *
 * @example
 * withBase('/en/news/', '/mirror/') // '/mirror/en/news/'
 * withBase('/en/news/', '/') // '/en/news/'
 */
export function withBase(path: string, base: string): string {
  const trimmed = base.replace(/\/+$/, '');
  return `${trimmed}${path.startsWith('/') ? path : `/${path}`}`;
}
