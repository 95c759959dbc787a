import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file (packages/bench/src/), so the commands work from any folder. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The real content: the source of the static files a corpus copies, and a folder a corpus must never be written into. */
export const repoContentDir = path.join(repoRoot, 'content');
/** The site app, whose build script the benchmark runs. */
export const siteAppDir = path.join(repoRoot, 'apps', 'site');
/** Where the benchmark keeps corpora, built sites, logs and results (git-ignored). */
export const benchWorkDir = path.join(repoRoot, '.bench');
