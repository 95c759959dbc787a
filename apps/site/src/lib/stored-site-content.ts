import type { ContentIssue, CountryOverview, Locale, MissingString, OfficialNames, PublishedCountry, PublishedOrganisationContacts, ReleasePage, SitePage, UiStrings } from '@iom/content-model';
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

/** The one entry of the content store: which version of the content the loader shared (see `shareSiteContent`). */
export interface SiteContentPointer {
  kind: 'site-content';
  /** Names one version of the content (a new one after each change, so `astro dev` reloads). */
  digest: string;
}

/**
 * The content shared last in this process. The content loader (loaded with the Astro config) and the pages (loaded by
 * Vite: the module runner in `astro dev`, the server bundle in `astro build`) are different module instances in one
 * process, so it lives on `globalThis` under a registered symbol: both find the same one, and its version count
 * survives a module being loaded again.
 */
const registry = ((globalThis as { [key: symbol]: unknown })[Symbol.for('@iom/site/shared-site-content')] ??= { version: 0 }) as { version: number; latest?: { digest: string; content: StoredSiteContent } };

/**
 * Hands the site's content to the pages of this process; what the loader puts in Astro's content store is the
 * returned pointer only. Astro inlines the whole store into the server bundle (with `collectionStorage: 'chunked'`
 * too, as several strings), so a store holding 20,000 pages made bundling slow and heavy; and nothing is written or
 * parsed again, which a saved release in the preview, and a build, would otherwise wait for. The pointer's digest is
 * new each time (the process id keeps two processes' versions apart), so Astro's store changes and `astro dev`
 * reloads the browser.
 */
export function shareSiteContent(content: StoredSiteContent): SiteContentPointer {
  const digest = `shared-${process.pid}-${++registry.version}`;
  registry.latest = { digest, content };
  return { kind: 'site-content', digest };
}

/**
 * The content this process shared last, and its digest. Pages read it directly, not through the content store:
 * Astro writes its store and tells the pages about it half a second after a change, and a saved release in the
 * preview should show sooner than that.
 */
export function sharedSiteContent(): { digest: string; content: StoredSiteContent } | undefined {
  return registry.latest;
}

/** The HTML of a stored body (read from the content cache at render time, so that no process holds every body). */
export function bodyHtml(entry: StoredBody): string {
  return entry.html ?? (entry.stored ? readStoredBody(entry.stored) : '');
}
