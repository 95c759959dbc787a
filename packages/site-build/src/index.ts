/**
 * The site build, seen from the Astro app's routes and config: the settings, the integration that hands rendered
 * pages to the search indexer, and page keys. The content loader's side is `./content`; indexing a built site is
 * `./search-index`; the orchestrator itself is the `site-build` command (build.ts).
 */
export { buildSettings, orchestratorIsListening, orchestratorVariables, readSiteSettings, type SiteSettings } from './protocol.ts';
export { runPnpmBuild, searchPages } from './search-pages-integration.ts';
export { digest, renderChanged, type KeyedEntry } from './page-keys.ts';
export { cacheInputs } from './cache-inputs.ts';

/** The orchestrator's script (what the `site-build` command runs), for tools that start a build themselves. */
export const orchestratorScript = new URL('./build.ts', import.meta.url);
