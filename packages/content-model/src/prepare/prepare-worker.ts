/**
 * Worker thread of `prepareFiles`: prepares its share of the uncached content files and posts each result back.
 * Parsing is CPU-bound and single-threaded, so on an N-core machine N workers prepare N files at once.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { prepareItem, type RenderSpec } from './prepare-files.ts';

const { items, cacheDir } = workerData as { items: { index: number; file: string; path: string; key: string; spec: RenderSpec | undefined }[]; cacheDir: string | undefined };
for (const item of items) {
  parentPort!.postMessage({ index: item.index, result: await prepareItem(item, cacheDir) });
}
