/**
 * Keys of what each page shows, so that a rebuild renders only the pages whose key changed (the update build of
 * scripts/build.ts, see scripts/update-build/README.md).
 *
 * A key is a digest of everything a page reads from the site's data: the page's release (all its fields, the body's
 * rendered file among them), what it lists or links to (related releases, listing items), the UI strings of its
 * language and the site-wide tables (themes, countries, official names), and the bytes of the media files it shows.
 * The code is not in the keys: any change to the site's code, the locale table or the build settings makes the next
 * build a full one (the build script's fingerprint).
 *
 * Routes call {@link renderChanged} from `getStaticPaths`: it records every key (SITE_PAGE_KEYS_DIR) and, in an
 * update build (SITE_PREVIOUS_PAGE_KEYS), returns only the entries whose key is new or changed.
 */
import { createHash, hash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { listedItems, localeCodes, type ListingItem, type Locale, type MissingString, type OfficialNames, type UiStrings } from '@iom/content-model';
import { contentDir } from '../site-config.ts';

/** Variables the build script sets for Astro. */
export const pageKeysVariables = {
  /** Folder where each route writes the keys of all its pages (`<route>.json`: output file → key). */
  out: 'SITE_PAGE_KEYS_DIR',
  /** The keys of the previous build (one JSON object, output file → key): set only for an update build. */
  previous: 'SITE_PREVIOUS_PAGE_KEYS',
} as const;

/** A `getStaticPaths` entry with the file it writes (from the site root, `en/news/x/index.html`) and its key. */
export interface KeyedEntry<T> {
  entry: T;
  file: string;
  key: string;
}

/** A short digest of any JSON-serializable values (`crypto.hash`: one call, no hash object, for 60,000 keys a build). */
export function digest(...parts: unknown[]): string {
  return hash('sha256', JSON.stringify(parts), 'base64url').slice(0, 22);
}

let previous: Map<string, string> | null | undefined;

function previousKeys(): Map<string, string> | null {
  if (previous === undefined) {
    const file = process.env[pageKeysVariables.previous];
    previous = file ? new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>)) : null;
  }
  return previous;
}

/**
 * Records the keys of a route's pages and returns the entries to render: all of them, or in an update build those
 * whose key is new or changed.
 *
 * @example
 * export async function getStaticPaths() {
 *   const site = await getSiteData();
 *   return renderChanged('release', site.releases.map((page) => ({ entry: { params: …, props: { page } }, file: `${page.path.slice(1)}index.html`, key: site.keys.release(page) })));
 * }
 */
export function renderChanged<T>(route: string, entries: readonly KeyedEntry<T>[]): T[] {
  const out = process.env[pageKeysVariables.out];
  if (out) writeFileSync(path.join(out, `${route}.json`), JSON.stringify(Object.fromEntries(entries.map(({ file, key }) => [file, key]))));
  const before = previousKeys();
  return (before ? entries.filter(({ file, key }) => before.get(file) !== key) : entries).map(({ entry }) => entry);
}

/** The keys of the site's pages, from its data (computed once per build, see `SiteData.keys`). */
export interface PageKeys {
  /** UI strings of the language and the site-wide tables: in every page's key. */
  site(lang: Locale): string;
  /** Everything a release page shows of its release (memoized per page). */
  release(page: object): string;
  /** The bytes of the files a page shows (paths from the content folder: `media/…`, `releases/…/photo.jpg`). */
  media(files: readonly string[]): string;
  /**
   * What a list of releases shows: each item exactly as the list components receive it (content-model's
   * `listedItems`), so editing a release's text renders its own pages again, not every listing it appears in.
   */
  items(items: readonly ListingItem[]): string;
}

/** Builds the key functions for a site's data. */
export function createPageKeys(site: {
  strings: Record<Locale, UiStrings>;
  themes: readonly string[];
  officialNames: OfficialNames;
  countries: readonly object[];
  organisationContacts: object;
  missingStrings: readonly MissingString[];
}): PageKeys {
  const shared = digest(site.themes, site.officialNames, site.countries, site.organisationContacts);
  const bySite = new Map(localeCodes.map((lang) => [lang, digest(shared, site.strings[lang], site.missingStrings.filter((missing) => missing.lang === lang))]));
  const releases = new WeakMap<object, string>();
  const listed = new WeakMap<object, string>();
  const mediaFiles = new Map<string, string>();
  const release = (page: object) => {
    let key = releases.get(page);
    if (key === undefined) {
      key = digest(page);
      releases.set(page, key);
    }
    return key;
  };
  // A release appears in many listings: its listed form is digested once.
  const asListed = (item: ListingItem) => {
    let key = listed.get(item.page);
    if (key === undefined) {
      key = digest(listedItems([{ page: item.page, foreign: false }])[0]!.release);
      listed.set(item.page, key);
    }
    return key;
  };
  return {
    site: (lang) => bySite.get(lang)!,
    release,
    media(files) {
      return digest(
        files.map((file) => {
          let key = mediaFiles.get(file);
          if (key === undefined) {
            try {
              key = createHash('sha256').update(readFileSync(path.join(contentDir, file))).digest('base64url');
            } catch {
              key = 'missing';
            }
            mediaFiles.set(file, key);
          }
          return key;
        }),
      );
    },
    items: (items) => digest(items.map((item) => [asListed(item), item.foreign])),
  };
}
