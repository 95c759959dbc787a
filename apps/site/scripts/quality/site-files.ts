import { readFileSync } from 'node:fs';
import { listFilesSync } from '@iom/files';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

/** Every file of a built site, as paths from its root with forward slashes, sorted. */
export function listSiteFiles(siteDir: string, extension?: string): string[] {
  return listFilesSync(siteDir, { extension, missing: 'throw' });
}

/** The HTML pages of a built site (Pagefind's own files left out). */
export function listSitePages(siteDir: string): string[] {
  return listSiteFiles(siteDir, '.html').filter((file) => !file.startsWith('pagefind/'));
}

const cache = new Map<string, HTMLElement>();

/** Parses a page of the built site (cached: several checks read the same pages). */
export function parsePage(siteDir: string, file: string): HTMLElement {
  const key = path.join(siteDir, file);
  let root = cache.get(key);
  if (!root) {
    root = parse(readFileSync(key, 'utf8'));
    cache.set(key, root);
  }
  return root;
}

/** Forgets parsed pages (after a site folder was rebuilt). */
export function clearPageCache(): void {
  cache.clear();
}
