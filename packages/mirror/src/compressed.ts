import { gunzipSync, gzipSync } from 'node:zlib';
import { MirrorError } from './mirror-error.ts';

/**
 * Compresses metadata for the wire and the disk with gzip, which every Node has (`node:zlib`) and every web server
 * can serve as a plain file. Names never depend on these bytes (parts are named by the hash of their text), so a
 * different zlib giving other bytes changes nothing that is signed.
 *
 * @example
 * await writeFile('parts/3f2a….json.gz', compress(partText));
 */
export function compress(bytes: Uint8Array): Buffer {
  return gzipSync(bytes, { level: 9 });
}

/**
 * Decompresses what `compress` made, refusing to produce more than `maxBytes` (a hostile source cannot fill the memory
 * with a small file). Bytes that are not gzip are returned as they are: some web servers decode `.gz` files on the way
 * (`Content-Encoding: gzip`) and `fetch` undoes it. Either way the caller checks the result against a signed hash.
 *
 * @throws MirrorError when the data is damaged or longer than `maxBytes`.
 */
export function decompress(bytes: Uint8Array, maxBytes: number, where: string): Buffer {
  if (!isGzip(bytes)) {
    if (bytes.length > maxBytes) throw new MirrorError(`${where} is larger (${bytes.length} bytes) than announced.`);
    return Buffer.from(bytes);
  }
  try {
    return gunzipSync(bytes, { maxOutputLength: Math.max(1, maxBytes) });
  } catch (error) {
    const tooLong = (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError;
    throw new MirrorError(
      tooLong
        ? `${where} decompresses to more than the ${maxBytes} bytes announced.`
        : `${where} is damaged: it cannot be decompressed (${(error as Error).message}).`,
    );
  }
}

/** Do these bytes start like a gzip stream? */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}
