import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { readPage } from './html.ts';

/** The four languages of the site, in the order the tests visit them. */
export const sampleLanguages = ['en', 'fr', 'es', 'ar'] as const;
export type SampleLanguage = (typeof sampleLanguages)[number];

/** One page of the sample: what kind it is, in which language, and its path from the site root (with `/`s). */
export interface SamplePage {
  kind: string;
  lang: SampleLanguage | undefined;
  /** Site path without the base, e.g. `en/news/` or `404.html`; may hold a query (`en/search/?q=libya`). */
  path: string;
}

/** A word each language's search finds (the seed release is about Libya), for the search page with results. */
export const searchQueries: Record<SampleLanguage, string> = { en: 'libya', fr: 'libye', es: 'libia', ar: 'ليبيا' };

/** English paths of the releases the sample uses; the other languages come from their hreflang alternates. */
const seedRelease = 'en/news/iom-unhcr-train-libyan-partners-on-saving-lives-at-sea/';
/** A release with a photograph (the image, its srcset and its lazy loading are part of what is checked). */
const releaseWithImage = 'en/news/in-cox-s-bazar-volunteers-get-their-camps-ready-for-the-monsoon/';

/** The same release in every language, read from the English page's `<link rel="alternate" hreflang>`. */
function translationsOf(siteDir: string, englishPath: string): Map<string, string> {
  const page = readPage(siteDir, `${englishPath}index.html`);
  const found = new Map<string, string>();
  for (const link of page.querySelectorAll('link[rel="alternate"][hreflang]')) {
    const lang = link.getAttribute('hreflang')!;
    if (lang === 'x-default') continue;
    // The alternates are absolute on the configured SITE_URL; keep only the path, without the leading `/`.
    found.set(lang, decodeURIComponent(new URL(link.getAttribute('href')!).pathname).slice(1));
  }
  return found;
}

/**
 * A page of every kind in every language, found in the built site: home, news index, archive index and year,
 * a release (the seed) and a release with a photograph, country, section pages (top-level and under another),
 * Where we work and a region (both with the map), theme, search (empty and with a query),
 * the translation dashboard and the 404 page; plus the root language chooser and the root 404.
 * Throws when a page the sample expects is missing from the build, so the sample cannot shrink silently.
 */
export function samplePages(siteDir: string): SamplePage[] {
  const seed = translationsOf(siteDir, seedRelease);
  const withImage = translationsOf(siteDir, releaseWithImage);
  const pages: SamplePage[] = [
    { kind: 'language chooser', lang: undefined, path: '' },
    { kind: 'root 404', lang: undefined, path: '404.html' },
  ];
  for (const lang of sampleLanguages) {
    const release = seed.get(lang);
    const imageRelease = withImage.get(lang);
    if (!release || !imageRelease) throw new Error(`The sample releases have no ${lang} translation in ${siteDir}`);
    pages.push(
      { kind: 'home', lang, path: `${lang}/` },
      { kind: 'news index', lang, path: `${lang}/news/` },
      { kind: 'archive', lang, path: `${lang}/news/archive/` },
      { kind: 'archive year', lang, path: `${lang}/news/archive/2016/` },
      { kind: 'release', lang, path: release },
      { kind: 'release with image', lang, path: imageRelease },
      { kind: 'country', lang, path: `${lang}/countries/libya/` },
      { kind: 'section page', lang, path: `${lang}/who-we-are/` },
      { kind: 'section page under another, with the menu open', lang, path: `${lang}/our-work/what-we-do/` },
      { kind: 'where we work, with the map', lang, path: `${lang}/countries/` },
      { kind: 'region, with its map', lang, path: `${lang}/regions/middle-east-north-africa/` },
      { kind: 'theme', lang, path: `${lang}/themes/search-and-rescue/` },
      { kind: 'search', lang, path: `${lang}/search/` },
      { kind: 'search with query', lang, path: `${lang}/search/?q=${encodeURIComponent(searchQueries[lang])}` },
      { kind: 'translation dashboard', lang, path: `${lang}/translations/` },
      { kind: '404', lang, path: `${lang}/404/` },
    );
  }
  for (const page of pages) {
    const file = path.join(siteDir, page.path.replace(/\?.*$/, ''), page.path.endsWith('.html') ? '' : 'index.html');
    if (!existsSync(file)) throw new Error(`The sample expects ${page.path} (${page.kind}) but the build has no ${file}`);
  }
  return pages;
}

/**
 * Waits until a sample page has finished what it does after load: on the search page with a query, until the
 * script has searched and announced the result in the page's live status. Other pages are ready at load.
 */
export async function untilSettled(page: Page, sample: SamplePage): Promise<void> {
  if (sample.kind !== 'search with query') return;
  await page.waitForSelector('main [role="status"]:not(:empty)', { timeout: 15_000 });
}
