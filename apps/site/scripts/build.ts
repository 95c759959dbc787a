/**
 * The site build: Astro into a staging folder, then the Pagefind index, then an atomic swap into dist/.
 *
 *   node scripts/build.ts
 *
 * Why a script and not `astro build`:
 * - A build that fails, logs an error and carries on, or is killed must never leave a half-written site where a good
 *   one was. Astro writes into a staging folder; only when Astro exited cleanly with no error logged and Pagefind
 *   indexed the output is the previous dist/ replaced, by two renames.
 * - The search index is built while Astro renders: Astro sends each page to search (src/integrations/search-pages.ts)
 *   over Node's IPC channel, and the pages are indexed shard by shard on the other core (search-index/README.md).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteCacheDir } from '../src/site-config.ts';
import { searchChannelVariable } from '../src/integrations/search-pages.ts';
import type { SearchPagesMessage } from '../src/integrations/search-pages.ts';
import { emptyBundleFolder, SearchIndexBuilder, type SearchIndexReport } from './search-index.ts';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const finalDir = path.resolve(appDir, process.env.SITE_FINAL_DIR ?? 'dist');
// Astro writes inside the app folder (it puts its server chunks in `<outDir>/.prerender`, or in the shared
// `./.astro/` when outDir is elsewhere, which two builds at once would trample), one folder per build.
const stagingDir = path.join(appDir, '.build-staging', String(process.pid));

function fail(message: string): never {
  console.error(`\nbuild failed: ${message}\nThe previous site in ${path.relative(process.cwd(), finalDir) || '.'} was left as it was.`);
  process.exit(1);
}

/** Where Pagefind writes while Astro renders (moved into the site once Astro is done: Astro owns its outDir until then). */
const searchBundleDir = `${stagingDir}.pagefind`;

/**
 * Runs `astro build` into the staging folder and, as the pages come, indexes them for search. Resolves with what was
 * indexed once both are done; rejects on the first failure of either.
 */
async function buildAndIndex(): Promise<SearchIndexReport> {
  // Astro's CLI run with this very Node (not whatever `node` is first on PATH).
  const astro = path.join(appDir, 'node_modules', 'astro', 'bin', 'astro.mjs');
  let errorLogged = false;
  let search: SearchIndexBuilder | undefined;
  let searchError: Error | undefined;
  await emptyBundleFolder(searchBundleDir);
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [astro, 'build'], {
        cwd: appDir,
        env: { ...process.env, SITE_OUT_DIR: stagingDir, [searchChannelVariable]: '1' },
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
        // Structured clone instead of JSON: pages are long strings, sent by the thousand.
        serialization: 'advanced',
      });
      const watch = (stream: NodeJS.ReadableStream, out: NodeJS.WriteStream) => {
        stream.on('data', (chunk: Buffer) => {
          const text = chunk.toString();
          // Astro reports some problems as "[ERROR]" log lines and still exits 0: treat any as a failed build.
          if (/\[ERROR\]|^error\s/m.test(text)) errorLogged = true;
          out.write(text);
        });
      };
      watch(child.stdout!, process.stdout);
      watch(child.stderr!, process.stderr);
      child.on('message', (message: SearchPagesMessage) => {
        try {
          if (message.type === 'iom:search-plan') {
            // One indexer while Astro renders on the other core.
            search = new SearchIndexBuilder({ outputPath: searchBundleDir, plan: message.plan, indexers: 1 });
          } else if (message.type === 'iom:search-page') {
            if (!search) throw new Error('Astro sent a page for search before the content loader sent the search plan.');
            search.addPage(message.url, message.html);
          }
        } catch (error) {
          searchError ??= error instanceof Error ? error : new Error(String(error));
          child.kill();
        }
      });
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        if (searchError) reject(searchError);
        else if (code === 0) resolve();
        else reject(new Error(`astro build exited with ${signal ?? code}`));
      });
    });
    if (errorLogged) throw new Error('astro build logged an error (see above)');
    if (!search) throw new Error('the content loader sent no search plan (is src/integrations/search-pages.ts in the Astro config?)');
    // Astro is done: both cores for what is left to index.
    search.setIndexers(2);
    const report = await search.finish();
    await rename(searchBundleDir, path.join(stagingDir, 'pagefind'));
    return report;
  } catch (error) {
    await search?.abort();
    throw error;
  }
}

function reportSearch({ pages, shards, milliseconds }: SearchIndexReport): void {
  const counts = Object.entries(pages).map(([lang, count]) => `${lang} ${count}`).join(', ');
  console.log(`pagefind: indexed ${counts} pages in ${shards.length} shards in ${milliseconds} ms`);
  for (const shard of shards) console.log(`pagefind:   ${shard.name}: ${shard.pages} pages in ${shard.milliseconds} ms`);
}

async function swapIntoPlace(): Promise<void> {
  // Bring the new site next to the old one first (a copy only when on another file system), so that the swap
  // itself is two renames on one file system.
  const incoming = `${finalDir}.incoming-${process.pid}`;
  const previous = `${finalDir}.previous-${process.pid}`;
  await rm(path.join(stagingDir, '.prerender'), { recursive: true, force: true });
  await mkdir(path.dirname(finalDir), { recursive: true });
  try {
    await rename(stagingDir, incoming);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(stagingDir, incoming, { recursive: true });
    await rm(stagingDir, { recursive: true, force: true });
  }
  if (existsSync(finalDir)) await rename(finalDir, previous);
  await rename(incoming, finalDir);
  await rm(previous, { recursive: true, force: true });
}

/** Staging folders of builds that were killed: their process is gone, so nothing will ever finish them. */
async function removeAbandonedStaging(): Promise<void> {
  const parent = path.dirname(stagingDir);
  for (const name of existsSync(parent) ? await readdir(parent) : []) {
    // `<pid>` and `<pid>.pagefind`.
    const pid = Number.parseInt(name, 10);
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      alive = false;
    }
    if (!alive) await rm(path.join(parent, name), { recursive: true, force: true });
  }
}

console.log(`build: staging in ${stagingDir}`);
await mkdir(path.dirname(stagingDir), { recursive: true });
await removeAbandonedStaging();
if (process.env.SITE_CLEAN_CACHE) await rm(siteCacheDir, { recursive: true, force: true });
await rm(stagingDir, { recursive: true, force: true });
try {
  reportSearch(await buildAndIndex());
} catch (error) {
  await rm(stagingDir, { recursive: true, force: true });
  await rm(searchBundleDir, { recursive: true, force: true });
  fail(error instanceof Error ? error.message : String(error));
}
await swapIntoPlace();
console.log(`build: site written to ${path.relative(process.cwd(), finalDir) || '.'}`);
