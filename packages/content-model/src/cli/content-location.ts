import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the content is, for the command-line tools: `SITE_CONTENT_DIR` when set (the same variable the site build
 * reads), else `content/` at the repository root (the folder holding pnpm-workspace.yaml, found from the current
 * directory upwards). File names in messages are shown from the content folder's parent: `content/releases/…`.
 */
export function contentLocation(cwd = process.cwd()): { contentDir: string; displayRoot: string; repoRoot: string } {
  let repoRoot = path.resolve(cwd);
  while (!existsSync(path.join(repoRoot, 'pnpm-workspace.yaml')) && path.dirname(repoRoot) !== repoRoot) repoRoot = path.dirname(repoRoot);
  const contentDir = path.resolve(process.env.SITE_CONTENT_DIR ?? path.join(repoRoot, 'content'));
  return { contentDir, displayRoot: path.dirname(contentDir), repoRoot };
}

/**
 * Finds a release folder from what a translator types: `2016/iom-unhcr-train-libyan-partners`, the folder name
 * alone, or a path such as `content/releases/2016/…/`.
 */
export function resolveReleaseFolder(contentDir: string, given: string): string | undefined {
  const releasesDir = path.join(contentDir, 'releases');
  const cleaned = given.replace(/\\/g, '/').replace(/\/+$/, '').replace(/^.*?releases\//, '');
  const direct = path.join(releasesDir, cleaned);
  if (/^\d{4}\//.test(cleaned) && existsSync(direct)) return direct;
  if (!cleaned.includes('/')) {
    for (const year of existsSync(releasesDir) ? readdirSync(releasesDir) : []) {
      const candidate = path.join(releasesDir, year, cleaned);
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

/** A folder of content that has language versions: a release, or a section page. */
export interface TranslatableFolder {
  kind: 'release' | 'page';
  folder: string;
}

/**
 * Finds a release folder (see `resolveReleaseFolder`) or a section page's folder (`pages/who-we-are`,
 * `content/pages/who-we-are/`, or `who-we-are` when no release has that name) from what a translator types.
 */
export function resolveTranslatableFolder(contentDir: string, given: string): TranslatableFolder | undefined {
  const cleaned = given.replace(/\\/g, '/').replace(/\/+$/, '');
  const pagesDir = path.join(contentDir, 'pages');
  const pageKey = /(?:^|\/)pages\/([^/]+)$/.exec(cleaned)?.[1];
  if (pageKey) return existsSync(path.join(pagesDir, pageKey)) ? { kind: 'page', folder: path.join(pagesDir, pageKey) } : undefined;
  const release = resolveReleaseFolder(contentDir, cleaned);
  if (release) return { kind: 'release', folder: release };
  if (!cleaned.includes('/') && existsSync(path.join(pagesDir, cleaned))) return { kind: 'page', folder: path.join(pagesDir, cleaned) };
  return undefined;
}
