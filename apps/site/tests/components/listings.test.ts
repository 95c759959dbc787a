import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTranslate, listingFor, localeCodes, type Locale, type ReleasePage } from '@iom/content-model';
import { readSiteContent } from '@iom/content-model/node';
import { buildListings } from '../../src/lib/listings.ts';
import { appDir } from '../support/paths.ts';

const contentDir = path.resolve(appDir, '../../content');
const { content } = await readSiteContent({ contentDir, displayRoot: path.dirname(contentDir) });

/** What each listing is by definition: `listingFor` the releases of its year, theme or country, in its language. */
function expectedPages(id: string): ReleasePage[] {
  const [kind, value] = id.split('/') as [string, string | undefined];
  if (kind === 'news') return content.releases;
  if (kind === 'year') return content.releases.filter((page) => String(page.year) === value);
  if (kind === 'theme') return content.releases.filter((page) => page.themes.includes(value!));
  return content.releases.filter((page) => page.countries.includes(value!));
}

describe('the listings, dealt out from each language’s news listing', () => {
  const listings = buildListings({
    releases: content.releases,
    themes: content.themes,
    countries: content.countries,
    countryPath: (code, lang) => `/${lang}/countries/${code.toLowerCase()}/`,
    countryName: (code) => code,
    ctx: (lang: Locale) => ({ t: createTranslate(content.strings[lang]) }),
  });

  it('are each listingFor the releases of its year, theme or country: the same items, in the same order', () => {
    // The content is varied enough for this to mean something: several years, themes, countries and missing translations.
    expect(new Set(content.releases.map((page) => page.year)).size).toBeGreaterThan(2);
    expect(listings.some((listing) => listing.items.some((item) => item.foreign))).toBe(true);
    for (const listing of listings) {
      const items = listingFor(expectedPages(listing.id), listing.lang);
      expect(listing.items, `${listing.lang}:${listing.id}`).toEqual(items);
      expect(listing.items.every((item, index) => item.page === items[index]!.page)).toBe(true);
      expect(listing.feedItems).toEqual(items.filter((item) => !item.foreign).map((item) => item.page));
    }
  });

  it('cover every year with releases, every theme and every country, in every language', () => {
    const years = [...new Set(content.releases.map((page) => page.year))].sort((a, b) => b - a).map((year) => `year/${year}`);
    const ids = ['news', ...years, ...content.themes.map((theme) => `theme/${theme}`), ...content.countries.map((country) => `country/${country.code}`)];
    expect(listings.map((listing) => `${listing.lang}:${listing.id}`)).toEqual(ids.flatMap((id) => localeCodes.map((lang) => `${lang}:${id}`)));
  });
});
