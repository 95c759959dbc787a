import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { listPages, readPage } from '../support/html.ts';
import { builtSiteDir } from '../support/paths.ts';

const pages = listPages(builtSiteDir);
const langs = ['en', 'fr', 'es', 'ar'] as const;
/** Release pages written in a language: /<lang>/news/<slug>/ */
const releasePages = (lang: string) => pages.filter((page) => new RegExp(`^${lang}/news/(?!page/|archive/)[^/]+/index\\.html$`).test(page));
const pageSize = 20;

describe('the news index of each language', () => {
  for (const lang of langs) {
    it(`${lang}: lists every release once, newest first, over pages linked to each other`, () => {
      const keys = new Set(pages.filter((page) => /^(en|fr|es|ar)\/news\/(?!page\/|archive\/)[^/]+\/index\.html$/.test(page)).map((page) => readPage(builtSiteDir, page).querySelector('link[rel="alternate"][hreflang="x-default"]')?.getAttribute('href') ?? page));
      const first = readPage(builtSiteDir, `${lang}/news/index.html`);
      const status = first.querySelector('.pagination__status');
      const pageCount = Math.max(1, Math.ceil(keys.size / pageSize));
      const listed: string[] = [];
      const dates: string[] = [];
      for (let n = 1; n <= pageCount; n += 1) {
        const file = n === 1 ? `${lang}/news/index.html` : `${lang}/news/page/${n}/index.html`;
        const doc = readPage(builtSiteDir, file);
        const items = doc.querySelectorAll('.release-list__item');
        expect(items.length, file).toBe(n < pageCount ? pageSize : keys.size - pageSize * (pageCount - 1));
        listed.push(...items.map((item) => item.querySelector('a')!.getAttribute('href')!));
        dates.push(...items.map((item) => item.querySelector('time')!.getAttribute('datetime')!));
        if (pageCount > 1) {
          expect(doc.querySelector('a[rel="next"]') !== null, file).toBe(n < pageCount);
          expect(doc.querySelector('a[rel="prev"]') !== null, file).toBe(n > 1);
        }
      }
      expect(existsSync(path.join(builtSiteDir, `${lang}/news/page/${pageCount + 1}/index.html`))).toBe(false);
      expect(new Set(listed).size).toBe(keys.size);
      expect([...dates].sort().reverse()).toEqual(dates);
      if (pageCount === 1) expect(status).toBeNull();
      for (const href of listed) expect(existsSync(path.join(builtSiteDir, decodeURIComponent(href), 'index.html')), href).toBe(true);
    });
  }

  it('marks untranslated releases with the language they are in, linking to that page', () => {
    const ar = readPage(builtSiteDir, 'ar/news/index.html');
    const foreign = ar.querySelectorAll('.release-list__item[lang]');
    expect(foreign.length).toBeGreaterThan(0);
    for (const item of foreign) {
      const lang = item.getAttribute('lang')!;
      expect(item.querySelector('.release-list__foreign')).not.toBeNull();
      expect(item.querySelector('a')!.getAttribute('href')!.startsWith(`/${lang}/news/`)).toBe(true);
    }
  });
});

describe('archives and theme pages', () => {
  it('has an archive page per year that has releases, in every language, listing only that year', () => {
    for (const lang of langs) {
      const archive = readPage(builtSiteDir, `${lang}/news/archive/index.html`);
      const years = archive.querySelectorAll('.archive-years a').map((a) => a.getAttribute('href')!);
      expect(years.length).toBeGreaterThan(5);
      for (const href of years) {
        const year = /archive\/(\d{4})\//.exec(href)![1]!;
        const doc = readPage(builtSiteDir, `${href.slice(1)}index.html`);
        const dates = doc.querySelectorAll('.release-list__item time').map((time) => time.getAttribute('datetime')!);
        expect(dates.length).toBeGreaterThan(0);
        for (const date of dates) expect(date.startsWith(year)).toBe(true);
      }
    }
  });

  it('has a page per theme in every language with localized titles', () => {
    const themes = (readFileSync(path.resolve(builtSiteDir, '../../../../content/themes.yaml'), 'utf8').match(/^- (.+)$/gm) ?? []).map((line) => line.slice(2));
    for (const theme of themes) {
      for (const lang of langs) expect(existsSync(path.join(builtSiteDir, lang, 'themes', theme, 'index.html')), `${lang}/${theme}`).toBe(true);
    }
    expect(readPage(builtSiteDir, 'fr/themes/search-and-rescue/index.html').querySelector('h1')!.text).toBe('Recherche et sauvetage');
  });

  it('writes pagination links that work right to left: arrows flip with the text', () => {
    const css = readFileSync(path.join(builtSiteDir, '_astro', readFileSync(path.join(builtSiteDir, 'ar/news/index.html'), 'utf8').match(/_astro\/([^"]+\.css)/)![1]!), 'utf8');
    expect(css).toMatch(/\[dir=(rtl|"rtl"|'rtl')\]\s*\.icon-directional\s*\{\s*transform:\s*scaleX\(-1\)/);
  });
});

describe('feeds', () => {
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' || name === 'category' });
  for (const lang of langs) {
    it(`${lang}: RSS and JSON Feed are valid and carry one item per release written in ${lang}`, () => {
      const rss = readFileSync(path.join(builtSiteDir, lang, 'news', 'feed.xml'), 'utf8');
      expect(XMLValidator.validate(rss)).toBe(true);
      const channel = (parser.parse(rss) as { rss: { channel: { language: string; item: { link: string }[] } } }).rss.channel;
      const own = releasePages(lang);
      expect(channel.language).toBe(lang);
      expect(channel.item.map((item) => new URL(item.link).pathname).sort()).toEqual(own.map((page) => `/${page.replace(/index\.html$/, '')}`).map(decodeURIComponent).map(encodeURI).sort());

      const json = JSON.parse(readFileSync(path.join(builtSiteDir, lang, 'news', 'feed.json'), 'utf8')) as { version: string; language: string; items: { id: string; url: string; title: string; date_published: string }[] };
      expect(json.version).toBe('https://jsonfeed.org/version/1.1');
      expect(json.language).toBe(lang);
      expect(json.items).toHaveLength(own.length);
      expect(new Set(json.items.map((item) => item.id)).size).toBe(own.length);
      for (const item of json.items) expect(item.date_published).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    });
  }

  it('advertises the feeds of listings and country pages in <head>', () => {
    for (const file of ['en/news/index.html', 'fr/themes/health/index.html', 'ar/countries/libya/index.html']) {
      const links = readPage(builtSiteDir, file).querySelectorAll('link[rel="alternate"][type]');
      const hrefs = links.map((link) => link.getAttribute('href')!);
      expect(hrefs.some((href) => href.endsWith('feed.xml')), file).toBe(true);
      expect(hrefs.some((href) => href.endsWith('feed.json')), file).toBe(true);
      for (const href of hrefs) expect(existsSync(path.join(builtSiteDir, decodeURIComponent(href))), href).toBe(true);
    }
  });

  it('has country feeds in every language', () => {
    const xml = readFileSync(path.join(builtSiteDir, 'es/countries/libya/news/feed.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('La OIM y el ACNUR capacitan a sus socios libios en salvamento marítimo');
  });
});

describe('structured data and sharing metadata', () => {
  it('gives the seed release complete NewsArticle JSON-LD, canonical URL, OpenGraph and Twitter cards', () => {
    const doc = readPage(builtSiteDir, 'en/news/iom-unhcr-train-libyan-partners-on-saving-lives-at-sea/index.html');
    const data = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent) as Record<string, unknown>;
    expect(data).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'IOM, UNHCR Train Libyan Partners on Saving Lives at Sea',
      datePublished: '2016-09-02',
      dateModified: '2016-09-02',
      inLanguage: 'en',
      contentLocation: { '@type': 'Place', name: 'Libya', address: { addressCountry: 'LY' } },
      publisher: { '@type': 'Organization', name: 'International Organization for Migration' },
    });
    expect((data.image as string[])[0]).toMatch(/^https:\/\//);
    const meta = (property: string) => doc.querySelector(`meta[property="${property}"], meta[name="${property}"]`)?.getAttribute('content');
    expect(doc.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe('https://www.iom.int/en/news/iom-unhcr-train-libyan-partners-on-saving-lives-at-sea/');
    expect(meta('og:type')).toBe('article');
    expect(meta('og:title')).toBe('IOM, UNHCR Train Libyan Partners on Saving Lives at Sea');
    expect(meta('og:url')).toBe('https://www.iom.int/en/news/iom-unhcr-train-libyan-partners-on-saving-lives-at-sea/');
    expect(meta('og:image')).toBe('https://www.iom.int/og-default.png');
    expect(meta('og:locale')).toBe('en_GB');
    expect(meta('twitter:card')).toBe('summary_large_image');
    expect(existsSync(path.join(builtSiteDir, 'og-default.png'))).toBe(true);
  });

  it('parses the JSON-LD of every release page, with the required fields', () => {
    for (const lang of langs) {
      for (const page of releasePages(lang)) {
        const data = JSON.parse(readPage(builtSiteDir, page).querySelector('script[type="application/ld+json"]')!.textContent) as Record<string, unknown>;
        for (const field of ['headline', 'datePublished', 'inLanguage', 'contentLocation', 'image', 'publisher']) expect(data[field], `${page} ${field}`).toBeDefined();
        expect(data.inLanguage).toBe(lang);
      }
    }
  });

  it('gives each home page Organization JSON-LD', () => {
    for (const lang of langs) {
      const data = JSON.parse(readPage(builtSiteDir, `${lang}/index.html`).querySelector('script[type="application/ld+json"]')!.textContent) as Record<string, unknown>;
      expect(data['@type']).toBe('Organization');
    }
  });
});

describe('images', () => {
  it('shows a release\'s lead image responsive, at once (above the fold), with alt text in the page\'s language, and shares it', () => {
    const en = readPage(builtSiteDir, 'en/news/rescue-partners-from-libya-tunisia-and-italy-meet-in-tunis/index.html');
    const img = en.querySelector('.release__lead img')!;
    expect(img.getAttribute('loading')).toBe('eager');
    expect(img.getAttribute('srcset')).toMatch(/\.webp 400w, .*\.webp 800w, .*\.webp 1200w$/);
    expect(img.getAttribute('alt')).toBe('An orange rescue boat approaches a rubber dinghy on a calm sea');
    expect(en.querySelector('meta[property="og:image"]')!.getAttribute('content')).toBe(`https://www.iom.int${img.getAttribute('src')!}`);
    const fr = readPage(builtSiteDir, 'fr/news/' + readPage(builtSiteDir, 'en/news/rescue-partners-from-libya-tunisia-and-italy-meet-in-tunis/index.html').querySelector('a[hreflang="fr"]')!.getAttribute('href')!.split('/')[3] + '/index.html');
    expect(fr.querySelector('.release__lead img')!.getAttribute('alt')).toBe('Un bateau de sauvetage orange approche d’un canot pneumatique sur une mer calme');
  });

  it('every image of every page has alt text and width and height, and body images are responsive', () => {
    let images = 0;
    let responsive = 0;
    for (const page of pages) {
      for (const img of readPage(builtSiteDir, page).querySelectorAll('img')) {
        images += 1;
        expect(img.hasAttribute('alt'), page).toBe(true);
        expect(Number(img.getAttribute('width')), page).toBeGreaterThan(0);
        expect(Number(img.getAttribute('height')), page).toBeGreaterThan(0);
        if (img.getAttribute('srcset')) responsive += 1;
        for (const candidate of [img.getAttribute('src')!, ...(img.getAttribute('srcset') ?? '').split(',').map((part) => part.trim().split(' ')[0]!).filter(Boolean)]) {
          expect(existsSync(path.join(builtSiteDir, decodeURIComponent(candidate))), `${page}: ${candidate}`).toBe(true);
        }
      }
    }
    expect(images).toBeGreaterThan(5);
    expect(responsive).toBe(images);
  });
});

describe('thumbnails in lists', () => {
  /** Lists of every kind that show releases: home, news index, a country's page and news, a theme. */
  const listPagesOf = (lang: string) =>
    [`${lang}/index.html`, `${lang}/news/index.html`, `${lang}/themes/search-and-rescue/index.html`].concat(pages.filter((page) => new RegExp(`^${lang}/countries/[^/]+/(news/)?index\\.html$`).test(page)));
  const exists = (url: string) => existsSync(path.join(builtSiteDir, decodeURI(url.split('?')[0]!)));

  for (const lang of langs) {
    it(`${lang}: show the lead image of a release that has one, small, lazy, sized, with its alt text, and nothing for the others`, () => {
      let shown = 0;
      for (const file of listPagesOf(lang)) {
        for (const item of readPage(builtSiteDir, file).querySelectorAll('.release-list__item')) {
          const href = item.querySelector('.release-list__title a')!.getAttribute('href')!;
          const lead = readPage(builtSiteDir, `${decodeURI(href).slice(1)}index.html`).querySelector('.release__lead img');
          const thumbnails = item.querySelectorAll('img.release-list__thumbnail');
          if (!lead) {
            expect(thumbnails, `${file}: ${href}`).toHaveLength(0);
            continue;
          }
          expect(thumbnails, `${file}: ${href}`).toHaveLength(1);
          const thumbnail = thumbnails[0]!;
          expect(thumbnail.getAttribute('alt'), href).toBe(lead.getAttribute('alt'));
          expect(thumbnail.getAttribute('loading')).toBe('lazy');
          const width = Number(thumbnail.getAttribute('width'));
          expect(width).toBeGreaterThan(0);
          expect(width).toBeLessThanOrEqual(160);
          expect(Number(thumbnail.getAttribute('height'))).toBeGreaterThan(0);
          const sources = [thumbnail.getAttribute('src')!, ...thumbnail.getAttribute('srcset')!.split(',').map((entry) => entry.trim().split(/\s+/)[0]!)];
          for (const source of sources) expect(exists(source), source).toBe(true);
          shown += 1;
        }
      }
      // The sample content has releases with a lead image: the check above must have seen some.
      expect(shown).toBeGreaterThan(0);
    });
  }
});
