import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSiteContent } from '@iom/content-model/node';
import { corpusIn, removeTempDirs } from './corpus-helpers.ts';

afterAll(removeTempDirs);

// The point of the corpus: the site's own validator (schemas, safe MDX, countries, translation links, URL
// collisions) accepts it, in every language including Arabic (right to left).
describe('a generated corpus read by the site', async () => {
  const corpus = corpusIn({ releases: 30 });
  const { content, issues } = await readSiteContent({ contentDir: corpus.dir, displayRoot: corpus.dir });
  const releases = content.releases;
  /** The whole file of a page, frontmatter and body. */
  const textOf = (page: { file: string }) => readFileSync(path.join(corpus.dir, page.file), 'utf8');

  it('has no content issues', () => {
    expect(issues).toEqual([]);
  });

  it('has the page count the generator reports', () => {
    expect(releases.length).toBe(corpus.summary.pages);
    expect(corpus.summary.releases).toBe(30);
    for (const lang of ['en', 'fr', 'es', 'ar'] as const) {
      expect(releases.filter((page) => page.lang === lang).length).toBe(corpus.summary.pagesByLang[lang]);
    }
  });

  it('has translations that are all up to date with their source', () => {
    const translations = releases.filter((page) => page.state !== 'source');
    expect(translations.length).toBeGreaterThan(0);
    expect(translations.every((page) => page.state === 'current')).toBe(true);
  });

  it('has about 170 countries in all seven regions, each covered one pointing at an office', () => {
    expect(content.countries.length).toBeGreaterThanOrEqual(160);
    expect(new Set(content.countries.map((country) => country.region)).size).toBe(7);
    const offices = new Set(content.countries.filter((country) => country.presence === 'country-office').map((country) => country.code));
    for (const country of content.countries.filter((country) => country.presence === 'covered')) expect(offices.has(country.coveredBy!)).toBe(true);
  });

  it('writes Arabic pages in Arabic script and French pages with accents', () => {
    const arabic = releases.filter((page) => page.lang === 'ar');
    expect(arabic.length).toBeGreaterThan(0);
    for (const page of arabic) {
      expect(page.title).toMatch(/\p{Script=Arabic}/u);
      expect(page.slug).toMatch(/\p{Script=Arabic}/u);
      expect(textOf(page)).toMatch(/\p{Script=Arabic}{3,}/u);
    }
    const french = releases.filter((page) => page.lang === 'fr').map(textOf).join(' ');
    expect(french).toMatch(/[éèàç]/);
  });

  it('puts each release in the folder of its year and copies the static files as they are', () => {
    for (const page of releases) expect(page.file.split('/')[1]).toBe(String(page.year));
    for (const file of ['themes.yaml', 'i18n/ar.yaml', 'countries/official-names.yaml']) {
      expect(readFileSync(path.join(corpus.dir, file), 'utf8')).toBe(readFileSync(path.join(import.meta.dirname, '../../../../../content', file), 'utf8'));
    }
  });

  it('uses the components of the safe dialect', () => {
    const bodies = releases.map(textOf).join('\n');
    expect(bodies).toMatch(/<Contacts \/>/);
    expect(bodies).toMatch(/^## /m);
    expect(bodies).toMatch(/^- /m);
    expect(bodies).not.toMatch(/[{}]/);
  });
});
