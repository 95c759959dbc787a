/**
 * A bundle put on any web server as plain files is a sync source: no server of ours runs there. The server here knows
 * nothing of mirrors; it serves files and counts every byte, so the tests can hold a sync to what it downloads.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { MirrorError } from '../../mirror-error.ts';
import { compressedManifestRef, manifestRef, partRef, readCurrentId } from '../../mirror-layout.ts';
import { parseRoot } from '../../manifest.ts';
import { syncMirror } from '../../sync.ts';
import { verifyMirror } from '../../verify.ts';
import {
  TEST_PUBLIC_KEY_FILE,
  changedInV2,
  failureOf,
  mirrorFromBundle,
  siteV2,
  sizeOf,
  startStaticServer,
  startTestServer,
  useFixtureBundles,
  useTempDirs,
} from '../test-support/fixtures.ts';
import type { TestServer } from '../test-support/fixtures.ts';

const temp = useTempDirs();
const bundles = useFixtureBundles();
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serveStatic(root: string): Promise<Awaited<ReturnType<typeof startStaticServer>>> {
  const server = await startStaticServer(root);
  servers.push(server);
  return server;
}

/** The parts version 2 names that version 1 does not. */
async function newPartsInV2(): Promise<string[]> {
  const { v1, v2 } = await bundles();
  const refs = async (dir: string, id: string) =>
    parseRoot(await readFile(join(dir, manifestRef(id)))).parts.map((part) => partRef(part.sha256));
  const old = new Set(await refs(v1.outDir, v1.versionId));
  return (await refs(v2.outDir, v2.versionId)).filter((name) => !old.has(name));
}

async function officeAtV1(): Promise<{ root: string; mirror: string; v1: string; v2: string; v2Dir: string }> {
  const root = await temp.make();
  const { v1, v2 } = await bundles();
  const mirror = await mirrorFromBundle(v1.outDir, join(root, 'mirror'));
  return { root, mirror, v1: v1.versionId, v2: v2.versionId, v2Dir: v2.outDir };
}

describe('sync from a bundle on a plain web server', () => {
  it('downloads the root, the new parts and the changed files, and nothing else', async () => {
    const { mirror, v2, v2Dir } = await officeAtV1();
    const server = await serveStatic(v2Dir);
    const result = await syncMirror({ source: server.url, mirrorDir: mirror });

    const newParts = await newPartsInV2();
    const answers = server.served.map((answer) => `${answer.status} ${answer.path}`);
    expect(answers.slice(0, 5)).toEqual([
      '404 /LATEST', // a channel? no
      '404 /_mirror/CURRENT', // another office's "mirror serve"? no
      '200 /CURRENT', // a bundle
      `200 /versions/${v2}.manifest.sig`,
      `200 /${compressedManifestRef(v2)}`,
    ]);
    expect(answers.filter((answer) => answer.startsWith('200 /parts/')).sort()).toEqual(
      newParts.map((name) => `200 /${name}`).sort(),
    );
    const files = answers.filter((answer) => answer.startsWith(`200 /versions/${v2}/`));
    expect(files.map((answer) => answer.slice(`200 /versions/${v2}/`.length)).sort()).toEqual(changedInV2);
    expect(server.served.length).toBe(5 + newParts.length + changedInV2.length);

    // What crossed the link: the sync's own count is the bodies the server sent.
    const bodies = server.served.reduce((sum, answer) => sum + answer.bytes, 0);
    expect(result.receivedBytes).toBe(bodies);
    const changedBytes = sizeOf(siteV2, changedInV2);
    expect(result.fetchedBytes).toBe(changedBytes);
    // The target for one edit, headers included: at most twice the changed files, plus 16 kB.
    expect(server.bytesSent()).toBeLessThanOrEqual(2 * changedBytes + 16_000);
    expect(await readCurrentId(mirror)).toBe(v2);
    expect((await verifyMirror({ mirrorDir: mirror })).problems).toEqual([]);
  });

  it('starts a new mirror with at most 5 % more than the files themselves', async () => {
    const root = await temp.make();
    const { v2 } = await bundles();
    const server = await serveStatic(v2.outDir);
    const result = await syncMirror({ source: server.url, mirrorDir: join(root, 'new'), publicKeyFile: TEST_PUBLIC_KEY_FILE });
    expect(result.fetched.length).toBe(Object.keys(siteV2).length);
    expect(result.receivedBytes).toBeLessThanOrEqual(1.05 * sizeOf(siteV2));
    expect((await verifyMirror({ mirrorDir: join(root, 'new') })).problems).toEqual([]);
  });

  it('refuses a tampered part, naming it, before any site file is fetched; the mirror is as it was', async () => {
    const { root, mirror, v1, v2, v2Dir } = await officeAtV1();
    const source = join(root, 'source');
    await cp(v2Dir, source, { recursive: true });
    const [name] = await newPartsInV2();
    const text = (await import('node:zlib')).gunzipSync(await readFile(join(source, name!))).toString();
    // Same size, one file's hash changed: what an attacker needs to slip in another file.
    const forged = text.replace(/"sha256":"([0-9a-f])/, (_match, digit: string) => `"sha256":"${digit === 'a' ? 'b' : 'a'}`);
    expect(forged).not.toBe(text);
    await writeFile(join(source, name!), gzipSync(forged));
    const server = await serveStatic(source);

    const error = await failureOf(syncMirror({ source: server.url, mirrorDir: mirror }), MirrorError);
    expect(error.message).toContain(`The part ${name} from ${server.url} does not match the signed manifest of version ${v2}`);
    expect(error.message).toContain('No site file was fetched.');
    expect(error.message).toContain(`The mirror was not changed: it still serves version ${v1}.`);
    expect(server.served.some((answer) => answer.path.startsWith(`/versions/${v2}/`))).toBe(false);
    expect(await readCurrentId(mirror)).toBe(v1);
    expect((await verifyMirror({ mirrorDir: mirror })).problems).toEqual([]);
  });

  it('refuses a tampered root, naming it, before anything else is fetched', async () => {
    const { root, mirror, v1, v2, v2Dir } = await officeAtV1();
    const source = join(root, 'source');
    await cp(v2Dir, source, { recursive: true });
    const text = (await readFile(join(source, manifestRef(v2)), 'utf8')).replace('"fileCount": ', '"fileCount": 1');
    await writeFile(join(source, compressedManifestRef(v2)), gzipSync(text));
    const server = await serveStatic(source);

    const error = await failureOf(syncMirror({ source: server.url, mirrorDir: mirror }), MirrorError);
    expect(error.message).toContain(`The manifest of version ${v2} from ${server.url} is not signed by the trusted key`);
    expect(server.served.map((answer) => answer.path)).toEqual([
      '/LATEST',
      '/_mirror/CURRENT',
      '/CURRENT',
      `/versions/${v2}.manifest.sig`,
      `/${compressedManifestRef(v2)}`,
    ]);
    expect(await readCurrentId(mirror)).toBe(v1);
  });

  it('resumes after the connection drops: neither the parts nor the files already checked are fetched again', async () => {
    const { mirror, v1, v2, v2Dir } = await officeAtV1();
    const plain = await startStaticServer(v2Dir);
    servers.push(plain);
    const broken = `/versions/${v2}/images/photo.webp`;
    let drop = true;
    const requests: string[] = [];
    const server = await startTestServer((request, response) => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      requests.push(path);
      if (drop && path === broken) {
        // Headers and part of the body, then the connection is cut, as a satellite link does.
        response.writeHead(200, { 'Content-Length': 50_000 });
        response.write(Buffer.alloc(1000));
        setTimeout(() => response.socket?.destroy(), 20);
        return;
      }
      void fetch(new URL(request.url ?? '/', plain.url)).then(async (answer) => {
        const body = Buffer.from(await answer.arrayBuffer());
        response.writeHead(answer.status, { 'Content-Length': body.length }).end(body);
      });
    });
    servers.push(server);

    const first = await failureOf(syncMirror({ source: server.url, mirrorDir: mirror, concurrency: 1 }), MirrorError);
    expect(first.message).toContain('images/photo.webp');
    expect(first.message).toContain(`it still serves version ${v1}`);
    expect(await readCurrentId(mirror)).toBe(v1);

    // One at a time in path order: the three files before the photo arrived whole and were checked.
    const before = changedInV2.slice(0, changedInV2.indexOf('images/photo.webp'));
    expect(before).toHaveLength(3);
    drop = false;
    requests.length = 0;
    const second = await syncMirror({ source: server.url, mirrorDir: mirror });
    expect(requests.filter((path) => path.startsWith('/parts/'))).toEqual([]);
    const again = requests.filter((path) => path.startsWith(`/versions/${v2}/`)).map((path) => path.slice(`/versions/${v2}/`.length));
    expect(again.sort()).toEqual(['images/photo.webp', 'index.html']);
    expect(second.fetched).toEqual(['images/photo.webp', 'index.html']);
    expect(second.resumed).toEqual(expect.arrayContaining(before));
    expect(await readCurrentId(mirror)).toBe(v2);
    expect((await verifyMirror({ mirrorDir: mirror })).problems).toEqual([]);
  });
});
