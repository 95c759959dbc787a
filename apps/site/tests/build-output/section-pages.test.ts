import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../support/build-site.ts';
import { makeFixtureContent } from '../support/fixture-content.ts';
import { readPage } from '../support/html.ts';
import { appDir, builtSiteDir } from '../support/paths.ts';

const langs = ['en', 'fr', 'es', 'ar'] as const;
const repoContent = path.resolve(appDir, '../../content');

/** The main menu of a page: each entry's title and link, with the entries under it. */
function menuOf(page: ReturnType<typeof readPage>) {
  const nav = page.querySelector('nav.site-nav')!;
  return nav.querySelectorAll(':scope > ul > li').map((item) => {
    const summary = item.querySelector('summary');
    const links = item.querySelectorAll('a');
    return summary
      ? { title: summary.text, href: links[0]!.getAttribute('href')!, children: links.slice(1).map((link) => ({ title: link.text, href: link.getAttribute('href')! })) }
      : { title: links[0]!.text, href: links[0]!.getAttribute('href')!, children: [] };
  });
}

/** The seed page's navigation and its two paragraphs about the organisation (tests/fixtures/README.md). */
function seedNavigation() {
  const lines = readFileSync(path.join(appDir, 'tests/fixtures/iom-press-release-2016-libya.txt'), 'utf8').split('\n');
  const whoWeAre = lines.find((line) => line.startsWith('WHO WE ARE'))!.slice('WHO WE ARE'.length);
  const ourWork = lines.find((line) => line.startsWith('Our WorkAs'))!.slice('Our Work'.length);
  return { whoWeAre, ourWork };
}

describe('the menu, from the section pages', () => {
  it('has the seed’s entries in the seed’s order, on two levels, then the news', () => {
    const menu = menuOf(readPage(builtSiteDir, 'en/index.html'));
    expect(menu.map((entry) => [entry.title, entry.children.map((child) => child.title)])).toEqual([
      ['Who we are', []],
      ['Our Work', ['What We Do', 'Partnerships', 'Highlights']],
      ['Where we work', []],
      ['Take Action', ['Work with us', 'Get involved']],
      ['Data and Research', []],
      ['2030 Agenda', []],
      ['News', []],
    ]);
  });

  it('leads every entry, in every language, to a page of that language that exists', () => {
    for (const lang of langs) {
      const menu = menuOf(readPage(builtSiteDir, `${lang}/index.html`));
      const links = menu.flatMap((entry) => [entry.href, ...entry.children.map((child) => child.href)]);
      // The seed's eleven entries and the news.
      expect(links.length, lang).toBe(12);
      for (const href of links) {
        expect(href.startsWith(`/${lang}/`), href).toBe(true);
        const page = readPage(builtSiteDir, `${decodeURI(href).slice(1)}index.html`);
        expect(page.querySelector('html')!.getAttribute('lang'), href).toBe(lang);
      }
    }
  });

  it('is right to left in Arabic, with the Arabic titles', () => {
    const page = readPage(builtSiteDir, 'ar/our-work/partnerships/index.html');
    expect(page.querySelector('html')!.getAttribute('dir')).toBe('rtl');
    const menu = menuOf(page);
    expect(menu[1]).toMatchObject({ title: 'عملنا', href: '/ar/our-work/' });
    // The section of the page is open, the page itself is the current one.
    expect(page.querySelector('nav.site-nav details[open] summary')!.text).toBe('عملنا');
    expect(page.querySelector('nav.site-nav a[aria-current="page"]')!.getAttribute('href')).toBe('/ar/our-work/partnerships/');
  });
});

describe('the section pages', () => {
  it('carry the seed’s sentences word for word on Who we are and Our Work', () => {
    const { whoWeAre, ourWork } = seedNavigation();
    expect(readPage(builtSiteDir, 'en/who-we-are/index.html').querySelector('.site-page__body p')!.text).toBe(whoWeAre);
    expect(readPage(builtSiteDir, 'en/our-work/index.html').querySelector('.site-page__body p')!.text).toBe(ourWork);
  });

  it('mark the demonstration text of the other pages as such', () => {
    expect(readPage(builtSiteDir, 'es/take-action/work-with-us/index.html').querySelector('.release__sample')).not.toBeNull();
    expect(readPage(builtSiteDir, 'en/who-we-are/index.html').querySelector('.release__sample')).toBeNull();
  });

  it('give "Where we work" its words', () => {
    const page = readPage(builtSiteDir, 'fr/countries/index.html');
    expect(page.querySelector('h1')!.text).toBe('Où nous travaillons');
    expect(page.querySelector('.site-page__body')!.text).toContain('par région');
  });

  it('are in the search index of their language', () => {
    for (const lang of langs) expect(readPage(builtSiteDir, `${lang}/who-we-are/index.html`).querySelector('main[data-pagefind-body]'), lang).not.toBeNull();
  });
});

describe('a section page not yet translated', () => {
  it('shows its source, marked with its language, says so, and keeps it out of this language’s search', () => {
    const content = makeFixtureContent(['ly'], ['2016/iom-unhcr-train-libyan-partners']);
    cpSync(path.join(repoContent, 'pages'), path.join(content, 'pages'), { recursive: true });
    rmSync(path.join(content, 'pages/partnerships/es.mdx'));
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'section-fallback-')), 'dist');
    mkdirSync(path.dirname(out), { recursive: true });
    const { status, output } = buildSite(out, { SITE_CONTENT_DIR: content });
    expect(status, output).toBe(0);
    const page = readPage(out, 'es/our-work/partnerships/index.html');
    expect(page.querySelector('html')!.getAttribute('lang')).toBe('es');
    expect(page.querySelector('h1')!.getAttribute('lang')).toBe('en');
    expect(page.querySelector('h1')!.text).toBe('Partnerships');
    expect(page.querySelector('.release__stale')!.text).toBe('Esta página aún no está disponible en este idioma; aquí está en inglés.');
    expect(page.querySelector('.site-page__body')!.getAttribute('data-pagefind-ignore')).toBe('all');
    // The menu names it with its source's title, and the language switcher does not offer a Spanish version.
    expect(menuOf(page)[1]!.children.map((child) => child.title)).toEqual(['Qué hacemos', 'Partnerships', 'Aspectos destacados']);
  }, 180_000);
});
