import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus, type CorpusFile } from '../../corpus/generate-corpus.ts';
import { corpusIn, fileHashes, removeTempDirs } from './corpus-helpers.ts';

afterAll(removeTempDirs);

const themes = ['migrant-protection', 'health', 'displacement'];
const files = (seed: number, releases: number): CorpusFile[] => [...generateCorpus({ seed, size: { releases }, themes })];

describe('determinism', () => {
  it('writes byte-identical folders for the same seed and size', () => {
    const first = corpusIn({ releases: 12 }, 7);
    const second = corpusIn({ releases: 12 }, 7);
    expect(fileHashes(first.dir)).toEqual(fileHashes(second.dir));
  });

  it('writes a different corpus for another seed', () => {
    const a = files(1, 5).filter((file) => file.path.startsWith('releases/'));
    const b = files(2, 5).filter((file) => file.path.startsWith('releases/'));
    expect(a.map((file) => file.text)).not.toEqual(b.map((file) => file.text));
  });

  it('keeps the smaller corpus as the start of a larger one', () => {
    const small = files(3, 10);
    const large = files(3, 25);
    expect(large.slice(0, small.length)).toEqual(small);
  });

  it('stops at about the requested number of pages', () => {
    const generator = generateCorpus({ seed: 1, size: { pages: 200 }, themes });
    let step = generator.next();
    while (!step.done) step = generator.next();
    expect(step.value.pages).toBeGreaterThanOrEqual(200);
    expect(step.value.pages).toBeLessThan(204);
  });
});
