import type { PrepareContent } from '@iom/content-model/node';
import { prepareFiles, storedBodyRef } from './prepare-files.ts';

/**
 * What the site's content loader gives `readSiteContent`: files prepared on worker threads and kept in the cache at
 * `cacheDir` by content hash; a rendered body comes back as a reference into the cache (`stored`, read with
 * `readStoredBody`), not as HTML.
 */
export function cachedPreparer(cacheDir: string): PrepareContent {
  return async (tasks, options) => {
    const results = await prepareFiles(tasks, { render: options.render, cacheDir });
    return results.map(({ body, text: _text, ...result }) => ({ ...result, stored: body ? storedBodyRef(cacheDir, body) : undefined }));
  };
}
