/**
 * Byte deltas and delta packs: a delta always rebuilds exactly its target, is small when the two versions are alike,
 * and a malformed one is refused rather than trusted.
 */
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { applyDelta, makeDelta } from '../../delta.ts';
import { encodeDeltaPack, parseDeltaPack } from '../../delta-pack.ts';
import { MirrorError } from '../../mirror-error.ts';
import { deterministicBytes, sha256 } from '../test-support/fixtures.ts';

/** A page of the size and shape of the site's listings: many entries, one of which an edit changes. */
function listing(summary: string): Buffer {
  const entries = Array.from(
    { length: 40 },
    (_, index) =>
      `<li><a href="../news/release-${index}/index.html">Release ${index}</a><p>${index === 17 ? summary : `Summary of release ${index}, as published in French and Arabic (العربية).`}</p></li>`,
  );
  return Buffer.from(`<!doctype html><html lang="en" dir="ltr"><body><ul>${entries.join('\n')}</ul></body></html>\n`);
}

describe('delta: one file against its old version', () => {
  it('rebuilds the target exactly, and is small when one passage changed', () => {
    const base = listing('IOM and UNICEF are scaling up support for members of host communities.');
    const target = listing('IOM and UNICEF are scaling up support for host communities this winter.');
    const delta = makeDelta(base, target);
    expect(applyDelta(base, delta).equals(target)).toBe(true);
    expect(delta.length).toBeLessThan(target.length / 10);
  });

  it('rebuilds any target, however unlike the base (random bytes, empty files, inserted and removed runs)', () => {
    const random = deterministicBytes('base', 20_000);
    const cases: Array<[Buffer, Buffer]> = [
      [random, deterministicBytes('other', 15_000)],
      [random, Buffer.concat([random.subarray(0, 5000), Buffer.from('inserted'), random.subarray(5000)])],
      [random, Buffer.concat([random.subarray(0, 5000), random.subarray(9000)])],
      [Buffer.alloc(0), random.subarray(0, 100)],
      [random, Buffer.alloc(0)],
      [Buffer.alloc(3000, 0x41), Buffer.alloc(5000, 0x41)],
    ];
    for (const [base, target] of cases) expect(applyDelta(base, makeDelta(base, target)).equals(target)).toBe(true);
    // A long inserted or removed run costs about the run, not the file.
    expect(makeDelta(random, cases[1]![1]).length).toBeLessThan(400);
    expect(makeDelta(random, cases[2]![1]).length).toBeLessThan(400);
  });

  it('refuses a delta that copies from outside the old file, is cut short, or grows past the size announced', () => {
    const base = Buffer.from('0123456789');
    expect(() => applyDelta(base, Buffer.from([5 * 2 + 1, 8]))).toThrow(MirrorError); // copy 5 bytes from offset 8
    expect(() => applyDelta(base, Buffer.from([10 * 2, 0x41]))).toThrow('cut short'); // add 10 bytes, 1 given
    expect(() => applyDelta(base, Buffer.from([10 * 2 + 1, 0]), 5)).toThrow('more bytes than announced');
  });
});

describe('delta pack: what changed between two versions, in one file', () => {
  const base = listing('First summary of release seventeen, before the edit.');
  const target = listing('First summary of release seventeen, after the edit of the next day.');

  it('keeps the deltas worth having, and reads back to the same deltas by the hash of what they rebuild', () => {
    const unlike = deterministicBytes('photo', 5000);
    const pack = encodeDeltaPack('aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb', [
      { kind: 'file', base, target },
      { kind: 'file', base: deterministicBytes('old photo', 5000), target: unlike }, // nothing in common: left out
    ])!;
    const read = parseDeltaPack(pack, 'aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb', 1_000_000);
    expect([...read.entries.keys()]).toEqual([sha256(target)]);
    const entry = read.entries.get(sha256(target))!;
    expect([entry.kind, entry.base, entry.size]).toEqual(['file', sha256(base), target.length]);
    expect(applyDelta(base, entry.delta).equals(target)).toBe(true);
    expect(encodeDeltaPack('aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb', [{ kind: 'file', base: unlike, target: deterministicBytes('x', 900) }])).toBeUndefined();
  });

  it('is refused when it is not the pack asked for, or malformed', () => {
    const pack = encodeDeltaPack('aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb', [{ kind: 'root', base, target }])!;
    expect(() => parseDeltaPack(pack, 'aaaaaaaaaaaaaaaa', 'cccccccccccccccc', 1_000_000)).toThrow('is not the one');
    expect(() => parseDeltaPack(gzipSync('no header'), 'aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb', 1000)).toThrow(MirrorError);
    const lying = gzipSync(
      `${JSON.stringify({ format: 'iom-mirror-delta', from: 'aaaaaaaaaaaaaaaa', to: 'bbbbbbbbbbbbbbbb', entries: [{ kind: 'file', base: sha256(base), target: sha256(target), size: 5, length: 999 }] })}\n12`,
    );
    expect(() => parseDeltaPack(lying, 'aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb', 1_000_000)).toThrow('malformed entry');
    expect(() => parseDeltaPack(pack, 'aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb', 100)).toThrow('more than the 100 bytes');
  });
});
