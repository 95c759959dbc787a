/**
 * The state of a search as it lives in the URL: `?q=rescue&type=news&country=LY&sort=newest`. One reader and one
 * writer, so that a shared link, the plain form (no script) and the script all agree on the parameter names.
 */
import { normalizeArabicQuery } from './arabic-normalize.ts';

/** The filters of the search page, in the order the form shows them. Names are Pagefind filter keys and URL parameters. */
export const facetNames = ['type', 'country', 'region', 'theme', 'year'] as const;
export type FacetName = (typeof facetNames)[number];

/** Result orders: Pagefind's relevance, or by the `date` sort key of releases. */
export const sortOrders = ['relevance', 'newest', 'oldest'] as const;
export type SortOrder = (typeof sortOrders)[number];

export interface SearchState {
  /** The query as the reader typed it (shown back in the box and in messages). */
  q: string;
  /** One stable identifier per facet at most, e.g. `{ type: 'news', country: 'LY' }`. */
  filters: Partial<Record<FacetName, string>>;
  sort: SortOrder;
}

const isSortOrder = (value: string): value is SortOrder => (sortOrders as readonly string[]).includes(value);

/**
 * Reads a search from a query string. Unknown parameters are ignored; an empty value is no filter; an unknown sort is
 * relevance. Whitespace around values is trimmed (a pasted link often carries some).
 *
 * @example
 * readSearchState('?q=rescue&type=news&country=LY')
 * // { q: 'rescue', filters: { type: 'news', country: 'LY' }, sort: 'relevance' }
 */
export function readSearchState(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const filters: SearchState['filters'] = {};
  for (const name of facetNames) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value;
  }
  const sort = params.get('sort')?.trim() ?? '';
  return { q: params.get('q')?.trim() ?? '', filters, sort: isSortOrder(sort) ? sort : 'relevance' };
}

/**
 * Writes a search as a query string, in a fixed order, leaving out what is empty or default, so that the same search
 * always gives the same link. The plain form submits the same names.
 *
 * @example
 * writeSearchState({ q: 'rescue', filters: { country: 'LY' }, sort: 'relevance' }) // '?q=rescue&country=LY'
 * writeSearchState({ q: '', filters: {}, sort: 'relevance' }) // ''
 */
export function writeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const name of facetNames) {
    const value = state.filters[name];
    if (value) params.set(name, value);
  }
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Whether a search asks for anything: a query or at least one filter (a filter alone lists all its pages). */
export function isActiveSearch(state: SearchState): boolean {
  return state.q.trim() !== '' || Object.keys(state.filters).length > 0;
}

/** What Pagefind's `search(term, options)` receives for a search state. */
export interface PagefindQuery {
  /** The normalized query, or null to list every page that passes the filters. */
  term: string | null;
  options: { filters: Record<string, string>; sort: Record<string, 'asc' | 'desc'> };
}

/**
 * Turns a search state into Pagefind's arguments: the query normalized for Arabic (the index was normalized the same
 * way), the filters by identifier, the sort by the `date` key.
 *
 * @example
 * toPagefindQuery({ q: 'والمفوضية', filters: { year: '2016' }, sort: 'newest' })
 * // { term: 'المفوضية', options: { filters: { year: '2016' }, sort: { date: 'desc' } } }
 */
export function toPagefindQuery(state: SearchState): PagefindQuery {
  const term = normalizeArabicQuery(state.q);
  const filters: Record<string, string> = {};
  for (const name of facetNames) {
    const value = state.filters[name];
    if (value) filters[name] = value;
  }
  const sort: PagefindQuery['options']['sort'] = state.sort === 'newest' ? { date: 'desc' } : state.sort === 'oldest' ? { date: 'asc' } : {};
  return { term: term === '' ? null : term, options: { filters, sort } };
}
