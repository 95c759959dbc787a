import { spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { paths, slugify, type Locale } from '@iom/content-model';
import { siteAppDir } from '../repo-paths.ts';
import { appendedSentence, withEditedFile } from './incremental-edit.ts';

/** What the translators' preview (`pnpm dev`) costs on a corpus: see the bench README. */
export interface DevPreviewRun {
  size: number;
  ok: boolean;
  error?: string;
  /** From starting `astro dev` until its `/en/` page answers with a heading. */
  readyMs: number;
  /** The release page edited: its first request (the route compiled and rendered). */
  releasePath: string;
  firstReleaseMs: number;
  /** From writing one sentence into the release's file until its page shows it. */
  afterSaveMs: number;
}

/** A free port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Polls `url` until `accept` says yes, waiting `intervalMs` between requests; the time it took, or an error after
 * `seconds`. Each request renders a page on the dev server, so polling fast slows down what it measures.
 */
async function until(url: string, accept: (status: number, html: string) => boolean, seconds: number, intervalMs = 50): Promise<number> {
  const started = performance.now();
  let last = '';
  while (performance.now() - started < seconds * 1000) {
    try {
      const response = await fetch(url);
      const html = await response.text();
      if (accept(response.status, html)) return performance.now() - started;
      last = `${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`${url} did not answer as expected within ${seconds} s (last: ${last})`);
}

/** The page of a release source file (`releases/<year>/<key>/<lang>.mdx`), from its `slug:` or title. */
export function releasePagePath(relativeFile: string, text: string): string {
  const lang = path.basename(relativeFile, '.mdx') as Locale;
  const slug = /^slug:\s*"?([^"\n]+)"?\s*$/m.exec(text)?.[1] ?? slugify(/^title:\s*"((?:[^"\\]|\\.)*)"\s*$/m.exec(text)?.[1] ?? /^title:\s*(.+)$/m.exec(text)?.[1] ?? '');
  return paths.release(lang, slug);
}

/**
 * Starts `astro dev` on a corpus as a translator would (`pnpm dev` with SITE_CONTENT_DIR), measures when the first
 * page answers, opens one release's page, then appends a sentence to its file and measures until the page shows
 * it. The file is put back byte for byte afterwards (see withEditedFile). The dev server's output goes to `logFile`.
 */
export async function measureDevPreview(options: { size: number; contentDir: string; releaseFile: string; logFile: string }): Promise<DevPreviewRun> {
  const { size, contentDir, releaseFile, logFile } = options;
  const releasePath = releasePagePath(releaseFile, readFileSync(path.join(contentDir, releaseFile), 'utf8'));
  const run: DevPreviewRun = { size, ok: false, readyMs: Number.NaN, releasePath, firstReleaseMs: Number.NaN, afterSaveMs: Number.NaN };
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const dev = spawn(process.execPath, [path.join(siteAppDir, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: siteAppDir,
    env: { ...process.env, SITE_CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', openSync(logFile, 'w'), openSync(logFile, 'a')],
  });
  try {
    await until(`${base}/en/`, (status, html) => status === 200 && html.includes('<h1'), 300);
    run.readyMs = performance.now() - started;
    run.firstReleaseMs = await until(`${base}${encodeURI(releasePath)}`, (status) => status === 200, 120);
    // A request every 25 ms (an unchanged page costs the dev server a few milliseconds), so the figure is at most
    // 25 ms late.
    run.afterSaveMs = await withEditedFile(contentDir, releaseFile, () => until(`${base}${encodeURI(releasePath)}`, (_, html) => html.includes(appendedSentence), 120, 25));
    run.ok = true;
  } catch (error) {
    run.error = (error as Error).message;
  } finally {
    dev.kill();
  }
  return run;
}
