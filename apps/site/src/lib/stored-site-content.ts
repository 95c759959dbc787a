import { createHash } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ContentIssue, CountryOverview, Locale, MissingString, OfficialNames, PublishedCountry, PublishedOrganisationContacts, ReleasePage, SitePage, UiStrings } from '@iom/content-model';
import { writeFileAtomic } from '@iom/files';
import { readStoredBody, type StoredBodyRef } from '@iom/site-build/content';

/** A rendered body as the loader stored it: the HTML itself, or where it is in the content cache. */
export interface StoredBody {
  html?: string | undefined;
  stored?: StoredBodyRef | undefined;
  /** Files the body shows or links to, from the content folder (`media/sample/rescue-boat.jpg`). */
  media?: string[] | undefined;
}

/** A release page with its rendered body, as the loader stored it. */
export type RenderedRelease = ReleasePage & { kind: 'release' } & StoredBody;
/** A country record as the loader stored it: published values only (placeholders never reach the site). */
export type CountryEntry = PublishedCountry & { kind: 'country' };
/** A country overview with its rendered text. */
export type RenderedOverview = CountryOverview & { kind: 'overview' } & StoredBody;
/** A section page (Who we are, Our work, …) with its rendered text. */
export type RenderedSitePage = SitePage & { kind: 'page' } & StoredBody;
/** What the site holds besides pages: UI strings, themes, official names, content problems (shown in `astro dev`). */
export interface MetaEntry {
  kind: 'meta';
  issues: ContentIssue[];
  strings: Record<Locale, UiStrings>;
  themes: string[];
  officialNames: OfficialNames;
  missingStrings: MissingString[];
  /** The organisation's fallback contacts, confirmed values only. */
  organisationContacts: PublishedOrganisationContacts;
  /** How many contact values are still placeholders, in how many records (for editors; the values stay out). */
  unconfirmed: { values: number; records: number };
}

/** Everything the content loader read, as written to the site-content file. */
export interface StoredSiteContent {
  releases: RenderedRelease[];
  countries: CountryEntry[];
  overviews: RenderedOverview[];
  pages: RenderedSitePage[];
  meta: MetaEntry;
}

/** The one entry of the content store: where the site's content is, and its digest. */
export interface SiteContentPointer {
  kind: 'site-content';
  /** Absolute path of the JSON file; absent when the content was handed over in memory (`shareSiteContent`). */
  file?: string | undefined;
  /** sha256 of the file's bytes, or the version of content shared in memory (changes when the content does, so `astro dev` reloads). */
  digest: string;
}

/**
 * Writes the site's content as one JSON file in `<cacheDir>/site-content/`, named by its digest, and removes the files
 * of earlier syncs. The write is atomic (temporary file, then rename), so a reader never sees half a file.
 *
 * @example
 * const pointer = await writeSiteContent(cacheDir, { releases, countries, overviews, meta });
 * // { kind: 'site-content', file: '…/site-content/3f2a….json', digest: '3f2a…' }
 */
export async function writeSiteContent(cacheDir: string, content: StoredSiteContent): Promise<SiteContentPointer> {
  const json = JSON.stringify(content);
  const digest = createHash('sha256').update(json).digest('hex');
  const dir = path.join(cacheDir, 'site-content');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${digest.slice(0, 24)}.json`);
  // Named by its digest: a file of that name holds these very bytes (a rebuild with no content change writes nothing).
  if (!existsSync(file)) await writeFileAtomic(file, json);
  for (const name of await readdir(dir)) {
    if (name !== path.basename(file) && !name.endsWith('.tmp')) await rm(path.join(dir, name), { force: true });
  }
  return { kind: 'site-content', file, digest };
}

const parsed = new Map<string, StoredSiteContent>();

/**
 * Content shared in memory, by digest. In `astro dev` the content loader (loaded with the Astro config) and the pages
 * (loaded by Vite's module runner) are different module instances in one process, so the registry lives on
 * `globalThis` under a registered symbol: both find the same one, and its version count survives a module reload.
 */
const registry = ((globalThis as { [key: symbol]: unknown })[Symbol.for('@iom/site/shared-site-content')] ??= { version: 0, content: new Map() }) as { version: number; content: Map<string, StoredSiteContent> };

/**
 * Hands the site's content to the pages of this process without writing it anywhere: what the translators' preview
 * does after each save, where writing and parsing the whole site's JSON again would take most of the time a save may
 * take to show. The digest is a new version each time (the process id keeps two processes' versions apart).
 */
export function shareSiteContent(content: StoredSiteContent): SiteContentPointer {
  const digest = `shared-${process.pid}-${++registry.version}`;
  registry.content.clear();
  registry.content.set(digest, content);
  return { kind: 'site-content', digest };
}

/**
 * The content this process shared last, if any. In the preview, pages read it rather than the content store's
 * pointer: Astro writes its store and tells the pages about it half a second after a change, and a saved release
 * should show sooner than that.
 */
export function latestSharedSiteContent(): SiteContentPointer | undefined {
  const digest = [...registry.content.keys()].at(-1);
  return digest === undefined ? undefined : { kind: 'site-content', digest };
}

/** Reads the site content a pointer names: shared in memory, or its file (parsed once per digest). */
export function readStoredSiteContent(pointer: SiteContentPointer): StoredSiteContent {
  let content = registry.content.get(pointer.digest) ?? parsed.get(pointer.digest);
  if (!content) {
    if (!pointer.file) throw new Error(`The site content ${pointer.digest} was shared by a process that has ended; start the preview again.`);
    content = JSON.parse(readFileSync(pointer.file, 'utf8')) as StoredSiteContent;
    parsed.clear();
    parsed.set(pointer.digest, content);
  }
  return content;
}

/** The HTML of a stored body (read from the content cache at render time, so that no process holds every body). */
export function bodyHtml(entry: StoredBody): string {
  return entry.html ?? (entry.stored ? readStoredBody(entry.stored) : '');
}
