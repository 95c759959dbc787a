/**
 * The part of Pagefind's browser API (1.6, `pagefind.js` in the bundle the build writes) that the search page uses,
 * typed, and how it is loaded: from the site's own origin and base, at run time, in a web worker that Pagefind starts
 * itself (`pagefind-worker.js`, same folder).
 */
import type { PagefindFragment } from './search-results.ts';

/** A filter value, or any of several (Pagefind's compound filters). */
export type PagefindFilterValue = string | { any: string[] };

export interface PagefindSearchOptions {
  filters?: Record<string, PagefindFilterValue>;
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface PagefindResult {
  id: string;
  score: number;
  /** Loads the page's fragment (title, excerpt, meta): one small request per result, so only for results shown. */
  data: () => Promise<PagefindFragment>;
}

export interface PagefindResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  /** For each filter, how many of the results have each value. */
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}

export interface PagefindInstanceOptions {
  /** The bundle's folder, e.g. `/mirror/pagefind/`. */
  basePath: string;
  /** What result URLs are relative to: the site's base. */
  baseUrl: string;
  excerptLength?: number;
  /** A filter added to every page of this first index, e.g. `{ shard: 'en' }` (see sharded-index.ts). */
  mergeFilter?: Record<string, string>;
}

export interface PagefindMergeOptions {
  /** Which language's index of the merged bundle to search (Pagefind keys indexes by `<html lang>`). */
  language: string;
  /** A filter added to every page of the merged index, e.g. `{ lang: 'en' }`, to tell its results apart. */
  mergeFilter?: Record<string, string>;
  baseUrl?: string;
}

export interface PagefindInstance {
  init(): Promise<void>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindResponse | null>;
  mergeIndex(indexPath: string, options: PagefindMergeOptions): Promise<void>;
  /**
   * Every filter value with its number of pages. Loads the filter data: only afterwards do search responses carry
   * `filters` counts.
   */
  filters(): Promise<Record<string, Record<string, number>>>;
  destroy(): Promise<void>;
}

export interface PagefindModule {
  /** An independent search instance; its first index is the page's `<html lang>` (Pagefind 1.6 does not let it be set). */
  createInstance(options: PagefindInstanceOptions): PagefindInstance;
}

/**
 * Loads `pagefind.js` from the site's bundle folder. The URL is only known at run time (it carries the site's base),
 * and the file is written by the build after the script bundle, so Vite must leave this import alone.
 *
 * @example
 * const pagefind = await loadPagefind('/mirror/pagefind/');
 */
export function loadPagefind(bundlePath: string): Promise<PagefindModule> {
  return import(/* @vite-ignore */ `${bundlePath}pagefind.js`) as Promise<PagefindModule>;
}

/** How many words of context an excerpt shows: enough for a sentence on a phone screen. */
export const excerptLength = 24;
