import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

/** Parses an HTML file of the built site, by its path from the site root (e.g. `en/news/index.html`). */
export function readPage(siteDir: string, relative: string): HTMLElement {
  return parse(readFileSync(path.join(siteDir, relative), 'utf8'));
}

/** Every `.html` file of the built site, as paths from the site root with forward slashes, sorted. */
export function listPages(siteDir: string): string[] {
  return readdirSync(siteDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(siteDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !file.startsWith('pagefind/'))
    .sort();
}
