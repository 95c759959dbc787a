import { open, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { MirrorError, hasErrorCode } from './mirror-error.ts';
import { CURRENT_FILE, inMirror, parseCurrent, versionFolderRef } from './mirror-layout.ts';
import type { ManifestFile } from './manifest.ts';

/** The pointer file of a channel folder: the id of the newest version, the only file a channel ever replaces. */
export const CHANNEL_POINTER = 'LATEST';
/**
 * The first part of every URL of `mirror serve`'s sync protocol, after the base. Under it the server publishes the
 * mirror's own layout (`CURRENT`, `versions/<id>.manifest.json(.gz)`, `versions/<id>.manifest.sig`,
 * `parts/<sha256>.json.gz`, `versions/<id>/<file>`), which is what a sync reads from a folder too. `mirror build`
 * refuses a site with a top-level `_mirror/`, so nothing of the site is hidden.
 */
export const SYNC_PREFIX = '_mirror';

/**
 * Where a site file of a channel lives: under its SHA-256, gzip-compressed. The same content has the same name in
 * every version, so a channel stores it once and any web cache can keep it forever.
 *
 * @example
 * objectRef('3f2a…') // 'objects/3f/3f2a….gz'
 */
export function objectRef(sha256: string): string {
  return `objects/${sha256.slice(0, 2)}/${sha256}.gz`;
}

/**
 * How the files of a source are laid out:
 *
 * - `mirror`: a mirror folder or a bundle (`CURRENT`, `versions/<id>/<path>`), read from disk, from any web server
 *   that serves the folder as plain files, or from `mirror serve` (which publishes it under `_mirror/`);
 * - `channel`: a channel folder written by `mirror publish` (`LATEST`, site files under `objects/` by hash,
 *   compressed), from disk or any web server.
 *
 * Both have the same metadata: `versions/<id>.manifest.json(.gz)`, `versions/<id>.manifest.sig`, `parts/<sha>.json.gz`.
 */
export type SourceLayout = 'mirror' | 'channel';

/**
 * Where a sync reads a newer version from: a folder or an http(s) address, with either layout. Files are read by
 * references relative to the layout's root, such as `versions/<id>.manifest.sig`.
 */
export interface MirrorSource {
  kind: 'folder' | 'http';
  /** How to name the source in messages. */
  label: string;
  /** Finds the layout (the first call) and reads the id of the version the source offers. */
  readPointer(): Promise<{ id: string; layout: SourceLayout }>;
  /** Reads a small file whole, refusing anything longer than `maxBytes`. `undefined` when absent and `optional`. */
  readSmall(ref: string, maxBytes: number, options?: { optional?: boolean }): Promise<Buffer | undefined>;
  /** Streams a file. Errors while streaming surface from the iteration. */
  readStream(ref: string, signal?: AbortSignal): Promise<AsyncIterable<Uint8Array>>;
  /** Every byte received from the source so far (bodies, before decompression): what the link carried. */
  bytesReceived(): number;
}

/** Options for `openSource`. */
export interface OpenSourceOptions {
  /** For URLs: give up on a request when no byte arrives for this long. Default 60 s. */
  idleTimeoutMs?: number | undefined;
}

/**
 * Opens a sync source from what the user typed: an `http://` or `https://` URL, or a folder path. Nothing is read
 * until `readPointer`.
 *
 * @example
 * openSource('https://www.example.org/iom-mirror/') // a channel or a bundle on any web server
 * openSource('http://192.168.1.10:8080/iom/')       // another office's "mirror serve"
 * openSource('/media/usb/iom-bundle')                // a bundle, a mirror or a channel on a USB stick
 */
export function openSource(source: string, options: OpenSourceOptions = {}): MirrorSource {
  if (/^https?:\/\//i.test(source)) return httpSource(source, options.idleTimeoutMs ?? 60_000);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
    throw new MirrorError(`Cannot sync from "${source}": only folders and http(s):// addresses are supported.`);
  }
  return folderSource(resolve(source));
}

/**
 * Reads a site file of a version from a source, as the plain bytes of the file whatever the layout: channel objects
 * are decompressed on the way (unless the web server already did, as some do for `.gz` files).
 */
export async function readSiteFile(
  source: MirrorSource,
  layout: SourceLayout,
  id: string,
  file: ManifestFile,
  signal?: AbortSignal,
): Promise<AsyncIterable<Uint8Array>> {
  if (layout === 'mirror') return source.readStream(`${versionFolderRef(id)}/${file.path}`, signal);
  const stream = await source.readStream(objectRef(file.sha256), signal);
  return gunzipUnlessPlain(stream);
}

/**
 * Decompresses a gzip stream; passes it on unchanged when it does not start like gzip (a web server that answered
 * with `Content-Encoding: gzip`, which `fetch` undid). The caller checks size and hash of what comes out.
 */
async function* gunzipUnlessPlain(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done === true) return;
  const head = first.value;
  const rest: AsyncIterable<Uint8Array> = {
    [Symbol.asyncIterator]: () => iterator,
  };
  if (!(head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b)) {
    yield head;
    yield* rest;
    return;
  }
  const gunzip = createGunzip();
  const input = Readable.from(
    (async function* () {
      yield head;
      yield* rest;
    })(),
  );
  input.on('error', (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) yield chunk;
  } finally {
    input.destroy();
    gunzip.destroy();
  }
}

function folderSource(root: string): MirrorSource {
  let base: string | undefined;
  let received = 0;
  const missing = (ref: string): MirrorError =>
    new MirrorError(
      `The source folder ${base ?? root} has no ${ref}.`,
      'Check that the source is a bundle made by "mirror build", a mirror, or a channel made by "mirror publish".',
    );
  const openFile = async (ref: string) => {
    try {
      return await open(inMirror(base ?? root, ref), 'r');
    } catch (error) {
      if (hasErrorCode(error, 'ENOENT', 'ENOTDIR', 'EISDIR')) return undefined;
      throw error;
    }
  };
  const source: MirrorSource = {
    kind: 'folder',
    label: root,
    async readPointer() {
      for (const [layout, pointer] of [
        ['channel', CHANNEL_POINTER],
        ['mirror', CURRENT_FILE],
      ] as const) {
        if (!(await stat(inMirror(root, pointer)).catch(() => undefined))?.isFile()) continue;
        base = root;
        const text = (await source.readSmall(pointer, 1024))!.toString('utf8');
        return { id: parseCurrent(text, `The ${pointer} file of ${root}`), layout };
      }
      throw new MirrorError(
        `The folder ${root} is not a mirror, a bundle or a channel: it has no ${CURRENT_FILE} or ${CHANNEL_POINTER} file.`,
        'Give the folder of a bundle made by "pnpm mirror" (or "mirror build"), of another mirror, or of a channel.',
      );
    },
    async readSmall(ref, maxBytes, options = {}) {
      const handle = await openFile(ref);
      if (handle === undefined) {
        if (options.optional) return undefined;
        throw missing(ref);
      }
      try {
        const { size } = await handle.stat();
        if (size > maxBytes)
          throw new MirrorError(`${ref} in ${root} is too large (${size} bytes) to be what it claims.`);
        const bytes = await handle.readFile();
        received += bytes.length;
        return bytes;
      } finally {
        await handle.close();
      }
    },
    async readStream(ref) {
      // Open first, so that a missing file is reported as such rather than as a stream error.
      const handle = await openFile(ref);
      if (handle === undefined) throw missing(ref);
      const stream = handle.createReadStream();
      return (async function* () {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          received += chunk.length;
          yield chunk;
        }
      })();
    },
    bytesReceived: () => received,
  };
  return source;
}

function httpSource(address: string, idleTimeoutMs: number): MirrorSource {
  const given = new URL(address.endsWith('/') ? address : `${address}/`);
  let base: URL | undefined;
  let received = 0;
  const urlOf = (ref: string, from = base ?? given): URL =>
    new URL(ref.split('/').map(encodeURIComponent).join('/'), from);

  async function request(
    url: URL,
    outer?: AbortSignal,
    options: { optional?: boolean; revalidate?: boolean } = {},
  ): Promise<{ body: AsyncIterable<Uint8Array>; url: URL } | undefined> {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => controller.abort(), idleTimeoutMs);
      // The open connection keeps the process alive while a download runs; the timer alone must not.
      timer.unref();
    };
    const onOuterAbort = (): void => controller.abort();
    outer?.addEventListener('abort', onOuterAbort);
    const done = (): void => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
    };
    arm();
    let response: Response;
    try {
      // The pointer names the newest version, so a cache on the way must ask the server again; every other file is
      // named by its content (or its version) and never changes.
      const headers: Record<string, string> = { 'accept-encoding': 'identity' };
      if (options.revalidate) headers['cache-control'] = 'no-cache';
      response = await fetch(url, { signal: controller.signal, headers });
    } catch (error) {
      done();
      throw networkError(url, error, controller.signal.aborted && !outer?.aborted, idleTimeoutMs);
    }
    if (response.status !== 200 || response.body === null) {
      done();
      // A body is still counted: it crossed the link.
      const body = await response.arrayBuffer().catch(() => new ArrayBuffer(0));
      received += body.byteLength;
      if (options.optional && (response.status === 404 || response.status === 410)) return undefined;
      throw new HttpStatusError(
        response.status,
        `The source ${given.href} answered "${response.status} ${response.statusText}" for ${url.href}.`,
        response.status === 404
          ? 'Check the address: it should be the address of a channel or a bundle, or one printed by "mirror serve". If the source was updated during this sync, run the command again.'
          : undefined,
      );
    }
    const stream = response.body;
    async function* body(): AsyncGenerator<Uint8Array> {
      try {
        for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
          arm();
          received += chunk.length;
          yield chunk;
        }
      } catch (error) {
        throw networkError(url, error, controller.signal.aborted && !outer?.aborted, idleTimeoutMs);
      } finally {
        done();
        // Stops the download when the consumer stops early (too many bytes, another file failed).
        if (!stream.locked) await stream.cancel().catch(() => {});
        controller.abort();
      }
    }
    return { body: body(), url };
  }

  async function readAll(body: AsyncIterable<Uint8Array>, url: URL, maxBytes: number): Promise<Buffer> {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of body) {
      size += chunk.length;
      if (size > maxBytes)
        throw new MirrorError(`${url.href} is too large (over ${maxBytes} bytes) to be what it claims.`);
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  }

  return {
    kind: 'http',
    label: given.href,
    async readPointer() {
      // A channel first: it is what headquarters publishes for thin links, where a wasted request costs most.
      // Then another office's "mirror serve", then a bundle or mirror folder put on a web server as it is.
      const candidates: Array<[SourceLayout, URL, string]> = [
        ['channel', given, CHANNEL_POINTER],
        ['mirror', new URL(`${SYNC_PREFIX}/`, given), CURRENT_FILE],
        ['mirror', given, CURRENT_FILE],
      ];
      const refusals: string[] = [];
      for (const [layout, from, pointer] of candidates) {
        const url = urlOf(pointer, from);
        let answer;
        try {
          answer = await request(url, undefined, { optional: true, revalidate: true });
        } catch (error) {
          // A server error on one address may be a damaged mirror behind another; an unreachable host is not.
          if (!(error instanceof HttpStatusError)) throw error;
          refusals.push(`"${error.status}" for ${url.href}`);
          continue;
        }
        if (answer === undefined) continue;
        base = from;
        const text = (await readAll(answer.body, url, 1024)).toString('utf8');
        return { id: parseCurrent(text, `The ${pointer} file of ${given.href}`), layout };
      }
      throw new MirrorError(
        `Found no mirror at ${given.href}: it has no ${CHANNEL_POINTER}, ${SYNC_PREFIX}/${CURRENT_FILE} or ${CURRENT_FILE}` +
          `${refusals.length === 0 ? '' : ` (it answered ${refusals.join(', ')})`}.`,
        'Check the address: it should be that of a channel or a bundle on a web server, or one printed by "mirror serve".',
      );
    },
    async readSmall(ref, maxBytes, options = {}) {
      const url = urlOf(ref);
      const answer = await request(url, undefined, { optional: options.optional === true });
      if (answer === undefined) return undefined;
      return readAll(answer.body, url, maxBytes);
    },
    async readStream(ref, signal) {
      return (await request(urlOf(ref), signal))!.body;
    },
    bytesReceived: () => received,
  };
}

/** A web server answered with another status than 200. */
class HttpStatusError extends MirrorError {
  readonly status: number;
  constructor(status: number, message: string, fix?: string) {
    super(message, fix);
    this.status = status;
  }
}

function networkError(url: URL, error: unknown, timedOut: boolean, idleTimeoutMs: number): MirrorError {
  if (error instanceof MirrorError) return error;
  if (timedOut) {
    return new MirrorError(
      `The source stopped sending data: nothing arrived from ${url.href} for ${Math.round(idleTimeoutMs / 1000)} s.`,
      'Check the connection, then run the command again; files already checked are kept and not downloaded again.',
    );
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const detail = cause?.code ?? cause?.message ?? (error as Error).message;
  return new MirrorError(
    `Could not download ${url.href} (${detail}).`,
    'Check the connection and that this address is right (the other computer is on and running "mirror serve", or the web server is reachable); then run the command again. Files already checked are kept.',
  );
}
