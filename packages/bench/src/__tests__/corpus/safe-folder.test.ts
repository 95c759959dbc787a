import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CorpusFolderError, isInside, markerMatches, markerName, prepareCorpusFolder, readMarker, writeCorpus } from '../../corpus/write-corpus.ts';
import { repoContentDir, repoRoot } from '../../repo-paths.ts';
import { removeTempDirs, tempDir } from './corpus-helpers.ts';

afterAll(removeTempDirs);

const write = (outDir: string, force = false) => writeCorpus({ outDir, seed: 1, size: { releases: 2 }, force, repoContentDir });

describe('where a corpus may be written', () => {
  it('never inside the repository content folder, nor in a folder that holds it', () => {
    expect(() => prepareCorpusFolder(path.join(repoContentDir, 'bench'), { force: true, repoContentDir })).toThrow(CorpusFolderError);
    expect(() => prepareCorpusFolder(repoContentDir, { force: true, repoContentDir })).toThrow(/content folder/);
    expect(() => prepareCorpusFolder(repoRoot, { force: true, repoContentDir })).toThrow(/content folder/);
    expect(existsSync(path.join(repoContentDir, 'bench'))).toBe(false);
  });

  it('compares folders by path segments', () => {
    expect(isInside('/repo/content/x', '/repo/content')).toBe(true);
    expect(isInside('/repo/content', '/repo/content')).toBe(true);
    expect(isInside('/repo/contents', '/repo/content')).toBe(false);
    expect(isInside('/repo', '/repo/content')).toBe(false);
  });

  it('refuses a folder that is not empty unless --force', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    expect(() => write(dir)).toThrow(/not empty.*notes\.txt/);
  });

  it('with --force replaces an earlier corpus and leaves other files alone', () => {
    const dir = tempDir();
    write(dir);
    writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    const extra = path.join(dir, 'releases', '1999', 'stray', 'en.mdx');
    mkdirSync(path.dirname(extra), { recursive: true });
    writeFileSync(extra, 'left by a previous run');
    write(dir, true);
    expect(readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    // releases/ was the corpus's, so it was replaced as a whole.
    expect(existsSync(extra)).toBe(false);
    expect(readMarker(dir)?.complete).toBe(true);
  });

  it('with --force still refuses content folders no corpus run wrote', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'releases'));
    expect(() => write(dir, true)).toThrow(/releases was not written by a corpus run/);
  });

  it('records the run in a marker that identifies the corpus', () => {
    const dir = tempDir();
    const { marker } = write(dir);
    const read = readMarker(dir);
    expect(read).toEqual(marker);
    expect(markerMatches(read, { seed: 1, size: { releases: 2 }, generator: marker.generator })).toBe(true);
    expect(markerMatches(read, { seed: 2, size: { releases: 2 }, generator: marker.generator })).toBe(false);
    expect(markerMatches(read, { seed: 1, size: { pages: 2 }, generator: marker.generator })).toBe(false);
    expect(markerMatches({ ...read!, complete: false }, { seed: 1, size: { releases: 2 }, generator: marker.generator })).toBe(false);
    expect(readFileSync(path.join(dir, markerName), 'utf8')).not.toMatch(/20\d\d-\d\d-\d\dT/);
  });
});
