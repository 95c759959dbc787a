/**
 * The pages an update build renders only when they changed, and for each the view its route renders. A page's key
 * is a digest of its view (what the page shows), so a field a page starts to show is in its key without anyone
 * keeping the two in step: lists show releases as content-model's `listedItems` gives them and feeds show their
 * `FeedInput`, and keys are computed from exactly those.
 *
 * Routes take their `getStaticPaths` entries from here (`*Paths`) and render the view of the same name (`*View`).
 */
import { feedItemLimit, listedItems, listingFor, localeCodes, locales, pageDescription, pageOf, pagePath, paginate, paths, regionIds, type FeedInput, type Locale } from '@iom/content-model';
import type { Listing } from './listings.ts';
import { countryPageReleases } from './listings.ts';
import { digest, renderChanged } from '@iom/site-build';
import { bodyHtml, type RenderedRelease, type SiteData } from './site-data.ts';
import { sitePagePath, sitePageRoutes } from './site-pages.ts';

/** The related releases of a release page, as a listing in the page's language. */
const relatedOf = (site: SiteData, page: RenderedRelease) => listingFor(page.related.flatMap((key) => site.releasesByKey.get(key) ?? []), page.lang);

/** A release page: the release, and its related releases as a list shows them. */
export function releaseView(site: SiteData, page: RenderedRelease) {
  return { page, related: listedItems(relatedOf(site, page)) };
}

export function releasePaths(site: SiteData) {
  const { keys } = site;
  // By language, then oldest first: Astro renders them in this order, so each search shard (a run of months of one
  // language, see content-model's search-shards.ts) is complete early and indexed while the rest is rendered.
  const ordered = site.releases.toSorted((a, b) => (a.lang === b.lang ? a.date.localeCompare(b.date) : a.lang.localeCompare(b.lang)));
  return renderChanged(
    'release',
    ordered.map((page) => ({
      entry: { params: { lang: page.lang, slug: page.slug }, props: { key: page.key } },
      file: `${page.path.slice(1)}index.html`,
      // The release (every field, its body's place among them), its related releases as listed, and the bytes of
      // the photos it shows.
      key: () => [keys.site(page.lang), keys.release(page), keys.items(relatedOf(site, page)), keys.media([...(page.image ? [page.image.src.slice(1)] : []), ...(page.media ?? [])])].join(':'),
    })),
  );
}

/** One page of a listing: the listing's words and that page's items as a list shows them. */
export function listingView(site: SiteData, id: string, lang: Locale, number: number) {
  const listing: Listing = site.listingsById.get(`${lang}:${id}`)!;
  const page = pageOf(listing.items, number);
  return { listing, page: { ...page, items: listedItems(page.items) } };
}

export function listingPaths(site: SiteData) {
  const { keys } = site;
  return renderChanged(
    'listing',
    site.listings.flatMap((listing) =>
      paginate(listing.items).map((page) => {
        const path = pagePath(listing.firstPath, page.page);
        return {
          entry: {
            params: { lang: listing.lang, listing: path.slice(`/${listing.lang}/`.length, -1) },
            // Only identifiers cross from getStaticPaths to the page: Astro serializes props for every page, and a
            // listing with all its items, for every one of its pages, grows with the square of the site.
            props: { id: listing.id, page: page.page },
          },
          file: `${path.slice(1)}index.html`,
          key: () => [keys.site(listing.lang), digest(listing.id, listing.title, listing.intro, listing.description, page.page, page.pages, [...listing.versions]), keys.items(page.items)].join(':'),
        };
      }),
    ),
  );
}

/** The latest releases a country page shows (its news listing has them all). */
const latestOf = (site: SiteData, code: string, lang: Locale) => site.listingsById.get(`${lang}:country/${code}`)!.items.slice(0, countryPageReleases);

/** A country's page: its record, its overviews, and its latest releases as a list shows them. */
export function countryView(site: SiteData, code: string, lang: Locale) {
  return { country: site.countriesByCode.get(code)!, overviews: site.overviews.filter((overview) => overview.code === code), latest: listedItems(latestOf(site, code, lang)) };
}

export function countryPaths(site: SiteData) {
  const { keys } = site;
  return renderChanged(
    'country',
    site.countries
      .filter((country) => country.presence !== 'none')
      .flatMap((country) =>
        localeCodes.map((lang) => {
          const overviews = site.overviews.filter((overview) => overview.code === country.code);
          return {
            entry: { params: { lang, country: site.countrySlug(country.code) }, props: { code: country.code } },
            file: `${site.countryPath(country.code, lang)!.slice(1)}index.html`,
            // The site tables (every country record, the fallback contacts) are in keys.site; the page adds its
            // overviews, the photos they show and its latest releases as listed.
            key: () => [keys.site(lang), digest(overviews), keys.media(overviews.flatMap((overview) => overview.media ?? [])), keys.items(latestOf(site, country.code, lang))].join(':'),
          };
        }),
      ),
  );
}

/** The feed of a listing: releases written in its language, newest first, at most `feedItemLimit`. */
export function feedView(site: SiteData, listing: Listing, origin: URL | undefined): FeedInput {
  const { t } = site.ctx(listing.lang);
  const absolute = (path: string) => site.absoluteUrl(path, origin);
  return {
    title: `${listing.title} | ${t('site.name')}`,
    description: listing.intro ?? listing.title,
    language: locales[listing.lang].lang,
    homePageUrl: absolute(listing.firstPath),
    feedUrl: absolute(paths.feed(listing.firstPath, 'json')),
    items: listing.feedItems.slice(0, feedItemLimit).map((page) => ({
      id: absolute(page.path),
      url: absolute(page.path),
      title: page.title,
      summary: page.summary,
      date: page.date,
      updated: page.updated,
      tags: [t(`types.${page.type}`), ...page.themes.map((theme) => t(`themes.${theme}`))],
    })),
  };
}

const feedKeys = new WeakMap<Listing, string>();

/** The key of a listing's feeds: the RSS and the JSON feed show the same view, digested once for both. */
function feedKey(site: SiteData, listing: Listing, origin: URL | undefined): string {
  let key = feedKeys.get(listing);
  if (key === undefined) {
    key = digest(feedView(site, listing, origin));
    feedKeys.set(listing, key);
  }
  return key;
}

/** getStaticPaths for the feeds of one format: one per listing and language, rendered when what it says changed. */
export function feedPaths(site: SiteData, format: 'rss' | 'json', origin: URL | undefined) {
  return renderChanged(
    `feed-${format}`,
    site.listings.map((listing) => ({
      entry: { params: { lang: listing.lang, listing: listing.firstPath.slice(`/${listing.lang}/`.length, -1) }, props: { id: listing.id } },
      file: paths.feed(listing.firstPath, format).slice(1),
      key: () => feedKey(site, listing, origin),
    })),
  );
}

/**
 * A section page in a language: the version in that language, or else its source (the page then says it is not
 * translated yet), its text, what it says of itself to search engines, and its language versions. Undefined when
 * the content has no such page (a content folder without `pages/where-we-work/`).
 */
export function sitePageView(site: SiteData, key: string, lang: Locale) {
  const versions = site.pagesByKey.get(key);
  if (!versions) return undefined;
  const page = versions.find((version) => version.lang === lang) ?? versions.find((version) => version.state === 'source')!;
  const source = versions.find((version) => version.state === 'source');
  const html = bodyHtml(page);
  return {
    page,
    html,
    description: page.lang === lang ? (pageDescription(page.summary, html) ?? page.title) : page.title,
    sourcePath: source ? sitePagePath(source, source.lang) : undefined,
    // Every language has the page (a fallback where it is not translated); the language switcher offers those with
    // a version of their own.
    languages: localeCodes.map((other) => ({ lang: other, path: other === lang || versions.some((version) => version.lang === other) ? sitePagePath(page, other) : undefined })),
  };
}

/**
 * getStaticPaths of the section pages: every page in every language, top-level ones or those under another. A page
 * shows its language versions (its own or its source's text, the language switcher), the menu and the UI strings.
 */
export function sitePagePaths(site: SiteData, level: 'top' | 'under') {
  const { keys } = site;
  return renderChanged(
    level === 'top' ? 'section-page' : 'section-subpage',
    [...site.pagesByKey]
      .filter(([key, versions]) => !sitePageRoutes[key] && (level === 'top') === !versions[0]!.menu.parent)
      .flatMap(([key, versions]) =>
        localeCodes.map((lang) => ({
          entry: {
            params: level === 'top' ? { lang, section: key } : { lang, section: versions[0]!.menu.parent!, subpage: key },
            props: { key },
          },
          file: `${sitePagePath(versions[0]!, lang).slice(1)}index.html`,
          key: () => [keys.site(lang), digest(versions)].join(':'),
        })),
      ),
  );
}

/**
 * getStaticPaths of "Where we work" (the countries index): its words are the section page `where-we-work`, its map
 * and list come from the country records and names, which are in keys.site.
 */
export function countriesIndexPaths(site: SiteData) {
  const { keys } = site;
  const words = site.pagesByKey.get('where-we-work') ?? [];
  return renderChanged(
    'countries-index',
    localeCodes.map((lang) => ({ entry: { params: { lang } }, file: `${paths.countries(lang).slice(1)}index.html`, key: () => [keys.site(lang), digest(words)].join(':') })),
  );
}

/** getStaticPaths of the region pages: the region's office, map and countries, all from keys.site. */
export function regionPaths(site: SiteData) {
  const { keys } = site;
  return renderChanged(
    'region',
    regionIds.flatMap((region) => localeCodes.map((lang) => ({ entry: { params: { lang, region } }, file: `${paths.region(lang, region).slice(1)}index.html`, key: () => [keys.site(lang), region].join(':') }))),
  );
}
