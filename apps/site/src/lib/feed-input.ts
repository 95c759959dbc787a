import { feedItemLimit, locales, paths, type FeedInput } from '@iom/content-model';
import type { Listing } from './listings.ts';
import type { SiteData } from './site-data.ts';
import { digest, renderChanged } from './page-keys.ts';

/** The feed of a listing: releases written in its language, newest first, at most `feedItemLimit`. */
export function feedInput(site: SiteData, listing: Listing, origin: URL | undefined): FeedInput {
  const { t, href } = site.ctx(listing.lang);
  const absolute = (path: string) => new URL(href(path), origin).href;
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

/** getStaticPaths for the feeds of one format: one per listing and language, rendered when its items changed. */
export function feedPaths(site: SiteData, format: 'rss' | 'json') {
  const { keys } = site;
  return renderChanged(
    `feed-${format}`,
    site.listings.map((listing) => ({
      entry: { params: { lang: listing.lang, listing: listing.firstPath.slice(`/${listing.lang}/`.length, -1) }, props: { id: listing.id } },
      file: paths.feed(listing.firstPath, format).slice(1),
      key: [keys.site(listing.lang), digest(listing.id, listing.title, listing.intro), keys.pages(listing.feedItems.slice(0, feedItemLimit))].join(':'),
    })),
  );
}
