import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { shardFor, type SearchShardPlan } from '@iom/content-model/search-shards';
import { IndexerPool, type IndexedShard } from './indexer-pool.ts';
import { htmlLang, pageDate, prepareForIndex, searchCopy, withIndexName } from './prepare-page.ts';

/** What was indexed. */
export interface SearchIndexReport {
  /** Pages per language (every shard of the language). */
  pages: Record<string, number>;
  /** Every shard with its pages and how long Pagefind took. */
  shards: { name: string; pages: number; milliseconds: number }[];
  milliseconds: number;
}

/** Pagefind's default index chunk size (pagefind/src/options.rs, `default_index_chunk_size`). */
const pagefindChunkSize = 20_000;
/** Below this, a language's shards would list so many chunks that the metadata every search loads grows instead. */
const smallestChunkSize = 4_000;

interface ShardState {
  name: string;
  lang: string;
  /** Pages the plan expects (dated shards); undefined: known only once every page was rendered. */
  expected: number | undefined;
  pages: { url: string; html: string }[];
  dispatched: boolean;
}

/**
 * Builds the site's Pagefind bundle from pages handed over one by one, shard by shard (see README.md here):
 * a shard is given to an indexer as soon as all its pages have arrived, so that indexing runs while the rest of the
 * site is still rendered, and only one shard per indexer is ever held in memory.
 *
 * @example
 * const builder = new SearchIndexBuilder({ outputPath: 'dist/pagefind', plan, indexers: 1 });
 * builder.addPage('/en/news/x/', html);   // as Astro renders them
 * builder.setIndexers(2);                 // once Astro is done, both cores
 * const report = await builder.finish();
 */
export class SearchIndexBuilder {
  readonly #outputPath: string;
  readonly #plan: SearchShardPlan;
  readonly #pool: IndexerPool;
  readonly #shards = new Map<string, ShardState>();
  readonly #running: Promise<IndexedShard>[] = [];
  readonly #started = performance.now();
  #failure: Error | undefined;

  constructor(options: { outputPath: string; plan: SearchShardPlan; indexers: number }) {
    this.#outputPath = options.outputPath;
    this.#plan = options.plan;
    this.#pool = new IndexerPool(options.indexers);
    for (const shards of Object.values(options.plan)) {
      for (const shard of shards) {
        this.#shards.set(shard.name, { name: shard.name, lang: shard.lang, expected: shard.fromMonth === undefined ? undefined : shard.pages, pages: [], dispatched: false });
      }
    }
  }

  /** Takes one rendered page (its URL from the site root and its HTML); pages without `data-pagefind-body` are skipped. */
  addPage(url: string, html: string): void {
    if (!html.includes('data-pagefind-body')) return;
    const lang = htmlLang(html) ?? 'unknown';
    const date = pageDate(html);
    const name = shardFor(this.#plan, lang, date);
    let shard = this.#shards.get(name);
    if (!shard) {
      shard = { name, lang, expected: undefined, pages: [], dispatched: false };
      this.#shards.set(name, shard);
    }
    if (shard.dispatched) {
      throw new Error(
        `The page ${url} (dated ${date ?? 'none'}) belongs to the search shard ${name}, which was already indexed with the ${shard.pages.length} pages the plan counted. ` +
          'Search shards are planned from the releases (the content loader); only release pages may carry a data-pagefind-sort date.',
      );
    }
    shard.pages.push({ url, html: withIndexName(prepareForIndex(searchCopy(html)), name) });
    if (shard.expected !== undefined && shard.pages.length === shard.expected) this.#dispatch(shard);
  }

  /** How many shards may be indexed at once from now on (one per free core). */
  setIndexers(count: number): void {
    this.#pool.setLimit(count);
  }

  /** Indexes what is left, waits for every shard and writes the bundle's `pagefind-entry.json`. */
  async finish(): Promise<SearchIndexReport> {
    try {
      for (const shard of this.#shards.values()) if (!shard.dispatched && shard.pages.length > 0) this.#dispatch(shard);
      const indexed = await Promise.all(this.#running);
      if (this.#failure) throw this.#failure;
      await this.#writeEntry(indexed);
      const pages: Record<string, number> = {};
      for (const shard of indexed) {
        const lang = this.#shards.get(shard.name)!.lang;
        pages[lang] = (pages[lang] ?? 0) + shard.pages;
      }
      return {
        pages,
        shards: indexed.map(({ name, pages: count, milliseconds }) => ({ name, pages: count, milliseconds })).sort((a, b) => a.name.localeCompare(b.name)),
        milliseconds: Math.round(performance.now() - this.#started),
      };
    } finally {
      await this.#pool.close();
    }
  }

  /** Stops the indexers without writing anything more (a failed build). */
  async abort(): Promise<void> {
    await this.#pool.close();
  }

  #dispatch(shard: ShardState): void {
    shard.dispatched = true;
    // The order Pagefind numbers pages in is the order they are added: sorted, so that two builds of the same site
    // write the same index, whatever order Astro finished the pages in.
    const pages = shard.pages.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
    shard.pages = [];
    const shardsOfLanguage = this.#plan[shard.lang]?.length ?? 1;
    // A search reads one chunk per shard for each word: chunks 1/n the size keep what it downloads about the same.
    const chunkSize = Math.max(smallestChunkSize, Math.round(pagefindChunkSize / shardsOfLanguage));
    const running = this.#pool.index({ name: shard.name, outputPath: this.#outputPath, chunkSize, pages });
    running.catch((error: unknown) => {
      this.#failure ??= error instanceof Error ? error : new Error(String(error));
    });
    this.#running.push(running);
  }

  async #writeEntry(indexed: IndexedShard[]): Promise<void> {
    const entryFile = path.join(this.#outputPath, 'pagefind-entry.json');
    // Every run writes the same version and characters; only its languages differ, and the last writer wins.
    const written = JSON.parse(await readFile(entryFile, 'utf8')) as { version: string; include_characters?: unknown };
    const files = new Set(await readdir(this.#outputPath));
    const languages: Record<string, { hash: string; wasm: string | null; page_count: number }> = {};
    for (const shard of [...indexed].sort((a, b) => a.name.localeCompare(b.name))) {
      const lang = this.#shards.get(shard.name)!.lang;
      // Each shard's run writes the language's WebAssembly module under the shard's name: one copy per language is
      // kept, so that a search over several shards downloads it once.
      const shared = `wasm.${lang}.pagefind`;
      const own = `wasm.${shard.name}.pagefind`;
      if (!files.has(shared) && files.has(own)) {
        await rename(path.join(this.#outputPath, own), path.join(this.#outputPath, shared));
        files.add(shared);
        files.delete(own);
      }
      if (own !== shared && files.has(own)) {
        await rm(path.join(this.#outputPath, own));
        files.delete(own);
      }
      languages[shard.name] = { hash: shard.meta, wasm: files.has(shared) ? lang : null, page_count: shard.pages };
    }
    // Pagefind also writes its ready-made UIs (about 430 kB). The search page uses the JS API only, so they would
    // only weigh on every deployment and every field office's mirror.
    for (const name of files) {
      if (/^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/.test(name)) await rm(path.join(this.#outputPath, name));
    }
    await writeFile(entryFile, JSON.stringify({ version: written.version, languages, include_characters: written.include_characters }));
  }
}

/** Makes sure the bundle folder exists and is empty (a full build writes every file anew). */
export async function emptyBundleFolder(outputPath: string): Promise<void> {
  if (existsSync(outputPath)) await rm(outputPath, { recursive: true, force: true });
  await mkdir(outputPath, { recursive: true });
}
