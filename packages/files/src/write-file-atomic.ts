import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';

const temporaryName = (file: string) => `${file}.${process.pid}.tmp`;

/**
 * Replaces `file` in one step: a reader (or the next build after a crash) sees the old content or the new, never a
 * half-written file. The data goes to a temporary file beside it (`<file>.<pid>.tmp`, so two processes never share
 * one), is flushed to the disk, then renamed over `file`. Rename is atomic on one file system.
 *
 * The mirror package keeps its own copy (packages/mirror/src/atomic-write.ts): its tool is shipped to field offices
 * as a standalone folder and imports nothing outside itself; it also retries renames that Windows refuses.
 *
 * @example
 * await writeFileAtomic('node_modules/.astro/build-manifest.json', JSON.stringify(manifest));
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const temporary = temporaryName(file);
  try {
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** `writeFileAtomic`, synchronously. */
export function writeFileAtomicSync(file: string, data: string | Uint8Array): void {
  const temporary = temporaryName(file);
  try {
    const fd = openSync(temporary, 'w');
    try {
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
