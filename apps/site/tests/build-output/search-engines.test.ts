import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSeo } from '../../scripts/quality/check-seo.ts';
import { listPages, readPage } from '../support/html.ts';
import { builtSiteDir } from '../support/paths.ts';

const site = { base: '/', siteOrigin: 'https://www.iom.int' };
const work = mkdtempSync(path.join(tmpdir(), 'iom-seo-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const description = (page: string) => readPage(builtSiteDir, page).querySelector('meta[name="description"]')?.getAttribute('content');
const noindex = (page: string) => readPage(builtSiteDir, page).querySelector('meta[name="robots"]')?.getAttribute('content') === 'noindex';
const sitemap = (lang: string) => readFileSync(path.join(builtSiteDir, `sitemap-${lang}.xml`), 'utf8');

describe('what search engines read in every page', () => {
  it('every HTML page has a description with text', () => {
    const without = listPages(builtSiteDir).filter((page) => !description(page)?.trim());
    expect(without).toEqual([]);
  });

  it('every page has a title, a language, an icon, one absolute canonical address and well-formed hreflang; noindex exactly where the sitemaps leave a page out', () => {
    expect(checkSeo(builtSiteDir, site)).toEqual([]);
  });

  it('describes country pages and listings by what they are, in the page’s language', () => {
    expect(description('en/countries/libya/index.html')).toBe('Libya: the IOM office, how to reach it, and the latest news and press releases.');
    expect(description('fr/countries/libya/index.html')).toBe('Libye : le bureau de l’OIM, comment le joindre, et les dernières actualités et communiqués de presse.');
    expect(description('ar/countries/libya/index.html')).toMatch(/^ليبيا: /);
    expect(description('en/themes/search-and-rescue/index.html')).toBe('Search and rescue: IOM press releases, news and statements on this theme, newest first.');
    expect(description('es/news/archive/2016/index.html')).toBe('Comunicados de prensa, noticias y declaraciones de la OIM publicados en 2016.');
    expect(description('en/regions/middle-east-north-africa/index.html')).toBe('Middle East and North Africa: the IOM regional office and the countries it covers.');
  });

  it('lets search engines index the listings and the search page, not the translation dashboard or the 404 pages', () => {
    for (const page of ['en/news/index.html', 'en/news/archive/index.html', 'en/themes/health/index.html', 'en/regions/americas/index.html', 'en/countries/index.html', 'en/search/index.html']) {
      expect(noindex(page), page).toBe(false);
    }
    expect(sitemap('en')).toContain('<loc>https://www.iom.int/en/news/</loc>');
    expect(sitemap('ar')).toContain('<loc>https://www.iom.int/ar/search/</loc>');
    for (const page of ['en/translations/index.html', 'ar/404/index.html', '404.html']) expect(noindex(page), page).toBe(true);
  });
});

describe('the check', () => {
  it('catches a page without a description or title, a listed page that says noindex, a bad hreflang and a missing icon', () => {
    const dir = path.join(work, 'broken');
    for (const file of ['sitemap-en.xml', 'robots.txt', 'index.html', 'en/news/index.html', 'en/countries/libya/index.html', 'en/search/index.html']) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      cpSync(path.join(builtSiteDir, file), path.join(dir, file));
    }
    const edit = (file: string, change: (html: string) => string) => writeFileSync(path.join(dir, file), change(readFileSync(path.join(dir, file), 'utf8')));
    edit('en/countries/libya/index.html', (html) => html.replace(/<meta name="description"[^>]*>/, '').replace(/<title>[^<]*<\/title>/, '<title> </title>'));
    edit('en/news/index.html', (html) => html.replace('<head>', '<head><meta name="robots" content="noindex">').replace('hreflang="fr"', 'hreflang="french"'));
    edit('index.html', (html) => html.replace(/<link rel="icon"[^>]*>/, ''));
    edit('robots.txt', (text) => `${text}Disallow: /en/search/\n`);

    const problems = checkSeo(dir, site).map((problem) => `${problem.page}: ${problem.problem}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        'en/countries/libya/index.html: no <title>, or an empty one',
        'en/countries/libya/index.html: 0 <meta name="description"> with text (one wanted)',
        'en/news/index.html: hreflang="french": not a language tag',
        'en/news/index.html: asks not to be indexed (noindex) but a sitemap lists it',
        'index.html: no <link rel="icon">: the browser asks for /favicon.ico, which is not there',
        'https://www.iom.int/en/search/: listed in a sitemap but robots.txt forbids it (Disallow: /en/search/)',
      ]),
    );
    expect(problems).toHaveLength(6);
  });
});
