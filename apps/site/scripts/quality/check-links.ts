import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { listSiteFiles, listSitePages, parsePage } from './site-files.ts';

/** A broken reference found in the built site. */
export interface LinkProblem {
  page: string;
  url: string;
  problem: string;
}

/** Where external links are allowed: inside text written in content, never in page chrome. */
const contentSelectors = ['.release__body', '.country__overview', '.release__attachments'];

/**
 * Checks offline, against the output folder, that every internal link, anchor, stylesheet, script, image and
 * srcset candidate of every page resolves, that CSS `url()`s resolve, and that links to other sites appear only in
 * content (release bodies, country overviews, attachments), never in page chrome.
 *
 * @example
 * checkLinks('apps/site/dist', { base: '/', siteOrigin: 'https://www.iom.int' }) // [] when everything resolves
 */
export function checkLinks(siteFolder: string, options: { base: string; siteOrigin: string }): LinkProblem[] {
  const siteDir = path.resolve(siteFolder);
  const problems: LinkProblem[] = [];
  const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
  const idsOf = new Map<string, Set<string>>();
  const ids = (file: string) => {
    let set = idsOf.get(file);
    if (!set) {
      set = new Set(parsePage(siteDir, file).querySelectorAll('[id]').map((element) => element.getAttribute('id')!));
      idsOf.set(file, set);
    }
    return set;
  };
  /** The file a site path points at, or undefined. */
  const target = (pathname: string): string | undefined => {
    if (!pathname.startsWith(base)) return undefined;
    const inside = decodeURIComponent(pathname.slice(base.length));
    const file = path.join(siteDir, inside);
    if (!file.startsWith(siteDir)) return undefined;
    if (existsSync(file) && statSync(file).isFile()) return inside;
    const index = path.join(inside, 'index.html');
    return existsSync(path.join(siteDir, index)) ? index.split(path.sep).join('/') : undefined;
  };

  for (const page of listSitePages(siteDir)) {
    const root = parsePage(siteDir, page);
    const pageUrl = new URL(`${base}${page.replace(/index\.html$/, '')}`, options.siteOrigin);
    const references: { url: string; element: ReturnType<typeof root.querySelector> }[] = [];
    for (const element of root.querySelectorAll('a[href], link[href], img[src], script[src], source[src], form[action]')) {
      const url = element.getAttribute('href') ?? element.getAttribute('src') ?? element.getAttribute('action')!;
      references.push({ url, element });
    }
    for (const element of root.querySelectorAll('img[srcset], source[srcset]')) {
      for (const candidate of element.getAttribute('srcset')!.split(',')) references.push({ url: candidate.trim().split(/\s+/)[0]!, element });
    }
    for (const { url, element } of references) {
      if (/^(mailto|tel):/i.test(url)) continue;
      const resolved = new URL(url, pageUrl);
      const isMetadata = element?.tagName === 'LINK' && ['canonical', 'alternate'].includes(element.getAttribute('rel') ?? '');
      if (resolved.origin !== new URL(options.siteOrigin).origin) {
        if (!/^https?:$/.test(resolved.protocol)) {
          problems.push({ page, url, problem: `unexpected URL scheme ${resolved.protocol}` });
        } else if (!contentSelectors.some((selector) => element?.closest(selector))) {
          problems.push({ page, url, problem: 'link to another site outside content (page chrome must link only inside the site)' });
        }
        continue;
      }
      const file = target(resolved.pathname);
      if (!file) {
        problems.push({ page, url, problem: isMetadata ? 'alternate or canonical URL has no page' : 'no such file in the output' });
        continue;
      }
      if (resolved.hash && file.endsWith('.html') && !ids(file).has(decodeURIComponent(resolved.hash.slice(1)))) {
        problems.push({ page, url, problem: `no element with id "${decodeURIComponent(resolved.hash.slice(1))}" in ${file}` });
      }
    }
  }
  for (const css of listSiteFiles(siteDir, '.css')) {
    const text = readFileSync(path.join(siteDir, css), 'utf8');
    for (const match of text.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) {
      const url = match[1]!;
      if (url.startsWith('data:')) continue;
      const resolved = new URL(url, new URL(`${base}${css}`, options.siteOrigin));
      if (resolved.origin !== new URL(options.siteOrigin).origin) problems.push({ page: css, url, problem: 'stylesheet loads from another site' });
      else if (!target(resolved.pathname)) problems.push({ page: css, url, problem: 'no such file in the output' });
    }
  }
  return problems;
}
