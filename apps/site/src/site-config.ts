import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSiteSettings } from '@iom/site-build';

/**
 * The build settings, read once from the environment so that the config, the loader and the routes agree. Which
 * variables there are, and their defaults, is @iom/site-build's protocol (`buildSettings`, `readSiteSettings`).
 */
export const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = path.resolve(appDir, '../..');
const settings = readSiteSettings(process.env, appDir, repoRoot);
export const contentDir = settings.contentDir;
export const siteUrl = settings.url;
export const siteBase = settings.base;
export const siteOutDir = settings.outDir;
export const samples = settings.samples;
export const searchShardPages = settings.searchShardPages;
export const buildConcurrency = settings.concurrency;
/** Astro's cache (content store, prepared bodies, optimized images), one per content folder and base. */
export const siteCacheDir = settings.cacheDir;
