import {
  countryName,
  countrySlug,
  createTranslate,
  localeCodes,
  menuFor,
  paths,
  withBase,
  type Locale,
  type MenuEntry,
  type MissingString,
  type OfficialNames,
  type PublishedOrganisationContacts,
  type UiStrings,
} from '@iom/content-model';
import { createPageContext, type PageContext } from '@iom/ui/page-context';
import { siteBase } from '../site-config.ts';
import { buildListings, type Listing } from './listings.ts';
import { createPageKeys, type PageKeys } from './page-keys.ts';
import { sharedSiteContent, type CountryEntry, type RenderedOverview, type RenderedRelease, type RenderedSitePage, type StoredSiteContent } from './stored-site-content.ts';
import { sitePagePath } from './site-pages.ts';

export { bodyHtml, type RenderedOverview, type RenderedRelease, type RenderedSitePage } from './stored-site-content.ts';

/** Everything the routes read, derived once per build from the one collection. */
export interface SiteData {
  releases: RenderedRelease[];
  countries: CountryEntry[];
  /** Country overviews, every language they are written in. */
  overviews: RenderedOverview[];
  /** Section pages of the menu, every language they are written in. */
  pages: RenderedSitePage[];
  /** Section pages by key: their language versions. */
  pagesByKey: Map<string, RenderedSitePage[]>;
  /** The main menu in each language, from the section pages. */
  menus: Record<Locale, MenuEntry[]>;
  themes: string[];
  strings: Record<Locale, UiStrings>;
  officialNames: OfficialNames;
  /** UI strings a language lacks (shown in English meanwhile). */
  missingStrings: MissingString[];
  /** The organisation's fallback contacts (confirmed values only). */
  organisationContacts: PublishedOrganisationContacts;
  /** How many contact values editors still have to confirm (they are not published). */
  unconfirmed: { values: number; records: number };
  /** Every language version of a release, by translation key. */
  releasesByKey: Map<string, RenderedRelease[]>;
  /** Country records by ISO code. */
  countriesByCode: Map<string, CountryEntry>;
  /** The URL slug of a country (the same in every language, from its English name). */
  countrySlug: (code: string) => string;
  countryName: (code: string, lang: Locale) => string;
  /** Path of a country's page, or undefined when the country has no page. */
  countryPath: (code: string, lang: Locale) => string | undefined;
  ctx: (lang: Locale) => PageContext;
  /**
   * The absolute URL of a site path (`/en/news/x/`) on `origin`, with the site's base: remembered, since sitemaps and
   * feeds ask for the same 50,000 URLs again and again and parsing each as a URL is what they spent their time on.
   */
  absoluteUrl: (path: string, origin: URL | string | undefined) => string;
  /** Every listing (news, years, themes, countries' news) in every language. */
  listings: Listing[];
  /** Listings by `<lang>:<id>`. */
  listingsById: Map<string, Listing>;
  /** Keys of what pages show, for rendering only what changed (page-keys.ts). */
  keys: PageKeys;
}

function loadSiteData({ releases, countries, overviews, pages, meta }: StoredSiteContent): SiteData {
  const codes = new Set(countries.filter((country) => country.presence !== 'none').map((country) => country.code));
  const slugs = new Map(countries.map((country) => [country.code, countrySlug(country.code, meta.officialNames)]));
  const menus = Object.fromEntries(localeCodes.map((lang) => [lang, menuFor(pages, lang, sitePagePath)])) as Record<Locale, MenuEntry[]>;
  // By origin, then by path; a URL object is looked up as itself first (Astro hands a route's pages the same one), so
  // that it is not turned into text for each of 50,000 URLs.
  const absoluteUrls = new Map<string, Map<string, string>>();
  const byOriginObject = new WeakMap<URL, Map<string, string>>();
  const urlsOf = (origin: URL | string | undefined) => {
    let urls = typeof origin === 'object' ? byOriginObject.get(origin) : undefined;
    if (!urls) {
      const text = String(origin);
      urls = absoluteUrls.get(text) ?? new Map<string, string>();
      absoluteUrls.set(text, urls);
      if (typeof origin === 'object') byOriginObject.set(origin, urls);
    }
    return urls;
  };
  const contexts = new Map(localeCodes.map((lang) => [lang, createPageContext(lang, createTranslate(meta.strings[lang]), siteBase, meta.issues, menus[lang])]));
  const data: Omit<SiteData, 'listings' | 'listingsById' | 'keys'> = {
    releases,
    countries,
    overviews,
    pages,
    pagesByKey: Map.groupBy(pages, (page) => page.key),
    menus,
    themes: meta.themes,
    strings: meta.strings,
    officialNames: meta.officialNames,
    missingStrings: meta.missingStrings,
    organisationContacts: meta.organisationContacts,
    unconfirmed: meta.unconfirmed,
    releasesByKey: Map.groupBy(releases, (release) => release.key),
    countriesByCode: new Map(countries.map((country) => [country.code, country])),
    countrySlug: (code) => slugs.get(code) ?? code.toLowerCase(),
    countryName: (code, lang) => countryName(code, lang, meta.officialNames),
    countryPath: (code, lang) => (codes.has(code) ? paths.country(lang, slugs.get(code)!) : undefined),
    ctx: (lang) => contexts.get(lang)!,
    absoluteUrl: (path, origin) => {
      const urls = urlsOf(origin);
      let url = urls.get(path);
      if (url === undefined) {
        url = new URL(withBase(path, siteBase), origin).href;
        urls.set(path, url);
      }
      return url;
    },
  };
  // Listings and page keys are made when a route first asks: a release page in the preview needs neither.
  let listings: { all: Listing[]; byId: Map<string, Listing> } | undefined;
  const listed = () => {
    if (!listings) {
      const all = buildListings(data);
      listings = { all, byId: new Map(all.map((listing) => [`${listing.lang}:${listing.id}`, listing])) };
    }
    return listings;
  };
  let keys: PageKeys | undefined;
  return {
    ...data,
    get listings() {
      return listed().all;
    },
    get listingsById() {
      return listed().byId;
    },
    get keys() {
      return (keys ??= createPageKeys(data));
    },
  };
}

let cached: { digest: string; data: SiteData } | undefined;

/**
 * The site's data, computed once per version of the content: once per build, and in `astro dev` again after each
 * change the content loader shares (so an edit shows on the next request, and other requests cost nothing).
 */
export function getSiteData(): Promise<SiteData> {
  const shared = sharedSiteContent();
  if (!shared) return Promise.reject(new Error('The content loader shared no site content in this process; run the build again after fixing content errors.'));
  if (cached?.digest !== shared.digest) cached = { digest: shared.digest, data: loadSiteData(shared.content) };
  return Promise.resolve(cached.data);
}

/** `getStaticPaths` entries for one page per language. */
export const langPaths = () => localeCodes.map((lang) => ({ params: { lang } }));
