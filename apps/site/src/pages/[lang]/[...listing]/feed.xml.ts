import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { feedPaths, feedView } from '../../../lib/page-registry.ts';
import { getSiteData } from '../../../lib/site-data.ts';

export async function getStaticPaths() {
  return feedPaths(await getSiteData(), 'rss', import.meta.env.SITE ? new URL(import.meta.env.SITE) : undefined);
}

/** RSS 2.0 feed of a listing, written by @astrojs/rss. */
export const GET: APIRoute = async ({ params, props, site }) => {
  const data = await getSiteData();
  const feed = feedView(data, data.listingsById.get(`${params.lang}:${(props as { id: string }).id}`)!, site);
  return rss({
    title: feed.title,
    description: feed.description,
    site: feed.homePageUrl,
    customData: `<language>${feed.language}</language>`,
    items: feed.items.map((item) => ({
      title: item.title,
      link: item.url,
      pubDate: new Date(`${item.date}T00:00:00Z`),
      description: item.summary,
      categories: item.tags,
    })),
  });
};
