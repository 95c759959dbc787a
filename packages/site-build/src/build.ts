#!/usr/bin/env node
/**
 * The site build (`site-build`, what `pnpm build` runs in apps/site): Astro and the Pagefind index at once, into a
 * staging folder, then into the output folder. Run from the Astro app's folder:
 *
 *   site-build              # SITE_FULL_BUILD=1 to render everything even when an update would do
 *
 * Why a script and not `astro build`:
 * - A build that fails, logs an error and carries on, or is killed must never leave a half-written site where a good
 *   one was. Astro writes into a staging folder; only when Astro exited cleanly with no error logged and Pagefind
 *   indexed the pages is the output folder changed.
 * - The search index is built while Astro renders: Astro sends each page to search (search-pages-integration.ts)
 *   over Node's IPC channel, and the pages are indexed shard by shard on the other core (search-index/README.md).
 * - A **full build** renders every page and replaces the output folder by two renames. When the previous build into
 *   the same folder had the same code and settings, an **update build** renders only the pages whose key changed
 *   (page-keys.ts), indexes again only the search shards they changed, and moves the changed files into the
 *   output folder one rename each, after a journal of every step (update-build/README.md).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { listFiles } from '@iom/files';
import { findRepoRoot } from './code-digest.ts';
import { isProcessAlive } from './process-alive.ts';
import { readContentAhead, type ContentAhead } from './content-ahead/content-ahead.ts';
import { buildSettings, orchestratorVariables, readSiteSettings, type ContentAheadMessage, type SearchAckMessage, type ToOrchestrator } from './protocol.ts';
import { emptyBundleFolder, SearchIndexBuilder, type SearchIndexReport, type SearchState } from './search-index/search-index-builder.ts';
import { buildFingerprint } from './update-build/build-fingerprint.ts';
import { manifestFile, usableManifest, writeManifest, type BuildManifest } from './update-build/build-manifest.ts';
import { applyUpdate, finishInterruptedUpdate, plannedRemovals } from './update-build/apply-update.ts';

/** The Astro app: the folder `site-build` runs in. */
const appDir = process.cwd();
if (!existsSync(path.join(appDir, 'astro.config.ts'))) {
  console.error(`site-build runs in the Astro app's folder, and ${appDir} has no astro.config.ts. Run pnpm build from the repository root.`);
  process.exit(2);
}
const repoRoot = findRepoRoot(appDir);
const siteCacheDir = readSiteSettings(process.env, appDir, repoRoot).cacheDir;
const finalDir = path.resolve(appDir, process.env[buildSettings.finalDir] ?? 'dist');
// Astro writes inside the app folder (it puts its server chunks in `<outDir>/.prerender`, or in the shared
// `./.astro/` when outDir is elsewhere, which two builds at once would trample), one folder per build.
const stagingDir = path.join(appDir, '.build-staging', String(process.pid));
/** Where Pagefind writes while Astro renders (Astro owns its outDir until it is done). */
const searchBundleDir = `${stagingDir}.pagefind`;
/** Where each route writes the keys of its pages (page-keys.ts). */
const keysDir = `${stagingDir}.keys`;
/** Where the content read ahead of Astro is written (content-ahead/README.md). */
const contentAheadFile = `${stagingDir}.content`;
const shown = (dir: string) => path.relative(process.cwd(), dir) || '.';

function fail(message: string): never {
  console.error(`\nbuild failed: ${message}\nThe previous site in ${shown(finalDir)} was left as it was.`);
  process.exit(1);
}

interface AstroResult {
  search: Awaited<ReturnType<SearchIndexBuilder['finish']>>;
  keys: Record<string, string>;
  staged: string[];
}


async function readKeys(): Promise<Record<string, string>> {
  const keys: Record<string, string> = {};
  for (const name of await readdir(keysDir)) Object.assign(keys, JSON.parse(await readFile(path.join(keysDir, name), 'utf8')) as Record<string, string>);
  return keys;
}

/** The URL Pagefind gives a file of the site (`en/news/x/index.html` → `/en/news/x/`). */
const urlOf = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

/**
 * Runs `astro build` into the staging folder and, as the pages come, indexes them for search. Resolves once both are
 * done; rejects on the first failure of either.
 */
async function buildAndIndex(previous: BuildManifest | undefined): Promise<AstroResult> {
  // Astro's CLI run with this very Node (not whatever `node` is first on PATH).
  const astro = path.join(appDir, 'node_modules', 'astro', 'bin', 'astro.mjs');
  let errorLogged = false;
  let search: SearchIndexBuilder | undefined;
  let searchError: Error | undefined;
  let ahead: ContentAhead | undefined;
  await emptyBundleFolder(searchBundleDir);
  await emptyBundleFolder(keysDir);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    [orchestratorVariables.outDir]: stagingDir,
    [orchestratorVariables.searchChannel]: '1',
    [orchestratorVariables.pageKeysOut]: keysDir,
    [orchestratorVariables.contentAhead]: contentAheadFile,
    // Node keeps the compiled code of Astro, Vite and their dependencies between builds: half a second of each start.
    NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE ?? path.join(path.dirname(siteCacheDir), 'node-compile-cache'),
  };
  const nodeFlags = ['--expose-gc'];
  if (previous) {
    env[orchestratorVariables.previousPageKeys] = `${keysDir}.previous.json`;
    await writeFile(env[orchestratorVariables.previousPageKeys]!, JSON.stringify(previous.keys));
  }
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [...nodeFlags, astro, 'build'], {
        cwd: appDir,
        env,
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
        // Structured clone instead of JSON: pages are long strings, sent by the thousand.
        serialization: 'advanced',
      });
      // The content is read on the other core while Astro starts (content-ahead/README.md); Astro's process reads the
      // cache's bodies until it ends, so it is marked as a user of the cache.
      const reading = readContentAhead({ file: contentAheadFile, env, cwd: appDir, cachePid: child.pid });
      ahead = reading;
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
      child.on('message', (message: ToOrchestrator) => {
        try {
          if (message.type === 'iom:content-wanted') {
            void reading.done.then((result) => child.connected && child.send({ type: 'iom:content-ahead', reason: result.ok ? undefined : result.reason } satisfies ContentAheadMessage));
          } else if (message.type === 'iom:search-plan') {
            // One indexer while Astro renders on the other core.
            search = new SearchIndexBuilder({ outputPath: searchBundleDir, plan: message.plan, indexers: 1, previous: previous?.search, liveSiteDir: previous ? finalDir : undefined });
          } else if (message.type === 'iom:will-render') {
            search?.expectPages(message.files.filter((file) => file.endsWith('index.html')).map(urlOf));
          } else if (message.type === 'iom:search-page') {
            if (!search) throw new Error('Astro sent a page for search before the content loader sent the search plan.');
            search.addPage(message.url, message.html);
            child.send({ type: 'iom:search-ack', pages: 1 } satisfies SearchAckMessage);
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
    if (!search) throw new Error('the content loader sent no search plan (is searchPages() from @iom/site-build in the Astro config, and does the content loader call announceSearchPlan?)');
    await rm(path.join(stagingDir, '.prerender'), { recursive: true, force: true });
    const keys = await readKeys();
    const staged = await listFiles(stagingDir, { missing: 'throw' });
    if (previous) {
      search.removePages(plannedRemovals(previous, keys, new Set(staged)).filter((file) => file.endsWith('index.html')).map(urlOf));
    } else {
      // Every page a route keyed must have been written: a key names the file its page writes.
      const stagedSet = new Set(staged);
      const unwritten = Object.keys(keys).filter((file) => !stagedSet.has(file));
      if (unwritten.length) throw new Error(`routes keyed ${unwritten.length} files that Astro did not write, e.g. ${unwritten.slice(0, 3).join(', ')} (page-keys.ts)`);
    }
    // Astro is done: both cores for what is left to index.
    search.setIndexers(2);
    return { search: await search.finish(), keys, staged };
  } catch (error) {
    await Promise.all([search?.abort(), ahead?.discard()]);
    throw error;
  } finally {
    await rm(contentAheadFile, { force: true });
  }
}

function reportSearch({ pages, shards, kept, redone, milliseconds }: SearchIndexReport): void {
  const counts = Object.entries(pages).map(([lang, count]) => `${lang} ${count}`).join(', ');
  const busy = shards.reduce((sum, shard) => sum + shard.milliseconds, 0);
  console.log(`pagefind: indexed ${counts} pages: ${shards.length} shards indexed${kept ? `, ${kept} kept as they were` : ''}${redone ? ` (${redone} indexed again: begun while Astro rendered, then a page came or went)` : ''}, Pagefind busy ${busy} ms, done ${milliseconds} ms after the build started`);
  for (const shard of shards) console.log(`pagefind:   ${shard.name}: ${shard.pages} pages in ${shard.milliseconds} ms${shard.early ? ', while Astro rendered' : ''}`);
}

async function swapIntoPlace(): Promise<void> {
  // Bring the new site next to the old one first (a copy only when on another file system), so that the swap
  // itself is two renames on one file system.
  const incoming = `${finalDir}.incoming-${process.pid}`;
  const previous = `${finalDir}.previous-${process.pid}`;
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
    // `<pid>`, `<pid>.pagefind`, `<pid>.keys`, `<pid>.keys.previous.json`, `<pid>.content`.
    if (!isProcessAlive(Number.parseInt(name, 10))) await rm(path.join(parent, name), { recursive: true, force: true });
  }
}

const started = performance.now();
const manifestPath = manifestFile(siteCacheDir, finalDir);
const journalPath = `${manifestPath}.journal`;
// First of all: an update that was stopped while it moved files into the output folder is finished, from the
// staging folder it moves them from (which the clean-up below would remove).
if (await finishInterruptedUpdate(journalPath)) console.log(`build: finished the update of ${shown(finalDir)} that was interrupted`);
console.log(`build: staging in ${stagingDir}`);
await mkdir(path.dirname(stagingDir), { recursive: true });
await removeAbandonedStaging();
if (process.env[buildSettings.cleanCache]) await rm(siteCacheDir, { recursive: true, force: true });
await rm(stagingDir, { recursive: true, force: true });

const fingerprint = buildFingerprint(repoRoot);
const usable = process.env[buildSettings.fullBuild] || process.env[buildSettings.cleanCache] ? { reason: 'a full build was asked for' } : await usableManifest(manifestPath, finalDir, fingerprint);
const previous = 'manifest' in usable ? usable.manifest : undefined;
console.log(previous ? `build: updating ${shown(finalDir)}: only pages whose content changed (${usable.reason})` : `build: full build (${usable.reason})`);

let result: AstroResult;
try {
  result = await buildAndIndex(previous);
  reportSearch(result.search.report);
} catch (error) {
  await Promise.all([stagingDir, searchBundleDir, keysDir, `${keysDir}.previous.json`].map((dir) => rm(dir, { recursive: true, force: true })));
  fail(error instanceof Error ? error.message : String(error));
}
const state: SearchState = result.search.state;
if (previous) {
  const { report } = await applyUpdate({
    stagingDir,
    bundleDir: searchBundleDir,
    finalDir,
    previous,
    keys: result.keys,
    search: result.search,
    manifestFile: manifestPath,
    journalFile: journalPath,
  });
  console.log(`build: ${report.added} files added, ${report.replaced} changed, ${report.removed} removed, ${report.unchanged} rendered again unchanged; ${report.searchFiles} search files written`);
  await Promise.all([stagingDir, searchBundleDir, keysDir, `${keysDir}.previous.json`].map((dir) => rm(dir, { recursive: true, force: true })));
  console.log(`build: site updated in ${shown(finalDir)} in ${Math.round(performance.now() - started)} ms`);
} else {
  await rename(searchBundleDir, path.join(stagingDir, 'pagefind'));
  await swapIntoPlace();
  await rm(keysDir, { recursive: true, force: true });
  await writeManifest(manifestPath, { version: 2, fingerprint, finalDir, keys: result.keys, files: result.staged.sort(), search: state });
  console.log(`build: site written to ${shown(finalDir)} in ${Math.round(performance.now() - started)} ms`);
}
