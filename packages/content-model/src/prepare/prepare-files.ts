import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RenderLabels } from '../mdx/index.ts';
import { prepareFile, type PreparedFile } from './prepare-file.ts';

/** How bodies of one language are rendered: serializable, so worker threads can use it. */
export interface RenderSpec {
  labels: RenderLabels;
  /** The deployment's base path: root-relative links and images get it. */
  base: string;
  /** What `<Contacts />` becomes in the HTML. */
  contactsMarker: string;
}

/** One MDX file to prepare. */
export interface PrepareTask {
  /** Path shown in messages (from the content folder's parent). */
  file: string;
  /** Absolute path on disk. */
  path: string;
  /** Language whose render spec applies; no rendering when undefined. */
  lang?: string | undefined;
}

/** A prepared file; with a cache, the HTML is in `htmlFile` instead of `html`. */
export type PreparedResult = PreparedFile & { htmlFile?: string | undefined };

export interface PrepareOptions {
  /** Render specs by language; files of languages without one are not rendered. */
  render?: Record<string, RenderSpec>;
  /** Where prepared files are kept between builds (by content hash). Without it nothing is cached. */
  cacheDir?: string | undefined;
  /** Worker threads for files that are not cached (default: one per core when there are many such files). */
  workers?: number;
}

/** Code whose change invalidates every cached file: the parser, checker and renderer, and what they call. */
const codeFingerprint = (() => {
  const src = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
  const files = [
    ...['mdx', 'prepare'].flatMap((dir) => readdirSync(path.join(src, dir)).filter((name) => name.endsWith('.ts')).map((name) => path.join(dir, name))),
    'content-hash.ts',
    'content-issue.ts',
    'media-references.ts',
    'urls.ts',
  ].sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update(readFileSync(path.join(src, file)));
  return hash.digest('hex').slice(0, 16);
})();

const renderKeyOf = (spec: RenderSpec | undefined) => (spec ? createHash('sha256').update(JSON.stringify(spec)).digest('hex').slice(0, 12) : 'plain');

/** Below this many uncached files, starting worker threads costs more than it saves. */
const workerThreshold = 48;

interface WorkItem { index: number; file: string; path: string; key: string; spec: RenderSpec | undefined }

function runInWorkers(items: WorkItem[], count: number, cacheDir: string | undefined): Promise<Map<number, PreparedResult>> {
  const results = new Map<number, PreparedResult>();
  const chunks = Array.from({ length: count }, (_, worker) => items.filter((_, index) => index % count === worker));
  return Promise.all(
    chunks.map(
      (chunk) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(new URL('./prepare-worker.ts', import.meta.url), { workerData: { items: chunk, cacheDir } });
          worker.on('message', (message: { index: number; result: PreparedResult }) => results.set(message.index, message.result));
          worker.on('error', reject);
          worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`content worker stopped with code ${code}`))));
        }),
    ),
  ).then(() => results);
}

/** Prepares one item in this thread, writing its cache entry. */
export async function prepareItem(item: { file: string; path: string; key: string; spec: RenderSpec | undefined }, cacheDir: string | undefined): Promise<PreparedResult> {
  const prepared = prepareFile(item.file, await readFile(item.path), item.spec);
  if (!cacheDir) return prepared;
  const { html, ...rest } = prepared;
  const entry = path.join(cacheDir, `${item.key}.json`);
  const htmlFile = html === undefined ? undefined : path.join(cacheDir, `${item.key}.html`);
  if (htmlFile) await writeFile(htmlFile, html!);
  const result: PreparedResult = { ...rest, htmlFile };
  await writeFile(entry, JSON.stringify(result));
  return result;
}

/**
 * Prepares many MDX files: from the cache when a file's bytes, its language's render spec and the parser code are
 * unchanged, otherwise parsed, checked and rendered, on worker threads when there are many. Results come back in the
 * order of `tasks`. With a cache, entries no run asked for are removed at the end, so the cache never grows beyond
 * the content.
 *
 * @example
 * const results = await prepareFiles([{ file: 'content/releases/2016/x/en.mdx', path: '/…/en.mdx', lang: 'en' }], { render: { en: spec }, cacheDir });
 */
export async function prepareFiles(tasks: readonly PrepareTask[], options: PrepareOptions = {}): Promise<PreparedResult[]> {
  const cacheDir = options.cacheDir ? path.join(options.cacheDir, `prepared-${codeFingerprint}`) : undefined;
  if (cacheDir) await mkdir(cacheDir, { recursive: true });
  const results = new Array<PreparedResult | undefined>(tasks.length);
  const misses: WorkItem[] = [];
  const used = new Set<string>();
  // Read and hash in bounded batches: all at once would hold every file in memory, one by one would wait on disk.
  const batch = 256;
  for (let start = 0; start < tasks.length; start += batch) {
    await Promise.all(
      tasks.slice(start, start + batch).map(async (task, offset) => {
        const index = start + offset;
        const spec = task.lang ? options.render?.[task.lang] : undefined;
        const bytes = await readFile(task.path);
        const key = `${createHash('sha256').update(bytes).update(task.file).digest('hex').slice(0, 24)}-${renderKeyOf(spec)}`;
        used.add(key);
        if (cacheDir) {
          try {
            const cached = JSON.parse(await readFile(path.join(cacheDir, `${key}.json`), 'utf8')) as PreparedResult;
            if (!cached.htmlFile || existsSync(cached.htmlFile)) {
              results[index] = cached;
              return;
            }
          } catch {
            // not cached yet
          }
        }
        misses.push({ index, file: task.file, path: task.path, key, spec });
      }),
    );
  }
  const workers = Math.min(options.workers ?? availableParallelism(), misses.length);
  if (misses.length >= workerThreshold && workers > 1) {
    for (const [index, result] of await runInWorkers(misses, workers, cacheDir)) results[index] = result;
  } else {
    for (const item of misses) results[item.index] = await prepareItem(item, cacheDir);
  }
  if (cacheDir) {
    for (const name of await readdir(cacheDir)) {
      if (!used.has(name.replace(/\.(json|html)$/, ''))) await rm(path.join(cacheDir, name), { force: true });
    }
  }
  return results as PreparedResult[];
}
