/**
 * What the site's content loader and pages use of the build: how the site reads its content (the cached,
 * multi-threaded preparation of content files), the read the orchestrator made ahead, the stored bodies the cache
 * holds, and the search plan the loader announces to the orchestrator.
 */
export { contentReadAhead, type ContentReadSettings } from './content-ahead/content-ahead.ts';
export { contentReadOptions } from './content-ahead/read-options.ts';
export { announceSearchPlan } from './search-pages-integration.ts';
export { readStoredBody, type StoredBodyRef } from './prepare/stored-body.ts';
