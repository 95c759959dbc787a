import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type * as PagefindApi from 'pagefind';
import { excludeSelectors } from './prepare-page.ts';

/**
 * A page waiting to be indexed: its copy for Pagefind (see prepare-page.ts), deflated. Astro renders pages faster than
 * one Pagefind binary indexes them, so thousands wait at once; compressed, they take a fifth of the memory.
 */
export interface QueuedPage {
  url: string;
  deflated: Uint8Array;
}

/** Keeps a page's copy until it is indexed (fast deflate: about 30 µs for a release). */
export function queuedPage(url: string, html: string): QueuedPage {
  // Copied into a buffer of its own: zlib's result is a view of a shared 64 KiB pool slab (Node's Buffer pool, which
  // zlib's work buffers use up), and a few hundred bytes kept would keep the whole slab alive (measured: 20,000 pages
  // held 400 MB that way). `Buffer.from` would take from the same pool.
  return { url, deflated: new Uint8Array(deflateRawSync(html, { level: 1 })) };
}

/** One shard to index: its pages, already prepared (see prepare-page.ts) and in a fixed order. */
export interface IndexShardRequest {
  /** The shard's Pagefind index name (`en`, `en-x-201609`). */
  name: string;
  /** The bundle folder Pagefind writes into (shared by every shard of the site). */
  outputPath: string;
  /** Pagefind's index chunk size for this shard (PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE; see search-index-builder.ts). */
  chunkSize: number;
  pages: QueuedPage[];
  /** The shard's metadata file of an earlier build in the same folder, if any (never taken for this build's). */
  previousMeta?: string | undefined;
}

/** An indexed shard: its index name, pages, metadata file hash (`en_3f2a…`) and how long Pagefind took. */
export interface IndexedShard {
  name: string;
  pages: number;
  meta: string;
  milliseconds: number;
  /** Pagefind's version and extra word characters, as its entry file said right after this shard was written. */
  entry: { version: string; include_characters?: unknown };
}

/** Runs one write at a time: see `indexShard`. */
type WriteLock = <T>(write: () => Promise<T>) => Promise<T>;

/**
 * One Pagefind binary, driven through its own instance of Pagefind's Node API: the API keeps one binary per module
 * instance, and the binary handles one request at a time, so two shards are indexed at once by two instances
 * (the module imported twice, under two URLs).
 */
interface Indexer {
  api: typeof PagefindApi;
  busy: boolean;
  /** Whether this API instance has a binary running (from an earlier shard). */
  started: boolean;
}

const pagefindModule = import.meta.resolve('pagefind');

async function indexShard(indexer: Indexer, request: IndexShardRequest, oneWriteAtATime: WriteLock): Promise<IndexedShard> {
  const started = performance.now();
  const { api } = indexer;
  // A new binary for every shard: the chunk size is read when it starts (from the environment, copied at spawn,
  // which happens synchronously in createIndex), and a binary that indexed a shard keeps the memory it took for it
  // (Pagefind frees its index, its allocator keeps the pages), so the next shard would start from that high-water mark.
  if (indexer.started) await api.close();
  indexer.started = true;
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(request.chunkSize);
  const { index, errors } = await api.createIndex({ excludeSelectors });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    // Sent all at once: the binary reads them in order, and the round trips of one-by-one would add up.
    const added = await Promise.all(request.pages.map((page) => index.addHTMLFile({ url: page.url, content: inflateRawSync(page.deflated).toString('utf8') })));
    const problems = added.flatMap((result, position) => result.errors.map((error) => `${request.pages[position]!.url}: ${error}`));
    if (problems.length) throw new Error(problems.slice(0, 5).join('; '));
    // One shard writes at a time: every run also writes the bundle's shared files (pagefind.js, the entry file), and
    // two writing one file at once can leave a mix of both (it happened: an entry file that was not JSON). Another
    // shard is still read and indexed meanwhile, so both cores stay busy.
    return await oneWriteAtATime(async () => {
      const written = await index.writeFiles({ outputPath: request.outputPath });
      if (written.errors.length) throw new Error(written.errors.join('; '));
      // The shard's metadata file names its index in pagefind-entry.json.
      const prefix = `pagefind.${request.name}_`;
      const metas = (await readdir(request.outputPath)).filter((file) => file.startsWith(prefix) && file.endsWith('.pf_meta') && file !== `pagefind.${request.previousMeta}.pf_meta`);
      if (metas.length !== 1) throw new Error(`expected one ${prefix}….pf_meta file, found ${metas.length}`);
      const entry = JSON.parse(await readFile(path.join(request.outputPath, 'pagefind-entry.json'), 'utf8')) as IndexedShard['entry'];
      return {
        name: request.name,
        pages: request.pages.length,
        meta: metas[0]!.slice('pagefind.'.length, -'.pf_meta'.length),
        milliseconds: Math.round(performance.now() - started),
        entry: { version: entry.version, include_characters: entry.include_characters },
      };
    });
  } finally {
    await index.deleteIndex();
  }
}

/**
 * Pagefind indexers, at most `limit` of them busy at once; `setLimit` raises or lowers it while the build runs (one
 * while Astro renders on the other core, one per core once it is done). Requests wait in order.
 *
 * @example
 * const pool = new IndexerPool(1);
 * const done = pool.index(request); // resolves when the shard is written
 * pool.setLimit(2);
 * await pool.close();
 */
export class IndexerPool {
  readonly #indexers: Indexer[] = [];
  readonly #waiting: { request: IndexShardRequest; resolve: (shard: IndexedShard) => void; reject: (error: Error) => void }[] = [];
  #limit: number;
  #closed = false;
  #writing: Promise<unknown> = Promise.resolve();
  readonly #oneWriteAtATime: WriteLock = (write) => {
    const turn = this.#writing.then(write, write);
    this.#writing = turn.catch(() => undefined);
    return turn;
  };

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** Indexes one shard; rejects with Pagefind's messages when it fails. */
  index(request: IndexShardRequest): Promise<IndexedShard> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ request, resolve, reject });
      void this.#dispatch();
    });
  }

  /** How many shards wait for an indexer, and how many pages they hold. */
  get backlog(): { shards: number; pages: number } {
    return { shards: this.#waiting.length, pages: this.#waiting.reduce((sum, waiting) => sum + waiting.request.pages.length, 0) };
  }

  /** How many shards may be indexed at once from now on. */
  setLimit(limit: number): void {
    this.#limit = limit;
    void this.#dispatch();
  }

  /** Stops every Pagefind binary (waiting requests are rejected). */
  async close(): Promise<void> {
    this.#closed = true;
    for (const waiting of this.#waiting.splice(0)) waiting.reject(new Error('the search indexers were stopped'));
    await Promise.all(this.#indexers.map((indexer) => indexer.api.close()));
  }

  async #dispatch(): Promise<void> {
    while (!this.#closed && this.#waiting.length > 0 && this.#indexers.filter((indexer) => indexer.busy).length < this.#limit) {
      const waiting = this.#waiting.shift()!;
      let indexer = this.#indexers.find((candidate) => !candidate.busy);
      if (!indexer) {
        indexer = { api: undefined as unknown as typeof PagefindApi, busy: true, started: false };
        this.#indexers.push(indexer);
        indexer.api = (await import(`${pagefindModule}?indexer=${this.#indexers.length}`)) as typeof PagefindApi;
      }
      indexer.busy = true;
      const current = indexer;
      indexShard(current, waiting.request, this.#oneWriteAtATime).then(
        (shard) => {
          current.busy = false;
          waiting.resolve(shard);
          void this.#dispatch();
        },
        (error: unknown) => {
          current.busy = false;
          waiting.reject(new Error(`Pagefind could not index ${waiting.request.name}: ${error instanceof Error ? error.message : String(error)}`));
          void this.#dispatch();
        },
      );
    }
  }
}
