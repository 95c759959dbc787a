import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SearchState } from '../search-index/search-index-builder.ts';

/**
 * What a build wrote into its output folder, kept in the site's cache folder for the next build: with it, the next
 * build can render only the pages whose key changed and update the folder in place (see README.md here).
 */
export interface BuildManifest {
  version: 1;
  /** See build-fingerprint.ts: an update build needs the same. */
  fingerprint: string;
  /** The output folder, and its inode: a folder replaced by anything else than a build is not updated. */
  finalDir: string;
  inode: number;
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
  if (manifest.version !== 1) return { reason: 'the record of the earlier build is of another version' };
  if (manifest.fingerprint !== fingerprint) return { reason: 'the code, dependencies or settings changed since the earlier build' };
  if (path.resolve(manifest.finalDir) !== path.resolve(finalDir) || inodeOf(finalDir) !== manifest.inode) return { reason: 'the output folder is not the one the earlier build wrote' };
  return { manifest, reason: 'same code and settings as the earlier build' };
}

/** Writes the manifest (atomically: a half-written one would make the next build fail to read it). */
export async function writeManifest(file: string, manifest: BuildManifest): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(manifest));
  await rename(temporary, file);
}
