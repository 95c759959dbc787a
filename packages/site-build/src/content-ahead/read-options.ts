/** How the site reads its content: one definition for the content loader and the reading process (README.md here). */
import path from 'node:path';
import { bodyRenderSettings } from '@iom/content-model';
import type { ReadSiteContentOptions } from '@iom/content-model/node';
import { cachedPreparer } from '../prepare/cached-preparer.ts';
import type { ContentReadSettings } from './content-ahead.ts';

/**
 * How the site reads its content, in the loader and in the reading process alike: bodies rendered with the site's
 * settings, files prepared through the cache in `cacheDir`, paths in messages from the content folder's parent.
 * `cacheUsers`: other processes that will read the cache's bodies (see `cachedPreparer`).
 */
export function contentReadOptions(settings: ContentReadSettings, cacheUsers: readonly number[] = []): ReadSiteContentOptions {
  return {
    contentDir: settings.contentDir,
    displayRoot: path.dirname(settings.contentDir),
    samples: settings.samples,
    prepare: cachedPreparer(settings.cacheDir, cacheUsers),
    render: (_lang, strings) => bodyRenderSettings(strings, settings.base),
  };
}

