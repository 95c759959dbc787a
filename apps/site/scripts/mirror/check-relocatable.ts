/**
 * The checks a mirror's site must pass before it is signed, on top of the site's own link check
 * (scripts/quality/check-links.ts, which resolves relative URLs correctly but also accepts what only works on a web
 * server). Here, for a reader who opens the files from disk:
 *
 * - no URL in a page or stylesheet may still start with `/` (it would point at the root of the disk, or of the host
 *   when served under a sub-path);
 * - every relative URL must name an existing FILE, not a folder (from disk, `../news/` shows a folder listing or
 *   nothing, never `../news/index.html`);
 * - scripts must not carry root-relative paths to the site's own assets (a bundler setting could put them there).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { rewriteTags } from './html-tags.ts';
import { listFiles } from './relocate.ts';

/** A reference that would not work from disk or under a sub-path. */
export interface RelocationProblem {
  file: string;
  url: string;
  problem: string;
}

const urlAttributes = new Set(['href', 'src', 'action', 'poster', 'formaction', 'data']);

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The problems of one URL written in `from`, given the files of the site.
 *
 * @example
 * urlProblem('/en/', 'index.html', isFile) // 'root-relative URL: breaks under a sub-path and from disk'
 * urlProblem('../news/', 'en/x/index.html', isFile) // 'names a folder: from disk only a file opens (add index.html)'
 * urlProblem('../news/index.html', 'en/x/index.html', isFile) // undefined
 */
export function urlProblem(url: string, from: string, isFile: (sitePath: string) => boolean): string | undefined {
  const trimmed = url.trim();
  if (trimmed === '' || trimmed.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return undefined;
  if (trimmed.startsWith('//')) return 'protocol-relative URL: it needs a host';
  if (trimmed.startsWith('/')) return 'root-relative URL: breaks under a sub-path and from disk';
  const pathname = trimmed.replace(/[?#].*$/, '');
  const resolved = new URL(pathname, `http://mirror.invalid/${from.split('/').map(encodeURIComponent).join('/')}`).pathname;
  const target = safeDecode(resolved.slice(1));
  if (target === '' || target.endsWith('/')) return 'names a folder: from disk only a file opens (add index.html)';
  if (isFile(target)) return undefined;
  if (isFile(`${target}/index.html`)) return 'names a folder: from disk only a file opens (add /index.html)';
  return 'no such file in the mirror';
}

/**
 * Checks every page, stylesheet and script of a relocated site (see the module comment). Returns the problems,
 * an empty list when the site works from any sub-path and from disk.
 *
 * @example
 * await checkRelocatable('/tmp/mirror-site') // []
 */
export async function checkRelocatable(siteDir: string): Promise<RelocationProblem[]> {
  const files = await listFiles(siteDir);
  const known = new Set(files);
  const isFile = (sitePath: string) => known.has(sitePath);
  const problems: RelocationProblem[] = [];
  const report = (file: string, url: string) => {
    const problem = urlProblem(url, file, isFile);
    if (problem) problems.push({ file, url, problem });
  };
  for (const file of files) {
    if (file.startsWith('pagefind/')) continue;
    if (file.endsWith('.html')) {
      const html = await readFile(path.join(siteDir, file), 'utf8');
      rewriteTags(html, (tag) => {
        const isMetadataLink = tag.name === 'link' && /\b(canonical|alternate)\b/i.test(tag.attributes.find((item) => item.name === 'rel')?.value ?? '');
        for (const { name, value } of tag.attributes) {
          if (value === undefined) continue;
          if (urlAttributes.has(name) && !(isMetadataLink && /^https?:/i.test(value))) report(file, value);
          if (name === 'srcset' || name === 'imagesrcset') {
            for (const candidate of value.split(',')) report(file, candidate.trim().split(/\s+/)[0] ?? '');
          }
        }
        return undefined;
      });
    } else if (file.endsWith('.css')) {
      const css = await readFile(path.join(siteDir, file), 'utf8');
      for (const match of css.matchAll(/url\(\s*(['"]?)([^'")\s]+)\1\s*\)/g)) if (!match[2]!.startsWith('data:')) report(file, match[2]!);
    } else if (file.endsWith('.js') && file.startsWith('_astro/')) {
      const script = await readFile(path.join(siteDir, file), 'utf8');
      for (const match of script.matchAll(/["'`](\/(?:_astro|pagefind|media)\/[^"'`]*)["'`]/g)) {
        problems.push({ file, url: match[1]!, problem: 'root-relative URL inside a script: breaks under a sub-path and from disk' });
      }
    }
  }
  return problems;
}
