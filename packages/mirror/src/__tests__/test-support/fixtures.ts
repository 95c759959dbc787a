/**
 * Shared fixtures of the mirror tests: two versions of a small multilingual site (with a right-to-left locale and a
 * non-ASCII path), bundles of them signed with the committed TEST key, temporary folders, and a test HTTP server
 * that records requests.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach } from 'vitest';
import { buildBundle } from '../../bundle.ts';
import type { BuildBundleOptions, BuildBundleResult } from '../../bundle.ts';

const keys = fileURLToPath(new URL('../../../test-keys/', import.meta.url));
/** The committed TEST key pair: for fixtures only, see test-keys/README.md. */
export const TEST_PRIVATE_KEY_FILE = join(keys, 'TEST-ONLY-mirror-private-key.pem');
export const TEST_PUBLIC_KEY_FILE = join(keys, 'TEST-ONLY-mirror-public-key.pem');
export const testPrivateKeyPem = readFileSync(TEST_PRIVATE_KEY_FILE, 'utf8');
export const testPublicKeyPem = readFileSync(TEST_PUBLIC_KEY_FILE, 'utf8');

/** The CLI entry, for the tests that spawn it. */
export const CLI = fileURLToPath(new URL('../../cli.ts', import.meta.url));

/** Reproducible pseudo-random bytes (a SHA-256 chain), so binary fixtures are the same on every run. */
export function deterministicBytes(seed: string, length: number): Buffer {
  const chunks: Buffer[] = [];
  let block = createHash('sha256').update(seed).digest();
  let size = 0;
  while (size < length) {
    chunks.push(block);
    size += block.length;
    block = createHash('sha256').update(block).digest();
  }
  return Buffer.concat(chunks).subarray(0, length);
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function page(lang: string, dir: 'ltr' | 'rtl', title: string): string {
  return `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1></body></html>\n`;
}

/** A site file's content: text or bytes. */
export type SiteFiles = Record<string, string | Buffer>;

const logo = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>\n';

/** Version 1 of the fixture site. */
export const siteV1: SiteFiles = {
  'index.html': page('en', 'ltr', 'IOM — home, version 1'),
  '404.html': page('en', 'ltr', 'Page not found'),
  'en/index.html': page('en', 'ltr', 'News'),
  'fr/index.html': page('fr', 'ltr', 'Accueil'),
  'fr/404.html': page('fr', 'ltr', 'Page introuvable'),
  'ar/index.html': page('ar', 'rtl', 'الصفحة الرئيسية، الإصدار 1'),
  'ar/الأخبار/index.html': page('ar', 'rtl', 'الأخبار'),
  '_astro/site.a1b2c3d4.css': 'body{margin:0}html[dir=rtl] h1{text-align:start}\n',
  '_astro/search.e5f6a7b8.js': 'export const version = 1;\n',
  'pagefind/pagefind.js': 'export const pagefind = true;\n',
  'pagefind/pagefind-entry.json': '{"version":"1.3.0","languages":{"en":{},"ar":{}}}\n',
  'pagefind/wasm.unknown.pagefind': deterministicBytes('pagefind-wasm', 3000),
  'pagefind/pagefind.en_1a2b3c4d.pf_meta': deterministicBytes('pf-meta', 700),
  'pagefind/index/en_5e6f7a8b.pf_index': deterministicBytes('pf-index', 900),
  'pagefind/fragment/en_9c0d1e2f.pf_fragment': deterministicBytes('pf-fragment', 400),
  'images/photo.webp': deterministicBytes('photo-v1', 48_000),
  'images/photo.avif': deterministicBytes('photo-avif', 12_000),
  'images/logo.svg': logo,
  'fonts/inter.woff2': deterministicBytes('font', 20_000),
  'sitemap.xml':
    '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n',
  'data/releases.json': '[{"slug":"iom-unhcr-train-libyan-partners"}]\n',
  'search/engine.wasm': deterministicBytes('wasm', 5000),
};

/**
 * Version 2: the home page, the Arabic home page and the photo change; a French page and a new script are added;
 * the old script is gone; the logo moved to another folder with the same content (so it must be reused, not fetched).
 */
export const siteV2: SiteFiles = (() => {
  const files: SiteFiles = { ...siteV1 };
  delete files['_astro/search.e5f6a7b8.js'];
  delete files['images/logo.svg'];
  files['index.html'] = page('en', 'ltr', 'IOM — home, version 2');
  files['ar/index.html'] = page('ar', 'rtl', 'الصفحة الرئيسية، الإصدار 2');
  files['images/photo.webp'] = deterministicBytes('photo-v2', 50_000);
  files['fr/nouvelles/index.html'] = page('fr', 'ltr', 'Nouvelles');
  files['_astro/search.0f9e8d7c.js'] = 'export const version = 2;\n';
  files['images/brand/logo.svg'] = logo;
  return files;
})();

/** The files of version 2 whose content version 1 does not have anywhere, in manifest order. */
export const changedInV2 = [
  '_astro/search.0f9e8d7c.js',
  'ar/index.html',
  'fr/nouvelles/index.html',
  'images/photo.webp',
  'index.html',
];

/** Total size in bytes of some files of a fixture site. */
export function sizeOf(files: SiteFiles, paths: readonly string[] = Object.keys(files)): number {
  return paths.reduce((sum, path) => sum + Buffer.byteLength(files[path]!), 0);
}

/** Version 3: version 2 with one more page, to test pruning. */
export const siteV3: SiteFiles = { ...siteV2, 'es/index.html': page('es', 'ltr', 'Inicio') };

/**
 * Temporary folders removed after each test. Call once at the top of a test file.
 *
 * @example
 * const temp = useTempDirs();
 * const dir = await temp.make();
 */
export function useTempDirs(): { make: (prefix?: string) => Promise<string> } {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return {
    async make(prefix = 'iom-mirror-test-') {
      const dir = await mkdtemp(join(tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
  };
}

/** The version number and date of each fixture bundle: they grow from v1 to v3, as real bundles' do. */
export const fixtureVersions: Readonly<Record<string, { version: number; created: string }>> = {
  v1: { version: 1_717_200_000, created: '2024-06-01T00:00:00Z' },
  v2: { version: 1_717_286_400, created: '2024-06-02T00:00:00Z' },
  v3: { version: 1_717_372_800, created: '2024-06-03T00:00:00Z' },
};

/** Bundles of the three fixture versions, signed with the TEST key. */
export interface FixtureBundles {
  v1: BuildBundleResult;
  v2: BuildBundleResult;
  v3: BuildBundleResult;
}

/**
 * The fixture bundles, made once per test file (on first use) and removed after it. Tests must not change them:
 * copy one first (`cp`) to tamper with it.
 *
 * @example
 * const bundles = useFixtureBundles();
 * it('…', async () => { const { v1, v2 } = await bundles(); … });
 */
export function useFixtureBundles(options: Partial<BuildBundleOptions> = {}): () => Promise<FixtureBundles> {
  let made: Promise<FixtureBundles> | undefined;
  let root: string | undefined;
  afterAll(async () => {
    if (root !== undefined) await rm(root, { recursive: true, force: true });
  });
  return () =>
    (made ??= (async () => {
      root = await mkdtemp(join(tmpdir(), 'iom-mirror-fixture-'));
      const dir = root;
      const [v1, v2, v3] = await Promise.all([
        makeBundle(dir, 'v1', siteV1, options),
        makeBundle(dir, 'v2', siteV2, options),
        makeBundle(dir, 'v3', siteV3, options),
      ]);
      return { v1, v2, v3 };
    })());
}

/** Writes a fixture site into `dir`. */
export async function writeSite(dir: string, files: SiteFiles): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const target = join(dir, ...path.split('/'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}

/**
 * Writes a fixture site under `root/<name>-site` and bundles it into `root/<name>`, signed with the TEST key. The
 * version number and date are those of `fixtureVersions[name]`, else those of v1, unless `options` says otherwise.
 */
export async function makeBundle(
  root: string,
  name: string,
  files: SiteFiles,
  options: Partial<BuildBundleOptions> = {},
): Promise<BuildBundleResult> {
  const siteDir = join(root, `${name}-site`);
  await writeSite(siteDir, files);
  const defaults = fixtureVersions[name] ?? fixtureVersions.v1!;
  return buildBundle({
    siteDir,
    outDir: join(root, name),
    privateKeyPem: testPrivateKeyPem,
    allowTestKey: true,
    includeTool: false,
    buildId: name,
    ...options,
    version: options.version ?? defaults.version,
    created: options.created ?? defaults.created,
  });
}

/** A mirror at `root/mirror` that starts as a copy of a bundle, as a field office gets it on a USB stick. */
export async function mirrorFromBundle(bundleDir: string, mirrorDir: string): Promise<string> {
  await cp(bundleDir, mirrorDir, { recursive: true });
  return mirrorDir;
}

/** A running HTTP server on 127.0.0.1 with a random port, which records the path of every request. */
export interface TestServer {
  url: string;
  requests: string[];
  /** Every byte the server sent, headers included, on every connection so far. */
  bytesSent: () => number;
  close: () => Promise<void>;
}

/** Starts `handler` on 127.0.0.1 (random port). `close` also cuts connections a test left hanging. */
export async function startTestServer(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<TestServer> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  let closedBytes = 0;
  const server: Server = createServer((request, response) => {
    requests.push(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    handler(request, response);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      closedBytes += socket.bytesWritten;
      sockets.delete(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    bytesSent: () => [...sockets].reduce((sum, socket) => sum + socket.bytesWritten, closedBytes),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * A plain static file server, as any web host is: a URL path is a file under `root`, served whole with its length,
 * anything else is 404. It knows nothing of mirrors (no `_mirror/` protocol), and records each answer's body size.
 */
export async function startStaticServer(
  root: string,
): Promise<TestServer & { served: Array<{ path: string; status: number; bytes: number }> }> {
  const served: Array<{ path: string; status: number; bytes: number }> = [];
  const server = await startTestServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = join(root, ...path.split('/').filter((name) => name !== '' && name !== '..'));
    let body: Buffer;
    try {
      body = readFileSync(file);
    } catch {
      body = Buffer.from('Not found\n');
      served.push({ path, status: 404, bytes: body.length });
      response.writeHead(404, { 'Content-Type': 'text/plain', 'Content-Length': body.length }).end(body);
      return;
    }
    served.push({ path, status: 200, bytes: body.length });
    response.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': body.length }).end(body);
  });
  return { ...server, served };
}

/** The site paths requested under `_mirror/versions/<id>/`, i.e. the files a sync fetched over HTTP. */
export function fileRequests(requests: readonly string[], versionId: string, base = '/'): string[] {
  const prefix = `${base}_mirror/versions/${versionId}/`;
  return requests.filter((path) => path.startsWith(prefix)).map((path) => path.slice(prefix.length));
}

/** Waits until `condition` holds, checking every 20 ms, for at most `timeoutMs`. */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The error a promise rejects with; fails the test if it resolves instead.
 *
 * @example
 * const error = await failureOf(syncMirror({ … }), MirrorError);
 */
export async function failureOf<T extends Error = Error>(
  promise: Promise<unknown>,
  type: abstract new (...args: never[]) => T = Error as unknown as abstract new (...args: never[]) => T,
): Promise<T> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`Expected a failure (${type.name}), but it succeeded.`);
}
