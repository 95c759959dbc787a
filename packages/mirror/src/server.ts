import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { open, readFile, stat } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import type { NetworkInterfaceInfo } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { MirrorError, hasErrorCode } from './mirror-error.ts';
import {
  CURRENT_FILE,
  compressedManifestRef,
  inMirror,
  manifestRef,
  parseCurrent,
  partRef,
  readStoredVersion,
  signatureRef,
  versionFolderRef,
} from './mirror-layout.ts';
import { isSha256, isVersionId } from './manifest.ts';
import type { Manifest, ManifestFile } from './manifest.ts';
import { diskPath } from './site-files.ts';
import { CHANNEL_POINTER, SYNC_PREFIX } from './sync-source.ts';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsl': 'text/xsl; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.mp3': 'audio/mpeg',
  // Pagefind's index files are opaque binary data for its own script.
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
};

/**
 * The `Content-Type` for a site path, from its extension (any case). Unknown types are sent as bytes.
 *
 * @example
 * contentTypeFor('fr/index.html') // 'text/html; charset=utf-8'
 * contentTypeFor('pagefind/index/en_5e6f7a8b.pf_index') // 'application/octet-stream'
 */
export function contentTypeFor(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return (dot > 0 && CONTENT_TYPES[name.slice(dot).toLowerCase()]) || 'application/octet-stream';
}

/** Cache-Control for files whose name changes whenever their content does. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The `Cache-Control` for a site path. Only files whose names carry a content hash may be kept for a year without
 * asking: Astro's `_astro/` assets and Pagefind's `.pf_*` files. Everything else — pages, but also images and PDFs
 * at fixed addresses, which a sync can change — is revalidated on each use; on a local network the answer is a
 * tiny `304 Not Modified` thanks to the ETag (the file's SHA-256 from the manifest).
 *
 * @example
 * cacheControlFor('_astro/site.a1b2c3d4.css') // 'public, max-age=31536000, immutable'
 * cacheControlFor('fr/index.html') // 'no-cache'
 */
export function cacheControlFor(path: string): string {
  if (path.startsWith('_astro/')) return IMMUTABLE;
  if (/\.(pf_meta|pf_index|pf_fragment)$/i.test(path)) return IMMUTABLE;
  return 'no-cache';
}

/**
 * Checks a `--base` and gives it one leading and one trailing slash. Only plain URL characters are accepted, so that
 * the base can be compared with request paths as they arrive.
 *
 * @example
 * normalizeBase('iom') // '/iom/'
 * normalizeBase('/') // '/'
 */
export function normalizeBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '/';
  if (
    !/^[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*$/.test(trimmed) ||
    trimmed.split('/').some((part) => /^\.+$/.test(part))
  ) {
    throw new MirrorError(
      `The base "${base}" is not a simple URL path.`,
      'Use letters, digits, "-", "_", "." and "~" between slashes, for example --base /iom/.',
    );
  }
  return `/${trimmed}/`;
}

/** What the mirror server needs. */
export interface MirrorServerOptions {
  /** The mirror folder (with `CURRENT` and `versions/`). */
  mirrorDir: string;
  /** The URL sub-path to serve under. Default: the `base` recorded in the current manifest, else `/`. */
  base?: string | undefined;
  /** Where to write errors (and each request when `logRequests`). */
  onLog?: ((line: string) => void) | undefined;
  logRequests?: boolean | undefined;
}

interface VersionIndex {
  id: string;
  manifest: Manifest;
  folder: string;
  files: Map<string, ManifestFile>;
  folders: Set<string>;
}

// CURRENT is re-read when its stat changes, and at least this often: FAT32 keeps times to 2 s, so two quick swaps
// could otherwise look alike.
const CURRENT_MAX_AGE_MS = 2000;
const KEPT_VERSIONS = 4;

/**
 * The request handler of the mirror server, for use with `node:http` (see `createMirrorServer`). It serves the current
 * version at the base, following `CURRENT` without a restart, and the sync protocol under `<base>_mirror/`.
 * Only files listed in the version's manifest are served: nothing else in the folder is reachable, whatever the URL.
 *
 * @example
 * http.createServer(createMirrorRequestHandler({ mirrorDir: '/media/usb/iom' })).listen(8080);
 */
export function createMirrorRequestHandler(
  options: MirrorServerOptions,
): (request: IncomingMessage, response: ServerResponse) => void {
  const mirrorDir = resolve(options.mirrorDir);
  const fixedBase = options.base === undefined ? undefined : normalizeBase(options.base);
  const log = options.onLog ?? (() => {});
  let current: { id: string; stamp: string; readAt: number } | undefined;
  const versions = new Map<string, Promise<VersionIndex>>();

  async function currentId(): Promise<string | undefined> {
    const path = join(mirrorDir, CURRENT_FILE);
    let stamp: string;
    try {
      const info = await stat(path);
      stamp = `${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
    } catch (error) {
      if (hasErrorCode(error, 'ENOENT', 'ENOTDIR')) return undefined;
      throw error;
    }
    if (current === undefined || current.stamp !== stamp || Date.now() - current.readAt > CURRENT_MAX_AGE_MS) {
      current = { id: parseCurrent(await readFile(path, 'utf8'), path), stamp, readAt: Date.now() };
    }
    return current.id;
  }

  function versionIndex(id: string): Promise<VersionIndex> {
    let index = versions.get(id);
    if (index === undefined) {
      index = loadVersionIndex(mirrorDir, id);
      versions.set(id, index);
      index.catch(() => versions.delete(id));
      // Keep a few: the current version, the previous one, and those a sync client is still reading.
      if (versions.size > KEPT_VERSIONS) versions.delete(versions.keys().next().value!);
    }
    return index;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return sendText(request, response, 405, 'Method not allowed: this server only reads.');
    }
    const url = new URL(request.url ?? '/', 'http://mirror.invalid');
    const id = await currentId();
    // A damaged current version must not stop the sync protocol: clients check everything they fetch, and the
    // other versions this server holds may still be good. Site pages get the error below.
    let index: VersionIndex | undefined;
    let damage: Error | undefined;
    if (id !== undefined) index = await versionIndex(id).catch((error: unknown) => void (damage = error instanceof Error ? error : new Error(String(error))));
    const base = fixedBase ?? (index?.manifest.base === undefined ? '/' : normalizeBase(index.manifest.base));

    const { pathname } = url;
    if (!pathname.startsWith(base)) {
      if (pathname === base.slice(0, -1) || pathname === '/') return redirect(response, `${base}${url.search}`);
      return sendText(request, response, 404, `Not found. This mirror is served under ${base}`);
    }
    const raw = pathname.slice(base.length);
    const path = decodeRequestPath(raw);
    if (path === undefined) return sendText(request, response, 400, 'Bad request: this path is not allowed.');

    if (path === SYNC_PREFIX || path.startsWith(`${SYNC_PREFIX}/`)) {
      return serveSyncProtocol(request, response, path.slice(SYNC_PREFIX.length + 1));
    }
    // A sync client first asks whether this address is a channel: a short answer, not the site's 404 page.
    if (path === CHANNEL_POINTER && !index?.files.has(path)) return sendText(request, response, 404, 'Not a channel.');
    if (damage !== undefined) throw damage;
    if (index === undefined) {
      return sendText(request, response, 503, 'This mirror has no current version yet (no CURRENT file).');
    }

    const directory = path === '' || path.endsWith('/');
    const wanted = directory ? `${path}index.html` : path;
    const file = index.files.get(wanted);
    if (file) return sendFile(request, response, index, file, cacheControlFor(file.path));
    if (!directory && index.folders.has(path)) return redirect(response, `${pathname}/${url.search}`);
    // Astro's build.format "file" writes /about as about.html.
    const page = directory ? undefined : index.files.get(`${path}.html`);
    if (page) return sendFile(request, response, index, page, cacheControlFor(page.path));
    return sendNotFound(request, response, index, path);
  }

  async function serveSyncProtocol(request: IncomingMessage, response: ServerResponse, ref: string): Promise<void> {
    if (ref === CURRENT_FILE) {
      const id = await currentId();
      if (id === undefined) return sendText(request, response, 404, 'This mirror has no current version.');
      return sendBytes(request, response, 200, Buffer.from(`${id}\n`), 'text/plain; charset=utf-8');
    }
    const part = /^parts\/([0-9a-f]{64})\.json\.gz$/.exec(ref)?.[1];
    if (part !== undefined && isSha256(part)) {
      // Named by the hash of their content: the same name always holds the same part.
      return sendMetadata(request, response, partRef(part), 'application/gzip', IMMUTABLE, 'This mirror has no such part.');
    }
    const match = /^versions\/([0-9a-f]{16})(\.manifest\.json|\.manifest\.json\.gz|\.manifest\.sig|\/(.+))$/.exec(ref);
    const id = match?.[1];
    if (match === null || id === undefined || !isVersionId(id)) return sendText(request, response, 404, 'Not found.');
    if (match[3] === undefined) {
      const [file, type] =
        match[2] === '.manifest.json'
          ? [manifestRef(id), 'application/json; charset=utf-8']
          : match[2] === '.manifest.json.gz'
            ? [compressedManifestRef(id), 'application/gzip']
            : [signatureRef(id), 'text/plain; charset=utf-8'];
      return sendMetadata(request, response, file, type, IMMUTABLE, `This mirror has no version ${id}.`);
    }
    let index: VersionIndex;
    try {
      index = await versionIndex(id);
    } catch {
      return sendText(request, response, 404, `This mirror has no version ${id}.`);
    }
    const file = index.files.get(match[3] ?? '');
    if (!file) return sendText(request, response, 404, `Version ${id} has no such file.`);
    // Under a version id, a path always holds the same bytes.
    return sendFile(request, response, index, file, IMMUTABLE);
  }

  /** Sends a metadata file of the mirror (root, signature, part) as it is on disk. */
  async function sendMetadata(
    request: IncomingMessage,
    response: ServerResponse,
    ref: string,
    type: string,
    cacheControl: string,
    notFound: string,
  ): Promise<void> {
    let bytes: Buffer;
    try {
      bytes = await readFile(inMirror(mirrorDir, ref));
    } catch (error) {
      if (hasErrorCode(error, 'ENOENT')) return sendText(request, response, 404, notFound);
      throw error;
    }
    response.setHeader('Cache-Control', cacheControl);
    return sendBytes(request, response, 200, bytes, type);
  }

  async function sendFile(
    request: IncomingMessage,
    response: ServerResponse,
    index: VersionIndex,
    file: ManifestFile,
    cacheControl: string,
    status = 200,
  ): Promise<void> {
    const etag = `"${file.sha256}"`;
    if (status === 200) {
      response.setHeader('ETag', etag);
      response.setHeader('Cache-Control', cacheControl);
      if (etagMatches(request.headers['if-none-match'], etag)) {
        response.statusCode = 304;
        response.end();
        return;
      }
    } else {
      response.setHeader('Cache-Control', 'no-cache');
    }
    const path = diskPath(index.folder, file.path);
    // Manifest paths are checked when the manifest is read; this is the second lock on the same door.
    if (!path.startsWith(index.folder + sep)) return sendText(request, response, 400, 'Bad request.');
    let handle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      if (!hasErrorCode(error, 'ENOENT', 'EISDIR', 'ENOTDIR')) throw error;
      return sendDamaged(request, response, file, 'is missing');
    }
    const { size } = await handle.stat();
    if (size !== file.size) {
      await handle.close();
      return sendDamaged(request, response, file, `has ${size} bytes instead of ${file.size}`);
    }
    response.statusCode = status;
    response.setHeader('Content-Type', contentTypeFor(file.path));
    response.setHeader('Content-Length', size);
    if (request.method === 'HEAD') {
      await handle.close();
      response.end();
      return;
    }
    await pipeline(handle.createReadStream(), response);
  }

  function sendDamaged(request: IncomingMessage, response: ServerResponse, file: ManifestFile, what: string): void {
    log(`The file "${file.path}" of the mirror ${what}; run "mirror verify ${mirrorDir}".`);
    response.removeHeader('ETag');
    response.setHeader('Cache-Control', 'no-store');
    sendText(
      request,
      response,
      500,
      `This file of the mirror is damaged (${file.path}). Please tell the person who looks after this computer.`,
    );
  }

  async function sendNotFound(
    request: IncomingMessage,
    response: ServerResponse,
    index: VersionIndex,
    path: string,
  ): Promise<void> {
    // The nearest 404 page: a multilingual site may have /fr/404.html as well as /404.html.
    const parts = path.split('/').slice(0, -1);
    for (let end = parts.length; end >= 0; end--) {
      const page = index.files.get([...parts.slice(0, end), '404.html'].join('/'));
      if (page) return sendFile(request, response, index, page, 'no-cache', 404);
    }
    return sendText(request, response, 404, 'Not found.');
  }

  return (request, response) => {
    const started = Date.now();
    handle(request, response)
      .catch((error: unknown) => {
        const message = error instanceof MirrorError ? error.message : ((error as Error).stack ?? String(error));
        log(`Error serving ${request.url}: ${message}`);
        if (!response.headersSent) {
          response.removeHeader('ETag');
          response.setHeader('Cache-Control', 'no-store');
          sendText(
            request,
            response,
            error instanceof MirrorError ? 503 : 500,
            'The mirror could not serve this page. Please tell the person who looks after this computer.',
          );
        } else {
          response.destroy();
        }
      })
      .finally(() => {
        if (options.logRequests)
          log(`${request.method} ${request.url} ${response.statusCode} ${Date.now() - started} ms`);
      });
  };
}

/**
 * A `node:http` server for a mirror folder, not yet listening.
 *
 * @example
 * const server = createMirrorServer({ mirrorDir: '/media/usb/iom', base: '/iom/' });
 * server.listen(8080, '0.0.0.0');
 */
export function createMirrorServer(options: MirrorServerOptions): Server {
  return createServer(createMirrorRequestHandler(options));
}

/**
 * The addresses people can type to reach the server: every IPv4 address of the machine when it listens on all of
 * them (`0.0.0.0` or `::`), else the one it listens on.
 *
 * @example
 * lanUrls('0.0.0.0', 8080, '/iom/') // ['http://192.168.1.10:8080/iom/', 'http://localhost:8080/iom/']
 */
export function lanUrls(
  host: string,
  port: number,
  base: string,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): string[] {
  if (host !== '0.0.0.0' && host !== '::' && host !== '') {
    return [`http://${host.includes(':') ? `[${host}]` : host}:${port}${base}`];
  }
  const addresses = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((info) => info.family === 'IPv4' && !info.internal)
    .map((info) => `http://${info.address}:${port}${base}`);
  return [...addresses, `http://localhost:${port}${base}`];
}

async function loadVersionIndex(mirrorDir: string, id: string): Promise<VersionIndex> {
  const { manifest } = await readStoredVersion(mirrorDir, id);
  const files = new Map(manifest.files.map((file) => [file.path, file]));
  const folders = new Set<string>();
  for (const file of manifest.files) {
    const parts = file.path.split('/');
    for (let end = 1; end < parts.length; end++) folders.add(parts.slice(0, end).join('/'));
  }
  return { id, manifest, folder: inMirror(mirrorDir, versionFolderRef(id)), files, folders };
}

/**
 * Turns the part of a URL path after the base into a site path, or `undefined` when it tries to leave the site:
 * `..` or `.` parts, encoded slashes or backslashes, NUL. A trailing `/` is kept (it asks for a folder).
 *
 * @example
 * decodeRequestPath('ar/%D8%A7%D9%84%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/') // 'ar/الأخبار/'
 * decodeRequestPath('..%2F..%2Fetc/passwd') // undefined
 */
export function decodeRequestPath(raw: string): string | undefined {
  const parts = raw.split('/');
  const decoded: string[] = [];
  for (const [position, part] of parts.entries()) {
    let name: string;
    try {
      name = decodeURIComponent(part);
    } catch {
      return undefined;
    }
    if (name === '' && position !== parts.length - 1) return undefined;
    if (name === '.' || name === '..' || /[/\\\0]/.test(name)) return undefined;
    decoded.push(name);
  }
  return decoded.join('/');
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((candidate) => {
    const value = candidate.trim();
    return value === '*' || value === etag || value === `W/${etag}`;
  });
}

function redirect(response: ServerResponse, location: string): void {
  response.statusCode = 301;
  response.setHeader('Location', location);
  response.setHeader('Cache-Control', 'no-cache');
  response.end();
}

function sendText(request: IncomingMessage, response: ServerResponse, status: number, text: string): void {
  sendBytes(request, response, status, Buffer.from(`${text}\n`, 'utf8'), 'text/plain; charset=utf-8');
}

function sendBytes(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  bytes: Buffer,
  type: string,
): void {
  response.statusCode = status;
  response.setHeader('Content-Type', type);
  response.setHeader('Content-Length', bytes.length);
  if (!response.hasHeader('Cache-Control')) response.setHeader('Cache-Control', 'no-cache');
  response.end(request.method === 'HEAD' ? undefined : bytes);
}
