/**
 * Keys of what each page shows, so that a rebuild renders only the pages whose key changed (the update build of
 * @iom/site-build, see its README).
 *
 * A key is a digest of everything a page reads from the site's data: the page's release (all its fields, the body's
 * rendered file among them), what it lists or links to (related releases, listing items), the UI strings of its
 * language and the site-wide tables (themes, countries, official names), and the bytes of the media files it shows.
 * The code is not in the keys: any change to the site's code, the locale table or the build settings makes the next
 * build a full one (the build script's fingerprint).
 *
 * Routes take their entries and keys from the page registry (page-registry.ts), which calls site-build's
 * `renderChanged` with keys made here.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { digest } from '@iom/site-build';
import { listedItems, localeCodes, type ListingItem, type Locale, type MissingString, type OfficialNames, type UiStrings } from '@iom/content-model';
import { contentDir } from '../site-config.ts';

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
  /** The main menu of each language: on every page. */
  menus: Record<Locale, unknown>;
}): PageKeys {
  const shared = digest(site.themes, site.officialNames, site.countries, site.organisationContacts);
  const bySite = new Map(localeCodes.map((lang) => [lang, digest(shared, site.strings[lang], site.missingStrings.filter((missing) => missing.lang === lang), site.menus[lang])]));
  const releases = new WeakMap<object, string>();
  const listed = new WeakMap<object, string>();
  const mediaFiles = new Map<string, string>();
  // Most release pages show no photo and list no related release: those parts of their keys are this one digest.
  const nothing = digest([]);
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
      if (files.length === 0) return nothing;
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
    items: (items) => (items.length === 0 ? nothing : digest(items.map((item) => [asListed(item), item.foreign]))),
  };
}
