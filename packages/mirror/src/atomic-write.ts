import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { hasErrorCode } from './mirror-error.ts';

/**
 * Replaces a file in one step: readers see the old content or the new, never a mix or an empty file.
 *
 * The data goes to a temporary file next to the target, is flushed to the disk, then renamed over the target.
 * Rename is atomic on one file system — also on FAT32 and on Windows, where Node replaces an existing file — which
 * is why `CURRENT` and the mirror's `index.html` are always written this way. Flushing before the rename matters on
 * USB sticks pulled out without ejecting: the new name must never point at data still in a cache.
 *
 * @example
 * await writeFileAtomic('/media/usb/iom/CURRENT', '3f2a9c01d4e5b6a7\n');
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temporary).catch(() => {});
    throw error;
  }
  await handle.close();
  try {
    await renameReplacing(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => {});
    throw error;
  }
  await syncFolder(dirname(path));
}

/**
 * `rename`, retried briefly on Windows, where replacing a file fails with EPERM/EBUSY/EACCES for as long as another
 * process (the mirror server reading CURRENT, an antivirus scan) has it open. npm's graceful-fs retries for the
 * same reason. Ten tries over about a second, then the error is passed on.
 */
async function renameReplacing(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      if (process.platform !== 'win32' || attempt >= 10 || !hasErrorCode(error, 'EPERM', 'EBUSY', 'EACCES'))
        throw error;
      await new Promise((resolve) => setTimeout(resolve, attempt * 20));
    }
  }
}

/**
 * Flushes a folder's entries (new names, renames) to the disk, where the system allows it. Windows cannot open a
 * folder for this, and there the rename is already durable, so failures are ignored.
 */
export async function syncFolder(path: string): Promise<void> {
  try {
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Not supported here (Windows, some FUSE file systems): nothing more to do.
  }
}
