/**
 * What the search page tells its script: the Pagefind bundle's address, the languages, the localized labels of the
 * filter identifiers and the UI strings the script shows. SearchPanel.astro renders it into a
 * `<script type="application/json">` block (data, never executed); the script reads it back with
 * {@link readSearchConfig}. Nothing here is hard-coded in the script, so one bundle serves every language and base.
 */
import type { FacetName } from './search-state.ts';

/** A language of the site as the search page presents it. */
export interface SearchLanguage {
  /** Locale code used in URLs, e.g. `fr`. */
  code: string;
  /** BCP 47 tag for `lang` attributes, e.g. `fr`. */
  lang: string;
  dir: 'ltr' | 'rtl';
  /** The language's name in the page's language, e.g. `anglais` on a French page. */
  name: string;
  /** This language's search page (with the site's base), for "all results in …" links. */
  searchPath: string;
}

/** The UI strings the script needs; each is a `t()` result with `{placeholders}` left in. */
export interface SearchStrings {
  /** `Results for “{query}”: {count}` */
  resultCount: string;
  /** `Pages: {count}` (filters without a query) */
  filterCount: string;
  /** `No results for “{query}” in {language}.` */
  noResults: string;
  /** `Results in other languages: {list}.` */
  otherLanguages: string;
  /** `{language} ({count})` */
  languageCount: string;
  /** `No results in any language. Try other words or fewer filters.` */
  noResultsAnywhere: string;
  /** `See all {count} results in {language}` */
  allInLanguage: string;
  /** `Search is not available right now…` */
  unavailable: string;
  /** Label of country pages among the results. */
  countryPage: string;
  /** `{label} ({count})`: a filter option with its number of results. */
  optionCount: string;
}

export interface SearchConfig {
  /** Locale code of the page, e.g. `ar`. */
  lang: string;
  /** The Pagefind bundle with the site's base, e.g. `/mirror/pagefind/`. */
  bundlePath: string;
  /** The site's base, e.g. `/mirror/`: result URLs from the index are relative to it. */
  siteBase: string;
  /** Every language of the site, this one included, in locale-table order. */
  languages: SearchLanguage[];
  /** For each filter, identifier → label in the page's language. */
  labels: Record<FacetName, Record<string, string>>;
  strings: SearchStrings;
}

/** The id of the data block. */
export const searchConfigId = 'search-config';

/**
 * Serializes the config for a `<script type="application/json">` block: `<` is escaped so that no label can close
 * the element early.
 *
 * @example
 * serializeSearchConfig({ ...config, strings: { ...strings, countryPage: '</script>' } }) // contains '\\u003c/script>'
 */
export function serializeSearchConfig(config: SearchConfig): string {
  return JSON.stringify(config).replace(/</g, '\\u003c');
}

/** Reads the config block rendered by SearchPanel.astro; throws when the page has none (a programming error). */
export function readSearchConfig(doc: Document): SearchConfig {
  const block = doc.getElementById(searchConfigId);
  if (!block?.textContent) throw new Error(`The search page has no #${searchConfigId} block.`);
  return JSON.parse(block.textContent) as SearchConfig;
}

/**
 * Fills `{name}` placeholders, like `t()` on the server.
 *
 * @example
 * format('Results for “{query}”: {count}', { query: 'Libya', count: 3 }) // 'Results for “Libya”: 3'
 */
export function format(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/**
 * The label of a filter value in the page's language; the identifier itself when the page has no label for it (a
 * value added to the content after the page was built), so that nothing is ever blank.
 *
 * @example
 * facetLabel(config.labels, 'country', 'LY') // 'Libye' on the French page
 * facetLabel(config.labels, 'country', 'ZZ') // 'ZZ'
 */
export function facetLabel(labels: SearchConfig['labels'], facet: FacetName, id: string): string {
  return labels[facet]?.[id] ?? id;
}
