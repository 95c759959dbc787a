/** One page of a paginated listing. */
export interface ListingPage<T> {
  items: T[];
  /** 1-based page number. */
  page: number;
  /** Number of pages (at least 1, so an empty listing still has its first page). */
  pages: number;
  /** Number of items over all pages. */
  total: number;
}

/** Items per page of the news index, archives, theme and country listings. */
export const listingPageSize = 20;

/**
 * Cuts a listing into pages; an empty listing gives one empty page, so its URL always exists.
 *
 * @example
 * paginate([1, 2, 3], 2) // [{ items: [1, 2], page: 1, pages: 2, total: 3 }, { items: [3], page: 2, pages: 2, total: 3 }]
 */
export function paginate<T>(items: readonly T[], size = listingPageSize): ListingPage<T>[] {
  const pages = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: pages }, (_, index) => ({
    items: items.slice(index * size, (index + 1) * size),
    page: index + 1,
    pages,
    total: items.length,
  }));
}

/** The path of page `n` of a listing whose first page is at `firstPath` (`/en/news/` → `/en/news/page/2/`). */
export function pagePath(firstPath: string, page: number): string {
  return page <= 1 ? firstPath : `${firstPath}page/${page}/`;
}

/** Page `page` (1-based) of a listing, without cutting the others. */
export function pageOf<T>(items: readonly T[], page: number, size = listingPageSize): ListingPage<T> {
  return { items: items.slice((page - 1) * size, page * size), page, pages: Math.max(1, Math.ceil(items.length / size)), total: items.length };
}
