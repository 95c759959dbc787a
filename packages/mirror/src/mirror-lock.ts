import { hostname } from 'node:os';
import { join } from 'node:path';
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { MirrorError, hasErrorCode } from './mirror-error.ts';
import { LOCK_FILE } from './mirror-layout.ts';

interface LockContent {
  pid: number;
  host: string;
  operation: string;
}

/**
 * Takes the mirror's lock so that two syncs (or a sync and a rollback) never work on one mirror at once. A lock left
 * by a process that died — killed, power cut — on this computer is taken over; one from another computer (a USB
 * stick moved mid-sync) cannot be checked, so the message says how to remove it.
 *
 * @returns a function that releases the lock.
 *
 * @example
 * const release = await acquireMirrorLock('/media/usb/iom', 'sync');
 * try { … } finally { await release(); }
 */
export async function acquireMirrorLock(mirrorDir: string, operation: string): Promise<() => Promise<void>> {
  const path = join(mirrorDir, LOCK_FILE);
  const mine: LockContent = { pid: process.pid, host: hostname(), operation };
  // Two rounds: the second follows the removal of a stale lock. Another process may win that race; then it holds
  // the lock and we report it.
  for (let round = 0; round < 2; round++) {
    try {
      await writeFile(path, `${JSON.stringify(mine)}\n`, { flag: 'wx' });
      return async () => {
        await unlink(path).catch(() => {});
      };
    } catch (error) {
      if (!hasErrorCode(error, 'EEXIST')) throw error;
    }
    const holder = await readLock(path);
    if (holder && holder.host === mine.host && !isAlive(holder.pid)) {
      await unlink(path).catch(() => {});
      continue;
    }
    throw lockedError(path, holder, mine.host);
  }
  throw lockedError(path, await readLock(path), mine.host);
}

async function readLock(path: string): Promise<LockContent | undefined> {
  try {
    const value: unknown = JSON.parse(await readFile(path, 'utf8'));
    if (typeof value === 'object' && value !== null && 'pid' in value && 'host' in value && 'operation' in value) {
      return value as LockContent;
    }
  } catch {
    // Unreadable or half-written: treated as held by an unknown process.
  }
  return undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return hasErrorCode(error, 'EPERM');
  }
}

function lockedError(path: string, holder: LockContent | undefined, host: string): MirrorError {
  const who =
    holder === undefined
      ? 'another process'
      : holder.host === host
        ? `"mirror ${holder.operation}" (process ${holder.pid})`
        : `"mirror ${holder.operation}" started on the computer "${holder.host}"`;
  return new MirrorError(
    `This mirror is busy: ${who} is working on it (lock file ${path}).`,
    `Wait for it to finish. If it is not running any more, delete ${path} and run the command again.`,
  );
}
