/**
 * The site's content read ahead of Astro (see README.md here): the orchestrator's side (start the reading process)
 * and the content loader's side (take its read). Nothing here loads content-model: the orchestrator starts Astro
 * right after importing this, and every module it loads first delays that.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { deserialize } from 'node:v8';
import type { SiteContentRead } from '@iom/content-model/node';
import { orchestratorIsListening, orchestratorVariables, sendToOrchestrator, type ContentAheadMessage } from '../protocol.ts';

/** What decides a read of the site's content: the settings the loader and the reading process both start from. */
export interface ContentReadSettings {
  contentDir: string;
  base: string;
  cacheDir: string;
  samples: 'include' | 'exclude';
}

/** The file the reading process writes: the settings it read with, and the read (V8's serialization, as IPC's). */
export interface ContentAheadFile {
  settings: ContentReadSettings;
  read: SiteContentRead;
}

const sameSettings = (a: ContentReadSettings, b: ContentReadSettings) => a.contentDir === b.contentDir && a.base === b.base && a.cacheDir === b.cacheDir && a.samples === b.samples;

/** Orchestrator: the reading process, and where its read will be. */
export interface ContentAhead {
  /** The file named to Astro's process (`orchestratorVariables.contentAhead`). */
  file: string;
  /** Settles when the process has ended: the file is complete, or why there is none. */
  done: Promise<{ ok: true } | { ok: false; reason: string }>;
  /** Stops the process (a failed build); the orchestrator removes the file, taken or not, when Astro is done. */
  discard(): Promise<void>;
}

/**
 * Orchestrator: starts reading the content in a process of its own (`read-content.ts`), with the same settings as
 * Astro's process will have (`env`), into `file`. `cachePid` is Astro's process: it reads the cache's bodies until it
 * ends, so the cache is marked as in use by it too.
 */
export function readContentAhead(options: { file: string; env: NodeJS.ProcessEnv; cwd: string; cachePid: number | undefined }): ContentAhead {
  const script = fileURLToPath(new URL('./read-content.ts', import.meta.url));
  const child = spawn(process.execPath, [script, options.file, String(options.cachePid ?? '')], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'inherit', 'pipe'] });
  let errors = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  const done = new Promise<{ ok: true } | { ok: false; reason: string }>((resolve) => {
    child.on('error', (error) => resolve({ ok: false, reason: error.message }));
    child.on('exit', (code, signal) => resolve(code === 0 ? { ok: true } : { ok: false, reason: errors.trim().split('\n').join(' ') || `it stopped with ${signal ?? `code ${code}`}` }));
  });
  return {
    file: options.file,
    done,
    async discard() {
      child.kill();
      await done;
    },
  };
}

/**
 * Content loader: the read the orchestrator made ahead with the same settings, or undefined when there is none (not
 * under `pnpm build`, or the reading failed: the loader then reads itself, and says why).
 */
export async function contentReadAhead(settings: ContentReadSettings, warn: (message: string) => void): Promise<SiteContentRead | undefined> {
  const file = process.env[orchestratorVariables.contentAhead];
  if (!file || !orchestratorIsListening()) return undefined;
  const answer = new Promise<ContentAheadMessage>((resolve) => {
    const listen = (message: { type?: string }) => {
      if (message.type !== 'iom:content-ahead') return;
      process.off('message', listen);
      resolve(message as ContentAheadMessage);
    };
    process.on('message', listen);
  });
  await sendToOrchestrator({ type: 'iom:content-wanted' });
  const { reason } = await answer;
  if (reason !== undefined) {
    warn(`The content read ahead is not there (${reason}); reading it here.`);
    return undefined;
  }
  const ahead = deserialize(await readFile(file)) as ContentAheadFile;
  if (!sameSettings(ahead.settings, settings)) {
    warn(`The content was read ahead with other settings (${JSON.stringify(ahead.settings)}); reading it here.`);
    return undefined;
  }
  return ahead.read;
}
