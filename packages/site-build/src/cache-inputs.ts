/**
 * What invalidates the build's caches, declared once. From it come the build fingerprint (an update build is only
 * allowed after a build with the same one) and the prepare cache's key (a rendered body is reused only while the code
 * that parsed, checked and rendered it is the same); a test checks Turbo's inputs and environment in turbo.json
 * against it (src/__tests__/cache-inputs/).
 *
 * Paths are from the repository root; a folder stands for every file under it except tests (`__tests__`, `tests`),
 * dependencies and hidden files.
 */
export const cacheInputs = {
  /** Everything but the content that the site's output depends on: the code of the site and of its packages, and every dependency's version (the lockfile). */
  siteCode: [
    'package.json',
    'pnpm-lock.yaml',
    'apps/site/package.json',
    'apps/site/astro.config.ts',
    'apps/site/src',
    'apps/site/public',
    'packages/ui/package.json',
    'packages/ui/src',
    'packages/world-map/package.json',
    'packages/world-map/src',
    'packages/content-model/package.json',
    'packages/content-model/src',
    'packages/safe-mdx/package.json',
    'packages/safe-mdx/src',
    'packages/site-build/package.json',
    'packages/site-build/src',
    'packages/files/package.json',
    'packages/files/src',
  ],
  /** The code a prepared (parsed, checked, rendered) content file depends on: what keys the prepare cache. */
  prepareCode: [
    'pnpm-lock.yaml',
    'packages/safe-mdx/src',
    'packages/content-model/src/prepare',
    'packages/content-model/src/content-hash.ts',
    'packages/content-model/src/urls.ts',
    'packages/site-build/src/prepare',
  ],
  /** Settings that change what a build writes: part of the fingerprint, and of Turbo's key (`env`). */
  outputSettings: ['SITE_CONTENT_DIR', 'SITE_URL', 'SITE_BASE', 'SITE_SEARCH_SHARD_PAGES', 'SITE_SAMPLES'],
  /** Settings that change how a build runs, not what it writes: Turbo passes them through (`passThroughEnv`). */
  runSettings: ['SITE_FINAL_DIR', 'SITE_CLEAN_CACHE', 'SITE_FULL_BUILD', 'SITE_BUILD_CONCURRENCY'],
} as const;
