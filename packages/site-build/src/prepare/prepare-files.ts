import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, statSync, writeSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { prepareFile, type PrepareRender, type PreparedFile } from '@iom/content-model/prepare';
import { writeFileAtomic } from '@iom/files';
import { cacheInputs } from '../cache-inputs.ts';
import { codeDigest, findRepoRoot } from '../code-digest.ts';
import { forgetStoredBody, readStoredBody, type StoredBodyRef } from './stored-body.ts';
import { isProcessAlive } from '../process-alive.ts';

export { readStoredBody, type StoredBodyRef } from './stored-body.ts';

/** How bodies of one language are rendered: serializable, so worker threads can use it. */
export type RenderSpec = PrepareRender;

/** One MDX file to prepare. */
export interface PrepareTask {
  /** Path shown in messages (from the content folder's parent). */
  file: string;
  /** Absolute path on disk. */
  path: string;
  /** Language whose render spec applies; no rendering when undefined. */
  lang?: string | undefined;
}

/** Where a rendered body is kept in the cache: a slice of a pack file (read it with {@link readBody}). */
export interface BodyLocation {
  pack: string;
  offset: number;
  length: number;
}

/**
 * A prepared file. Without a cache it is the whole {@link PreparedFile}; with one, the rendered HTML is in the cache
 * (`body`) instead of `html`, and the words for search (`text`, which the site does not read) are left out.
 */
export type PreparedResult = Omit<PreparedFile, 'text'> & { text?: string | undefined; body?: BodyLocation | undefined };

export interface PrepareOptions {
  /** Render specs by language; files of languages without one are not rendered. */
  render?: Record<string, RenderSpec>;
  /** Where prepared files are kept between builds (by content hash). Without it nothing is cached. */
  cacheDir?: string | undefined;
  /** Worker threads for files that are not cached (default: one per core when there are many such files). */
  workers?: number;
  /**
   * Other processes that will read bodies from the cache (by pid): marked as its users like this one, so that no
   * other build tidies the packs away while they still read them, after this process has ended.
   */
  users?: readonly number[] | undefined;
}

let fingerprint: string | undefined;

/**
 * Code whose change invalidates every cached file (`cacheInputs.prepareCode`: the parser, checker and renderer, what
 * they call, and the lockfile), read on first use (never at import: this module runs inside Astro's bundle too).
 */
function codeFingerprint(): string {
  return (fingerprint ??= codeDigest(findRepoRoot(fileURLToPath(import.meta.url)), cacheInputs.prepareCode));
}

const renderKeyOf = (spec: RenderSpec | undefined) => (spec ? createHash('sha256').update(JSON.stringify(spec)).digest('hex').slice(0, 12) : 'plain');

/** Below this many uncached files, starting worker threads costs more than it saves. */
const workerThreshold = 48;

interface WorkItem { index: number; file: string; path: string; key: string; spec: RenderSpec | undefined }

/** The cache's index: every prepared file by key (content hash, file name, render settings). */
type CacheIndex = Record<string, PreparedResult>;

/** What the cache knew of a file on disk when it last read it: enough to tell, without reading it, that it is the same. */
interface FileStamp {
  size: number;
  mtimeMs: number;
  ino: number;
  /** Digest of its bytes and shown name (the first part of its cache key). */
  hash: string;
}

/** The cache's file: the index, and the stamp of every file it read. */
interface CacheFile {
  version: 2;
  entries: CacheIndex;
  files: Record<string, FileStamp>;
}

/**
 * A file that rendered bodies are appended to, one after the other: one file per worker and build instead of one
 * per body, because creating a file costs far more than writing to one (20,000 releases: most of a cold sync was
 * spent creating 40,000 cache files).
 */
export class BodyPack {
  readonly #fd: number;
  readonly name: string;
  #offset = 0;

  constructor(dir: string, name: string) {
    this.name = name;
    this.#fd = openSync(path.join(dir, name), 'a');
    this.#offset = statSync(path.join(dir, name)).size;
  }

  /** Appends one body; returns where it is. */
  add(html: string): BodyLocation {
    const bytes = Buffer.from(html, 'utf8');
    writeSync(this.#fd, bytes);
    const location = { pack: this.name, offset: this.#offset, length: bytes.length };
    this.#offset += bytes.length;
    return location;
  }

  close(): void {
    closeSync(this.#fd);
  }
}

/** Prepares one item, its body into `pack` when there is a cache. */
export function prepareItem(item: { file: string; path: string; spec: RenderSpec | undefined }, bytes: Uint8Array, pack: BodyPack | undefined): PreparedResult {
  const prepared = prepareFile(item.file, bytes, item.spec);
  if (!pack) return prepared;
  const { html, text: _text, ...rest } = prepared;
  return { ...rest, body: html === undefined ? undefined : pack.add(html) };
}

function runInWorkers(items: WorkItem[], count: number, packDir: string | undefined, packPrefix: string): Promise<Map<number, PreparedResult>> {
  const results = new Map<number, PreparedResult>();
  const chunks = Array.from({ length: count }, (_, worker) => items.filter((_, index) => index % count === worker));
  return Promise.all(
    chunks.map(
      (chunk, worker) =>
        new Promise<void>((resolve, reject) => {
          const thread = new Worker(new URL('./prepare-worker.ts', import.meta.url), { workerData: { items: chunk, packDir, packName: `${packPrefix}-${worker}.html` } });
          thread.on('message', (message: { index: number; result: PreparedResult }) => results.set(message.index, message.result));
          thread.on('error', reject);
          thread.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`content worker stopped with code ${code}`))));
        }),
    ),
  ).then(() => results);
}

/** The reference a reader needs for a body of the cache at `cacheDir` (see `readStoredBody`). */
export function storedBodyRef(cacheDir: string, location: BodyLocation): StoredBodyRef {
  return { file: path.join(cacheDir, `prepared-${codeFingerprint()}`, 'packs', location.pack), offset: location.offset, length: location.length };
}

function readBody(packDir: string, location: BodyLocation): string {
  return readStoredBody({ file: path.join(packDir, location.pack), offset: location.offset, length: location.length });
}

/** Is another live process using this cache (marked by a file named after its pid), besides `ours`? */
function othersAlive(usersDir: string, ours: ReadonlySet<number>): boolean {
  for (const name of readdirSync(usersDir)) {
    const pid = Number(name);
    if (!ours.has(pid) && isProcessAlive(pid)) return true;
  }
  return false;
}

/**
 * Prepares many MDX files: from the cache when a file's bytes, its language's render spec and the parser code are
 * unchanged, otherwise parsed, checked and rendered, on worker threads when there are many. Results come back in the
 * order of `tasks`.
 *
 * The cache is one index (every prepared file's metadata, by key) and a few pack files holding the rendered bodies.
 * Entries no run asked for are dropped from the index at the end, and packs nothing points at any more are removed
 * (packs that are mostly dead are rewritten), so the cache never grows far beyond the content. A process using the
 * cache marks it with its pid, and no clean-up happens while another one is alive, since it may still read bodies.
 *
 * @example
 * const results = await prepareFiles([{ file: 'content/releases/2016/x/en.mdx', path: '/…/en.mdx', lang: 'en' }], { render: { en: spec }, cacheDir });
 * readStoredBody(storedBodyRef(cacheDir, results[0].body!)) // the release's HTML
 */
export async function prepareFiles(tasks: readonly PrepareTask[], options: PrepareOptions = {}): Promise<PreparedResult[]> {
  const root = options.cacheDir ? path.join(options.cacheDir, `prepared-${codeFingerprint()}`) : undefined;
  const packDir = root ? path.join(root, 'packs') : undefined;
  const usersDir = root ? path.join(root, 'users') : undefined;
  /** This process and those it prepares for: the packs this run keeps are theirs. */
  const ours = new Set([process.pid, ...(options.users ?? [])]);
  if (root) {
    await mkdir(packDir!, { recursive: true });
    await mkdir(usersDir!, { recursive: true });
    for (const pid of ours) await writeFile(path.join(usersDir!, String(pid)), '');
  }
  const indexFile = root ? path.join(root, 'index.json') : undefined;
  let cache: CacheFile = { version: 2, entries: {}, files: {} };
  if (indexFile && existsSync(indexFile)) {
    try {
      const read = JSON.parse(await readFile(indexFile, 'utf8')) as Partial<CacheFile>;
      if (read.version === 2 && read.entries && read.files) cache = read as CacheFile;
    } catch {
      // an unreadable index is an empty cache
    }
  }
  const index = cache.entries;
  const packs = new Set(packDir ? readdirSync(packDir) : []);
  const results = new Array<PreparedResult | undefined>(tasks.length);
  const misses: WorkItem[] = [];
  const used: CacheIndex = {};
  const stamps: Record<string, FileStamp> = {};
  const lookUp = (task: PrepareTask, position: number, hash: string) => {
    const spec = task.lang ? options.render?.[task.lang] : undefined;
    const key = `${hash}-${renderKeyOf(spec)}`;
    const cached = index[key];
    if (cached && (!cached.body || packs.has(cached.body.pack))) {
      results[position] = cached;
      used[key] = cached;
    } else {
      misses.push({ index: position, file: task.file, path: task.path, key, spec });
    }
  };
  // A file whose size, modification time and inode are those the cache recorded is not read again: with 20,000
  // files, reading and hashing them all was most of a rebuild's content sync. Any other file is read and hashed.
  const unknown: { task: PrepareTask; position: number; stat: { size: number; mtimeMs: number; ino: number } }[] = [];
  tasks.forEach((task, position) => {
    const stat = statSync(task.path);
    const known = cache.files[task.path];
    if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs && known.ino === stat.ino) {
      stamps[task.path] = known;
      lookUp(task, position, known.hash);
    } else {
      unknown.push({ task, position, stat: { size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino } });
    }
  });
  // Read and hash in bounded batches: all at once would hold every file in memory, one by one would wait on disk.
  const batch = 256;
  for (let start = 0; start < unknown.length; start += batch) {
    await Promise.all(
      unknown.slice(start, start + batch).map(async ({ task, position, stat }) => {
        const hash = createHash('sha256').update(await readFile(task.path)).update(task.file).digest('hex').slice(0, 24);
        stamps[task.path] = { ...stat, hash };
        lookUp(task, position, hash);
      }),
    );
  }
  const packPrefix = `${Date.now().toString(36)}-${process.pid}`;
  const workers = Math.min(options.workers ?? availableParallelism(), misses.length);
  if (misses.length >= workerThreshold && workers > 1) {
    for (const [position, result] of await runInWorkers(misses, workers, packDir, packPrefix)) results[position] = result;
  } else if (misses.length > 0) {
    const pack = packDir ? new BodyPack(packDir, `${packPrefix}-main.html`) : undefined;
    try {
      for (const item of misses) results[item.index] = prepareItem(item, await readFile(item.path), pack);
    } finally {
      pack?.close();
    }
  }
  if (root) {
    for (const item of misses) used[item.key] = results[item.index]!;
    const written: CacheFile = { version: 2, entries: used, files: stamps };
    // Nothing new, nothing dropped, every file as recorded: the index on disk says it all already.
    const same =
      misses.length === 0 &&
      unknown.length === 0 &&
      Object.keys(used).length === Object.keys(index).length &&
      Object.keys(stamps).length === Object.keys(cache.files).length;
    if (!same) await writeFileAtomic(indexFile!, JSON.stringify(written));
    if (!othersAlive(usersDir!, ours)) {
      await cleanPacks(packDir!, usersDir!, written, indexFile!);
      // Caches of earlier parser code can never be read again.
      for (const name of await readdir(options.cacheDir!)) {
        if (name.startsWith('prepared-') && name !== path.basename(root)) await rm(path.join(options.cacheDir!, name), { recursive: true, force: true });
      }
    }
  }
  return results as PreparedResult[];
}

/** Removes packs nothing points at, and rewrites the live bodies of packs that are mostly dead. */
async function cleanPacks(packDir: string, usersDir: string, cache: CacheFile, indexFile: string): Promise<void> {
  const index = cache.entries;
  const live = new Map<string, number>();
  for (const entry of Object.values(index)) if (entry.body) live.set(entry.body.pack, (live.get(entry.body.pack) ?? 0) + entry.body.length);
  const sizes = new Map((await readdir(packDir)).map((name) => [name, statSync(path.join(packDir, name)).size]));
  for (const [name] of sizes) if (!live.has(name)) await rm(path.join(packDir, name), { force: true });
  const liveBytes = [...live.values()].reduce((sum, bytes) => sum + bytes, 0);
  const allBytes = [...live.keys()].reduce((sum, name) => sum + (sizes.get(name) ?? 0), 0);
  if (allBytes > 2 * liveBytes && allBytes > 64 * 1024 * 1024) {
    // More dead than live bodies: copy the live ones into a fresh pack, then drop the old packs.
    const pack = new BodyPack(packDir, `${Date.now().toString(36)}-${process.pid}-compacted.html`);
    try {
      for (const entry of Object.values(index)) if (entry.body) entry.body = pack.add(readBody(packDir, entry.body));
    } finally {
      pack.close();
    }
    await writeFileAtomic(indexFile, JSON.stringify(cache));
    for (const name of live.keys()) {
      const file = path.join(packDir, name);
      forgetStoredBody(file);
      await rm(file, { force: true });
    }
  }
  for (const name of readdirSync(usersDir)) {
    if (!isProcessAlive(Number(name))) await rm(path.join(usersDir, name), { force: true });
  }
}
