import type { APIRoute } from 'astro';
import { sitemapXml, type Locale } from '@iom/content-model';
import { getSiteData, langPaths } from '../lib/site-data.ts';
import { pageInventory } from '../lib/page-inventory.ts';

export const getStaticPaths = langPaths;

/** The sitemap of one language, with hreflang alternates listing only real translations. */
export const GET: APIRoute = async ({ params, site }) => {
  const lang = params.lang as Locale;
  const data = await getSiteData();
  const absolute = (path: string) => data.absoluteUrl(path, site);
  const entries = pageInventory(data)
    .filter((page) => page.lang === lang && page.listed)
    .map((page) => ({
      loc: absolute(page.path),
      lastmod: page.lastmod,
      alternates: [...page.versions].map(([version, path]) => ({ lang: version, href: absolute(path) })),
    }));
  return new Response(sitemapXml(entries), { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
