/**
 * The copy of a page that Pagefind reads, made from the page's HTML so that these things happen to the copy, never to
 * the page itself:
 * - Arabic pages are normalized for search (`normalizeArabicHtml`, shared with the search page's query
 *   normalization; see packages/ui/src/scripts/search/README.md for what it fixes and why).
 * - `data-pagefind-filter` / `-meta` / `-sort` attributes that list several `key:value` pairs are rewritten into a
 *   form Pagefind reads (see {@link splitPagefindAttributes}).
 * - Passages in another language than the page's (the English summary of an untranslated release on the French home
 *   page) are left out of the page's index (see {@link ignoreOtherLanguages}).
 * - `<html lang>` names the shard's index (see {@link withIndexName}).
 * Only pages that mark their content with `data-pagefind-body` are indexed; page chrome is outside it, and screen-reader
 * only text is excluded by selector.
 */
import { normalizeArabicHtml } from '@iom/ui/scripts/search/arabic-normalize';

/** Elements inside page bodies that are not content: text for screen readers only (its words are page chrome). */
export const excludeSelectors = ['.visually-hidden'];

const pairList = /^\s*[^\s:,[\]]+:/;

/**
 * Rewrites a Pagefind attribute that lists several `key:value` pairs into Pagefind's attribute-reference form.
 *
 * Why: Pagefind (1.6, `parse_attr_string` in pagefind/src/fossick/parser.rs) splits such an attribute at its first
 * colon only, so `data-pagefind-filter="kind:release, type:news"` gives one filter `kind` with the value
 * `release, type:news`. Several `key[attribute]` references before an optional single `key:value` are read, though, so
 * each pair becomes `key[data-pf-…]` with its value in an attribute of its own. A comma escaped as `\,` (see
 * content-model's `pagefindFilters`) is a comma of the value. Attributes with a single pair are left as they are.
 *
 * @example
 * splitPagefindAttributes('<article data-pagefind-filter="kind:release, country:LY, country:TN">')
 * // '<article data-pagefind-filter="kind[data-pf-filter-0], country[data-pf-filter-1], country[data-pf-filter-2]"
 * //   data-pf-filter-0="release" data-pf-filter-1="LY" data-pf-filter-2="TN">'
 */
export function splitPagefindAttributes(html: string): string {
  return html.replace(/ data-pagefind-(filter|meta|sort)="([^"]*)"/g, (whole, kind: string, value: string) => {
    const pairs = splitPairs(value);
    if (pairs.length < 2 || !pairs.every((pair) => pairList.test(pair))) return whole;
    const references = pairs.map((pair, index) => `${pair.slice(0, pair.indexOf(':')).trim()}[data-pf-${kind}-${index}]`);
    const values = pairs.map((pair, index) => ` data-pf-${kind}-${index}="${pair.slice(pair.indexOf(':') + 1).trim()}"`);
    return ` data-pagefind-${kind}="${references.join(', ')}"${values.join('')}`;
  });
}

function splitPairs(value: string): string[] {
  const pairs: string[] = [];
  let current = '';
  for (let index = 0; index < value.length; index++) {
    const character = value[index]!;
    if (character === '\\' && index + 1 < value.length) current += value[++index];
    else if (character === ',') {
      pairs.push(current);
      current = '';
    } else current += character;
  }
  pairs.push(current);
  return pairs;
}

/**
 * Marks every element whose `lang` differs from the page's with `data-pagefind-ignore`, so that a language's index
 * holds only text in that language: a French reader searching "drought" should be offered the English release in the
 * other languages' results, not the French home page that quotes its English summary.
 *
 * @example
 * ignoreOtherLanguages('<li lang="en"><p lang="fr">…</p></li>', 'fr') // '<li lang="en" data-pagefind-ignore><p lang="fr">…</p></li>'
 */
export function ignoreOtherLanguages(html: string, pageLang: string): string {
  const own = pageLang.toLowerCase().split('-')[0];
  return html.replace(/<(?!html\b)([a-z][a-z0-9-]*)(\s(?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/gi, (whole, tag: string, attributes: string, slash: string) => {
    const lang = /\slang="([^"]*)"/i.exec(attributes)?.[1];
    if (lang === undefined || lang.toLowerCase().split('-')[0] === own || attributes.includes('data-pagefind-ignore')) return whole;
    return `<${tag}${attributes} data-pagefind-ignore${slash}>`;
  });
}

/** The language Pagefind will file a page under: its `<html lang>`, lower case. */
export function htmlLang(html: string): string | undefined {
  return /<html\b[^>]*\slang="([^"]+)"/i.exec(html)?.[1]?.toLowerCase();
}

/** The copy of a page that Pagefind reads (see the module comment). */
export function prepareForIndex(html: string): string {
  const lang = htmlLang(html) ?? 'unknown';
  const prepared = ignoreOtherLanguages(splitPagefindAttributes(html), lang);
  return lang.split('-')[0] === 'ar' ? normalizeArabicHtml(prepared) : prepared;
}

/** The date a page sorts by (`data-pagefind-sort="date:…"`), or undefined for an undated page. */
export function pageDate(html: string): string | undefined {
  return /\sdata-pagefind-sort="date:(\d{4}-\d{2}-\d{2})"/.exec(html)?.[1];
}

/**
 * Files the copy under a shard's index: Pagefind keys its indexes by `<html lang>`, and a shard of the English index
 * is named `en-x-201609` (see content-model's search-shards.ts).
 *
 * @example
 * withIndexName('<html lang="en" dir="ltr">', 'en-x-201609') // '<html lang="en-x-201609" dir="ltr">'
 */
export function withIndexName(html: string, name: string): string {
  return html.replace(/(<html\b[^>]*\slang=")[^"]*(")/i, `$1${name}$2`);
}

/** The element that starts at `start` (a `<tag` in `html`) up to its matching end tag, by counting nested same tags. */
function elementEnd(html: string, start: number, tag: string): number {
  const pattern = new RegExp(`<(/?)${tag}(?=[\\s>/])[^>]*>`, 'gi');
  pattern.lastIndex = start;
  let depth = 0;
  for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
    depth += match[1] ? -1 : match[0].endsWith('/>') ? 0 : 1;
    if (depth === 0) return match.index + match[0].length;
  }
  return html.length;
}

/**
 * The part of a page Pagefind reads, as a small document of its own: `<html lang dir>` and the element marked
 * `data-pagefind-body`, without the subtrees marked `data-pagefind-ignore` that hold no Pagefind attribute (the stale
 * notice, the release footer). Pagefind would skip all of that anyway; not handing it over saves parsing it (a fifth
 * of Pagefind's time on a release), and makes the copy change only when what is indexed changes.
 *
 * @example
 * searchCopy('<html lang="en"><head>…</head><body><header>…</header><main data-pagefind-body><h1>T</h1><p data-pagefind-ignore>x</p></main></body></html>')
 * // '<!doctype html><html lang="en"><body><main data-pagefind-body><h1>T</h1></main></body></html>'
 */
export function searchCopy(html: string): string {
  const open = /<html\b[^>]*>/i.exec(html)?.[0] ?? '<html>';
  const bodyStart = /<([a-z][a-z0-9]*)\b[^>]*\sdata-pagefind-body\b[^>]*>/i.exec(html);
  if (!bodyStart) return html;
  let body = html.slice(bodyStart.index, elementEnd(html, bodyStart.index, bodyStart[1]!));
  const ignored = /<([a-z][a-z0-9]*)\b[^>]*\sdata-pagefind-ignore\b[^>]*>/gi;
  for (let match = ignored.exec(body); match; match = ignored.exec(body)) {
    if (match[0].endsWith('/>')) continue;
    const end = elementEnd(body, match.index, match[1]!);
    const subtree = body.slice(match.index, end);
    // Filters, meta and sort keys inside an ignored element still count for Pagefind: such an element stays.
    if (/\sdata-pagefind-(filter|meta|sort)\b/.test(subtree.slice(match[0].length))) continue;
    body = body.slice(0, match.index) + body.slice(end);
    ignored.lastIndex = match.index;
  }
  return `<!doctype html>${open}<body>${body}</body></html>`;
}
