import { readFileSync } from 'node:fs';
import { access, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestRef, readCurrentId, versionFolderRef } from '../../mirror-layout.ts';
import type { SyncProgress } from '../../progress.ts';
import { rollbackMirror } from '../../rollback.ts';
import { openSource } from '../../sync-source.ts';
import type { MirrorSource } from '../../sync-source.ts';
import { planSync, syncMirror } from '../../sync.ts';
import { verifyMirror } from '../../verify.ts';
import { createManifest, parseRoot } from '../../manifest.ts';
import {
  TEST_PUBLIC_KEY_FILE,
  changedInV2,
  mirrorFromBundle,
  sha256,
  siteV2,
  sizeOf,
  useFixtureBundles,
  useTempDirs,
} from '../test-support/fixtures.ts';

const temp = useTempDirs();
const bundles = useFixtureBundles();

/** A field office's mirror at version 1, and a bundle of version 2 to update it from. */
async function officeAtV1(): Promise<{ root: string; mirror: string; v1: string; v2: string; v2Dir: string }> {
  const root = await temp.make();
  const { v1, v2 } = await bundles();
  const mirror = await mirrorFromBundle(v1.outDir, join(root, 'mirror'));
  return { root, mirror, v1: v1.versionId, v2: v2.versionId, v2Dir: v2.outDir };
}

describe('sync from a folder: planning by hash', () => {
  it('fetches only content not on disk, whatever its path', () => {
    const file = (path: string, content: string) => ({ path, size: content.length, sha256: sha256(content) });
    const next = createManifest([file('a.html', 'same'), file('moved/b.svg', 'logo'), file('c.html', 'new')], {
      version: 1,
      created: '2024-06-01T00:00:00Z',
    });
    const plan = planSync(next.files, new Set([sha256('same'), sha256('logo')]));
    expect(plan.fetch.map((entry) => entry.path)).toEqual(['c.html']);
    expect(plan.reuse.map((entry) => entry.path)).toEqual(['a.html', 'moved/b.svg']);
    expect([plan.fetchBytes, plan.reuseBytes]).toEqual([3, 8]);
  });
});

describe('sync from a folder: version 1 to version 2', () => {
  it('copies only the changed files, switches CURRENT, and the new version verifies', async () => {
    const { mirror, v1, v2, v2Dir } = await officeAtV1();
    const result = await syncMirror({ source: v2Dir, mirrorDir: mirror });

    expect(result.status).toBe('updated');
    expect(result.fetched).toEqual(changedInV2);
    expect(result.fetchedBytes).toBe(sizeOf(siteV2, changedInV2));
    expect(result.reused.length).toBe(Object.keys(siteV2).length - changedInV2.length);
    expect(result.reused).toContain('images/brand/logo.svg'); // moved, same content: not copied again
    expect(result.savedBytes).toBe(sizeOf(siteV2) - sizeOf(siteV2, changedInV2));
    expect(result.previousId).toBe(v1);
    expect(await readCurrentId(mirror)).toBe(v2);
    expect(await readFile(join(mirror, 'index.html'), 'utf8')).toContain(`versions/${v2}/index.html`);
    expect((await verifyMirror({ mirrorDir: mirror })).problems).toEqual([]);
  });

  it('keeps the old version, intact, for rollback; the staging area is gone', async () => {
    const { mirror, v1, v2, v2Dir } = await officeAtV1();
    await syncMirror({ source: v2Dir, mirrorDir: mirror });
    expect((await verifyMirror({ mirrorDir: mirror, versionId: v1 })).problems).toEqual([]);
    expect((await readdir(mirror)).sort()).toEqual(['CURRENT', 'index.html', 'parts', 'trusted-public-key.pem', 'versions']);

    expect(await rollbackMirror({ mirrorDir: mirror })).toEqual({ from: v2, to: v1 });
    expect(await readCurrentId(mirror)).toBe(v1);
    expect((await verifyMirror({ mirrorDir: mirror })).problems).toEqual([]);
  });

  it('reuses unchanged files by hard link, or by copy where links are not possible (FAT32)', async () => {
    const linked = await officeAtV1();
    await syncMirror({ source: linked.v2Dir, mirrorDir: linked.mirror });
    const inode = async (mirror: string, id: string) =>
      (await stat(join(mirror, versionFolderRef(id), 'fonts', 'inter.woff2'))).ino;
    expect(await inode(linked.mirror, linked.v2)).toBe(await inode(linked.mirror, linked.v1));

    const copied = await officeAtV1();
    const result = await syncMirror({ source: copied.v2Dir, mirrorDir: copied.mirror, preferHardLinks: false });
    expect(await inode(copied.mirror, copied.v2)).not.toBe(await inode(copied.mirror, copied.v1));
    expect(result.fetched).toEqual(changedInV2);
    expect((await verifyMirror({ mirrorDir: copied.mirror })).problems).toEqual([]);
  });

  it('serves the old version, untouched, until the very end', async () => {
    const { mirror, v1, v2Dir } = await officeAtV1();
    const folder = openSource(v2Dir);
    let release!: () => void;
    const paused = new Promise<void>((resolve) => (release = resolve));
    let reachedLastFile!: () => void;
    const atLastFile = new Promise<void>((resolve) => (reachedLastFile = resolve));
    // Holds back the last changed file until the test has looked at the mirror.
    const source: MirrorSource = {
      ...folder,
      async readStream(ref, signal) {
        if (ref.endsWith('/index.html') && !ref.includes('/ar/') && !ref.includes('/fr/')) {
          reachedLastFile();
          await paused;
        }
        return folder.readStream(ref, signal);
      },
    };
    const syncing = syncMirror({ source, mirrorDir: mirror, concurrency: 1 });
    await atLastFile;
    expect(await readCurrentId(mirror)).toBe(v1);
    expect(await readFile(join(mirror, 'index.html'), 'utf8')).toContain(`versions/${v1}/index.html`);
    expect((await verifyMirror({ mirrorDir: mirror })).problems).toEqual([]);
    release();
    await syncing;
    expect(await readCurrentId(mirror)).not.toBe(v1);
  });

  it('reports progress in files and bytes, ending at the total', async () => {
    const { mirror, v2Dir } = await officeAtV1();
    const events: SyncProgress[] = [];
    await syncMirror({ source: v2Dir, mirrorDir: mirror, onProgress: (progress) => events.push({ ...progress }) });
    const last = events.filter((event) => event.phase === 'fetching').at(-1);
    expect(last).toEqual({
      phase: 'fetching',
      filesDone: changedInV2.length,
      filesTotal: changedInV2.length,
      bytesDone: sizeOf(siteV2, changedInV2),
      bytesTotal: sizeOf(siteV2, changedInV2),
    });
  });
});

describe('sync from a folder: other situations', () => {
  it('says "up to date" and copies nothing when the versions are the same', async () => {
    const { mirror, v2Dir } = await officeAtV1();
    await syncMirror({ source: v2Dir, mirrorDir: mirror });
    const again = await syncMirror({ source: v2Dir, mirrorDir: mirror });
    expect(again.status).toBe('up-to-date');
    expect(again.fetched).toEqual([]);
  });

  it('fetches a local file that is damaged instead of carrying the damage forward', async () => {
    const { mirror, v1, v2Dir } = await officeAtV1();
    await writeFile(join(mirror, versionFolderRef(v1), 'fr', 'index.html'), 'damaged on the USB stick');
    const notices: string[] = [];
    const result = await syncMirror({ source: v2Dir, mirrorDir: mirror, onNotice: (message) => notices.push(message) });
    expect(result.damagedLocal).toEqual(['fr/index.html']);
    expect(result.fetched).toEqual([...changedInV2, 'fr/index.html'].sort());
    expect(notices.some((notice) => notice.includes('"fr/index.html" is damaged'))).toBe(true);
    expect((await verifyMirror({ mirrorDir: mirror })).problems).toEqual([]);
  });

  it('repairs the current version in place with --repair, fetching only the damaged file', async () => {
    const { mirror, v2, v2Dir } = await officeAtV1();
    await syncMirror({ source: v2Dir, mirrorDir: mirror });
    await writeFile(join(mirror, versionFolderRef(v2), 'ar', 'index.html'), 'damaged');
    await writeFile(join(mirror, versionFolderRef(v2), 'stray.txt'), 'extra');
    expect((await verifyMirror({ mirrorDir: mirror })).problems.map((problem) => problem.path)).toEqual([
      'ar/index.html',
      'stray.txt',
    ]);
    const result = await syncMirror({ source: v2Dir, mirrorDir: mirror, repair: true });
    expect(result.status).toBe('repaired');
    expect(result.fetched).toEqual(['ar/index.html']);
    expect((await verifyMirror({ mirrorDir: mirror })).problems).toEqual([]);
  });

  it('starts a new mirror in an empty folder, remembering the key it was given', async () => {
    const { root, v2, v2Dir } = await officeAtV1();
    const fresh = join(root, 'fresh');
    await expect(syncMirror({ source: v2Dir, mirrorDir: fresh })).rejects.toThrow('There is no trusted public key');
    const result = await syncMirror({ source: v2Dir, mirrorDir: fresh, publicKeyFile: TEST_PUBLIC_KEY_FILE });
    expect(result.fetched.length).toBe(Object.keys(siteV2).length);
    expect(result.savedBytes).toBe(0);
    expect(await readCurrentId(fresh)).toBe(v2);
    expect((await verifyMirror({ mirrorDir: fresh })).problems).toEqual([]);
  });

  it('refuses a folder that is neither a mirror nor empty', async () => {
    const { root, v2Dir } = await officeAtV1();
    await writeFile(join(root, 'notes.txt'), 'x');
    await expect(syncMirror({ source: v2Dir, mirrorDir: root, publicKeyFile: TEST_PUBLIC_KEY_FILE })).rejects.toThrow(
      'is not a mirror (it has no CURRENT file) and is not empty',
    );
  });

  it('keeps only the current and the previous version after a second update', async () => {
    const { mirror, v1, v2, v2Dir } = await officeAtV1();
    const { v3 } = await bundles();
    await syncMirror({ source: v2Dir, mirrorDir: mirror });
    const result = await syncMirror({ source: v3.outDir, mirrorDir: mirror });
    expect(result.fetched).toEqual(['es/index.html']);
    expect(result.pruned).toEqual([v1]);
    expect((await readdir(join(mirror, 'versions'))).sort()).toEqual(
      [
        v2,
        `${v2}.manifest.json`,
        `${v2}.manifest.json.gz`,
        `${v2}.manifest.sig`,
        v3.versionId,
        `${v3.versionId}.manifest.json`,
        `${v3.versionId}.manifest.json.gz`,
        `${v3.versionId}.manifest.sig`,
      ].sort(),
    );
    await expect(access(join(mirror, versionFolderRef(v1)))).rejects.toThrow();
    // Only the parts of the two versions kept remain.
    const kept = new Set(
      [v2, v3.versionId].flatMap((id) => parseRoot(readFileSync(join(mirror, manifestRef(id)))).parts.map((part) => `${part.sha256}.json.gz`)),
    );
    expect((await readdir(join(mirror, 'parts'))).sort()).toEqual([...kept].sort());
  });

  it('refuses to run while another sync holds the lock', async () => {
    const { mirror, v2Dir } = await officeAtV1();
    await writeFile(
      join(mirror, 'sync.lock'),
      JSON.stringify({ pid: process.pid, host: (await import('node:os')).hostname(), operation: 'sync' }),
    );
    await expect(syncMirror({ source: v2Dir, mirrorDir: mirror })).rejects.toThrow('This mirror is busy');
  });
});
