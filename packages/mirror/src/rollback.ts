import { resolve } from 'node:path';
import { MirrorError } from './mirror-error.ts';
import { acquireMirrorLock } from './mirror-lock.ts';
import { listVersionIds, readCurrentId, switchCurrent } from './mirror-layout.ts';
import { formatVerifyReport, verifyMirror } from './verify.ts';

/** What `rollbackMirror` needs. */
export interface RollbackOptions {
  mirrorDir: string;
  /** The public key to trust. Default: `trusted-public-key.pem` in the mirror. */
  publicKeyFile?: string | undefined;
  /** The version to go back to. Default: the only other version in the mirror (the one a sync kept). */
  to?: string | undefined;
}

/**
 * Serves the previous version again, after checking it completely against its signed manifest. Nothing is deleted:
 * rolling forward is another rollback, to the newer id.
 *
 * @throws MirrorError when there is no other version, or when it does not verify.
 *
 * @example
 * await rollbackMirror({ mirrorDir: '/media/usb/iom' }) // { from: '3f2a9c01d4e5b6a7', to: '8b1d0e2f3a4c5d6e' }
 */
export async function rollbackMirror(options: RollbackOptions): Promise<{ from: string | undefined; to: string }> {
  const mirrorDir = resolve(options.mirrorDir);
  const release = await acquireMirrorLock(mirrorDir, 'rollback');
  try {
    const current = await readCurrentId(mirrorDir);
    const others = (await listVersionIds(mirrorDir)).filter((id) => id !== current);
    const to = options.to ?? (others.length === 1 ? others[0] : undefined);
    if (to === undefined) {
      throw new MirrorError(
        others.length === 0
          ? `${mirrorDir} has no other version to go back to.`
          : `${mirrorDir} has several other versions (${others.join(', ')}); say which one with --to <id>.`,
      );
    }
    if (to === current) throw new MirrorError(`Version ${to} is already the current version.`);
    if (!others.includes(to)) {
      throw new MirrorError(
        `${mirrorDir} has no version ${to}.`,
        `Versions present: ${others.join(', ') || 'none but the current one'}.`,
      );
    }
    const report = await verifyMirror({ mirrorDir, publicKeyFile: options.publicKeyFile, versionId: to });
    if (report.problems.length > 0 || report.manifest === undefined) {
      throw new MirrorError(
        `Version ${to} cannot be used: it does not verify.\n${formatVerifyReport(report)}`,
        'Nothing was changed. Repair the mirror with "mirror sync" instead.',
      );
    }
    await switchCurrent(mirrorDir, to, report.manifest);
    return { from: current, to };
  } finally {
    await release();
  }
}
