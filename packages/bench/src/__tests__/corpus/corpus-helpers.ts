import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoContentDir } from '../../repo-paths.ts';
import { writeCorpus } from '../../corpus/write-corpus.ts';
import type { CorpusSize } from '../../corpus/generate-corpus.ts';

const created: string[] = [];

/** A fresh temporary folder for one test; `removeTempDirs` (in `afterAll`) deletes them all. */
export function tempDir(prefix = 'bench-corpus-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Deletes the folders made by `tempDir` in this test file. */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Writes a corpus into a new temporary folder. */
export function corpusIn(size: CorpusSize, seed = 1) {
  const dir = path.join(tempDir(), 'corpus');
  const result = writeCorpus({ outDir: dir, seed, size, force: false, repoContentDir });
  return { dir, ...result };
}

/** sha256 of every file under `dir`, by relative path. */
export function fileHashes(dir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    hashes.set(path.relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex'));
  }
  return hashes;
}
