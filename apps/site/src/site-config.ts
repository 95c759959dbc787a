import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Deployment settings, read once from the environment so that the config, the loader and scripts agree.
 * - SITE_CONTENT_DIR: folder holding the content (default: the repository's content/); tests, benchmarks and
 *   field offices' subset builds point it elsewhere.
 * - SITE_URL: absolute origin for canonical URLs, hreflang and feeds (default https://www.iom.int).
 * - SITE_BASE: sub-path the site is served under (default /).
 * - SITE_OUT_DIR: where Astro writes (the build script points it at a staging folder).
 * - SITE_SEARCH_SHARD_PAGES: most releases per search-index shard (default: content-model's `defaultShardPages`);
 *   tests set it low to build a sharded index from a small site.
 * - SITE_SAMPLES: `exclude` builds the site without the content marked `sample: true` (the public site); by default
 *   samples are kept, each with its visible notice.
 */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const contentDir = path.resolve(process.env.SITE_CONTENT_DIR ?? path.join(repoRoot, 'content'));
export const siteUrl = process.env.SITE_URL ?? 'https://www.iom.int';
export const siteBase = process.env.SITE_BASE ?? '/';
export const siteOutDir = process.env.SITE_OUT_DIR ?? './dist';
export const samples: 'include' | 'exclude' = sampleSetting(process.env.SITE_SAMPLES);
export const searchShardPages = process.env.SITE_SEARCH_SHARD_PAGES ? Number(process.env.SITE_SEARCH_SHARD_PAGES) : undefined;

/**
 * Astro's cache (content data store, image cache) per content folder and base, so that a benchmark corpus, a test
 * fixture and the real content never overwrite each other's cache, even when built at the same time.
 */
export const siteCacheDir = path.join(
  repoRoot,
  'apps/site/node_modules/.astro',
  createHash('sha256').update(`${contentDir}\n${siteBase}`).digest('hex').slice(0, 12),
);

function sampleSetting(value: string | undefined): 'include' | 'exclude' {
  if (value === undefined || value === '' || value === 'include') return 'include';
  if (value === 'exclude') return 'exclude';
  throw new Error(`SITE_SAMPLES is "${value}": write SITE_SAMPLES=exclude to leave sample content out, or leave it unset.`);
}
