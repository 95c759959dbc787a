/**
 * The site build: Astro into a staging folder, then the Pagefind index, then an atomic swap into dist/.
 *
 *   node scripts/build.ts
 *
 * Why a script and not `astro build`: a build that fails, logs an error and carries on, or is killed must never
 * leave a half-written site where a good one was. Astro writes into `dist.staging/`; only when Astro exited cleanly
 * with no error logged and Pagefind indexed the output is the previous dist/ replaced, by two renames.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteCacheDir } from '../src/site-config.ts';
import { indexSite } from './search-index.ts';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const finalDir = path.resolve(appDir, process.env.SITE_FINAL_DIR ?? 'dist');
// Astro writes inside the app folder (it puts its server chunks in `<outDir>/.prerender`, or in the shared
// `./.astro/` when outDir is elsewhere, which two builds at once would trample), one folder per build.
const stagingDir = path.join(appDir, '.build-staging', String(process.pid));

function fail(message: string): never {
  console.error(`\nbuild failed: ${message}\nThe previous site in ${path.relative(process.cwd(), finalDir) || '.'} was left as it was.`);
  process.exit(1);
}

async function runAstroBuild(): Promise<void> {
  // Astro's CLI run with this very Node (not whatever `node` is first on PATH).
  const astro = path.join(appDir, 'node_modules', 'astro', 'bin', 'astro.mjs');
  let errorLogged = false;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [astro, 'build'], {
      cwd: appDir,
      env: { ...process.env, SITE_OUT_DIR: stagingDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const watch = (stream: NodeJS.ReadableStream, out: NodeJS.WriteStream) => {
      stream.on('data', (chunk: Buffer) => {
        const text = chunk.toString();
        // Astro reports some problems as "[ERROR]" log lines and still exits 0: treat any as a failed build.
        if (/\[ERROR\]|^error\s/m.test(text)) errorLogged = true;
        out.write(text);
      });
    };
    watch(child.stdout, process.stdout);
    watch(child.stderr, process.stderr);
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`astro build exited with ${signal ?? code}`))));
  });
  if (errorLogged) throw new Error('astro build logged an error (see above)');
}

async function indexWithPagefind(): Promise<void> {
  const { pages, milliseconds } = await indexSite(stagingDir);
  const counts = Object.entries(pages).map(([lang, count]) => `${lang} ${count}`).join(', ');
  console.log(`pagefind: indexed ${counts} pages in ${milliseconds} ms`);
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
    const pid = Number(name);
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
  await runAstroBuild();
  await indexWithPagefind();
} catch (error) {
  await rm(stagingDir, { recursive: true, force: true });
  fail(error instanceof Error ? error.message : String(error));
}
await swapIntoPlace();
console.log(`build: site written to ${path.relative(process.cwd(), finalDir) || '.'}`);
