/**
 * A channel folder: where headquarters publishes version after version for field offices to sync from over thin
 * links, on any web server. Site files are stored once, compressed, under their hash; LATEST is the only file ever
 * replaced.
 */
import { readFileSync } from 'node:fs';
import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { publishToChannel } from '../../channel.ts';
import { FileMismatchError, MirrorError } from '../../mirror-error.ts';
import { manifestRef, partRef, readCurrentId } from '../../mirror-layout.ts';
import { parseRoot } from '../../manifest.ts';
import { generateKeyPair } from '../../signature.ts';
import { objectRef } from '../../sync-source.ts';
import { syncMirror } from '../../sync.ts';
import { verifyMirror } from '../../verify.ts';
import {
  TEST_PUBLIC_KEY_FILE,
  changedInV2,
  failureOf,
  fixtureVersions,
  makeBundle,
  mirrorFromBundle,
  sha256,
  siteV1,
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

/** A channel with versions 1 and 2 published, and an office still at version 1. */
async function channelWithV1AndV2(): Promise<{ root: string; channel: string; mirror: string }> {
  const root = await temp.make();
  const { v1, v2 } = await bundles();
  const channel = join(root, 'channel');
  await publishToChannel({ bundleDir: v1.outDir, channelDir: channel });
  await publishToChannel({ bundleDir: v2.outDir, channelDir: channel });
  const mirror = await mirrorFromBundle(v1.outDir, join(root, 'mirror'));
  return { root, channel, mirror };
}

describe('channel: publishing', () => {
  it('stores each site file once, compressed, under its hash, and names the newest version in LATEST', async () => {
    const root = await temp.make();
    const { v1, v2 } = await bundles();
    const channel = join(root, 'channel');
    const first = await publishToChannel({ bundleDir: v1.outDir, channelDir: channel });
    expect(first.objectsWritten).toBe(new Set(Object.values(siteV1).map((content) => sha256(content))).size);
    const second = await publishToChannel({ bundleDir: v2.outDir, channelDir: channel });
    // Only content version 1 did not have is added; the moved logo is not.
    expect(second.objectsWritten).toBe(changedInV2.length);
    expect(readFileSync(join(channel, 'LATEST'), 'utf8')).toBe(`${v2.versionId}\n`);
    expect((await readdir(channel)).sort()).toEqual(['LATEST', 'README.txt', 'deltas', 'objects', 'parts', 'versions']);
    for (const [path, content] of Object.entries(siteV2)) {
      const stored = gunzipSync(readFileSync(join(channel, objectRef(sha256(content)))));
      expect([path, stored.equals(Buffer.from(content))]).toEqual([path, true]);
    }
    // The root and signature are the bundle's, byte for byte.
    expect(readFileSync(join(channel, manifestRef(v2.versionId))).equals(v2.manifestBytes)).toBe(true);
    expect((await publishToChannel({ bundleDir: v2.outDir, channelDir: channel })).status).toBe('already');
  });

  it('refuses a version that is not newer than the channel offers, or signed with another key', async () => {
    const { root, channel } = await channelWithV1AndV2();
    const { v1 } = await bundles();
    await expect(publishToChannel({ bundleDir: v1.outDir, channelDir: channel })).rejects.toThrow(
      'is not newer, and field offices would refuse it',
    );
    const twin = await makeBundle(root, 'twin', siteV1, { ...fixtureVersions.v2, buildId: 'twin' });
    await expect(publishToChannel({ bundleDir: twin.outDir, channelDir: channel })).rejects.toThrow('is not newer');
    const forged = await makeBundle(root, 'forged', siteV2, { privateKeyPem: generateKeyPair().privateKeyPem, version: 9e9 });
    // The forged bundle carries its own key: the channel's versions do not verify with it.
    await expect(publishToChannel({ bundleDir: forged.outDir, channelDir: channel })).rejects.toThrow(
      'offers versions signed with another key',
    );
    expect(readFileSync(join(channel, 'LATEST'), 'utf8')).toBe(`${(await bundles()).v2.versionId}\n`);
  });

  it('keeps the newest versions and removes what only older ones used', async () => {
    const root = await temp.make();
    const { v1, v2, v3 } = await bundles();
    const channel = join(root, 'channel');
    for (const bundle of [v1, v2, v3]) await publishToChannel({ bundleDir: bundle.outDir, channelDir: channel, keep: 2 });
    const versions = await readdir(join(channel, 'versions'));
    expect(versions.filter((name) => name.startsWith(v1.versionId))).toEqual([]);
    expect(versions.filter((name) => name.startsWith(v2.versionId))).toHaveLength(3);
    // Version 1's photo and script were replaced in version 2: gone. Its fonts are still used: kept.
    expect(() => readFileSync(join(channel, objectRef(sha256(siteV1['images/photo.webp']!))))).toThrow();
    expect(() => readFileSync(join(channel, objectRef(sha256(siteV1['_astro/search.e5f6a7b8.js']!))))).toThrow();
    expect(readFileSync(join(channel, objectRef(sha256(siteV1['fonts/inter.woff2']!)))).length).toBeGreaterThan(0);
    const parts = new Set(
      [v2, v3].flatMap((bundle) => parseRoot(bundle.manifestBytes).parts.map((part) => partRef(part.sha256))),
    );
    expect((await readdir(join(channel, 'parts'))).map((name) => `parts/${name}`).sort()).toEqual([...parts].sort());
  });
});

describe('channel: syncing from it', () => {
  it('from the folder: fetches the changed files from objects/, decompressed and checked', async () => {
    const { channel, mirror } = await channelWithV1AndV2();
    const { v2 } = await bundles();
    const result = await syncMirror({ source: channel, mirrorDir: mirror });
    expect(result.sourceLayout).toBe('channel');
    expect(result.fetched).toEqual(changedInV2);
    expect(result.fetchedBytes).toBe(sizeOf(siteV2, changedInV2));
    expect(await readCurrentId(mirror)).toBe(v2.versionId);
    expect((await verifyMirror({ mirrorDir: mirror })).problems).toEqual([]);
  });

  it('over a plain web server: the pointer, one delta pack, the signature, then only what the pack cannot rebuild', async () => {
    const { channel, mirror } = await channelWithV1AndV2();
    const { v1, v2 } = await bundles();
    const server = await startStaticServer(channel);
    servers.push(server);
    const result = await syncMirror({ source: server.url, mirrorDir: mirror });
    const paths = server.served.map((answer) => `${answer.status} ${answer.path}`);
    expect(paths.slice(0, 3)).toEqual([
      '200 /LATEST',
      `200 /deltas/${v1.versionId}-${v2.versionId}.gz`,
      `200 /versions/${v2.versionId}.manifest.sig`,
    ]);
    // Whatever the pack could not rebuild (new paths; pages this small gain nothing) came whole, compressed.
    const objects = paths.filter((path) => path.startsWith('200 /objects/')).sort();
    const whole = changedInV2.filter((path) => !result.patched.includes(path));
    expect(objects).toEqual(whole.map((path) => `200 /${objectRef(sha256(siteV2[path]!))}`).sort());
    expect(result.fetched).toEqual(changedInV2);
    expect(result.receivedBytes).toBe(server.served.reduce((sum, answer) => sum + answer.bytes, 0));
    expect((await verifyMirror({ mirrorDir: mirror })).problems).toEqual([]);
  });

  it('on a site of many files, rebuilds the root, the parts and the edited pages from deltas: nothing else moves', async () => {
    const root = await temp.make();
    const page = (index: number, words: string): string =>
      `<!doctype html><html lang="fr"><head><title>Communiqué ${index}</title></head><body><main><h1>Communiqué ${index}</h1>` +
      `<p>${words}</p>${'<p>Les équipes de terrain ont distribué des kits d’hygiène et de l’eau potable.</p>'.repeat(20)}</main></body></html>\n`;
    const before: Record<string, string> = {};
    for (let index = 0; index < 240; index++) before[`fr/communiques/${String(index).padStart(3, '0')}/index.html`] = page(index, 'Texte initial.');
    const after = { ...before };
    for (const index of [17, 120, 230]) after[`fr/communiques/${String(index).padStart(3, '0')}/index.html`] = page(index, 'Texte corrigé le lendemain.');
    const older = await makeBundle(root, 'many-1', before, { ...fixtureVersions.v1 });
    const newer = await makeBundle(root, 'many-2', after, { ...fixtureVersions.v2 });
    const channel = join(root, 'channel');
    await publishToChannel({ bundleDir: older.outDir, channelDir: channel });
    await publishToChannel({ bundleDir: newer.outDir, channelDir: channel });
    const mirror = await mirrorFromBundle(older.outDir, join(root, 'mirror'));
    const server = await startStaticServer(channel);
    servers.push(server);

    const result = await syncMirror({ source: server.url, mirrorDir: mirror });
    expect(server.served.map((answer) => answer.path)).toEqual([
      '/LATEST',
      `/deltas/${older.versionId}-${newer.versionId}.gz`,
      `/versions/${newer.versionId}.manifest.sig`,
    ]);
    expect(result.patched.sort()).toEqual(['fr/communiques/017/index.html', 'fr/communiques/120/index.html', 'fr/communiques/230/index.html']);
    expect(result.partsFetched).toBe(0);
    // Three requests, a fraction of the three pages' size.
    expect(result.receivedBytes).toBeLessThan(sizeOf(after, result.patched));
    expect(await readCurrentId(mirror)).toBe(newer.versionId);
    expect((await verifyMirror({ mirrorDir: mirror })).problems).toEqual([]);
  }, 30_000); // hundreds of files written and flushed twice: slow on a busy disk

  it('does without a delta pack that does not rebuild the signed content: what changed is fetched whole', async () => {
    const { root, channel, mirror } = await channelWithV1AndV2();
    const { v1, v2 } = await bundles();
    const source = join(root, 'bad-deltas');
    await cp(channel, source, { recursive: true });
    // A pack whose every delta adds the wrong bytes: each result fails its hash, and the sync falls back.
    const name = join(source, 'deltas', `${v1.versionId}-${v2.versionId}.gz`);
    const text = gunzipSync(readFileSync(name));
    const newline = text.indexOf(0x0a);
    const body = Buffer.from(text.subarray(newline + 1)).fill(0x02);
    await writeFile(name, gzipSync(Buffer.concat([text.subarray(0, newline + 1), body])));
    const result = await syncMirror({ source, mirrorDir: mirror });
    expect(result.patched).toEqual([]);
    expect(result.fetched).toEqual(changedInV2);
    expect(result.partsFetched).toBeGreaterThan(0);
    expect(await readCurrentId(mirror)).toBe(v2.versionId);
    expect((await verifyMirror({ mirrorDir: mirror })).problems).toEqual([]);
  });

  it('fetches whole what changed when no pack starts from this mirror\'s version', async () => {
    const root = await temp.make();
    const { v1, v2, v3 } = await bundles();
    const channel = join(root, 'channel');
    // Published with keep 1: no older version is kept, so no pack is made.
    await publishToChannel({ bundleDir: v2.outDir, channelDir: channel, keep: 1 });
    await publishToChannel({ bundleDir: v3.outDir, channelDir: channel, keep: 1 });
    const mirror = await mirrorFromBundle(v1.outDir, join(root, 'mirror'));
    const result = await syncMirror({ source: channel, mirrorDir: mirror });
    expect(result.patched).toEqual([]);
    expect(result.fetched).toEqual([...changedInV2, 'es/index.html'].sort());
    expect(await readCurrentId(mirror)).toBe(v3.versionId);
  });

  it('starts a new mirror from a channel with at most 5 % more than the files (these are mostly incompressible)', async () => {
    const { root, channel } = await channelWithV1AndV2();
    const server = await startStaticServer(channel);
    servers.push(server);
    const fresh = join(root, 'fresh');
    const result = await syncMirror({ source: server.url, mirrorDir: fresh, publicKeyFile: TEST_PUBLIC_KEY_FILE });
    expect(result.fetched.length).toBe(Object.keys(siteV2).length);
    expect(result.receivedBytes).toBeLessThanOrEqual(1.05 * sizeOf(siteV2));
    expect((await verifyMirror({ mirrorDir: fresh })).problems).toEqual([]);
  });

  it('accepts objects a web server sends with Content-Encoding: gzip (decoded on the way)', async () => {
    const { channel, mirror } = await channelWithV1AndV2();
    const server = await startTestServer((request, response) => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      let body: Buffer;
      try {
        body = readFileSync(join(channel, ...path.split('/').filter(Boolean)));
      } catch {
        response.writeHead(404).end();
        return;
      }
      // As Apache does with "AddEncoding gzip .gz": the file is announced as gzip-encoded, so fetch decodes it.
      const headers: Record<string, string | number> = { 'Content-Length': body.length };
      if (path.endsWith('.gz')) headers['Content-Encoding'] = 'gzip';
      response.writeHead(200, headers).end(body);
    });
    servers.push(server);
    const result = await syncMirror({ source: server.url, mirrorDir: mirror });
    expect(result.fetched).toEqual(changedInV2);
    expect((await verifyMirror({ mirrorDir: mirror })).problems).toEqual([]);
  });

  it('refuses an object whose content is not the one signed, naming the file; the mirror is as it was', async () => {
    const { root, channel, mirror } = await channelWithV1AndV2();
    const { v1 } = await bundles();
    const source = join(root, 'tampered-channel');
    await cp(channel, source, { recursive: true });
    // A page at a new path: no delta can rebuild it, so it is fetched from objects/.
    await writeFile(join(source, objectRef(sha256(siteV2['fr/nouvelles/index.html']!))), gzipSync('<p>not the signed page</p>'));
    const error = await failureOf(syncMirror({ source, mirrorDir: mirror, concurrency: 1 }), FileMismatchError);
    expect(error.path).toBe('fr/nouvelles/index.html');
    expect(error.message).toContain(`The mirror was not changed: it still serves version ${v1.versionId}.`);
    expect(await readCurrentId(mirror)).toBe(v1.versionId);
    expect((await verifyMirror({ mirrorDir: mirror })).problems).toEqual([]);
  });

  it('is refused as a whole when its newest version is older than the mirror', async () => {
    const root = await temp.make();
    const { v1, v2 } = await bundles();
    const channel = join(root, 'channel');
    await publishToChannel({ bundleDir: v1.outDir, channelDir: channel });
    const mirror = await mirrorFromBundle(v2.outDir, join(root, 'mirror'));
    const error = await failureOf(syncMirror({ source: channel, mirrorDir: mirror }), MirrorError);
    expect(error.message).toContain('which is older than the version');
    expect(await readCurrentId(mirror)).toBe(v2.versionId);
    expect(JSON.parse(await readFile(join(channel, manifestRef(v1.versionId)), 'utf8'))).toMatchObject({ version: fixtureVersions.v1!.version });
  });
});
