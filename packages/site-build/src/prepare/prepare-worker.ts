/**
 * Worker thread of `prepareFiles`: prepares its share of the uncached content files, appends their bodies to a pack
 * of its own, and posts each result back. Parsing is CPU-bound and single-threaded, so on an N-core machine N workers
 * prepare N files at once.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { BodyPack, prepareItem, type RenderSpec } from './prepare-files.ts';

const { items, packDir, packName } = workerData as {
  items: { index: number; file: string; path: string; key: string; spec: RenderSpec | undefined }[];
  packDir: string | undefined;
  packName: string;
};
const pack = packDir ? new BodyPack(packDir, packName) : undefined;
try {
  for (const item of items) parentPort!.postMessage({ index: item.index, result: prepareItem(item, readFileSync(item.path), pack) });
} finally {
  pack?.close();
}
