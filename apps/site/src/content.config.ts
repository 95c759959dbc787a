import { defineCollection } from 'astro:content';
import { contentDir, repoRoot } from './site-config.ts';
import { siteContentLoader } from './content/site-content-loader.ts';

/**
 * One collection holds everything read from content/: releases (rendered), countries and UI strings, as a
 * discriminated union on `kind` (see src/lib/site-data.ts for the type guards).
 */
export const collections = {
  site: defineCollection({ loader: siteContentLoader({ contentDir, displayRoot: repoRoot }) }),
};
