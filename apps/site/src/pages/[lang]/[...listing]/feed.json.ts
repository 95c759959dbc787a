import type { APIRoute } from 'astro';
import { jsonFeed } from '@iom/content-model';
import { feedPaths, feedView } from '../../../lib/page-registry.ts';
import { getSiteData } from '../../../lib/site-data.ts';

export async function getStaticPaths() {
  return feedPaths(await getSiteData(), 'json', import.meta.env.SITE ? new URL(import.meta.env.SITE) : undefined);
}

/** JSON Feed 1.1 of a listing. */
export const GET: APIRoute = async ({ params, props, site }) => {
  const data = await getSiteData();
  const feed = jsonFeed(feedView(data, data.listingsById.get(`${params.lang}:${(props as { id: string }).id}`)!, site));
  return new Response(`${JSON.stringify(feed, null, 2)}\n`, { headers: { 'content-type': 'application/feed+json; charset=utf-8' } });
};
