/**
 * Search facets of a page, by stable identifier (the search page shows them with labels in the reader's language).
 * Pagefind reads them from one `data-pagefind-filter` attribute.
 */
export interface SearchFacets {
  /** `release` or `country`. */
  kind: 'release' | 'country';
  /** Release type identifier, e.g. `press-release`. */
  type?: string | undefined;
  year?: number | undefined;
  /** ISO codes, e.g. `LY`. */
  country?: readonly string[];
  /** Region identifiers, e.g. `middle-east-north-africa`. */
  region?: readonly string[];
  /** Theme identifiers. */
  theme?: readonly string[];
}

// Pagefind splits the attribute at commas and each part at its first colon; a comma inside a value is escaped.
const escapeValue = (value: string) => value.replace(/\\/g, '\\\\').replace(/,/g, '\\,');

/**
 * The `data-pagefind-filter` value for a page's facets; repeated keys give several values of one filter.
 *
 * @example
 * pagefindFilters({ kind: 'release', type: 'news', year: 2016, country: ['LY', 'TN'] })
 * // 'kind:release, type:news, year:2016, country:LY, country:TN'
 */
export function pagefindFilters(facets: SearchFacets): string {
  const parts: string[] = [`kind:${facets.kind}`];
  if (facets.type) parts.push(`type:${escapeValue(facets.type)}`);
  if (facets.year !== undefined) parts.push(`year:${facets.year}`);
  for (const key of ['country', 'region', 'theme'] as const) {
    for (const value of new Set(facets[key] ?? [])) parts.push(`${key}:${escapeValue(value)}`);
  }
  return parts.join(', ');
}
