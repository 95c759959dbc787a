import type { APIRoute } from 'astro';
import { localeCodes, paths } from '@iom/content-model';
import { getSiteData } from '../lib/site-data.ts';

/** robots.txt: everything may be crawled except the translation dashboards; points at the sitemap index. */
export const GET: APIRoute = async ({ site }) => {
  const data = await getSiteData();
  const href = data.ctx('en').href;
  const lines = ['User-agent: *', ...localeCodes.map((lang) => `Disallow: ${href(paths.dashboard(lang))}`), `Sitemap: ${new URL(href('/sitemap-index.xml'), site).href}`, ''];
  return new Response(lines.join('\n'), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
