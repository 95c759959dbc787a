import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { listFiles } from '@iom/files';
import { shardFor, type SearchShardPlan } from './search-shards.ts';
import { IndexerPool, queuedPage, type IndexedShard, type QueuedPage } from './indexer-pool.ts';
import { htmlLang, pageDate, prepareForIndex, searchCopy, withIndexName } from './prepare-page.ts';

/** One shard as the bundle's `pagefind-entry.json` lists it. */
export interface ShardRecord {
  lang: string;
  /** Pagefind's metadata hash (`en_3f2a…`): the index's name in the entry file. */
  meta: string;
  pages: number;
  wasm: string | null;
}

/** One indexed page: its shard, its language and date, and a digest of what Pagefind read of it. */
export interface PageRecord {
  shard: string;
  lang: string;
  date?: string | undefined;
  hash: string;
}

/** What a build indexed, kept for the next update build (see scripts/update-build/README.md). */
export interface SearchState {
  /** Pagefind's version and extra word characters, from its entry file. */
  entry: { version: string; include_characters?: unknown };
  shards: Record<string, ShardRecord>;
  /** By URL from the site root (`/en/news/x/`). */
  pages: Record<string, PageRecord>;
}

/** What was indexed. */
export interface SearchIndexReport {
  /** Pages per language (every shard of the language). */
  pages: Record<string, number>;
  /** Every shard indexed by this build, with its pages, how long Pagefind took, and whether while Astro rendered. */
  shards: { name: string; pages: number; milliseconds: number; early: boolean }[];
  /** Shards kept as they were (an update build). */
  kept: number;
  /** Update build: shards indexed early whose pages then turned out otherwise (one removed, one moved in), so indexed again. */
  redone: number;
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
  pages: QueuedPage[];
  dispatched: boolean;
}

const digestOf = (copy: string) => createHash('sha256').update(copy).digest('base64url').slice(0, 22);

/**
 * Builds the site's Pagefind bundle from pages handed over one by one, shard by shard (see README.md here).
 *
 * A full build: a shard is given to an indexer as soon as all its releases have arrived, so that indexing runs while
 * the rest of the site is still rendered, and only one shard per indexer is held in memory; `finish` writes the
 * bundle's `pagefind-entry.json`.
 *
 * An update build (`previous` given): only the pages that were rendered again arrive. A shard is indexed again when
 * one of its pages changed what Pagefind reads, came, went or moved to another shard; its other pages are read from
 * the live site. Every other shard is kept as it is. `finish` leaves the entry file to the caller, which swaps it
 * into the live bundle.
 *
 * @example
 * const builder = new SearchIndexBuilder({ outputPath: 'dist/pagefind', plan, indexers: 1 });
 * builder.addPage('/en/news/x/', html);   // as Astro renders them
 * builder.setIndexers(2);                 // once Astro is done, both cores
 * const { report, state } = await builder.finish();
 */
export class SearchIndexBuilder {
  readonly #outputPath: string;
  readonly #plan: SearchShardPlan;
  readonly #pool: IndexerPool;
  readonly #shards = new Map<string, ShardState>();
  readonly #running: Promise<IndexedShard>[] = [];
  readonly #started = performance.now();
  readonly #pages: Record<string, PageRecord> = {};
  readonly #previous: SearchState | undefined;
  readonly #liveSiteDir: string | undefined;
  /** Update build: the pages rendered again, with their copy for Pagefind. */
  readonly #arrived = new Map<string, { record: PageRecord; page: QueuedPage }>();
  readonly #removed = new Set<string>();
  /**
   * Update build: the live copies of the other pages of shards likely to change (Astro announced or sent a changed
   * page of theirs), read while Astro still works (the driver's core is idle then), by URL and the shard they were
   * read for.
   */
  readonly #prefetched = new Map<string, { shard: string; page: Promise<QueuedPage | undefined> }>();
  #previousMembers: Map<string, string[]> | undefined;
  /** Update build: pages Astro announced it will render again and that have not arrived yet (URLs). */
  readonly #awaited = new Set<string>();
  /** Update build: shards whose pages changed for search (a page arrived with other words, or moved in). */
  readonly #changedShards = new Set<string>();
  /**
   * Update build: dated shards indexed while Astro still renders, each into a folder of its own, with the pages it
   * was given; `finish` takes one whose pages are exactly those it would index, and indexes any other again.
   */
  readonly #early = new Map<string, { dir: string; pages: Promise<QueuedPage[] | undefined>; running: Promise<IndexedShard | undefined> }>();
  #prefetching: Promise<unknown> = Promise.resolve();
  #failure: Error | undefined;

  constructor(options: { outputPath: string; plan: SearchShardPlan; indexers: number; previous?: SearchState | undefined; liveSiteDir?: string | undefined }) {
    this.#outputPath = options.outputPath;
    this.#plan = options.plan;
    this.#pool = new IndexerPool(options.indexers);
    this.#previous = options.previous;
    this.#liveSiteDir = options.liveSiteDir;
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
    const copy = prepareForIndex(searchCopy(html));
    const record: PageRecord = { shard: name, lang, ...(date ? { date } : {}), hash: digestOf(copy) };
    if (this.#previous) {
      this.#arrived.set(url, { record, page: queuedPage(url, withIndexName(copy, name)) });
      const before = this.#previous.pages[url];
      this.#awaited.delete(url);
      if (before?.shard !== name || before.hash !== record.hash) {
        this.#prefetch(name);
        this.#changedShards.add(name);
        if (before) {
          this.#prefetch(before.shard);
          this.#changedShards.add(before.shard);
        }
      }
      for (const shard of this.#changedShards) this.#indexEarly(shard);
      return;
    }
    this.#pages[url] = record;
    const shard = this.#shard(name, lang);
    if (shard.dispatched) {
      throw new Error(
        `The page ${url} (dated ${date ?? 'none'}) belongs to the search shard ${name}, which was already indexed with the ${shard.expected} pages the plan counted. ` +
          'Search shards are planned from the releases (the content loader); only release pages may carry a data-pagefind-sort date.',
      );
    }
    shard.pages.push(queuedPage(url, withIndexName(copy, name)));
    if (shard.expected !== undefined && shard.pages.length === shard.expected) this.#dispatch(shard);
  }

  /** Update build: pages of the previous build that are gone (their URLs from the site root). */
  removePages(urls: Iterable<string>): void {
    for (const url of urls) this.#removed.add(url);
  }

  /**
   * Update build: the pages Astro will render again (URLs from the site root), as its routes announce them before
   * rendering. A dated shard whose changed pages have all arrived is then indexed at once, on the core Astro leaves
   * free, instead of after Astro has exited (see `#indexEarly`).
   */
  expectPages(urls: Iterable<string>): void {
    if (!this.#previous) return;
    for (const url of urls) {
      if (this.#arrived.has(url)) continue;
      this.#awaited.add(url);
      // Its shard will likely be indexed again: its live pages are read now, while Astro computes the other routes.
      const shard = this.#previous.pages[url]?.shard;
      if (shard) this.#prefetch(shard);
    }
  }

  /** How many shards may be indexed at once from now on (one per free core). */
  setIndexers(count: number): void {
    this.#pool.setLimit(count);
  }

  /**
   * Indexes what is left and waits for every shard. A full build writes the bundle's `pagefind-entry.json` (see
   * {@link writeSearchEntry}); an update build leaves it to the caller.
   */
  async finish(): Promise<{ report: SearchIndexReport; state: SearchState; indexed: string[]; dropped: string[] }> {
    try {
      const kept = this.#previous ? await this.#planUpdate() : 0;
      for (const shard of this.#shards.values()) if (!shard.dispatched && shard.pages.length > 0) this.#dispatch(shard);
      const indexed = await Promise.all(this.#running);
      if (this.#failure) throw this.#failure;
      // Shards indexed early wrote into folders of their own: into the bundle now that no Pagefind writes there.
      const indexedEarly = new Set<string>();
      for (const shard of indexed) {
        const early = this.#early.get(shard.name);
        if (early && (await early.running) === shard) {
          await moveFiles(early.dir, this.#outputPath);
          indexedEarly.add(shard.name);
        }
      }
      await tidyBundle(this.#outputPath, indexed.map((shard) => ({ name: shard.name, lang: this.#shards.get(shard.name)!.lang })), this.#liveSiteDir);
      const shards: Record<string, ShardRecord> = {};
      const indexedNames = new Set(indexed.map((shard) => shard.name));
      const live = new Set(Object.values(this.#pages).map((page) => page.shard));
      for (const [name, record] of Object.entries(this.#previous?.shards ?? {})) if (!indexedNames.has(name) && live.has(name)) shards[name] = record;
      for (const shard of indexed) {
        const lang = this.#shards.get(shard.name)!.lang;
        shards[shard.name] = { lang, meta: shard.meta, pages: shard.pages, wasm: wasmOf(lang, this.#outputPath, this.#liveSiteDir) ? lang : null };
      }
      const written = indexed[0]?.entry ?? this.#previous?.entry;
      if (!written) throw new Error('Pagefind indexed nothing: no page marks its content with data-pagefind-body');
      const state: SearchState = { entry: { version: written.version, include_characters: written.include_characters }, shards, pages: this.#pages };
      if (!this.#previous) await writeSearchEntry(this.#outputPath, state);
      const pages: Record<string, number> = {};
      for (const record of Object.values(shards)) pages[record.lang] = (pages[record.lang] ?? 0) + record.pages;
      const dropped = Object.keys(this.#previous?.shards ?? {}).filter((name) => !(name in shards));
      return {
        report: {
          pages,
          shards: indexed.map(({ name, pages: count, milliseconds }) => ({ name, pages: count, milliseconds, early: indexedEarly.has(name) })).sort((a, b) => a.name.localeCompare(b.name)),
          kept,
          redone: (await Promise.all([...this.#early].map(async ([name, early]) => !indexedEarly.has(name) && (await early.running) !== undefined))).filter(Boolean).length,
          milliseconds: Math.round(performance.now() - this.#started),
        },
        state,
        indexed: [...indexedNames].sort(),
        dropped,
      };
    } finally {
      await this.#pool.close();
      await this.#removeEarlyFolders();
    }
  }

  /** Stops the indexers without writing anything more (a failed build). */
  async abort(): Promise<void> {
    await this.#pool.close();
    await this.#removeEarlyFolders();
  }

  async #removeEarlyFolders(): Promise<void> {
    await Promise.all([...this.#early.values()].map(async (early) => {
      await early.running;
      await rm(early.dir, { recursive: true, force: true });
    }));
  }

  #shard(name: string, lang: string): ShardState {
    let shard = this.#shards.get(name);
    if (!shard) {
      shard = { name, lang, expected: undefined, pages: [], dispatched: false };
      this.#shards.set(name, shard);
    }
    return shard;
  }

  /**
   * Update build: which shards to index again, filled with all their pages (rendered again, or read from the live
   * site). Returns how many shards are kept.
   */
  async #planUpdate(): Promise<number> {
    const previous = this.#previous!;
    const dirty = new Set<string>();
    for (const [url, record] of Object.entries(previous.pages)) {
      if (this.#removed.has(url) && !this.#arrived.has(url)) {
        dirty.add(record.shard);
        continue;
      }
      const arrived = this.#arrived.get(url);
      // A page not rendered again may still move: the plan's runs of months can be cut anew.
      const now = arrived?.record ?? { ...record, shard: shardFor(this.#plan, record.lang, record.date) };
      if (now.shard !== record.shard) dirty.add(record.shard).add(now.shard);
      else if (now.hash !== record.hash) dirty.add(now.shard);
      this.#pages[url] = now;
    }
    for (const [url, { record }] of this.#arrived) {
      if (previous.pages[url]) continue;
      dirty.add(record.shard);
      this.#pages[url] = record;
    }
    for (const [name, urls] of urlsByShard(this.#pages)) {
      if (!dirty.has(name)) continue;
      const shard = this.#shard(name, this.#pages[urls[0]!]!.lang);
      shard.expected = undefined;
      for (const url of urls) {
        const arrived = this.#arrived.get(url);
        const prefetched = this.#prefetched.get(url);
        const early = !arrived && prefetched?.shard === name ? await prefetched.page : undefined;
        shard.pages.push(arrived?.page ?? early ?? (await this.#readLive(url, name)));
      }
      // Indexed early with exactly these pages (the same copies, in the same order): taken as it is.
      const early = this.#early.get(name);
      const earlyPages = early && (await early.pages);
      const sorted = sortedByUrl(shard.pages);
      if (early && earlyPages && earlyPages.length === sorted.length && earlyPages.every((page, index) => page === sorted[index])) {
        // Should the early run have failed, the shard is indexed again as usual.
        const running = early.running.then((indexed) => indexed ?? this.#pool.index(this.#request(name, sorted, this.#outputPath)));
        running.catch((error: unknown) => {
          this.#failure ??= error instanceof Error ? error : new Error(String(error));
        });
        this.#running.push(running);
        shard.pages = [];
        shard.dispatched = true;
      }
    }
    const live = new Set(Object.values(this.#pages).map((page) => page.shard));
    return Object.keys(previous.shards).filter((name) => live.has(name) && !dirty.has(name)).length;
  }

  /** A live page's copy for Pagefind, as it would arrive from Astro. */
  async #readLive(url: string, shard: string): Promise<QueuedPage> {
    return queuedPage(url, withIndexName(prepareForIndex(searchCopy(await readFile(livePageFile(this.#liveSiteDir!, url), 'utf8'))), shard));
  }

  /**
   * Update build: starts reading the live pages of a shard that will be indexed again (one page at a time, behind
   * Astro). A page that arrives later is taken as it arrives; one that cannot be read now is read again at the end
   * (where a real problem is reported).
   */
  #prefetch(shard: string): void {
    this.#previousMembers ??= urlsByShard(this.#previous!.pages);
    for (const url of this.#previousMembers.get(shard) ?? []) {
      if (this.#prefetched.has(url)) continue;
      const page = this.#prefetching.then(() => (this.#arrived.has(url) ? undefined : this.#readLive(url, shard).catch(() => undefined)));
      this.#prefetching = page;
      this.#prefetched.set(url, { shard, page });
    }
  }

  /**
   * Update build: indexes a dated shard while Astro still renders, once a page of it changed and every page of it
   * that Astro announced has arrived: its other pages are the live ones, read meanwhile (`#prefetch`). Astro renders
   * the release pages first and then the site's other pages, so this runs beside those instead of after Astro.
   * Whether the guess holds (no page removed, none moved in later) is checked in `#planUpdate`.
   */
  #indexEarly(name: string): void {
    if (this.#early.has(name) || !this.#plan[this.#shards.get(name)?.lang ?? '']?.some((shard) => shard.name === name && shard.fromMonth !== undefined)) return;
    this.#previousMembers ??= urlsByShard(this.#previous!.pages);
    const members = this.#previousMembers.get(name) ?? [];
    if (members.some((url) => this.#awaited.has(url))) return;
    const dir = `${this.#outputPath}.early-${name}`;
    const pages = (async () => {
      const urls = new Set([...members.filter((url) => (this.#arrived.get(url)?.record.shard ?? name) === name), ...[...this.#arrived].filter(([, page]) => page.record.shard === name).map(([url]) => url)]);
      const copies = await Promise.all([...urls].map(async (url) => this.#arrived.get(url)?.page ?? (this.#prefetched.get(url)?.shard === name ? await this.#prefetched.get(url)!.page : undefined)));
      return copies.every((page) => page !== undefined) ? sortedByUrl(copies) : undefined;
    })();
    const running = pages.then(async (copies) => {
      if (!copies) return undefined;
      await emptyBundleFolder(dir);
      return this.#pool.index(this.#request(name, copies, dir)).catch(() => undefined);
    });
    this.#early.set(name, { dir, pages, running });
  }

  /** What Pagefind is asked to index for a shard: its pages in URL order, into `outputPath`. */
  #request(name: string, pages: QueuedPage[], outputPath: string) {
    const shardsOfLanguage = this.#plan[this.#shards.get(name)!.lang]?.length ?? 1;
    // A search reads one chunk per shard for each word: chunks 1/n the size keep what it downloads about the same.
    const chunkSize = Math.max(smallestChunkSize, Math.round(pagefindChunkSize / shardsOfLanguage));
    const previousMeta = outputPath === this.#outputPath ? this.#previous?.shards[name]?.meta : undefined;
    return { name, outputPath, chunkSize, pages, previousMeta };
  }

  #dispatch(shard: ShardState): void {
    shard.dispatched = true;
    const pages = sortedByUrl(shard.pages);
    shard.pages = [];
    const running = this.#pool.index(this.#request(shard.name, pages, this.#outputPath));
    running.catch((error: unknown) => {
      this.#failure ??= error instanceof Error ? error : new Error(String(error));
    });
    this.#running.push(running);
  }
}

/**
 * Pages in the order Pagefind numbers them, the order they are added: by URL, so that two builds of the same site
 * write the same index, whatever order Astro finished the pages in.
 */
function sortedByUrl(pages: QueuedPage[]): QueuedPage[] {
  return pages.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/** Moves every file of `from` into the same place under `to` (replacing what is there), then removes `from`. */
async function moveFiles(from: string, to: string): Promise<void> {
  for (const file of await listFiles(from)) {
    await mkdir(path.dirname(path.join(to, file)), { recursive: true });
    await rename(path.join(from, file), path.join(to, file));
  }
  await rm(from, { recursive: true, force: true });
}

/** The URLs of the pages in each shard, in the order of `pages`. */
function urlsByShard(pages: Record<string, PageRecord>): Map<string, string[]> {
  const shards = new Map<string, string[]>();
  for (const [url, record] of Object.entries(pages)) {
    const urls = shards.get(record.shard);
    if (urls) urls.push(url);
    else shards.set(record.shard, [url]);
  }
  return shards;
}

/** The built file of an indexed page (its URL from the site root, a folder: `/en/news/x/`). */
export function livePageFile(siteDir: string, url: string): string {
  return path.join(siteDir, ...url.split('/').filter(Boolean), 'index.html');
}

/** Is there the language's WebAssembly module in the bundle being written, or in the live one? */
function wasmOf(lang: string, outputPath: string, liveSiteDir: string | undefined): boolean {
  const file = `wasm.${lang}.pagefind`;
  return existsSync(path.join(outputPath, file)) || (liveSiteDir !== undefined && existsSync(path.join(liveSiteDir, 'pagefind', file)));
}

/**
 * After Pagefind wrote shards into a bundle folder: keeps one WebAssembly module per language (each shard's run
 * writes it under the shard's name; every shard of the language points at `wasm.<lang>.pagefind`, so a search
 * downloads it once), and removes Pagefind's ready-made UIs (about 430 kB), which the search page (JS API only) never
 * loads.
 */
async function tidyBundle(outputPath: string, shards: readonly { name: string; lang: string }[], liveSiteDir: string | undefined): Promise<void> {
  if (!existsSync(outputPath)) return;
  const files = new Set(await readdir(outputPath));
  for (const { name, lang } of shards) {
    const shared = `wasm.${lang}.pagefind`;
    const own = `wasm.${name}.pagefind`;
    if (own === shared) continue;
    const sharedExists = files.has(shared) || (liveSiteDir !== undefined && existsSync(path.join(liveSiteDir, 'pagefind', shared)));
    if (!sharedExists && files.has(own)) {
      await rename(path.join(outputPath, own), path.join(outputPath, shared));
      files.add(shared);
    } else if (files.has(own)) await rm(path.join(outputPath, own));
    files.delete(own);
  }
  for (const name of files) {
    if (/^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/.test(name)) await rm(path.join(outputPath, name));
  }
}

/** Writes a bundle's `pagefind-entry.json` for the shards of `state` (in a fixed order: builds are reproducible). */
export async function writeSearchEntry(bundleDir: string, state: SearchState, fileName = 'pagefind-entry.json'): Promise<void> {
  const languages = Object.fromEntries(
    Object.entries(state.shards)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, shard]) => [name, { hash: shard.meta, wasm: shard.wasm, page_count: shard.pages }]),
  );
  await writeFile(path.join(bundleDir, fileName), JSON.stringify({ version: state.entry.version, languages, include_characters: state.entry.include_characters }));
}

/** Makes sure the bundle folder exists and is empty (every build's Pagefind output starts from nothing). */
export async function emptyBundleFolder(outputPath: string): Promise<void> {
  if (existsSync(outputPath)) await rm(outputPath, { recursive: true, force: true });
  await mkdir(outputPath, { recursive: true });
}
