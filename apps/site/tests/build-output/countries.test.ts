import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countryRecords } from '../support/country-records.ts';
import { readPage } from '../support/html.ts';
import { builtSiteDir } from '../support/paths.ts';

const langs = ['en', 'fr', 'es', 'ar'] as const;
const countries = countryRecords();
const englishNames = new Intl.DisplayNames(['en'], { type: 'region' });
/** The country page of a code, found from the English "Where we work" index (slugs come from names). */
const countryLinks = new Map(
  readPage(builtSiteDir, 'en/countries/index.html')
    .querySelectorAll('main li a')
    .map((a) => [a.text, a.getAttribute('href')!] as const),
);

describe('country pages', () => {
  const present = countries.filter((country) => country.presence !== 'none');

  it('exist for every country with presence, in every language, and not for the others', () => {
    expect(present.length).toBeGreaterThan(150);
    const pagesPerLanguage = Object.fromEntries(langs.map((lang) => [lang, readdirSync(path.join(builtSiteDir, lang, 'countries'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).length]));
    for (const lang of langs) expect(pagesPerLanguage[lang]).toBe(present.length);
    for (const country of present) {
      const href = [...countryLinks.values()].find((candidate) => readPage(builtSiteDir, `${candidate.slice(1)}index.html`).querySelector('article.country')!.getAttribute('data-pagefind-filter')!.includes(`country:${country.code},`));
      expect(href, country.code).toBeDefined();
      for (const lang of langs) expect(existsSync(path.join(builtSiteDir, href!.replace('/en/', `${lang}/`), 'index.html')), `${lang} ${country.code}`).toBe(true);
    }
  });

  it('lists the seed release on the Libya page in every language, newest first, with no unconfirmed office contact', () => {
    for (const lang of langs) {
      const libya = readPage(builtSiteDir, `${lang}/countries/libya/index.html`);
      const dates = libya.querySelectorAll('.release-list__item time').map((time) => time.getAttribute('datetime')!);
      expect(dates).toContain('2016-09-02');
      expect([...dates].sort().reverse()).toEqual(dates);
      // Every contact value of Libya's record is still a placeholder: none is shown (unconfirmed-contacts.test.ts).
      expect(libya.querySelector('.country-office .h-card')).toBeNull();
      expect(libya.querySelector('.country-office__unconfirmed')).not.toBeNull();
    }
    expect(readPage(builtSiteDir, 'ar/countries/libya/index.html').querySelector('h1')!.text).toBe('ليبيا');
  });

  it('shows a release tagged with several countries on each of their pages', () => {
    const tunisia = countryLinks.get(englishNames.of('TN')!)!;
    const italy = countryLinks.get(englishNames.of('IT')!)!;
    for (const href of ['/en/countries/libya/', tunisia, italy]) {
      const titles = readPage(builtSiteDir, `${href.slice(1)}index.html`).querySelectorAll('.release-list__title a').map((a) => a.text);
      expect(titles, href).toContain('Rescue Partners from Libya, Tunisia and Italy Meet in Tunis to Coordinate Life-Saving Work at Sea');
    }
  });

  it('says when a country is covered by another office, and links there', () => {
    const comoros = readPage(builtSiteDir, `${countryLinks.get(englishNames.of('KM')!)!.slice(1)}index.html`);
    const link = comoros.querySelectorAll('main a').find((a) => a.text === englishNames.of('MU'));
    expect(link).toBeDefined();
    expect(existsSync(path.join(builtSiteDir, link!.getAttribute('href')!, 'index.html'))).toBe(true);
  });

  it('carries country and region as search filters', () => {
    const filters = readPage(builtSiteDir, 'fr/countries/libya/index.html').querySelector('article.country')!.getAttribute('data-pagefind-filter');
    expect(filters).toBe('kind:country, country:LY, region:middle-east-north-africa');
  });

  it('has a news feed per country and language', () => {
    for (const lang of langs) {
      expect(existsSync(path.join(builtSiteDir, lang, 'countries/libya/news/feed.xml'))).toBe(true);
      expect(existsSync(path.join(builtSiteDir, lang, 'countries/libya/news/feed.json'))).toBe(true);
    }
  });
});

describe('where we work', () => {
  it('groups countries by the seven regions in every language, right to left in Arabic', () => {
    for (const lang of langs) {
      const index = readPage(builtSiteDir, `${lang}/countries/index.html`);
      expect(index.querySelectorAll('main section h2')).toHaveLength(7);
      expect(index.querySelector('html')!.getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    }
  });

  it('has a page per regional office listing exactly its countries', () => {
    const mena = readPage(builtSiteDir, 'en/regions/middle-east-north-africa/index.html');
    const listed = mena.querySelectorAll('main li a').map((a) => a.text).sort();
    const expected = countries.filter((country) => country.region === 'middle-east-north-africa' && country.presence !== 'none').length;
    expect(listed).toHaveLength(expected);
    expect(listed).toContain('Libya');
    expect(mena.querySelector('.page-heading__intro')!.text).toContain('Cairo');
  });
});
