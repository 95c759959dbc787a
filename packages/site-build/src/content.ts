/**
 * What the site's content loader and pages use of the build: the cached, multi-threaded preparation of content
 * files, the stored bodies it leaves in the cache, and the search plan the loader announces to the orchestrator.
 */
export { announceSearchPlan } from './search-pages-integration.ts';
export { cachedPreparer } from './prepare/cached-preparer.ts';
export { readStoredBody, type StoredBodyRef } from './prepare/stored-body.ts';
