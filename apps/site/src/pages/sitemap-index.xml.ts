import type { APIRoute } from 'astro';
import { localeCodes, sitemapIndexXml } from '@iom/content-model';
import { getSiteData } from '../lib/site-data.ts';

/** The sitemap index: one sitemap per language. */
export const GET: APIRoute = async ({ site }) => {
  const data = await getSiteData();
  const absolute = (path: string) => new URL(data.ctx('en').href(path), site).href;
  return new Response(sitemapIndexXml(localeCodes.map((lang) => absolute(`/sitemap-${lang}.xml`))), {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  });
};
