/**
 * A child process that indexes search shards with Pagefind, one at a time, as the build script hands them over
 * (`fork`ed by indexer-pool.ts; messages in {@link IndexShardRequest} / {@link IndexShardReply}).
 *
 * Why a process per indexer: Pagefind's Node API drives one Pagefind binary per Node process and that binary handles
 * one request at a time, so two shards can only be indexed at once from two processes.
 */
import { readdir } from 'node:fs/promises';
import * as pagefind from 'pagefind';
import { excludeSelectors } from './prepare-page.ts';

/** One shard to index: its pages, already prepared (see prepare-page.ts) and in a fixed order. */
export interface IndexShardRequest {
  type: 'index';
  /** The shard's Pagefind index name (`en`, `en-x-201609`). */
  name: string;
  /** The bundle folder Pagefind writes into (shared by every shard of the site). */
  outputPath: string;
  /** Pagefind's index chunk size for this shard (PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE; see search-index-builder.ts). */
  chunkSize: number;
  pages: { url: string; html: string }[];
  /** The shard's metadata file of an earlier build in the same folder, if any (never taken for this build's). */
  previousMeta?: string | undefined;
}

/** What came of a request. */
export type IndexShardReply =
  | { type: 'indexed'; name: string; pages: number; meta: string; milliseconds: number }
  | { type: 'failed'; name: string; error: string };

let serviceChunkSize: number | undefined;

async function indexShard(request: IndexShardRequest): Promise<IndexShardReply> {
  const started = performance.now();
  // The chunk size is read by the Pagefind binary when it starts: a different one needs a new binary.
  if (serviceChunkSize !== request.chunkSize) {
    if (serviceChunkSize !== undefined) await pagefind.close();
    process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(request.chunkSize);
    serviceChunkSize = request.chunkSize;
  }
  const { index, errors } = await pagefind.createIndex({ excludeSelectors });
  if (!index) return { type: 'failed', name: request.name, error: `Pagefind could not start: ${errors.join('; ')}` };
  try {
    // Sent all at once: the binary reads them in order, and the round trips of one-by-one would add up.
    const added = await Promise.all(request.pages.map((page) => index.addHTMLFile({ url: page.url, content: page.html })));
    const problems = added.flatMap((result, position) => result.errors.map((error) => `${request.pages[position]!.url}: ${error}`));
    if (problems.length) return { type: 'failed', name: request.name, error: problems.slice(0, 5).join('; ') };
    const written = await index.writeFiles({ outputPath: request.outputPath });
    if (written.errors.length) return { type: 'failed', name: request.name, error: written.errors.join('; ') };
    // The shard's metadata file names the index in pagefind-entry.json. Several shards write into one folder at once,
    // so the entry file Pagefind writes can be another shard's; the metadata file of this shard cannot.
    const prefix = `pagefind.${request.name}_`;
    const metas = (await readdir(request.outputPath)).filter((file) => file.startsWith(prefix) && file.endsWith('.pf_meta') && file !== request.previousMeta);
    if (metas.length !== 1) return { type: 'failed', name: request.name, error: `expected one ${prefix}….pf_meta file, found ${metas.length}` };
    const meta = metas[0]!.slice('pagefind.'.length, -'.pf_meta'.length);
    return { type: 'indexed', name: request.name, pages: request.pages.length, meta, milliseconds: Math.round(performance.now() - started) };
  } finally {
    await index.deleteIndex();
  }
}

// One request at a time: Pagefind holds the shard being indexed in memory, and that is what bounds the build's.
let queue = Promise.resolve();
process.on('message', (request: IndexShardRequest) => {
  queue = queue.then(async () => {
    let reply: IndexShardReply;
    try {
      reply = await indexShard(request);
    } catch (error) {
      reply = { type: 'failed', name: request.name, error: error instanceof Error ? error.message : String(error) };
    }
    process.send!(reply);
  });
});
process.on('disconnect', () => {
  void pagefind.close().finally(() => process.exit(0));
});
