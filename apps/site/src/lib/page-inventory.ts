import { localeCodes, pagePath, paginate, paths, regionIds, type Locale } from '@iom/content-model';
import type { SiteData } from './site-data.ts';
import { sitePageRoutes, sitePagePath } from './site-pages.ts';

/** A page of the site in one language, with the same page in the other languages where it exists. */
export interface InventoryPage {
  lang: Locale;
  path: string;
  /** Every language version, this one included. */
  versions: Map<Locale, string>;
  lastmod?: string | undefined;
  /**
   * Whether search engines should list it: in the sitemap, and without `noindex` (BaseLayout's `listed`). Not the
   * 404s or the translation dashboard. The search page is listed: its address is the same for every query (the
   * canonical link leaves the query out), and a page that asks not to be indexed fails Lighthouse's SEO audit.
   */
  listed: boolean;
}

/**
 * Every page the site writes, per language: the one list the sitemap and the "nothing lost" check read, so a route
 * added without an entry here is caught by the inventory test.
 */
export function pageInventory(site: SiteData): InventoryPage[] {
  // Each language's sitemap asks for it: made once per version of the site's data.
  let pages = inventories.get(site);
  if (!pages) {
    pages = collectInventory(site);
    inventories.set(site, pages);
  }
  return pages;
}

const inventories = new WeakMap<SiteData, InventoryPage[]>();

function collectInventory(site: SiteData): InventoryPage[] {
  const pages: InventoryPage[] = [];
  const everyLanguage = (pathFor: (lang: Locale) => string, listed = true) => {
    const versions = new Map(localeCodes.map((lang) => [lang, pathFor(lang)]));
    for (const lang of localeCodes) pages.push({ lang, path: pathFor(lang), versions, listed });
  };
  everyLanguage((lang) => paths.home(lang));
  everyLanguage((lang) => paths.archive(lang));
  everyLanguage((lang) => paths.countries(lang));
  // Section pages: every language has one; where it is not translated, the source, marked as such, which search
  // engines are not told about (not listed, and not an alternate of the real versions).
  for (const [key, versions] of site.pagesByKey) {
    if (sitePageRoutes[key]) continue;
    const translated = new Map(versions.map((version) => [version.lang, sitePagePath(version, version.lang)]));
    for (const lang of localeCodes) {
      const path = sitePagePath(versions[0]!, lang);
      pages.push({ lang, path, versions: translated.has(lang) ? translated : new Map([[lang, path]]), listed: translated.has(lang) });
    }
  }
  for (const region of regionIds) everyLanguage((lang) => paths.region(lang, region));
  for (const listing of site.listings) {
    for (const { page } of paginate(listing.items)) {
      const versions = new Map([...listing.versions].map(([lang, path]) => [lang, pagePath(path, page)]));
      pages.push({ lang: listing.lang, path: pagePath(listing.firstPath, page), versions, listed: true });
    }
  }
  for (const country of site.countries) {
    if (country.presence === 'none') continue;
    everyLanguage((lang) => site.countryPath(country.code, lang)!);
  }
  everyLanguage((lang) => paths.search(lang));
  everyLanguage((lang) => paths.dashboard(lang), false);
  everyLanguage((lang) => `/${lang}/404/`, false);
  for (const release of site.releases) {
    pages.push({
      lang: release.lang,
      path: release.path,
      versions: new Map(release.versions.map((version) => [version.lang, version.path])),
      lastmod: release.updated ?? release.date,
      listed: true,
    });
  }
  return pages;
}
