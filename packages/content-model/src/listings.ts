import { localeCodes, type Locale } from './locales.ts';
import type { ReleasePage } from './releases.ts';

/** An item of a listing in one language: the release in that language, or in another when it is not translated. */
export interface ListingItem {
  page: ReleasePage;
  /** True when the page is in another language than the listing (the release is not translated). */
  foreign: boolean;
}

/**
 * What a list of releases shows of each release: these fields, and only these, reach the list components (of the
 * lead image, its file and its text alternative: the list shows it as a thumbnail).
 */
export const listedFields = ['lang', 'date', 'type', 'title', 'summary', 'path', 'image'] as const;

/** A release as a list shows it (see `listedFields`). */
export type ListedRelease = Pick<ReleasePage, Exclude<(typeof listedFields)[number], 'image'>> & { image?: { src: string; alt: string } };

/** An item of a list as the list components receive it: the release as lists show it, and whether it is foreign. */
export interface ListedItem {
  release: ListedRelease;
  foreign: boolean;
}

/**
 * Items as a list shows them. Lists are drawn from these, and the keys of the pages that hold a list are digests of
 * them, so a field a list starts to show is in those keys without anyone keeping the two in step.
 *
 * @example
 * listedItems(listingFor(pages, 'fr')) // [{ release: { lang: 'fr', date: '2016-09-02', type, title, summary, path, image? }, foreign: false }]
 */
export function listedItems(items: readonly ListingItem[]): ListedItem[] {
  return items.map(({ page, foreign }) => {
    const release = {} as Record<string, unknown>;
    for (const field of listedFields) if (page[field] !== undefined) release[field] = page[field];
    if (page.image) release.image = { src: page.image.src, alt: page.image.alt };
    return { release: release as ListedRelease, foreign };
  });
}

/** Code-unit order: the same on every machine, and far cheaper than `localeCompare` for the 400,000 sorted items of a large site's listings. */
const compareCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Newest first; equal dates by key (code units) so the order never depends on file-system order or on the machine's locale data. */
export function byDateDescending(a: ReleasePage, b: ReleasePage): number {
  return compareCodeUnits(b.date, a.date) || compareCodeUnits(a.key, b.key);
}

/** A release's versions among `pages` (those `filter` keeps), by release. */
function versionsByRelease(pages: readonly ReleasePage[], filter: (page: ReleasePage) => boolean): ReleasePage[][] {
  const byKey = new Map<string, ReleasePage[]>();
  for (const page of pages) {
    if (!filter(page)) continue;
    const group = byKey.get(page.key);
    if (group) group.push(page);
    else byKey.set(page.key, [page]);
  }
  return [...byKey.values()];
}

/** How a reader of `lang` sees a release, from its versions: in `lang`, else in its source language, marked foreign. */
function itemFor(versions: readonly ReleasePage[], lang: Locale): ListingItem {
  const own = versions.find((page) => page.lang === lang);
  return own ? { page: own, foreign: false } : { page: versions.find((page) => page.state === 'source') ?? versions[0]!, foreign: true };
}

/**
 * The releases a reader of `lang` sees in a listing, newest first: each release once, in `lang` when it is
 * translated, else in its source language (marked `foreign`), never an English text passed off under /ar/.
 *
 * @example
 * listingFor(pages, 'ar') // [{ page: <ar version>, foreign: false }, { page: <en source>, foreign: true }, …]
 */
export function listingFor(pages: readonly ReleasePage[], lang: Locale, filter: (page: ReleasePage) => boolean = () => true): ListingItem[] {
  return versionsByRelease(pages, filter)
    .map((versions) => itemFor(versions, lang))
    .sort((a, b) => byDateDescending(a.page, b.page));
}

/**
 * `listingFor(pages, lang)` for every language at once. A release's versions share its date and key, so the releases
 * are grouped and sorted once, not once per language (20,000 releases: the site's news listings in four languages).
 */
export function listingsForEveryLanguage(pages: readonly ReleasePage[]): Map<Locale, ListingItem[]> {
  const releases = versionsByRelease(pages, () => true).sort((a, b) => byDateDescending(a[0]!, b[0]!));
  return new Map(localeCodes.map((lang) => [lang, releases.map((versions) => itemFor(versions, lang))]));
}

/**
 * For the language switcher: the same page in every language, with `path` undefined where no translation exists.
 */
export function languageLinks(available: ReadonlyMap<Locale, string>): { lang: Locale; path: string | undefined }[] {
  return localeCodes.map((lang) => ({ lang, path: available.get(lang) }));
}
