import { spawn } from 'node:child_process';
import { access, readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readCurrentId } from '../../mirror-layout.ts';
import { createMirrorRequestHandler } from '../../server.ts';
import { compareSitePaths } from '../../site-path.ts';
import { syncMirror } from '../../sync.ts';
import { verifyMirror } from '../../verify.ts';
import {
  CLI,
  changedInV2,
  fileRequests,
  mirrorFromBundle,
  siteV2,
  startTestServer,
  useFixtureBundles,
  useTempDirs,
  waitFor,
} from '../test-support/fixtures.ts';
import type { TestServer } from '../test-support/fixtures.ts';

const temp = useTempDirs();
const bundles = useFixtureBundles();
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

async function bytesIn(folder: string): Promise<number> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const sizes = await Promise.all(names.map(async (name) => (await stat(join(folder, name))).size));
  return sizes.reduce((sum, size) => sum + size, 0);
}

describe('killed sync: kill -9 in the middle of a download', () => {
  it('leaves the old mirror serving and intact; the next sync reuses the checked files and completes', async () => {
    const root = await temp.make();
    const { v1, v2 } = await bundles();
    const mirror = await mirrorFromBundle(v1.outDir, join(root, 'mirror'));
    const slow = 'images/photo.webp';
    const slowBytes = siteV2[slow] as Buffer;
    const handler = createMirrorRequestHandler({ mirrorDir: v2.outDir });
    let stall = true;
    const server = await startTestServer((request, response) => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      if (stall && path === `/_mirror/versions/${v2.versionId}/${slow}`) {
        // Half the photo, then silence: the download hangs until the process is killed.
        response.writeHead(200, { 'Content-Type': 'image/webp', 'Content-Length': slowBytes.length });
        response.write(slowBytes.subarray(0, slowBytes.length / 2));
        return;
      }
      handler(request, response);
    });
    servers.push(server);

    const child = spawn(process.execPath, [CLI, 'sync', server.url, mirror], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );

    const staging = join(mirror, 'staging', v2.versionId);
    const others = changedInV2.filter((path) => path !== slow);
    await waitFor(
      async () =>
        (await Promise.all(others.map((path) => exists(join(staging, ...path.split('/')))))).every(Boolean) &&
        (await bytesIn(join(mirror, 'staging', 'incoming'))) >= slowBytes.length / 2,
      10_000,
      `the sync to check the other files and receive half of ${slow} (output so far: ${output})`,
    );
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    // The old version is still the one served, intact, and the page opened from disk still points at it.
    expect(await readCurrentId(mirror)).toBe(v1.versionId);
    expect(await readFile(join(mirror, 'index.html'), 'utf8')).toContain(`versions/${v1.versionId}/index.html`);
    expect((await verifyMirror({ mirrorDir: mirror })).problems).toEqual([]);
    expect(await exists(join(mirror, 'sync.lock'))).toBe(true); // left by the killed process, taken over below

    stall = false;
    server.requests.length = 0;
    const result = await syncMirror({ source: server.url, mirrorDir: mirror });
    expect(fileRequests(server.requests, v2.versionId)).toEqual([slow]);
    // Unchanged files were linked into staging before the downloads began, so they too are resumed from there.
    expect(result.resumed).toEqual(
      Object.keys(siteV2)
        .sort(compareSitePaths)
        .filter((path) => path !== slow),
    );
    expect(result.reused).toEqual([]);
    expect(result.fetched).toEqual([slow]);
    expect(result.fetchedBytes).toBe(slowBytes.length);
    expect(await readCurrentId(mirror)).toBe(v2.versionId);
    expect((await verifyMirror({ mirrorDir: mirror })).problems).toEqual([]);
    expect(await exists(join(mirror, 'staging'))).toBe(false);
    expect(await exists(join(mirror, 'sync.lock'))).toBe(false);
  }, 30_000); // a generous bound for a busy machine; the wait inside is bounded too

  it('puts what an interrupted sync to an older version downloaded to use for the newer one', async () => {
    const root = await temp.make();
    const { v1, v2, v3 } = await bundles();
    const mirror = await mirrorFromBundle(v1.outDir, join(root, 'mirror'));
    // A sync to version 2 was interrupted after checking the new photo; meanwhile the source moved on to version 3.
    const { copyFile, mkdir } = await import('node:fs/promises');
    await mkdir(join(mirror, 'staging', v2.versionId, 'images'), { recursive: true });
    await copyFile(
      join(v2.outDir, 'versions', v2.versionId, 'images', 'photo.webp'),
      join(mirror, 'staging', v2.versionId, 'images', 'photo.webp'),
    );
    const result = await syncMirror({ source: v3.outDir, mirrorDir: mirror });
    expect(result.resumed).toEqual(['images/photo.webp']);
    expect(result.fetched).toEqual(
      [...changedInV2.filter((path) => path !== 'images/photo.webp'), 'es/index.html'].sort(compareSitePaths),
    );
    expect((await verifyMirror({ mirrorDir: mirror })).problems).toEqual([]);
  });

  it('does not trust a file in the staging area that was damaged after it was checked', async () => {
    const root = await temp.make();
    const { v1, v2 } = await bundles();
    const mirror = await mirrorFromBundle(v1.outDir, join(root, 'mirror'));
    // What a power cut can leave: a file at its final name in staging, with the wrong content.
    const { mkdir, writeFile } = await import('node:fs/promises');
    await mkdir(join(mirror, 'staging', v2.versionId, 'ar'), { recursive: true });
    await writeFile(join(mirror, 'staging', v2.versionId, 'ar', 'index.html'), 'half-written');
    const result = await syncMirror({ source: v2.outDir, mirrorDir: mirror });
    expect(result.resumed).toEqual([]);
    expect(result.fetched).toEqual(changedInV2);
    expect((await verifyMirror({ mirrorDir: mirror })).problems).toEqual([]);
  });
});
