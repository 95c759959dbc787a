import { defineCollection } from 'astro:content';
import { contentDir, samples, searchShardPages, siteBase, siteCacheDir } from './site-config.ts';
import { siteContentLoader } from './content/site-content-loader.ts';

/**
 * One collection, filled by the loader that reads everything in content/: its one entry points at the content the
 * loader hands to the pages in memory (src/lib/stored-site-content.ts; the pages read it through src/lib/site-data.ts).
 * Messages name files from the content folder's parent, so they read `content/releases/…` wherever it lives.
 */
export const collections = {
  site: defineCollection({ loader: siteContentLoader({ contentDir, base: siteBase, cacheDir: siteCacheDir, searchShardPages, samples }) }),
};
