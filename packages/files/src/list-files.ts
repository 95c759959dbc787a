import { readdirSync, type Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

export interface ListFilesOptions {
  /** Only names ending with this, for example `.html`. */
  extension?: string | undefined;
  /** `relative` (default): paths from `dir` with forward slashes, as a site or a manifest names them. `absolute`: paths as the system writes them. */
  paths?: 'relative' | 'absolute' | undefined;
  /** A folder that does not exist lists as empty (default) or is an error (`throw`). */
  missing?: 'empty' | 'throw' | undefined;
}

function select(dir: string, entries: Dirent[], options: ListFilesOptions): string[] {
  const { extension, paths = 'relative' } = options;
  return entries
    .filter((entry) => entry.isFile() && (!extension || entry.name.endsWith(extension)))
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return paths === 'absolute' ? file : path.relative(dir, file).split(path.sep).join('/');
    })
    .sort();
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * Every file under `dir`, in every subfolder, sorted (by code unit, so the same on every machine). Symbolic links
 * and folders are not listed.
 *
 * @example
 * await listFiles('apps/site/dist', { extension: '.html' }) // ['404.html', 'en/index.html', …]
 */
export async function listFiles(dir: string, options: ListFilesOptions = {}): Promise<string[]> {
  try {
    return select(dir, await readdir(dir, { recursive: true, withFileTypes: true }), options);
  } catch (error) {
    if (isMissing(error) && options.missing !== 'throw') return [];
    throw error;
  }
}

/** `listFiles`, synchronously (for tests and tools that have nothing else to do meanwhile). */
export function listFilesSync(dir: string, options: ListFilesOptions = {}): string[] {
  try {
    return select(dir, readdirSync(dir, { recursive: true, withFileTypes: true }), options);
  } catch (error) {
    if (isMissing(error) && options.missing !== 'throw') return [];
    throw error;
  }
}
