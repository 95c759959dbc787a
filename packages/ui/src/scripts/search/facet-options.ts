/**
 * The values each filter of a language's search page offers: exactly those that pages of that language carry (a
 * filter value with no page behind it would be a dead end), each with its label in that language, in an order
 * readers of that language expect. Used at build time by the search page; the script only relabels them.
 */
import { facetNames, type FacetName } from './search-state.ts';

/** The facts of a language's pages that filters are made of (identifiers only). */
export interface FacetSource {
  releases: readonly { type: string; year: number; countries: readonly string[]; themes: readonly string[] }[];
  /** Codes of the countries that have a country page in this language. */
  countryPages: readonly string[];
  /** Region identifier of a country code. */
  regionOf: (code: string) => string | undefined;
}

export interface FacetOption {
  /** Stable identifier: the Pagefind filter value and the URL parameter value. */
  id: string;
  label: string;
}

/**
 * Lists each filter's values with labels: types, countries, regions and themes sorted by label with the language's
 * collation, years newest first.
 *
 * @example
 * facetOptions({ releases: [{ type: 'news', year: 2016, countries: ['LY'], themes: [] }], countryPages: ['TN'], regionOf: () => 'middle-east-north-africa' }, (facet, id) => id, 'fr')
 * // { type: [{ id: 'news', … }], country: [LY, TN], region: [middle-east-north-africa], theme: [], year: [{ id: '2016', … }] }
 */
export function facetOptions(source: FacetSource, label: (facet: FacetName, id: string) => string, lang: string): Record<FacetName, FacetOption[]> {
  const ids: Record<FacetName, Set<string>> = { type: new Set(), country: new Set(), region: new Set(), theme: new Set(), year: new Set() };
  for (const release of source.releases) {
    ids.type.add(release.type);
    ids.year.add(String(release.year));
    for (const code of release.countries) ids.country.add(code);
    for (const theme of release.themes) ids.theme.add(theme);
  }
  for (const code of source.countryPages) ids.country.add(code);
  for (const code of ids.country) {
    const region = source.regionOf(code);
    if (region) ids.region.add(region);
  }
  const collator = new Intl.Collator(lang);
  const options = {} as Record<FacetName, FacetOption[]>;
  for (const facet of facetNames) {
    const list = [...ids[facet]].map((id) => ({ id, label: label(facet, id) }));
    options[facet] = facet === 'year' ? list.sort((a, b) => Number(b.id) - Number(a.id)) : list.sort((a, b) => collator.compare(a.label, b.label));
  }
  return options;
}
