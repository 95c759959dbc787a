import { listingFor, localeCodes, paths, type ListingItem, type Locale, type ReleasePage, type Translate } from '@iom/content-model';

/** What the listings are made from: the site's releases, themes and countries, and how each language names them. */
export interface ListingSources {
  releases: readonly ReleasePage[];
  themes: readonly string[];
  countries: readonly { code: string }[];
  releasesByCountry: ReadonlyMap<string, ReleasePage[]>;
  countryPath: (code: string, lang: Locale) => string | undefined;
  countryName: (code: string, lang: Locale) => string;
  ctx: (lang: Locale) => { t: Translate };
}

/** How many of a country's releases its page shows (the rest is on the country's news listing). */
export const countryPageReleases = 10;

/** A listing of releases in one language: the news index, a year, a theme or a country's news. */
export interface Listing {
  lang: Locale;
  /** Stable identifier, e.g. `news`, `year/2016`, `theme/health`, `country/LY`. */
  id: string;
  /** Path of the first page; further pages are `pagePath(firstPath, n)`. */
  firstPath: string;
  title: string;
  /** The intro shown under the title (the news index only). */
  intro?: string | undefined;
  /** What search engines show under the title (`<meta name="description">`). */
  description: string;
  /** What a reader of the language sees: each release once, in their language where translated. */
  items: ListingItem[];
  /** The same listing in every language (for the language switcher and hreflang). */
  versions: Map<Locale, string>;
  /** Releases written in this language, newest first: what its feeds carry. */
  feedItems: ReleasePage[];
}

function groupBy(pages: readonly ReleasePage[], keys: (page: ReleasePage) => readonly (string | number)[]): Map<string, ReleasePage[]> {
  const groups = new Map<string, ReleasePage[]>();
  for (const page of pages) {
    for (const key of keys(page)) {
      const group = groups.get(String(key));
      if (group) group.push(page);
      else groups.set(String(key), [page]);
    }
  }
  return groups;
}

/**
 * Every listing of the site in every language, computed once: the routes, the feeds and the page inventory all read
 * this one list.
 */
export function buildListings(site: ListingSources): Listing[] {
  const listings: Listing[] = [];
  const byYear = groupBy(site.releases, (page) => [page.year]);
  const byTheme = groupBy(site.releases, (page) => page.themes);
  const add = (
    id: string,
    pathFor: (lang: Locale) => string,
    pages: readonly ReleasePage[],
    text: (lang: Locale) => Pick<Listing, 'title' | 'intro' | 'description'>,
  ) => {
    const versions = new Map(localeCodes.map((lang) => [lang, pathFor(lang)]));
    for (const lang of localeCodes) {
      const items = listingFor(pages, lang);
      listings.push({
        lang,
        id,
        firstPath: pathFor(lang),
        ...text(lang),
        items,
        versions,
        feedItems: items.filter((item) => !item.foreign).map((item) => item.page),
      });
    }
  };
  const t = (lang: Locale) => site.ctx(lang).t;
  add('news', paths.news, site.releases, (lang) => ({ title: t(lang)('news.title'), intro: t(lang)('news.intro'), description: t(lang)('news.intro') }));
  for (const [year, pages] of [...byYear].sort(([a], [b]) => Number(b) - Number(a))) {
    add(`year/${year}`, (lang) => paths.year(lang, year), pages, (lang) => ({ title: t(lang)('archive.year', { year }), description: t(lang)('archive.yearDescription', { year }) }));
  }
  for (const theme of site.themes) {
    add(`theme/${theme}`, (lang) => paths.theme(lang, theme), byTheme.get(theme) ?? [], (lang) => {
      const title = t(lang)(`themes.${theme}`);
      return { title, description: t(lang)('theme.description', { theme: title }) };
    });
  }
  for (const country of site.countries) {
    const countryPath = site.countryPath(country.code, 'en');
    if (!countryPath) continue;
    add(`country/${country.code}`, (lang) => `${site.countryPath(country.code, lang)!}news/`, site.releasesByCountry.get(country.code) ?? [], (lang) => {
      const name = site.countryName(country.code, lang);
      return { title: t(lang)('country.releases', { country: name }), description: t(lang)('country.newsDescription', { country: name }) };
    });
  }
  return listings;
}
