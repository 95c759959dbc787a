import { defineCollection } from 'astro:content';
import path from 'node:path';
import { contentDir, samples, searchShardPages, siteBase, siteCacheDir } from './site-config.ts';
import { siteContentLoader } from './content/site-content-loader.ts';

/**
 * One collection holds everything read from content/: releases (rendered), countries and UI strings, as a
 * discriminated union on `kind` (see src/lib/site-data.ts for the type guards).
 * Messages name files from the content folder's parent, so they read `content/releases/…` wherever it lives.
 */
export const collections = {
  site: defineCollection({ loader: siteContentLoader({ contentDir, displayRoot: path.dirname(contentDir), base: siteBase, cacheDir: siteCacheDir, searchShardPages, samples }) }),
};
