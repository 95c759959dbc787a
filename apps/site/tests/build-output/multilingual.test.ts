import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPages, readPage } from '../support/html.ts';
import { builtSiteDir } from '../support/paths.ts';

const pages = listPages(builtSiteDir);
const siteOrigin = 'https://www.iom.int';

/** The file a root-relative or absolute site URL is written to. */
function fileFor(url: string): string {
  const pathname = decodeURIComponent(new URL(url, siteOrigin).pathname);
  return path.join(builtSiteDir, pathname, pathname.endsWith('/') ? 'index.html' : '');
}

describe('every language has the right lang and dir', () => {
  it('writes every /ar/ page as lang="ar" dir="rtl", and every other language left to right', () => {
    for (const lang of ['en', 'fr', 'es', 'ar']) {
      const inLang = pages.filter((page) => page.startsWith(`${lang}/`));
      expect(inLang.length, lang).toBeGreaterThan(10);
      for (const page of inLang) {
        const html = readPage(builtSiteDir, page).querySelector('html')!;
        expect(html.getAttribute('lang'), page).toBe(lang);
        expect(html.getAttribute('dir'), page).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      }
    }
  });
});

describe('links between languages lead to real translations only', () => {
  it('every hreflang alternate in <head> points at a page that exists, with x-default among them', () => {
    let checked = 0;
    for (const page of pages) {
      const links = readPage(builtSiteDir, page).querySelectorAll('link[rel="alternate"][hreflang]');
      for (const link of links) {
        expect(existsSync(fileFor(link.getAttribute('href')!)), `${page} → ${link.getAttribute('href')}`).toBe(true);
        checked += 1;
      }
      if (links.length) expect(links.some((link) => link.getAttribute('hreflang') === 'x-default'), page).toBe(true);
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('every language-switcher link leads to an existing page in that language; the others are marked unavailable', () => {
    for (const page of pages.filter((p) => /^(en|fr|es|ar)\//.test(p))) {
      const doc = readPage(builtSiteDir, page);
      const switcher = doc.querySelector('.language-switcher')!;
      expect(switcher, page).not.toBeNull();
      for (const link of switcher.querySelectorAll('a')) {
        const target = fileFor(link.getAttribute('href')!);
        expect(existsSync(target), `${page} → ${link.getAttribute('href')}`).toBe(true);
        const lang = readPage(builtSiteDir, path.relative(builtSiteDir, target)).querySelector('html')!.getAttribute('lang');
        expect(lang).toBe(link.getAttribute('hreflang'));
      }
      // Four languages: the current one, links, and unavailable ones; never a missing entry.
      expect(switcher.querySelectorAll('li')).toHaveLength(4);
    }
  });

  it('writes a release page only in the languages it is written in', () => {
    for (const page of pages.filter((p) => /^(en|fr|es|ar)\/news\/(?!page\/|archive\/)[^/]+\/index\.html$/.test(p))) {
      const doc = readPage(builtSiteDir, page);
      const title = doc.querySelector('h1')!.text;
      expect(title.length, page).toBeGreaterThan(0);
      const unavailable = doc.querySelectorAll('.language-switcher__unavailable').map((span) => span.getAttribute('lang'));
      const links = doc.querySelectorAll('.language-switcher a').map((a) => a.getAttribute('hreflang'));
      expect(new Set([...unavailable, ...links]).size).toBe(unavailable.length + links.length);
    }
  });

  it('lists in the sitemaps only pages that exist, with alternates that exist', () => {
    const index = readFileSync(path.join(builtSiteDir, 'sitemap-index.xml'), 'utf8');
    const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
    expect(sitemaps.map((url) => new URL(url).pathname)).toEqual(['/sitemap-en.xml', '/sitemap-fr.xml', '/sitemap-es.xml', '/sitemap-ar.xml']);
    for (const sitemap of sitemaps) {
      const xml = readFileSync(path.join(builtSiteDir, new URL(sitemap).pathname), 'utf8');
      const urls = [...xml.matchAll(/(?:<loc>|href=")([^<"]+)/g)].map((match) => match[1]!.replace(/&amp;/g, '&'));
      expect(urls.length).toBeGreaterThan(10);
      for (const url of urls) expect(existsSync(fileFor(url)), `${sitemap}: ${url}`).toBe(true);
    }
    expect(readFileSync(path.join(builtSiteDir, 'robots.txt'), 'utf8')).toContain('Sitemap: https://www.iom.int/sitemap-index.xml');
  });
});

describe('pages every visitor may land on', () => {
  it('has a root page with a plain link to each language and no script', () => {
    const root = readPage(builtSiteDir, 'index.html');
    expect(root.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual(['/en/', '/fr/', '/es/', '/ar/']);
    expect(root.querySelectorAll('script')).toHaveLength(0);
  });

  it('has a 404 page per language and a site-wide one', () => {
    for (const lang of ['en', 'fr', 'es', 'ar']) expect(readPage(builtSiteDir, `${lang}/404/index.html`).querySelector('h1')).not.toBeNull();
    expect(readPage(builtSiteDir, '404.html').querySelectorAll('[lang] h1')).toHaveLength(4);
  });

  it('formats the seed date per language, with Arabic month names', () => {
    const arabic = pages.find((page) => page.startsWith('ar/news/') && readPage(builtSiteDir, page).querySelector('time.dt-published')?.getAttribute('datetime') === '2016-09-02');
    expect(arabic).toBeDefined();
    expect(readPage(builtSiteDir, arabic!).querySelector('time.dt-published')!.text).toContain('سبتمبر');
  });
});
