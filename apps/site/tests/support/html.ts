import { readFileSync } from 'node:fs';
import { listFilesSync } from '@iom/files';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

/** Parses an HTML file of the built site, by its path from the site root (e.g. `en/news/index.html`). */
export function readPage(siteDir: string, relative: string): HTMLElement {
  return parse(readFileSync(path.join(siteDir, relative), 'utf8'));
}

/** Every `.html` file of the built site, as paths from the site root with forward slashes, sorted. */
export function listPages(siteDir: string): string[] {
  return listFilesSync(siteDir, { extension: '.html', missing: 'throw' }).filter((file) => !file.startsWith('pagefind/'));
}
