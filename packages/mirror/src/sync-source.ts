import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { MirrorError, hasErrorCode } from './mirror-error.ts';
import { inMirror } from './mirror-layout.ts';

/**
 * Where a sync reads a newer mirror from. Both kinds expose the same mirror layout (see `mirror-layout.ts`), read by
 * references such as `CURRENT` or `versions/<id>/fr/index.html`:
 *
 * - a folder: another mirror or a bundle, for example on a USB stick;
 * - an http(s) URL: another office's `mirror serve`, which publishes the layout under `<base>_mirror/`.
 */
export interface MirrorSource {
  kind: 'folder' | 'http';
  /** How to name the source in messages. */
  label: string;
  /** Reads a small file whole, refusing anything longer than `maxBytes`. */
  readSmall(ref: string, maxBytes: number): Promise<Buffer>;
  /** Streams a file. Errors while streaming surface from the iteration. */
  readStream(ref: string, signal?: AbortSignal): Promise<AsyncIterable<Uint8Array>>;
}

/** Options for `openSource`. */
export interface OpenSourceOptions {
  /** For URLs: give up on a request when no byte arrives for this long. Default 60 s. */
  idleTimeoutMs?: number;
}

/**
 * Opens a sync source from what the user typed: an `http://` or `https://` URL, or a folder path.
 *
 * @example
 * openSource('http://192.168.1.10:8080/iom/') // reads http://192.168.1.10:8080/iom/_mirror/CURRENT, …
 * openSource('/media/usb/iom-bundle')        // reads /media/usb/iom-bundle/CURRENT, …
 */
export function openSource(source: string, options: OpenSourceOptions = {}): MirrorSource {
  if (/^https?:\/\//i.test(source)) return httpSource(source, options.idleTimeoutMs ?? 60_000);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
    throw new MirrorError(`Cannot sync from "${source}": only folders and http(s):// addresses are supported.`);
  }
  return folderSource(resolve(source));
}

function folderSource(root: string): MirrorSource {
  const missing = (ref: string): MirrorError =>
    new MirrorError(
      `The source folder ${root} has no ${ref}.`,
      'Check that the source is a mirror folder or a bundle made by "mirror build" (it has a CURRENT file and a versions/ folder).',
    );
  return {
    kind: 'folder',
    label: root,
    async readSmall(ref, maxBytes) {
      let handle;
      try {
        handle = await open(inMirror(root, ref), 'r');
      } catch (error) {
        if (hasErrorCode(error, 'ENOENT', 'ENOTDIR', 'EISDIR')) throw missing(ref);
        throw error;
      }
      try {
        const { size } = await handle.stat();
        if (size > maxBytes)
          throw new MirrorError(`${ref} in ${root} is too large (${size} bytes) to be what it claims.`);
        return await handle.readFile();
      } finally {
        await handle.close();
      }
    },
    async readStream(ref) {
      const path = inMirror(root, ref);
      // Open first, so that a missing file is reported as such rather than as a stream error.
      let handle;
      try {
        handle = await open(path, 'r');
      } catch (error) {
        if (hasErrorCode(error, 'ENOENT', 'ENOTDIR', 'EISDIR')) throw missing(ref);
        throw error;
      }
      return handle.createReadStream() as AsyncIterable<Uint8Array>;
    },
  };
}

function httpSource(address: string, idleTimeoutMs: number): MirrorSource {
  const base = new URL(address.endsWith('/') ? address : `${address}/`);
  const mirrorBase = new URL('_mirror/', base);
  const urlOf = (ref: string): URL => new URL(ref.split('/').map(encodeURIComponent).join('/'), mirrorBase);

  async function request(ref: string, outer?: AbortSignal): Promise<{ body: AsyncIterable<Uint8Array>; url: URL }> {
    const url = urlOf(ref);
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
      response = await fetch(url, { signal: controller.signal, headers: { 'accept-encoding': 'identity' } });
    } catch (error) {
      done();
      throw networkError(url, error, controller.signal.aborted && !outer?.aborted, idleTimeoutMs);
    }
    if (response.status !== 200 || response.body === null) {
      done();
      await response.body?.cancel().catch(() => {});
      throw new MirrorError(
        `The source ${base.href} answered "${response.status} ${response.statusText}" for ${url.href}.`,
        response.status === 404
          ? 'Check the address: it should be one printed by "mirror serve" on the other computer. If that mirror was updated during this sync, run the command again.'
          : undefined,
      );
    }
    const stream = response.body;
    async function* body(): AsyncGenerator<Uint8Array> {
      try {
        for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
          arm();
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

  return {
    kind: 'http',
    label: base.href,
    async readSmall(ref, maxBytes) {
      const { body, url } = await request(ref);
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of body) {
        size += chunk.length;
        if (size > maxBytes)
          throw new MirrorError(`${url.href} is too large (over ${maxBytes} bytes) to be what it claims.`);
        chunks.push(chunk);
      }
      return Buffer.concat(chunks);
    },
    async readStream(ref, signal) {
      return (await request(ref, signal)).body;
    },
  };
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
    'Check that the other computer is on and running "mirror serve", and that this address is right; then run the command again. Files already checked are kept.',
  );
}
