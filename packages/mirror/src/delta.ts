import { createHash } from 'node:crypto';
import { MirrorError } from './mirror-error.ts';

/**
 * Byte deltas: a new version of a file described as copies from the old version and the bytes that are new, so that
 * an office holding the old file receives only what changed (as Debian's pdiffs do for its indexes, or zsync for
 * files). Both versions are cut at content-defined boundaries (a gear hash, as in FastCDC and casync), so an edit in
 * the middle of a page moves no boundary outside the edit, and the chunks around it are found in the old file.
 *
 * A delta is a list of instructions, each a LEB128 number `length * 2 + kind` followed by its data:
 * kind 0 "add" (`length` new bytes follow), kind 1 "copy" (the offset in the old file follows, as another number).
 */

const MIN_CHUNK = 16;
const MAX_CHUNK = 1024;
/** The top 6 bits of the gear hash are 0 about once in 64 bytes: chunks of about 64 + MIN_CHUNK bytes. */
const BOUNDARY_SHIFT = 26;

/** 256 fixed pseudo-random numbers, one per byte value, from SHA-256 so that every machine cuts the same way. */
const GEAR: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let index = 0; index < 256; index += 8) {
    const block = createHash('sha256').update(`iom-mirror-gear-${index}`).digest();
    for (let offset = 0; offset < 8; offset++) table[index + offset] = block.readUInt32BE(offset * 4);
  }
  return table;
})();

/** The end offsets of the content-defined chunks of `bytes`. */
function chunkEnds(bytes: Uint8Array): number[] {
  const ends: number[] = [];
  let start = 0;
  let hash = 0;
  for (let position = 0; position < bytes.length; position++) {
    hash = ((hash << 1) + GEAR[bytes[position]!]!) >>> 0;
    const length = position + 1 - start;
    if ((length >= MIN_CHUNK && hash >>> BOUNDARY_SHIFT === 0) || length >= MAX_CHUNK) {
      ends.push(position + 1);
      start = position + 1;
      hash = 0;
    }
  }
  if (start < bytes.length) ends.push(bytes.length);
  return ends;
}

/**
 * Describes `target` as copies from `base` and added bytes. Always correct; small when the two are alike.
 *
 * @example
 * applyDelta(base, makeDelta(base, target)).equals(target) // true
 */
export function makeDelta(base: Uint8Array, target: Uint8Array): Buffer {
  const known = new Map<string, number>();
  let start = 0;
  for (const end of chunkEnds(base)) {
    const key = Buffer.from(base.subarray(start, end)).toString('latin1');
    if (!known.has(key)) known.set(key, start);
    start = end;
  }
  const out: number[] = [];
  const chunks: Buffer[] = [];
  let pendingAdd: [number, number] | undefined; // start, end in target
  let pendingCopy: [number, number] | undefined; // offset in base, length
  const flushAdd = (): void => {
    if (pendingAdd === undefined) return;
    const [from, to] = pendingAdd;
    pushNumber(out, (to - from) * 2);
    chunks.push(Buffer.from(out.splice(0)), Buffer.from(target.subarray(from, to)));
    pendingAdd = undefined;
  };
  const flushCopy = (): void => {
    if (pendingCopy === undefined) return;
    pushNumber(out, pendingCopy[1] * 2 + 1);
    pushNumber(out, pendingCopy[0]);
    chunks.push(Buffer.from(out.splice(0)));
    pendingCopy = undefined;
  };
  start = 0;
  for (const end of chunkEnds(target)) {
    const length = end - start;
    // The chunk right after the previous copy is the likeliest match: check it first, so copies stay long.
    let offset: number | undefined;
    if (pendingCopy !== undefined) {
      const next = pendingCopy[0] + pendingCopy[1];
      if (next + length <= base.length && Buffer.compare(base.subarray(next, next + length), target.subarray(start, end)) === 0) {
        offset = next;
      }
    }
    offset ??= known.get(Buffer.from(target.subarray(start, end)).toString('latin1'));
    if (offset === undefined) {
      flushCopy();
      pendingAdd = pendingAdd === undefined ? [start, end] : [pendingAdd[0], end];
    } else {
      flushAdd();
      if (pendingCopy !== undefined && pendingCopy[0] + pendingCopy[1] === offset) pendingCopy[1] += length;
      else {
        flushCopy();
        pendingCopy = [offset, length];
      }
    }
    start = end;
  }
  flushAdd();
  flushCopy();
  return Buffer.concat(chunks);
}

/**
 * Rebuilds a file from its old version and a delta. Refuses to produce more than `maxBytes`, and any copy outside the
 * old file: a delta is not trusted (the caller checks the result against a signed hash).
 *
 * @throws MirrorError when the delta does not fit the old file.
 */
export function applyDelta(base: Uint8Array, delta: Uint8Array, maxBytes = Number.MAX_SAFE_INTEGER): Buffer {
  const parts: Uint8Array[] = [];
  let size = 0;
  let position = 0;
  const read = (): number => {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (position >= delta.length || scale > 2 ** 49) throw new MirrorError('The delta is cut short or malformed.');
      const byte = delta[position++]!;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
    }
  };
  while (position < delta.length) {
    const head = read();
    const length = Math.floor(head / 2);
    size += length;
    if (size > maxBytes) throw new MirrorError('The delta produces more bytes than announced.');
    if (head % 2 === 0) {
      if (position + length > delta.length) throw new MirrorError('The delta is cut short.');
      parts.push(delta.subarray(position, position + length));
      position += length;
    } else {
      const offset = read();
      if (offset + length > base.length) throw new MirrorError('The delta copies from outside the old file.');
      parts.push(base.subarray(offset, offset + length));
    }
  }
  return Buffer.concat(parts);
}

function pushNumber(out: number[], value: number): void {
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
}
