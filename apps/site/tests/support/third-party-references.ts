import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HTMLElement, NodeType, parse } from 'node-html-parser';
import { listSiteFiles } from '../../scripts/quality/site-files.ts';

/** A reference in the built files to another origin, where none may be. */
export interface ThirdPartyReference {
  /** The file, from the site root. */
  file: string;
  url: string;
  /** What refers to it, e.g. `<link rel="stylesheet" href>` or `CSS @import`. */
  where: string;
}

/**
 * Where links to other sites may appear: inside words written in content (a release's body and attachments, a
 * country's overview). The same list as the link check's (scripts/quality/check-links.ts).
 */
export const contentClasses = ['release__body', 'country__overview', 'release__attachments'];

/** A URL written in a load call of script: fetch, import(), importScripts, a worker, a beacon, a socket, a stream. */
const scriptLoad = /\b(fetch|import|importScripts|sendBeacon|Worker|SharedWorker|EventSource|WebSocket)\s*\(\s*[`'"]((?:https?:|wss?:)?\/\/[^`'"\s]+)/g;
/** `url(…)` in CSS, except right after `@import`, which `cssImport` reports. */
const cssUrl = /(?<!@import\s*)url\(\s*(['"]?)([^'")]+)\1\s*\)/g;
/** `@import "…"` and `@import url(…)`. */
const cssImport = /@import\s+(?:url\(\s*)?(['"]?)([^'")\s;]+)\1/g;

/**
 * Scans a built site offline for anything that would make a reader's browser contact another origin, or send them
 * there from page chrome:
 * - HTML: `src`, `srcset`, `poster`, `object[data]`, every `<link href>` (stylesheets, icons, preconnect,
 *   dns-prefetch…), `href` of SVG elements, `<base>`, form actions, inline styles and `<style>`, inline scripts;
 *   links (`<a href>`) only inside content (see `contentClasses`), never in header, footer or navigation;
 *   the canonical, hreflang, OpenGraph/Twitter and JSON-LD metadata on the site's own origin only;
 * - CSS files: `url(…)` and `@import`; JavaScript files: fetch/import()/workers/beacons/sockets of absolute URLs;
 *   SVG files: `href`, `xlink:href` and `src`.
 * Relative URLs and URLs on `siteOrigin` (the configured SITE_URL, where canonical URLs point) are the site's own.
 *
 * @example
 * findThirdPartyReferences('apps/site/dist', { siteOrigin: 'https://www.iom.int' }) // [] when nothing leaks
 */
export function findThirdPartyReferences(siteDir: string, options: { siteOrigin: string }): ThirdPartyReference[] {
  const own = new URL(options.siteOrigin).origin;
  const found: ThirdPartyReference[] = [];
  /** Records `url` unless it stays on the site (relative, own origin, or a `data:` URL when `data` is allowed). */
  const check = (file: string, url: string, where: string, allow: { data?: boolean; contact?: boolean } = {}) => {
    const trimmed = url.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    if (allow.data && /^data:/i.test(trimmed)) return;
    if (allow.contact && /^(mailto|tel):/i.test(trimmed)) return;
    let resolved: URL;
    try {
      resolved = new URL(trimmed, new URL(`/${file}`, own));
    } catch {
      found.push({ file, url: trimmed, where: `${where} (not a valid URL)` });
      return;
    }
    if (resolved.origin !== own) found.push({ file, url: trimmed, where });
  };
  const checkCss = (file: string, css: string, where: string) => {
    for (const match of css.matchAll(cssUrl)) check(file, match[2]!, `${where} url()`, { data: true });
    for (const match of css.matchAll(cssImport)) check(file, match[2]!, `${where} @import`);
  };
  const checkScript = (file: string, code: string, where: string) => {
    for (const match of code.matchAll(scriptLoad)) check(file, match[2]!, `${where} ${match[1]}()`);
  };
  /** Walks the tree once, knowing on the way down whether it is inside content (faster than `closest` per link). */
  const checkMarkup = (file: string, parent: HTMLElement, inContent = false) => {
    for (const element of parent.childNodes) {
      if (element.nodeType !== NodeType.ELEMENT_NODE || !(element instanceof HTMLElement)) continue;
      const tag = element.tagName.toLowerCase();
      const insideContent = inContent || contentClasses.some((name) => element.classList.contains(name));
      const attribute = (name: string) => element.getAttribute(name);
      const src = attribute('src');
      if (src !== undefined) check(file, src, `<${tag} src>`, { data: true });
      for (const name of ['srcset', 'imagesrcset']) {
        const srcset = attribute(name);
        if (srcset) for (const candidate of srcset.split(',')) check(file, candidate.trim().split(/\s+/)[0] ?? '', `<${tag} ${name}>`, { data: true });
      }
      const poster = attribute('poster');
      if (poster !== undefined) check(file, poster, `<${tag} poster>`, { data: true });
      const data = tag === 'object' ? attribute('data') : undefined;
      if (data !== undefined) check(file, data, '<object data>', { data: true });
      const action = tag === 'form' ? attribute('action') : undefined;
      if (action !== undefined) check(file, action, '<form action>');
      const style = attribute('style');
      if (style) checkCss(file, style, `<${tag} style>`);
      for (const name of ['href', 'xlink:href']) {
        const href = attribute(name);
        if (href === undefined) continue;
        if (tag === 'a' || tag === 'area') {
          // A link to another site is fine in what an editor wrote, never in page chrome.
          if (!insideContent) check(file, href, `<${tag} ${name}> outside content`, { contact: true });
          else if (/^javascript:/i.test(href.trim())) found.push({ file, url: href, where: `<${tag} ${name}> with a javascript: URL` });
        } else {
          check(file, href, tag === 'link' ? `<link rel="${attribute('rel') ?? ''}" ${name}>` : `<${tag} ${name}>`, { data: tag !== 'base' });
        }
      }
      if (tag === 'meta') {
        const content = attribute('content') ?? '';
        const refresh = attribute('http-equiv')?.toLowerCase() === 'refresh' ? /url\s*=\s*['"]?([^'"\s]+)/i.exec(content)?.[1] : undefined;
        if (refresh) check(file, refresh, '<meta http-equiv="refresh">');
        else if (/^https?:\/\//i.test(content) || content.startsWith('//')) check(file, content, `<meta ${attribute('property') ? `property="${attribute('property')}"` : `name="${attribute('name') ?? ''}"`}>`);
      }
      if (tag === 'style') checkCss(file, element.textContent, '<style>');
      if (tag === 'script') {
        const type = attribute('type') ?? '';
        if (type === 'application/ld+json') checkJsonLd(file, element.textContent);
        else if (type === '' || /javascript|module/.test(type)) checkScript(file, element.textContent, 'inline script');
      }
      checkMarkup(file, element, insideContent);
    }
  };
  /** Every URL in structured data is on the site's origin; `@context` names a vocabulary and is not fetched. */
  const checkJsonLd = (file: string, json: string) => {
    let data: unknown;
    try {
      data = JSON.parse(json);
    } catch {
      found.push({ file, url: '', where: 'JSON-LD that does not parse' });
      return;
    }
    const walk = (value: unknown, key: string) => {
      if (key === '@context') return;
      if (typeof value === 'string') {
        if (/^(https?:)?\/\//i.test(value)) check(file, value, `JSON-LD "${key}"`);
      } else if (Array.isArray(value)) {
        for (const item of value) walk(item, key);
      } else if (value && typeof value === 'object') {
        for (const [name, item] of Object.entries(value)) walk(item, name);
      }
    };
    walk(data, '');
  };

  for (const file of listSiteFiles(siteDir)) {
    const extension = path.extname(file);
    if (!['.html', '.svg', '.css', '.js', '.mjs'].includes(extension)) continue;
    const text = readFileSync(path.join(siteDir, file), 'utf8');
    if (extension === '.html' || extension === '.svg') checkMarkup(file, parse(text, { comment: false }));
    else if (extension === '.css') checkCss(file, text, 'CSS');
    else checkScript(file, text, 'script');
  }
  return found;
}

/** References as text for a failing test's message, one line each. */
export function formatReferences(references: ThirdPartyReference[]): string {
  return references.map((reference) => `${reference.file}: ${reference.where} → ${reference.url}`).join('\n');
}
