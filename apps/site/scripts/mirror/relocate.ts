/**
 * Makes a built site relocatable: the same files work served at `/`, under any sub-path (`/iom/`), or opened from
 * disk (`file://`). Every root-relative URL the site writes (`/en/news/x/`) becomes a URL relative to the file that
 * holds it (`../../en/news/x/index.html`), with an explicit `index.html` for folders, because a browser opening files
 * from disk has no directory index.
 *
 * What is rewritten, and what is left alone:
 * - HTML attributes that the browser follows or loads (`href`, `src`, `srcset`, `action`, `poster`, `formaction`,
 *   `data`, `cite`, `imagesrcset`, and the URL in `<meta http-equiv="refresh">`).
 * - CSS `url()` and `@import`.
 * - Path-like values (keys ending in `path`, `base`, `url` or `href`) of `<script type="application/json">` blocks,
 *   which is how the search page hands the Pagefind bundle and the site base to its script. They become relative
 *   *prefixes* (no `index.html`: the script appends file names to them), and the mirror's search-offline.js turns
 *   them back into absolute paths from the page's address before the search script reads them (see
 *   offline-search.ts: a module script resolves `import()` against its own URL, not the page's).
 * - Absolute `https://` URLs are not touched: canonical and hreflang links, `og:` metadata and JSON-LD name the public
 *   site on purpose, and links to other sites stay what they are. Feeds and sitemaps keep their absolute URLs too:
 *   feed readers need them.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { listFiles as listSiteFolder } from '@iom/files';
import path from 'node:path';
import { editAttributes, rewriteTags } from './html-tags.ts';

/** Where a URL is written and what the site holds. */
export interface RelocateContext {
  /** The file being rewritten, as a path from the site root with `/`: `en/news/x/index.html`, `_astro/a.css`. */
  from: string;
  /** The sub-path the site was built for (`/`, `/iom/`): only URLs under it are the site's own. */
  base: string;
  /** Whether a decoded path from the site root (`ar/news/تدريب/index.html`) is a file of the site. */
  isFile: (sitePath: string) => boolean;
}

const urlAttributes = new Set(['href', 'src', 'action', 'poster', 'formaction', 'data', 'cite']);
const srcsetAttributes = new Set(['srcset', 'imagesrcset']);
/** Keys of JSON configuration whose values are site paths. */
export const pathKey = /(path|base|url|href)$/i;

function normalizedBase(base: string): string {
  const withStart = base.startsWith('/') ? base : `/${base}`;
  return withStart.endsWith('/') ? withStart : `${withStart}/`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `../` once per folder between `from` and the site root; `./` at the root (so `a:b/` cannot read as a scheme). */
export function prefixToRoot(from: string): string {
  const depth = from.split('/').length - 1;
  return depth === 0 ? './' : '../'.repeat(depth);
}

/**
 * The site path a root-relative URL points at, split from its query and fragment, or undefined when the URL is not
 * one of the site's root-relative URLs (relative already, another scheme, `//host/`, or outside the base).
 *
 * @example
 * splitSiteUrl('/en/search/?q=a#x', '/') // { inside: 'en/search/', suffix: '?q=a#x' }
 * splitSiteUrl('https://www.iom.int/en/', '/') // undefined
 */
export function splitSiteUrl(url: string, base: string): { inside: string; suffix: string } | undefined {
  const root = normalizedBase(base);
  if (!url.startsWith('/') || url.startsWith('//')) return undefined;
  const at = url.search(/[?#]/);
  const pathname = at === -1 ? url : url.slice(0, at);
  const suffix = at === -1 ? '' : url.slice(at);
  if (`${pathname}/` === root) return { inside: '', suffix };
  if (!pathname.startsWith(root)) return undefined;
  return { inside: pathname.slice(root.length), suffix };
}

/**
 * The file a site path (as written, possibly percent-encoded) names, as written: folders get `index.html`; a path
 * that is neither a file nor a folder with an index is returned as it is (the link check reports it).
 *
 * @example
 * fileOfSitePath('en/news/', () => true) // 'en/news/index.html'
 * fileOfSitePath('en/news/feed.xml', (p) => p === 'en/news/feed.xml') // 'en/news/feed.xml'
 */
export function fileOfSitePath(inside: string, isFile: (sitePath: string) => boolean): string {
  if (inside === '' || inside.endsWith('/')) return `${inside}index.html`;
  const decoded = safeDecode(inside);
  if (isFile(decoded)) return inside;
  if (isFile(`${decoded}/index.html`)) return `${inside}/index.html`;
  return inside;
}

/**
 * The URL relative to `context.from` that reaches what a root-relative URL of the site reaches, naming the file
 * (`index.html` for a folder); undefined for URLs that are not the site's root-relative URLs (left as they are).
 *
 * @example
 * relativeUrl('/fr/news/x/', { from: 'en/news/y/index.html', base: '/', isFile: () => true }) // '../../../fr/news/x/index.html'
 * relativeUrl('/en/search/?q=eau', { from: 'index.html', base: '/', isFile: () => true }) // './en/search/index.html?q=eau'
 * relativeUrl('https://example.org/', context) // undefined
 */
export function relativeUrl(url: string, context: RelocateContext): string | undefined {
  const split = splitSiteUrl(url, context.base);
  if (!split) return undefined;
  return `${prefixToRoot(context.from)}${fileOfSitePath(split.inside, context.isFile)}${split.suffix}`;
}

/**
 * Like {@link relativeUrl} but for a path used as a prefix by a script (`/pagefind/`, the site base `/`): relative,
 * and folders keep their final slash instead of gaining `index.html`.
 *
 * @example
 * relativePrefix('/pagefind/', { from: 'en/search/index.html', base: '/', isFile }) // '../../pagefind/'
 * relativePrefix('/', { from: 'en/search/index.html', base: '/', isFile }) // '../../'
 */
export function relativePrefix(url: string, context: RelocateContext): string | undefined {
  const split = splitSiteUrl(url, context.base);
  if (!split) return undefined;
  return `${prefixToRoot(context.from)}${split.inside}${split.suffix}`;
}

/**
 * Rewrites a `srcset` value candidate by candidate (`url descriptor, url descriptor`).
 *
 * @example
 * relocateSrcset('/_astro/a.webp 400w, /_astro/b.webp 800w', { from: 'en/index.html', base: '/', isFile }) // '../_astro/a.webp 400w, ../_astro/b.webp 800w'
 */
export function relocateSrcset(srcset: string, context: RelocateContext): string {
  return srcset
    .split(',')
    .map((candidate) => candidate.replace(/^(\s*)(\S+)/, (whole, space: string, url: string) => `${space}${relativeUrl(url, context) ?? url}`))
    .join(',');
}

/**
 * Rewrites the path-like values of a JSON configuration block into relative prefixes (see the module comment).
 * Returns the new JSON text, or undefined when nothing changed or the text is not JSON.
 *
 * @example
 * relocateJsonConfig('{"bundlePath":"/pagefind/","strings":{"x":"/"}}', { from: 'en/search/index.html', base: '/', isFile })
 * // '{"bundlePath":"../../pagefind/","strings":{"x":"/"}}'
 */
export function relocateJsonConfig(text: string, context: RelocateContext): string | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  let changed = false;
  const visit = (value: unknown, key: string | undefined): unknown => {
    if (typeof value === 'string') {
      if (key === undefined || !pathKey.test(key)) return value;
      const relative = relativePrefix(value, context);
      if (relative === undefined) return value;
      changed = true;
      return relative;
    }
    if (Array.isArray(value)) return value.map((item) => visit(item, key));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, visit(item, name)]));
    }
    return value;
  };
  const result = visit(data, undefined);
  return changed ? jsonForScript(result) : undefined;
}

/** JSON that is safe inside `<script>`: `<` is escaped so that no `</script>` can end the block. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * Rewrites every root-relative URL of a page into a relative one (see the module comment for what is covered).
 *
 * @example
 * relocateHtml('<a href="/en/news/">News</a>', { from: 'en/index.html', base: '/', isFile: () => true })
 * // '<a href="../en/news/index.html">News</a>'
 */
export function relocateHtml(html: string, context: RelocateContext): string {
  return rewriteTags(html, (tag, written) => {
    let startTag = editAttributes(tag.startTag, (name, value) => {
      if (value === undefined) return undefined;
      if (urlAttributes.has(name)) return relativeUrl(value, context);
      if (srcsetAttributes.has(name)) {
        const relocated = relocateSrcset(value, context);
        return relocated === value ? undefined : relocated;
      }
      return undefined;
    });
    if (tag.name === 'meta' && /^refresh$/i.test(tag.attributes.find((item) => item.name === 'http-equiv')?.value ?? '')) {
      startTag = editAttributes(startTag, (name, value) => {
        if (name !== 'content' || value === undefined) return undefined;
        const match = /^(\s*\d+\s*;\s*url\s*=\s*)(\S+)(.*)$/i.exec(value);
        const relocated = match && relativeUrl(match[2]!, context);
        return relocated ? `${match[1]}${relocated}${match[3]}` : undefined;
      });
    }
    if (tag.body === undefined) return startTag === written ? undefined : startTag;
    let body = tag.body;
    if (tag.name === 'script' && /^application\/json$/i.test(tag.attributes.find((item) => item.name === 'type')?.value ?? '')) {
      body = relocateJsonConfig(body, context) ?? body;
    } else if (tag.name === 'style') {
      body = relocateCss(body, context);
    }
    const rebuilt = `${startTag}${body}${written.slice(tag.startTag.length + tag.body.length)}`;
    return rebuilt === written ? undefined : rebuilt;
  });
}

/**
 * Rewrites root-relative `url()` and `@import` references of a stylesheet, relative to the stylesheet's own path.
 *
 * @example
 * relocateCss('a{background:url(/media/x.png)}', { from: '_astro/site.css', base: '/', isFile: () => true })
 * // 'a{background:url(../media/x.png)}'
 */
export function relocateCss(css: string, context: RelocateContext): string {
  const rewrite = (url: string) => relativeUrl(url, context) ?? url;
  return css
    .replace(/url\(\s*(['"]?)([^'")\s]+)\1\s*\)/g, (whole, quote: string, url: string) => `url(${quote}${rewrite(url)}${quote})`)
    .replace(/@import\s+(['"])([^'"]+)\1/g, (whole, quote: string, url: string) => `@import ${quote}${rewrite(url)}${quote}`);
}

/** Every file of a site folder, as decoded paths from its root with `/`, sorted. */
export const listFiles = (siteDir: string): Promise<string[]> => listSiteFolder(siteDir, { missing: 'throw' });

/** What {@link relocateSite} changed. */
export interface RelocateReport {
  pages: number;
  stylesheets: number;
}

/**
 * Rewrites, in place, every page and stylesheet of a built site so that it works from any sub-path and from disk.
 * Pagefind's own files are left alone (they hold no site URLs; its result URLs come from the search page's base).
 *
 * @example
 * await relocateSite('/tmp/mirror-site', { base: '/' }) // { pages: 812, stylesheets: 2 }
 */
export async function relocateSite(siteDir: string, options: { base: string }): Promise<RelocateReport> {
  const files = await listFiles(siteDir);
  const known = new Set(files);
  const isFile = (sitePath: string) => known.has(sitePath);
  const report: RelocateReport = { pages: 0, stylesheets: 0 };
  for (const file of files) {
    if (file.startsWith('pagefind/')) continue;
    const isPage = file.endsWith('.html');
    if (!isPage && !file.endsWith('.css')) continue;
    const full = path.join(siteDir, file);
    const text = await readFile(full, 'utf8');
    const context = { from: file, base: options.base, isFile };
    const relocated = isPage ? relocateHtml(text, context) : relocateCss(text, context);
    if (relocated === text) continue;
    await writeFile(full, relocated);
    if (isPage) report.pages++;
    else report.stylesheets++;
  }
  return report;
}
