import { compress, decompress } from './compressed.ts';
import { makeDelta } from './delta.ts';
import { MirrorError } from './mirror-error.ts';
import { isSha256, isVersionId, sha256Hex } from './manifest.ts';

/**
 * A delta pack: everything an office at one version needs to rebuild, from what it holds, what changed in the next:
 * the root, the changed parts of the file list and the changed files, as deltas (see `delta.ts`), in one compressed
 * file. A channel writes one from each version it keeps to the newest, `deltas/<from>-<to>.gz`; an office at `<from>`
 * fetches it with one request, and whatever the pack does not cover (new paths, or a delta no smaller than the file)
 * it fetches as usual.
 *
 * A pack is not signed and needs not be: every result is checked against the signed root (the root itself against the
 * signature and its id), and a result that does not match is fetched whole instead. A bad pack wastes bytes, it cannot
 * change what gets into a mirror.
 *
 * Layout: one line of JSON (`{"format":"iom-mirror-delta","from":…,"to":…,"entries":[…]}`), a newline, then the
 * deltas one after the other, in the order of the entries.
 */
export const DELTA_PACK_FORMAT = 'iom-mirror-delta';

/** What a delta rebuilds: the root, a part of the file list, or a site file. */
export type DeltaKind = 'root' | 'part' | 'file';

/** One delta of a pack. */
export interface DeltaEntry {
  kind: DeltaKind;
  /** SHA-256 of the old bytes it applies to. */
  base: string;
  /** SHA-256 of the bytes it produces. */
  target: string;
  /** Size of the bytes it produces. */
  size: number;
  /** Length of the delta in the pack. */
  length: number;
}

/** A pack read back: its entries by target hash, and their deltas. */
export interface DeltaPack {
  from: string;
  to: string;
  entries: Map<string, DeltaEntry & { delta: Buffer }>;
}

/** Where the pack from version `from` to version `to` lives in a channel. */
export function deltaPackRef(from: string, to: string): string {
  return `deltas/${from}-${to}.gz`;
}

/** Something to describe as a delta: its old bytes and its new bytes. */
export interface DeltaPair {
  kind: DeltaKind;
  base: Uint8Array;
  target: Uint8Array;
}

/**
 * Makes a pack from pairs of old and new bytes, keeping only the deltas that, compressed, are smaller than what they
 * rebuild, compressed (a delta of a file rewritten through saves nothing). Returns the compressed pack, or `undefined`
 * when no delta was worth keeping.
 *
 * @example
 * encodeDeltaPack('3f2a…', '8b1d…', [{ kind: 'root', base: oldRoot, target: newRoot }, …])
 */
export function encodeDeltaPack(from: string, to: string, pairs: readonly DeltaPair[]): Buffer | undefined {
  const entries: DeltaEntry[] = [];
  const deltas: Buffer[] = [];
  const seen = new Set<string>();
  for (const pair of pairs) {
    const target = sha256Hex(pair.target);
    if (seen.has(target)) continue;
    const delta = makeDelta(pair.base, pair.target);
    // Worth it when, compressed, it is smaller than what it rebuilds: the alternative is fetching that, compressed.
    if (delta.length >= pair.target.length || compress(delta).length >= compress(pair.target).length) continue;
    seen.add(target);
    entries.push({ kind: pair.kind, base: sha256Hex(pair.base), target, size: pair.target.length, length: delta.length });
    deltas.push(delta);
  }
  if (entries.length === 0) return undefined;
  const head = JSON.stringify({ format: DELTA_PACK_FORMAT, from, to, entries });
  return compress(Buffer.concat([Buffer.from(`${head}\n`, 'utf8'), ...deltas]));
}

/**
 * Reads a pack fetched from a source, refusing anything malformed or larger than `maxBytes` once decompressed.
 *
 * @throws MirrorError when the pack cannot be read; callers then do without it.
 */
export function parseDeltaPack(bytes: Uint8Array, from: string, to: string, maxBytes: number): DeltaPack {
  const text = decompress(bytes, maxBytes, 'The delta pack');
  const newline = text.indexOf(0x0a);
  if (newline < 0) throw new MirrorError('The delta pack has no header.');
  let head: unknown;
  try {
    head = JSON.parse(text.subarray(0, newline).toString('utf8'));
  } catch {
    throw new MirrorError('The delta pack header is not JSON.');
  }
  const value = head as { format?: unknown; from?: unknown; to?: unknown; entries?: unknown };
  if (value.format !== DELTA_PACK_FORMAT || value.from !== from || value.to !== to || !Array.isArray(value.entries)) {
    throw new MirrorError(`The delta pack is not the one from version ${from} to ${to}.`);
  }
  if (!isVersionId(from) || !isVersionId(to)) throw new MirrorError('The delta pack names no versions.');
  const entries = new Map<string, DeltaEntry & { delta: Buffer }>();
  let position = newline + 1;
  for (const item of value.entries as unknown[]) {
    const entry = item as Partial<DeltaEntry>;
    const valid =
      (entry.kind === 'root' || entry.kind === 'part' || entry.kind === 'file') &&
      typeof entry.base === 'string' &&
      isSha256(entry.base) &&
      typeof entry.target === 'string' &&
      isSha256(entry.target) &&
      Number.isSafeInteger(entry.size) &&
      Number.isSafeInteger(entry.length) &&
      entry.length! >= 0 &&
      position + entry.length! <= text.length;
    if (!valid) throw new MirrorError('The delta pack lists a malformed entry.');
    entries.set(entry.target!, { ...(entry as DeltaEntry), delta: text.subarray(position, position + entry.length!) });
    position += entry.length!;
  }
  return { from, to, entries };
}
