import type { PrepareContent } from '@iom/content-model/node';
import { prepareFiles, storedBodyRef } from './prepare-files.ts';

/**
 * What the site's content loader gives `readSiteContent`: files prepared on worker threads and kept in the cache at
 * `cacheDir` by content hash; a rendered body comes back as a reference into the cache (`stored`, read with
 * `readStoredBody`), not as HTML. `users`: other processes that will read those bodies after this one is gone (the
 * cache is not tidied while they run).
 */
export function cachedPreparer(cacheDir: string, users: readonly number[] = []): PrepareContent {
  return async (tasks, options) => {
    const results = await prepareFiles(tasks, { render: options.render, cacheDir, users });
    return results.map(({ body, text: _text, ...result }) => ({ ...result, stored: body ? storedBodyRef(cacheDir, body) : undefined }));
  };
}
