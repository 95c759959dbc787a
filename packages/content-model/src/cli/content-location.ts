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
