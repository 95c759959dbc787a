import { listingsForEveryLanguage, localeCodes, paths, type ListingItem, type Locale, type ReleasePage, type Translate } from '@iom/content-model';

/** What the listings are made from: the site's releases, themes and countries, and how each language names them. */
export interface ListingSources {
  releases: readonly ReleasePage[];
  themes: readonly string[];
  countries: readonly { code: string }[];
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

/**
 * Every listing of the site in every language, computed once: the routes, the feeds and the page inventory all read
 * this one list.
 *
 * A listing is `listingFor(the releases of its year, theme or country, lang)`. Since a release's translations share
 * its facts (date, themes, countries), that is the language's news listing with the other releases left out: each
 * language's news listing is made once (all four from one sort), then dealt out in order (20,000 releases: 220 listings per language
 * sorted apart took 0.4 s of every build, update builds included).
 */
export function buildListings(site: ListingSources): Listing[] {
  const listings: Listing[] = [];
  const news = listingsForEveryLanguage(site.releases);
  /** By language, the items of every year, theme and country listing (`year/2016`, `theme/health`, `country/LY`). */
  const dealt = new Map(
    localeCodes.map((lang) => {
      const byId = new Map<string, ListingItem[]>();
      const deal = (id: string, item: ListingItem) => {
        const items = byId.get(id);
        if (items) items.push(item);
        else byId.set(id, [item]);
      };
      for (const item of news.get(lang)!) {
        deal(`year/${item.page.year}`, item);
        for (const theme of item.page.themes) deal(`theme/${theme}`, item);
        for (const code of item.page.countries) deal(`country/${code}`, item);
      }
      return [lang, byId];
    }),
  );
  const years = [...new Set(site.releases.map((page) => String(page.year)))].sort((a, b) => Number(b) - Number(a));
  const add = (id: string, pathFor: (lang: Locale) => string, text: (lang: Locale) => Pick<Listing, 'title' | 'intro' | 'description'>) => {
    const versions = new Map(localeCodes.map((lang) => [lang, pathFor(lang)]));
    for (const lang of localeCodes) {
      const items = id === 'news' ? news.get(lang)! : (dealt.get(lang)!.get(id) ?? []);
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
  add('news', paths.news, (lang) => ({ title: t(lang)('news.title'), intro: t(lang)('news.intro'), description: t(lang)('news.intro') }));
  for (const year of years) {
    add(`year/${year}`, (lang) => paths.year(lang, year), (lang) => ({ title: t(lang)('archive.year', { year }), description: t(lang)('archive.yearDescription', { year }) }));
  }
  for (const theme of site.themes) {
    add(`theme/${theme}`, (lang) => paths.theme(lang, theme), (lang) => {
      const title = t(lang)(`themes.${theme}`);
      return { title, description: t(lang)('theme.description', { theme: title }) };
    });
  }
  for (const country of site.countries) {
    const countryPath = site.countryPath(country.code, 'en');
    if (!countryPath) continue;
    add(`country/${country.code}`, (lang) => `${site.countryPath(country.code, lang)!}news/`, (lang) => {
      const name = site.countryName(country.code, lang);
      return { title: t(lang)('country.releases', { country: name }), description: t(lang)('country.newsDescription', { country: name }) };
    });
  }
  return listings;
}
