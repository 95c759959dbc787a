import { createHash, type Hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Folders under a declared path that hold no code the output depends on. */
const skipped = new Set(['__tests__', 'tests', 'node_modules']);

/** Every file a declared path (file or folder, from the repository root) stands for, sorted. */
export function declaredFiles(repoRoot: string, declared: readonly string[]): string[] {
  const files = (relative: string): string[] => {
    const absolute = path.join(repoRoot, relative);
    let stat;
    try {
      stat = statSync(absolute);
    } catch {
      return [];
    }
    if (stat.isFile()) return [relative.split(path.sep).join('/')];
    return readdirSync(absolute, { withFileTypes: true })
      .filter((entry) => !skipped.has(entry.name) && !entry.name.startsWith('.'))
      .flatMap((entry) => files(path.join(relative, entry.name)));
  };
  return [...new Set(declared.flatMap(files))].sort();
}

/** Feeds the names and bytes of the files `declared` stands for into `hash`. */
export function hashDeclaredFiles(hash: Hash, repoRoot: string, declared: readonly string[]): Hash {
  for (const file of declaredFiles(repoRoot, declared)) hash.update(`${file}\n`).update(readFileSync(path.join(repoRoot, file)));
  return hash;
}

/** A short digest of the files `declared` stands for. */
export function codeDigest(repoRoot: string, declared: readonly string[]): string {
  return hashDeclaredFiles(createHash('sha256'), repoRoot, declared).digest('hex').slice(0, 16);
}

/** The repository's root: the nearest folder above `from` that holds pnpm-workspace.yaml. */
export function findRepoRoot(from: string): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No pnpm-workspace.yaml above ${from}: is this the repository?`);
  }
}
