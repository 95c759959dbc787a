import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { IndexShardReply, IndexShardRequest } from './shard-indexer.ts';

const indexerScript = fileURLToPath(new URL('./shard-indexer.ts', import.meta.url));

/** An indexed shard, as its indexer reported it. */
export type IndexedShard = Extract<IndexShardReply, { type: 'indexed' }>;

interface Indexer {
  child: ChildProcess;
  busy: boolean;
}

/**
 * Shard indexer processes (shard-indexer.ts), at most `limit` of them busy at once; `setLimit` raises or lowers it
 * while the build runs (one while Astro renders on the other core, one per core once it is done).
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

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** Indexes one shard; rejects with Pagefind's messages when it fails. */
  index(request: IndexShardRequest): Promise<IndexedShard> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ request, resolve, reject });
      this.#dispatch();
    });
  }

  /** How many shards may be indexed at once from now on. */
  setLimit(limit: number): void {
    this.#limit = limit;
    this.#dispatch();
  }

  /** Stops every indexer (waiting requests are rejected). */
  async close(): Promise<void> {
    this.#closed = true;
    for (const waiting of this.#waiting.splice(0)) waiting.reject(new Error('the search indexers were stopped'));
    await Promise.all(
      this.#indexers.map(
        ({ child }) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.disconnect();
          }),
      ),
    );
  }

  #dispatch(): void {
    while (!this.#closed && this.#waiting.length > 0 && this.#indexers.filter((indexer) => indexer.busy).length < this.#limit) {
      const indexer = this.#indexers.find((candidate) => !candidate.busy) ?? this.#spawn();
      const { request, resolve, reject } = this.#waiting.shift()!;
      indexer.busy = true;
      const onExit = (code: number | null, signal: string | null) => reject(new Error(`the search indexer stopped (${signal ?? code}) while indexing ${request.name}`));
      indexer.child.once('exit', onExit);
      indexer.child.once('message', (reply: IndexShardReply) => {
        indexer.child.off('exit', onExit);
        indexer.busy = false;
        if (reply.type === 'indexed') resolve(reply);
        else reject(new Error(`Pagefind could not index ${reply.name}: ${reply.error}`));
        this.#dispatch();
      });
      indexer.child.send(request);
    }
  }

  #spawn(): Indexer {
    // The same Node as the build, with the same flags (it runs TypeScript directly).
    const child = fork(indexerScript, { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const indexer = { child, busy: false };
    this.#indexers.push(indexer);
    return indexer;
  }
}
