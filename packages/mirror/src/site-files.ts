import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, link, mkdir, open, readdir, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { FileMismatchError, MirrorError, hasErrorCode } from './mirror-error.ts';
import type { ManifestFile } from './manifest.ts';
import { compareSitePaths } from './site-path.ts';

/** What a walk over a folder found: regular files, and anything else (links, sockets…) that a mirror cannot hold. */
export interface FolderTree {
  /** Regular files, as site paths (`/`-separated, relative), sorted with `compareSitePaths`. */
  files: string[];
  /** Symbolic links and special files, as site paths, sorted. Empty folders are not listed anywhere. */
  others: string[];
}

/**
 * Lists every file under `root`, recursively. Does not follow symbolic links: a mirror has to work on FAT32 USB
 * sticks, which cannot store them, so they are reported in `others` for the caller to refuse or flag.
 *
 * @example
 * await walkFolder('apps/site/dist') // { files: ['404.html', '_astro/site.a1b2c3d4.css', 'index.html'], others: [] }
 */
export async function walkFolder(root: string): Promise<FolderTree> {
  const files: string[] = [];
  const others: string[] = [];
  // An explicit stack instead of recursion, and no `readdir({ recursive })`: the copy of this tool in a bundle must
  // also run on the Node 20 that field machines often have.
  const pending: string[] = [''];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    const entries = await readdir(folder === '' ? root : join(root, ...folder.split('/')), { withFileTypes: true });
    for (const entry of entries) {
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) pending.push(path);
      else if (entry.isFile()) files.push(path);
      else others.push(path);
    }
  }
  return { files: files.sort(compareSitePaths), others: others.sort(compareSitePaths) };
}

/** The path on disk of a site path under `root`. Site paths are checked before they get here (`sitePathProblem`). */
export function diskPath(root: string, sitePath: string): string {
  return join(root, ...sitePath.split('/'));
}

/**
 * Size and SHA-256 of a file, read as a stream so that large files do not fill the memory.
 *
 * @example
 * await hashFile('apps/site/dist/index.html') // { size: 5120, sha256: '9f86d081…' }
 */
export async function hashFile(path: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, sha256: hash.digest('hex') };
}

/** Does the file at `path` have exactly this size and hash? A missing file is simply `false`. */
export async function fileMatches(path: string, expected: Pick<ManifestFile, 'size' | 'sha256'>): Promise<boolean> {
  try {
    const actual = await hashFile(path);
    return actual.size === expected.size && actual.sha256 === expected.sha256;
  } catch (error) {
    if (hasErrorCode(error, 'ENOENT', 'EISDIR', 'ENOTDIR')) return false;
    throw error;
  }
}

/**
 * Writes a stream of bytes to `to` while hashing them, and accepts the result only if it matches `expected`.
 * Stops as soon as more bytes arrive than expected. On a mismatch or any error the file is deleted, so a file at `to`
 * has always been checked.
 *
 * @param describe - how to name the origin of the bytes in the error, e.g. `'from http://10.0.0.2:8080/'`.
 * @param onBytes - called with the size of each chunk written, for progress.
 * @param flush - flush the file to the disk before returning (default). A sync needs it: the file is about to be
 *   trusted across a power cut. A build can skip it: a bundle interrupted by a crash is simply made again.
 * @throws FileMismatchError when size or hash differ.
 */
export async function writeVerified(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  to: string,
  expected: ManifestFile,
  describe: string,
  onBytes?: (count: number) => void,
  flush = true,
): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  const handle = await open(to, 'w');
  const hash = createHash('sha256');
  let size = 0;
  let ok = false;
  try {
    for await (const chunk of chunks) {
      size += chunk.length;
      if (size > expected.size) break;
      hash.update(chunk);
      await handle.write(chunk);
      onBytes?.(chunk.length);
    }
    const actual = { size, sha256: size > expected.size ? 'not computed (too many bytes)' : hash.digest('hex') };
    if (actual.size !== expected.size || actual.sha256 !== expected.sha256) {
      const sizeNote = actual.size > expected.size ? `more than ${expected.size} bytes` : `${actual.size} bytes`;
      throw new FileMismatchError(
        expected.path,
        { size: expected.size, sha256: expected.sha256 },
        actual,
        `The file "${expected.path}" ${describe} does not match the signed manifest:\n` +
          `    expected ${expected.size} bytes, sha256 ${expected.sha256}\n` +
          `    got      ${sizeNote}, sha256 ${actual.sha256}`,
      );
    }
    if (flush) await handle.sync();
    ok = true;
  } finally {
    await handle.close();
    if (!ok) await unlink(to).catch(() => {});
  }
}

/**
 * Puts a checked copy of a local file at `to`: a hard link when the file system allows it (no extra space, instant),
 * otherwise a copy. The source is hashed first, so a damaged local file is never carried into a new version.
 *
 * @returns `'linked'` or `'copied'`, or `false` when the source does not match `expected` (then nothing is written).
 *
 * @example
 * await placeLocalCopy('mirror/versions/aaa…/_astro/site.css', 'mirror/staging/bbb…/_astro/site.css', file, true)
 */
export async function placeLocalCopy(
  from: string,
  to: string,
  expected: ManifestFile,
  preferLink: boolean,
): Promise<'linked' | 'copied' | false> {
  if (!(await fileMatches(from, expected))) return false;
  await mkdir(dirname(to), { recursive: true });
  await unlink(to).catch(() => {});
  if (preferLink) {
    try {
      await link(from, to);
      return 'linked';
    } catch (error) {
      // FAT32 and exFAT have no hard links (EPERM on Linux, ENOTSUP/EINVAL elsewhere); a link cannot cross disks
      // (EXDEV); a file can have only so many links (EMLINK). A copy works in all of these cases.
      if (!hasErrorCode(error, 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'EMLINK', 'EINVAL', 'ENOSYS')) throw error;
    }
  }
  await copyFile(from, to);
  // Re-read the copy: a write error on a failing USB stick must not go unnoticed.
  if (!(await fileMatches(to, expected))) {
    await unlink(to).catch(() => {});
    throw new MirrorError(
      `Copying "${expected.path}" inside the mirror folder produced a different file; the disk may be failing.`,
      'Check the disk (or use another one), then run the command again.',
    );
  }
  await flushFile(to);
  return 'copied';
}

async function flushFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
