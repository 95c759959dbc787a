import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** What the output of a build depends on besides the content: code, dependencies and settings, from the repository. */
const codePaths = [
  'package.json',
  'pnpm-lock.yaml',
  'apps/site/package.json',
  'apps/site/astro.config.ts',
  'apps/site/src',
  'apps/site/public',
  'apps/site/scripts',
  'packages/ui/package.json',
  'packages/ui/src',
  'packages/content-model/package.json',
  'packages/content-model/src',
];

/** Settings of the build environment that change its output. */
const settingVariables = ['SITE_URL', 'SITE_BASE', 'SITE_SEARCH_SHARD_PAGES', 'SITE_SAMPLES'];

function files(root: string, relative: string): string[] {
  const absolute = path.join(root, relative);
  let stat;
  try {
    stat = statSync(absolute);
  } catch {
    return [];
  }
  if (stat.isFile()) return [relative];
  return readdirSync(absolute, { withFileTypes: true })
    // Tests do not change what a build writes.
    .filter((entry) => entry.name !== '__tests__' && entry.name !== 'node_modules' && !entry.name.startsWith('.'))
    .flatMap((entry) => files(root, path.join(relative, entry.name)));
}

/**
 * A digest of everything but the content that a build's output depends on: the site's code and its packages' code,
 * the lockfile (every dependency's version), the Node version (its Intl data formats dates and names) and the
 * settings in the environment. Two builds with the same fingerprint and the same content write the same site; an
 * update build is only allowed when the previous build had the same fingerprint.
 *
 * @example
 * buildFingerprint('/work/main') // 'Hq0w…' (22 characters)
 */
export function buildFingerprint(repoRoot: string): string {
  const hash = createHash('sha256');
  hash.update(`node ${process.version}\n`);
  for (const name of settingVariables) hash.update(`${name}=${process.env[name] ?? ''}\n`);
  for (const file of codePaths.flatMap((relative) => files(repoRoot, relative)).sort()) {
    hash.update(`${file}\n`).update(readFileSync(path.join(repoRoot, file)));
  }
  return hash.digest('base64url').slice(0, 22);
}
