/**
 * From what Pagefind returns to what the search page shows: one {@link SearchHit} per page, its language, its excerpt
 * as text and highlighted parts (never HTML), and the grouping of other languages' results.
 */
import { restoreArabicDisplay } from './arabic-normalize.ts';

/** The part of a Pagefind result's `data()` that the page uses. */
export interface PagefindFragment {
  url: string;
  /** Text with `<mark>` around matched words; `<` and `>` of the content are escaped as `&lt;` and `&gt;`. */
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

/** A piece of an excerpt: plain text, or a matched word to highlight. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/** A result as the page shows it. */
export interface SearchHit {
  url: string;
  /** Locale code of the page's language (from its URL), e.g. `en`. */
  lang: string | undefined;
  title: string;
  excerpt: ExcerptPart[];
  /** `YYYY-MM-DD`, for releases. */
  date: string | undefined;
  /** Release type identifier, e.g. `press-release`. */
  type: string | undefined;
  /** `release`, `country`, or undefined for other pages. */
  kind: string | undefined;
}

/**
 * Splits a Pagefind excerpt into text and highlighted parts, so that the page builds it with text nodes and `<mark>`
 * elements and never assigns HTML. Undoes the index-time Arabic separation on the way.
 *
 * @example
 * excerptParts('rescue <mark>at sea</mark> &lt;3')
 * // [{ text: 'rescue ', mark: false }, { text: 'at sea', mark: true }, { text: ' <3', mark: false }]
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  restoreArabicDisplay(excerpt)
    .split(/(<mark>[\s\S]*?<\/mark>)/)
    .forEach((piece) => {
      const mark = piece.startsWith('<mark>');
      const text = (mark ? piece.slice(6, -7) : piece).replace(/&lt;/g, '<').replace(/&gt;/g, '>');
      if (text) parts.push({ text, mark });
    });
  return parts;
}

/**
 * The locale code of a result URL: its first path segment after the site's base, when that is one of `codes`.
 * Pagefind gives URLs with the base (`/mirror/fr/news/…`) or, for a merged index, possibly absolute.
 *
 * @example
 * languageOfUrl('/mirror/fr/news/x/', '/mirror/', ['en', 'fr']) // 'fr'
 * languageOfUrl('/about/', '/', ['en', 'fr']) // undefined
 */
export function languageOfUrl(url: string, siteBase: string, codes: readonly string[]): string | undefined {
  const pathname = new URL(url, 'http://site.invalid').pathname;
  const base = siteBase.endsWith('/') ? siteBase : `${siteBase}/`;
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//, '');
  const first = rest.split('/')[0] ?? '';
  return codes.includes(first) ? first : undefined;
}

/**
 * Turns a Pagefind fragment into a hit. The title falls back to the URL (a page without a heading still gets a
 * link text).
 *
 * @example
 * toSearchHit({ url: '/en/news/x/', excerpt: 'a <mark>b</mark>', meta: { title: 'X', date: '2016-09-02', type: 'news' }, filters: { kind: ['release'] } }, '/', ['en'])
 * // { url: '/en/news/x/', lang: 'en', title: 'X', date: '2016-09-02', type: 'news', kind: 'release', excerpt: [...] }
 */
export function toSearchHit(fragment: PagefindFragment, siteBase: string, codes: readonly string[]): SearchHit {
  return {
    url: fragment.url,
    lang: languageOfUrl(fragment.url, siteBase, codes),
    title: restoreArabicDisplay(fragment.meta.title?.trim() || fragment.url),
    excerpt: excerptParts(fragment.excerpt),
    date: fragment.meta.date || undefined,
    type: fragment.meta.type || undefined,
    kind: fragment.filters.kind?.[0],
  };
}

const comparable = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

/**
 * Whether a result really matches the query, judged from the words its excerpt highlights: at least one of them
 * contains the start (up to four letters) of a query term, accents and tashkeel aside.
 *
 * Why: when no indexed word starts with a query term, Pagefind 1.6 falls back to the longest indexed word that the
 * term starts with (`find_word_extensions` in pagefind_web/src/search.rs), so a French search for "drought" matches the
 * "d" of "d'" and a Spanish one for "overcrowded" the word "o". Such pages are not results for a reader, and they must
 * not stop the search page from offering the other languages.
 *
 * @example
 * isRealMatch(excerptParts('the <mark>drought</mark> deepens'), 'drought') // true
 * isRealMatch(excerptParts('République islamique <mark>d').</mark>'), 'drought') // false
 * isRealMatch(excerptParts('<mark>والمفوضية</mark>'), 'المفوضية') // true
 */
export function isRealMatch(excerpt: readonly ExcerptPart[], query: string): boolean {
  const marks = excerpt.filter((part) => part.mark).map((part) => comparable(part.text)).filter(Boolean);
  return query
    .split(/\s+/)
    .map(comparable)
    .filter(Boolean)
    .some((term) => marks.some((mark) => mark.includes(term.slice(0, 4))));
}

/** The results of one other language, for "Results in other languages". */
export interface LanguageGroup {
  lang: string;
  /** How many pages of that language match (more than are shown). */
  count: number;
  hits: SearchHit[];
}

/**
 * Orders per-language counts for display: languages with results only, in locale-table order (predictable for
 * readers, whatever the counts), the page's own language left out.
 *
 * @example
 * languagesWithResults({ es: 1, en: 2, ar: 0 }, ['en', 'fr', 'es', 'ar'], 'fr')
 * // [{ lang: 'en', count: 2 }, { lang: 'es', count: 1 }]
 */
export function languagesWithResults(counts: Readonly<Record<string, number>>, order: readonly string[], own: string): { lang: string; count: number }[] {
  return order.filter((lang) => lang !== own && (counts[lang] ?? 0) > 0).map((lang) => ({ lang, count: counts[lang]! }));
}
