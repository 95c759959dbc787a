import { paths, type Locale, type SitePage } from '@iom/content-model';

/**
 * Section pages whose text another route shows: "Where we work" is the countries page (its text above the map and
 * the list). The menu links them there, and the section route leaves them out.
 */
export const sitePageRoutes: Readonly<Record<string, (lang: Locale) => string>> = {
  'where-we-work': paths.countries,
};

/** Where a section page is, in a language: its own route, or the route that shows its text. */
export function sitePagePath(page: Pick<SitePage, 'key' | 'menu'>, lang: Locale): string {
  return sitePageRoutes[page.key]?.(lang) ?? paths.sitePage(lang, page.key, page.menu.parent);
}
