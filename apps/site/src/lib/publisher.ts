import { paths, type Locale, type Publisher } from '@iom/content-model';
import type { SiteData } from './site-data.ts';

/** The organisation as publisher of every page, in the page's language. */
export function publisher(site: SiteData, lang: Locale, origin: URL | undefined): Publisher {
  const { t, href } = site.ctx(lang);
  return { name: t('site.name'), url: new URL(href(paths.home(lang)), origin).href, logo: new URL(href('/og-default.png'), origin).href };
}
