import { request } from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { manifestRef, readStoredVersion, switchCurrent, versionFolderRef } from '../../mirror-layout.ts';
import {
  IMMUTABLE,
  cacheControlFor,
  contentTypeFor,
  createMirrorRequestHandler,
  decodeRequestPath,
  lanUrls,
  normalizeBase,
} from '../../server.ts';
import type { MirrorServerOptions } from '../../server.ts';
import { syncMirror } from '../../sync.ts';
import {
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
const bundles = useFixtureBundles();
const bundlesUnderBase = useFixtureBundles({ base: '/iom/' });
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw request: the path is sent exactly as given (fetch would clean up "..", which is what is being tested). */
function get(server: TestServer, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path, method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

async function serve(mirrorDir: string, options: Partial<MirrorServerOptions> = {}): Promise<TestServer> {
  const server = await startTestServer(createMirrorRequestHandler({ mirrorDir, ...options }));
  servers.push(server);
  return server;
}

const encode = (path: string): string => `/${path.split('/').map(encodeURIComponent).join('/')}`;

describe('server: serving the current version', () => {
  it('sends every kind of file of the site with its content type and exact bytes', async () => {
    const server = await serve((await bundles()).v1.outDir);
    const expected: Record<string, string> = {
      'index.html': 'text/html; charset=utf-8',
      '_astro/site.a1b2c3d4.css': 'text/css; charset=utf-8',
      '_astro/search.e5f6a7b8.js': 'text/javascript; charset=utf-8',
      'data/releases.json': 'application/json; charset=utf-8',
      'sitemap.xml': 'application/xml; charset=utf-8',
      'images/logo.svg': 'image/svg+xml',
      'images/photo.webp': 'image/webp',
      'images/photo.avif': 'image/avif',
      'fonts/inter.woff2': 'font/woff2',
      'search/engine.wasm': 'application/wasm',
      'pagefind/pagefind.en_1a2b3c4d.pf_meta': 'application/octet-stream',
      'pagefind/index/en_5e6f7a8b.pf_index': 'application/octet-stream',
      'pagefind/fragment/en_9c0d1e2f.pf_fragment': 'application/octet-stream',
      'pagefind/wasm.unknown.pagefind': 'application/octet-stream',
      'ar/الأخبار/index.html': 'text/html; charset=utf-8',
    };
    for (const [path, type] of Object.entries(expected)) {
      const reply = await get(server, encode(path));
      expect([path, reply.status, reply.headers['content-type']]).toEqual([path, 200, type]);
      expect(reply.body.equals(Buffer.from(siteV1[path]!))).toBe(true);
      expect(reply.headers['content-length']).toBe(String(reply.body.length));
    }
  });

  it('serves index.html for folders, and redirects a folder without its final slash', async () => {
    const server = await serve((await bundles()).v1.outDir);
    expect((await get(server, '/')).body.toString()).toBe(siteV1['index.html']);
    expect((await get(server, '/fr/')).body.toString()).toBe(siteV1['fr/index.html']);
    expect((await get(server, encode('ar/الأخبار/'))).body.toString()).toBe(siteV1['ar/الأخبار/index.html']);
    const redirect = await get(server, '/fr?x=1');
    expect([redirect.status, redirect.headers.location]).toEqual([301, '/fr/?x=1']);
  });

  it('answers 404 with the nearest 404 page: the French one under /fr/, else the main one', async () => {
    const server = await serve((await bundles()).v1.outDir);
    const french = await get(server, '/fr/nope/deeper.html');
    expect([french.status, french.body.toString()]).toEqual([404, siteV1['fr/404.html']]);
    const arabic = await get(server, '/ar/nope');
    expect([arabic.status, arabic.body.toString()]).toEqual([404, siteV1['404.html']]);
    expect(arabic.headers['cache-control']).toBe('no-cache');
  });

  it("refuses paths that try to leave the site, and never shows the mirror's own files", async () => {
    const { v1 } = await bundles();
    const server = await serve(v1.outDir);
    const key = await readFile(join(v1.outDir, 'trusted-public-key.pem'), 'utf8');
    const attempts = [
      '/../../../../etc/passwd',
      '/..%2f..%2f..%2fetc%2fpasswd',
      '/%2e%2e/%2e%2e/trusted-public-key.pem',
      '/fr/..%5c..%5c..%5ctrusted-public-key.pem',
      '/fr/%00/index.html',
      '//etc/passwd',
      '/trusted-public-key.pem',
      '/CURRENT',
      `/versions/${v1.versionId}/index.html`,
      `/_mirror/versions/${v1.versionId}/../../trusted-public-key.pem`,
      `/_mirror/versions/${v1.versionId}/..%2f..%2ftrusted-public-key.pem`,
      '/_mirror/trusted-public-key.pem',
    ];
    for (const path of attempts) {
      const reply = await get(server, path);
      expect([path, [400, 404].includes(reply.status)]).toEqual([path, true]);
      expect(reply.body.toString()).not.toContain('root:');
      expect(reply.body.toString()).not.toContain(key.trim().split('\n')[1]);
    }
  });

  it('only reads: other methods get 405', async () => {
    const server = await serve((await bundles()).v1.outDir);
    const reply = await get(server, '/', {}, 'POST');
    expect([reply.status, reply.headers.allow]).toEqual([405, 'GET, HEAD']);
  });

  it('answers 500 and logs when a listed file is damaged on disk, rather than sending wrong bytes', async () => {
    const root = await temp.make();
    const { v1 } = await bundles();
    const mirror = await mirrorFromBundle(v1.outDir, join(root, 'mirror'));
    await writeFile(join(mirror, versionFolderRef(v1.versionId), 'fr', 'index.html'), 'short');
    const logs: string[] = [];
    const server = await serve(mirror, { onLog: (line) => logs.push(line) });
    expect((await get(server, '/fr/')).status).toBe(500);
    expect(logs.join('\n')).toContain('"fr/index.html" of the mirror has 5 bytes');
  });
});

describe('server: caching', () => {
  it('keeps hashed assets for a year, and revalidates pages and other files', async () => {
    const server = await serve((await bundles()).v1.outDir);
    const cases: Array<[string, string]> = [
      ['/_astro/site.a1b2c3d4.css', IMMUTABLE],
      ['/pagefind/fragment/en_9c0d1e2f.pf_fragment', IMMUTABLE],
      ['/pagefind/pagefind-entry.json', 'no-cache'],
      ['/fr/', 'no-cache'],
      ['/images/photo.webp', 'no-cache'],
    ];
    for (const [path, cacheControl] of cases) {
      expect([path, (await get(server, path)).headers['cache-control']]).toEqual([path, cacheControl]);
    }
    expect(cacheControlFor('pagefind/pagefind.js')).toBe('no-cache');
    expect(contentTypeFor('FONTS/X.WOFF2')).toBe('font/woff2');
    expect(contentTypeFor('LICENSE')).toBe('application/octet-stream');
  });

  it('gives the SHA-256 from the manifest as ETag, and answers 304 when it still matches', async () => {
    const server = await serve((await bundles()).v1.outDir);
    const first = await get(server, '/fr/');
    const etag = `"${sha256(siteV1['fr/index.html']!)}"`;
    expect(first.headers.etag).toBe(etag);
    const again = await get(server, '/fr/', { 'If-None-Match': etag });
    expect([again.status, again.body.length, again.headers.etag]).toEqual([304, 0, etag]);
    expect((await get(server, '/fr/', { 'If-None-Match': `"other", W/${etag}` })).status).toBe(304);
    expect((await get(server, '/fr/', { 'If-None-Match': '"other"' })).status).toBe(200);
  });

  it('answers HEAD with the headers and no body', async () => {
    const server = await serve((await bundles()).v1.outDir);
    const reply = await get(server, '/images/photo.webp', {}, 'HEAD');
    expect([reply.status, reply.headers['content-length'], reply.body.length]).toEqual([200, '48000', 0]);
  });
});

describe('server: under a sub-path', () => {
  it('serves under --base, redirecting the bare base and the root to it', async () => {
    const server = await serve((await bundles()).v1.outDir, { base: '/iom/' });
    expect((await get(server, '/iom/fr/')).body.toString()).toBe(siteV1['fr/index.html']);
    expect((await get(server, '/iom')).headers.location).toBe('/iom/');
    expect((await get(server, '/')).headers.location).toBe('/iom/');
    expect((await get(server, '/fr/')).status).toBe(404);
    expect((await get(server, '/iom/_mirror/CURRENT')).body.toString()).toBe(`${(await bundles()).v1.versionId}\n`);
  });

  it('takes the base recorded in the manifest when none is given', async () => {
    const server = await serve((await bundlesUnderBase()).v1.outDir);
    expect((await get(server, '/iom/')).body.toString()).toBe(siteV1['index.html']);
    expect((await get(server, '/index.html')).status).toBe(404);
  });

  it('accepts only plain bases', () => {
    expect(normalizeBase('iom')).toBe('/iom/');
    expect(normalizeBase('/iom/field/')).toBe('/iom/field/');
    expect(normalizeBase('')).toBe('/');
    expect(() => normalizeBase('/../x/')).toThrow('is not a simple URL path');
    expect(() => normalizeBase('/a b/')).toThrow('is not a simple URL path');
  });
});

describe('server: a sync switches the version', () => {
  it('serves the new version as soon as CURRENT changes, without a restart', async () => {
    const root = await temp.make();
    const { v1, v2 } = await bundles();
    const mirror = await mirrorFromBundle(v1.outDir, join(root, 'mirror'));
    const server = await serve(mirror);
    expect((await get(server, '/')).body.toString()).toBe(siteV1['index.html']);

    await syncMirror({ source: v2.outDir, mirrorDir: mirror });
    expect((await get(server, '/')).body.toString()).toBe(siteV2['index.html']);
    expect((await get(server, '/fr/nouvelles/')).status).toBe(200);

    const old = await readStoredVersion(mirror, v1.versionId);
    await switchCurrent(mirror, v1.versionId, old.manifest);
    expect((await get(server, '/')).body.toString()).toBe(siteV1['index.html']);
    expect((await get(server, '/fr/nouvelles/')).status).toBe(404);
  });

  it('publishes the mirror layout for sync clients under _mirror/', async () => {
    const { v1 } = await bundles();
    const server = await serve(v1.outDir);
    const manifest = await get(server, `/_mirror/${manifestRef(v1.versionId)}`);
    expect(manifest.body.equals(v1.manifestBytes)).toBe(true);
    expect((await get(server, `/_mirror/versions/${v1.versionId}.manifest.sig`)).body.toString()).toBe(v1.signature);
    const file = await get(server, `/_mirror/versions/${v1.versionId}/fr/index.html`);
    expect([file.status, file.headers['cache-control']]).toEqual([200, IMMUTABLE]);
    expect((await get(server, '/_mirror/versions/0123456789abcdef/fr/index.html')).status).toBe(404);
  });
});

describe('server: helpers', () => {
  it('decodes request paths and refuses those that leave the site', () => {
    expect(decodeRequestPath('ar/%D8%A7%D9%84%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/')).toBe('ar/الأخبار/');
    expect(decodeRequestPath('')).toBe('');
    expect(decodeRequestPath('..%2F..%2Fetc/passwd')).toBeUndefined();
    expect(decodeRequestPath('a/%2e%2e/b')).toBeUndefined();
    expect(decodeRequestPath('a%5Cb')).toBeUndefined();
    expect(decodeRequestPath('%E0%A4%A')).toBeUndefined();
  });

  it('lists every IPv4 address of the machine when listening on all of them', () => {
    const interfaces = {
      lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
      eth0: [
        { address: '192.168.1.10', family: 'IPv4', internal: false },
        { address: 'fe80::1', family: 'IPv6', internal: false },
      ],
    } as unknown as Parameters<typeof lanUrls>[3];
    expect(lanUrls('0.0.0.0', 8080, '/iom/', interfaces)).toEqual([
      'http://192.168.1.10:8080/iom/',
      'http://localhost:8080/iom/',
    ]);
    expect(lanUrls('127.0.0.1', 8080, '/')).toEqual(['http://127.0.0.1:8080/']);
  });
});
