import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { writeFileAtomic } from '@iom/files';
import path from 'node:path';
import type { SearchState } from '../search-index/search-index-builder.ts';

/**
 * What a build wrote into its output folder, kept in the site's cache folder for the next build: with it, the next
 * build can render only the pages whose key changed and update the folder in place (see README.md here).
 */
export interface BuildManifest {
  version: 2;
  /** See build-fingerprint.ts: an update build needs the same. */
  fingerprint: string;
  /** The output folder, and its inode: a folder replaced by anything else than a build is not updated. */
  finalDir: string;
  inode: number;
  /**
   * The search entry file (`pagefind/pagefind-entry.json`) as the build left it: inode, time, size and a digest. Every
   * build writes it anew, so a folder whose files were put back by something else (Turbo restoring a cached output,
   * a copy from a backup) shows another one, and gets a full build instead of an update of files it does not hold.
   */
  stamp: string | undefined;
  /** Output file (from the site root) → key of what it shows, for every page whose route keys its pages. */
  keys: Record<string, string>;
  /** Every file of the output folder outside `pagefind/`, from the site root. */
  files: string[];
  search: SearchState;
}

/** Where the manifest of the builds into `finalDir` is kept. */
export function manifestFile(cacheDir: string, finalDir: string): string {
  return path.join(cacheDir, 'builds', `${createHash('sha256').update(path.resolve(finalDir)).digest('hex').slice(0, 16)}.json`);
}

/** The inode of a folder, or undefined when it does not exist. */
export function inodeOf(dir: string): number | undefined {
  try {
    return statSync(dir).ino;
  } catch {
    return undefined;
  }
}

/**
 * The manifest of the last build into `finalDir`, when the next build can update that folder: same fingerprint,
 * same folder (by inode). Otherwise undefined, with the reason (printed by the build).
 */
export async function usableManifest(file: string, finalDir: string, fingerprint: string): Promise<{ manifest?: BuildManifest; reason: string }> {
  if (!existsSync(file)) return { reason: 'no earlier build into this folder' };
  let manifest: BuildManifest;
  try {
    manifest = JSON.parse(await readFile(file, 'utf8')) as BuildManifest;
  } catch {
    return { reason: 'the record of the earlier build cannot be read' };
  }
  if (manifest.version !== 2) return { reason: 'the record of the earlier build is of another version' };
  if (manifest.fingerprint !== fingerprint) return { reason: 'the code, dependencies or settings changed since the earlier build' };
  if (path.resolve(manifest.finalDir) !== path.resolve(finalDir) || inodeOf(finalDir) !== manifest.inode) return { reason: 'the output folder is not the one the earlier build wrote' };
  if (outputStamp(finalDir) !== manifest.stamp) return { reason: 'the output folder was changed since the earlier build (its search entry file is not the one written)' };
  return { manifest, reason: 'same code and settings as the earlier build' };
}

/** See {@link BuildManifest.stamp}; undefined when the folder has no search entry file. */
export function outputStamp(finalDir: string): string | undefined {
  const entry = path.join(finalDir, 'pagefind', 'pagefind-entry.json');
  try {
    const stat = statSync(entry);
    return `${stat.ino}:${stat.mtimeMs}:${stat.size}:${createHash('sha256').update(readFileSync(entry)).digest('base64url').slice(0, 22)}`;
  } catch {
    return undefined;
  }
}

/**
 * Writes the manifest once the output folder is in place (atomically: a half-written one would make the next build
 * fail to read it), with the folder's inode and stamp as they are now.
 */
export async function writeManifest(file: string, manifest: Omit<BuildManifest, 'inode' | 'stamp'> & { inode?: number }): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const inode = inodeOf(manifest.finalDir) ?? manifest.inode;
  if (inode === undefined) throw new Error(`the output folder ${manifest.finalDir} is missing after the build`);
  await writeFileAtomic(file, JSON.stringify({ ...manifest, inode, stamp: outputStamp(manifest.finalDir) } satisfies BuildManifest));
}
