import { appendFile, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { FileMismatchError, MirrorError } from '../../mirror-error.ts';
import { compressedManifestRef, manifestRef, readCurrentId, versionFolderRef } from '../../mirror-layout.ts';
import { createMirrorRequestHandler } from '../../server.ts';
import { generateKeyPair } from '../../signature.ts';
import { syncMirror } from '../../sync.ts';
import { verifyMirror } from '../../verify.ts';
import {
  failureOf,
  fileRequests,
  makeBundle,
  mirrorFromBundle,
  sha256,
  siteV1,
  siteV2,
  startTestServer,
  useFixtureBundles,
  useTempDirs,
} from '../test-support/fixtures.ts';
import type { TestServer } from '../test-support/fixtures.ts';

const temp = useTempDirs();
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const bundles = useFixtureBundles();

/** A mirror at version 1, and a copy of the version 2 bundle that the test may tamper with. */
async function officeAndSource(): Promise<{ root: string; mirror: string; v1: string; v2: string; v2Dir: string }> {
  const root = await temp.make();
  const { v1, v2 } = await bundles();
  const mirror = await mirrorFromBundle(v1.outDir, join(root, 'mirror'));
  const v2Dir = await mirrorFromBundle(v2.outDir, join(root, 'source'));
  return { root, mirror, v1: v1.versionId, v2: v2.versionId, v2Dir };
}

async function expectOldMirrorIntact(mirror: string, v1: string): Promise<void> {
  expect(await readCurrentId(mirror)).toBe(v1);
  expect(await readFile(join(mirror, 'index.html'), 'utf8')).toContain(`versions/${v1}/index.html`);
  expect((await verifyMirror({ mirrorDir: mirror })).problems).toEqual([]);
}

describe('tampered source: a file whose bytes do not match the signed manifest', () => {
  it('stops the sync, names the file with expected and received hashes, and leaves the mirror as it was', async () => {
    const { mirror, v1, v2, v2Dir } = await officeAndSource();
    const tampered = join(v2Dir, versionFolderRef(v2), 'ar', 'index.html');
    const original = await readFile(tampered);
    const changed = Buffer.from(original);
    changed[40]! ^= 0x20; // same size, one flipped bit
    await writeFile(tampered, changed);

    const mismatch = await failureOf(
      syncMirror({ source: v2Dir, mirrorDir: mirror, concurrency: 1 }),
      FileMismatchError,
    );
    expect(mismatch.path).toBe('ar/index.html');
    expect(mismatch.message).toContain('The file "ar/index.html" in the source folder');
    expect(mismatch.message).toContain(`expected ${original.length} bytes, sha256 ${sha256(original)}`);
    expect(mismatch.message).toContain(`got      ${original.length} bytes, sha256 ${sha256(changed)}`);
    expect(mismatch.message).toContain(`The mirror was not changed: it still serves version ${v1}.`);
    await expectOldMirrorIntact(mirror, v1);
    // The bad file was not kept anywhere.
    const staged = await readdir(join(mirror, 'staging', v2, 'ar')).catch(() => []);
    expect(staged).not.toContain('index.html');
  });

  it('stops reading a file that is longer than the manifest says', async () => {
    const { mirror, v1, v2, v2Dir } = await officeAndSource();
    await appendFile(join(v2Dir, versionFolderRef(v2), 'images', 'photo.webp'), Buffer.alloc(100_000));
    const error = await failureOf(syncMirror({ source: v2Dir, mirrorDir: mirror }), FileMismatchError);
    expect(error.path).toBe('images/photo.webp');
    expect(error.message).toContain('got      more than 50000 bytes');
    await expectOldMirrorIntact(mirror, v1);
  });
});

describe('tampered source: the manifest', () => {
  it('fails the signature check with one flipped byte, before any file is requested', async () => {
    const { mirror, v1, v2, v2Dir } = await officeAndSource();
    const path = join(v2Dir, manifestRef(v2));
    const bytes = await readFile(path);
    const at = bytes.indexOf('"totalSize": ') + 13;
    bytes[at] = bytes[at] === 0x31 ? 0x32 : 0x31; // another total size
    await writeFile(path, bytes);
    await writeFile(join(v2Dir, compressedManifestRef(v2)), gzipSync(bytes));
    const server = await startTestServer(createMirrorRequestHandler({ mirrorDir: v2Dir }));
    servers.push(server);

    const error = await failureOf(syncMirror({ source: server.url, mirrorDir: mirror }), MirrorError);
    expect(error.message).toContain(
      `The manifest of version ${v2} from ${server.url} is not signed by the trusted key`,
    );
    expect(error.message).toContain('No site file was fetched.');
    expect(fileRequests(server.requests, v2)).toEqual([]);
    expect(server.requests).toEqual([
      '/LATEST',
      '/_mirror/CURRENT',
      `/_mirror/versions/${v2}.manifest.sig`,
      `/_mirror/versions/${v2}.manifest.json.gz`,
    ]);
    await expectOldMirrorIntact(mirror, v1);
  });

  it('fails the signature check when the source was signed with another key', async () => {
    const { root, mirror, v1 } = await officeAndSource();
    const forged = await makeBundle(root, 'forged', siteV2, { privateKeyPem: generateKeyPair().privateKeyPem });
    await expect(syncMirror({ source: forged.outDir, mirrorDir: mirror })).rejects.toThrow(
      'is not signed by the trusted key',
    );
    await expectOldMirrorIntact(mirror, v1);
  });

  it('refuses a source whose CURRENT names a version its manifest is not', async () => {
    const { root, mirror, v1, v2Dir } = await officeAndSource();
    const other = await makeBundle(root, 'other', siteV1, { buildId: 'other' });
    // A validly signed manifest, stored under the wrong version name.
    const { copyFile } = await import('node:fs/promises');
    const v2 = (await readCurrentId(v2Dir))!;
    await copyFile(join(other.outDir, manifestRef(other.versionId)), join(v2Dir, manifestRef(v2)));
    await copyFile(join(other.outDir, compressedManifestRef(other.versionId)), join(v2Dir, compressedManifestRef(v2)));
    await copyFile(
      join(other.outDir, `versions/${other.versionId}.manifest.sig`),
      join(v2Dir, `versions/${v2}.manifest.sig`),
    );
    await expect(syncMirror({ source: v2Dir, mirrorDir: mirror })).rejects.toThrow('is inconsistent');
    await expectOldMirrorIntact(mirror, v1);
  });
});
