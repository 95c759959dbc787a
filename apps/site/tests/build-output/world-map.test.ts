import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { countryRecords } from '../support/country-records.ts';
import { readPage } from '../support/html.ts';
import { builtSiteDir } from '../support/paths.ts';

const langs = ['en', 'fr', 'es', 'ar'] as const;
const countries = countryRecords();
const present = countries.filter((country) => country.presence !== 'none');
const byCode = new Map(countries.map((country) => [country.code, country]));

/** The ISO code of the country a built page is about (its search filter), or undefined if it is no country page. */
function countryOfPage(href: string): string | undefined {
  const filter = readPage(builtSiteDir, `${decodeURI(href).slice(1)}index.html`).querySelector('article.country')?.getAttribute('data-pagefind-filter');
  return filter?.match(/country:([A-Z]{2}),/)?.[1];
}

const mapLinksOf = (page: ReturnType<typeof readPage>) =>
  page.querySelectorAll('figure.world-map svg a').map((a) => ({ href: a.getAttribute('href')!, label: a.getAttribute('aria-label')! }));

describe('the map on "Where we work"', () => {
  describe.each(['en', 'ar'] as const)('in %s', (lang) => {
    const page = readPage(builtSiteDir, `${lang}/countries/index.html`);
    const mapLinks = mapLinksOf(page);
    // The list under the map, its text alternative: each country with presence, linked to its own page.
    const listed = page.querySelectorAll('main section li a').map((a) => ({ name: a.text, href: a.getAttribute('href')! }));

    it('holds one link per country with presence, named as the list names it, each leading to the right page', () => {
      expect(mapLinks).toHaveLength(present.length);
      expect(listed).toHaveLength(present.length);
      const reached = new Set<string>();
      for (const { name, href } of listed) {
        const code = countryOfPage(href)!;
        const country = byCode.get(code)!;
        expect(country, `${name}: ${href}`).toBeDefined();
        const own = mapLinks.filter((link) => link.label === name || link.label.startsWith(`${name} (`));
        expect(own, `${lang} ${code} ${name}`).toHaveLength(1);
        // A country with an office leads to its page; a covered one to the page of the office that covers it.
        const target = country.presence === 'covered' ? country.coveredBy! : code;
        expect(countryOfPage(own[0]!.href), `${lang} ${code} → ${own[0]!.href}`).toBe(target);
        reached.add(code);
      }
      expect(reached.size).toBe(present.length);
    });

    it('is not mirrored right to left, and has a name of its own', () => {
      const svg = page.querySelector('figure.world-map svg')!;
      expect(svg.getAttribute('dir')).toBe('ltr');
      const title = page.querySelector(`#${svg.getAttribute('aria-labelledby')}`)!;
      expect(title.tagName.toLowerCase()).toBe('title');
      expect(title.text.length).toBeGreaterThan(5);
    });
  });

  it('draws the same shapes in every language (only names and links change)', () => {
    const land = langs.map((lang) => readPage(builtSiteDir, `${lang}/countries/index.html`).querySelector('.world-map__land')!.getAttribute('d'));
    expect(new Set(land).size).toBe(1);
    expect(land[0]!.length).toBeGreaterThan(1000);
  });

  it('carries the disclaimer under it, translated into each language', () => {
    const disclaimers = langs.map((lang) => readPage(builtSiteDir, `${lang}/countries/index.html`).querySelector('figure.world-map figcaption .world-map__disclaimer')!.text);
    expect(disclaimers[0]).toMatch(/do not imply official endorsement or acceptance/);
    expect(new Set(disclaimers).size).toBe(langs.length);
    expect(disclaimers[3]).toMatch(/[\u0600-\u06FF]/);
  });

  it('adds at most 60 kB (brotli) to the page', () => {
    for (const lang of langs) {
      const html = readFileSync(path.join(builtSiteDir, lang, 'countries/index.html'), 'utf8');
      const withoutMap = html.replace(/<figure class="world-map[^"]*"[\s\S]*?<\/figure>/, '');
      expect(withoutMap.length, lang).toBeLessThan(html.length);
      const added = brotliCompressSync(html).length - brotliCompressSync(withoutMap).length;
      expect(added, lang).toBeLessThanOrEqual(60_000);
    }
  });
});

describe('the map on a region’s page', () => {
  it('links the countries of that region only', () => {
    const region = 'middle-east-north-africa';
    for (const lang of ['en', 'ar'] as const) {
      const links = mapLinksOf(readPage(builtSiteDir, `${lang}/regions/${region}/index.html`));
      const inRegion = present.filter((country) => country.region === region);
      expect(links, lang).toHaveLength(inRegion.length);
      const targets = new Set(inRegion.map((country) => (country.presence === 'covered' ? country.coveredBy! : country.code)));
      for (const link of links) expect(targets.has(countryOfPage(link.href)!), link.href).toBe(true);
    }
  });
});
