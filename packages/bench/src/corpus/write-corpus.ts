import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listFilesSync } from '@iom/files';
import { generateCorpus, themesFromYaml, type CorpusSize, type CorpusSummary } from './generate-corpus.ts';

/** Name of the file that marks a folder as a corpus and records how it was made. */
export const markerName = '.bench-corpus.json';

/** What a corpus run writes at the top of its folder; `--force` removes these and nothing else. */
export const corpusEntries = ['releases', 'countries', 'i18n', 'themes.yaml', 'pages'] as const;

/**
 * Files copied as they are from the repository's content folder: the UI strings, themes, official country names and
 * the section pages of the menu (a handful, the same at every size: a real site has them).
 */
export function copiedFiles(repoContentDir: string): string[] {
  const pages = listFilesSync(path.join(repoContentDir, 'pages')).map((file) => `pages/${file}`);
  return ['countries/official-names.yaml', 'i18n/en.yaml', 'i18n/fr.yaml', 'i18n/es.yaml', 'i18n/ar.yaml', 'themes.yaml', ...pages];
}

/** Contents of `.bench-corpus.json`. No time stamp, so that the same seed and size give the same bytes. */
export interface CorpusMarker {
  tool: '@iom/bench';
  /** Fingerprint of the generator's source: a changed generator means a cached corpus is out of date. */
  generator: string;
  seed: number;
  size: CorpusSize;
  /** False while files are being written: an interrupted run is never reused. */
  complete: boolean;
  /** What the run wrote at the top of the folder. */
  entries: string[];
  summary?: CorpusSummary;
}

/** A refusal to write, in words for the person who typed the command. */
export class CorpusFolderError extends Error {
  override name = 'CorpusFolderError';
}

/**
 * Is `child` the same folder as `parent` or inside it? Both must be absolute and already resolved.
 *
 * @example
 * isInside('/repo/content/x', '/repo/content') // true
 * isInside('/repo/contents', '/repo/content')  // false
 */
export function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Resolves symbolic links of the longest existing part of `target`, so a link cannot smuggle a path into content/. */
function realPath(target: string): string {
  const absolute = path.resolve(target);
  let existing = absolute;
  while (!existsSync(existing)) existing = path.dirname(existing);
  return path.join(realpathSync(existing), path.relative(existing, absolute));
}

/**
 * Does a marker describe the corpus we want? Used to reuse a cached corpus.
 *
 * @example
 * markerMatches(marker, { seed: 1, size: { pages: 5000 }, generator: 'ab12…' }) // true when complete and identical
 */
export function markerMatches(marker: CorpusMarker | undefined, wanted: { seed: number; size: CorpusSize; generator: string }): boolean {
  return (
    marker !== undefined &&
    marker.complete &&
    marker.seed === wanted.seed &&
    marker.generator === wanted.generator &&
    JSON.stringify(marker.size) === JSON.stringify(wanted.size)
  );
}

/** Reads a folder's marker, or `undefined` when there is none or it cannot be read. */
export function readMarker(dir: string): CorpusMarker | undefined {
  try {
    const marker = JSON.parse(readFileSync(path.join(dir, markerName), 'utf8')) as CorpusMarker;
    return marker.tool === '@iom/bench' ? marker : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Fingerprint of what a corpus is made from: every .ts file under src/corpus/ and the files copied from the
 * repository's content folder (a new UI string must reach a cached corpus too).
 */
export function generatorFingerprint(repoContentDir: string): string {
  const root = path.dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256');
  const files = listFilesSync(root, { extension: '.ts' });
  for (const file of files) hash.update(`${file}\n`).update(readFileSync(path.join(root, file)));
  for (const file of copiedFiles(repoContentDir)) hash.update(`${file}\n`).update(readFileSync(path.join(repoContentDir, ...file.split('/'))));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Makes `outDir` ready for a corpus, or refuses in words: never inside (or above) the repository's content folder,
 * never over a folder with files unless `force`, and with `force` only what an earlier corpus run recorded in its
 * marker is removed; anything else in the folder is left alone.
 */
export function prepareCorpusFolder(outDir: string, options: { force: boolean; repoContentDir: string }): void {
  const target = realPath(outDir);
  const content = realPath(options.repoContentDir);
  if (isInside(target, content) || isInside(content, target)) {
    throw new CorpusFolderError(`Refusing to write a corpus to ${outDir}: it is or holds the repository's content folder (${options.repoContentDir}). Choose a folder outside it, for example /tmp/corpus.`);
  }
  if (!existsSync(target)) {
    mkdirSync(target, { recursive: true });
    return;
  }
  const present = readdirSync(target);
  if (present.length === 0) return;
  if (!options.force) {
    throw new CorpusFolderError(`Refusing to write into ${outDir}: it is not empty (${present.slice(0, 5).join(', ')}${present.length > 5 ? ', …' : ''}). Choose an empty folder, or add --force to replace an earlier corpus there.`);
  }
  const marker = readMarker(target);
  if (marker) {
    // Only names we write: a marker edited by hand cannot make --force delete anything else.
    for (const entry of marker.entries.filter((name) => (corpusEntries as readonly string[]).includes(name))) rmSync(path.join(target, entry), { recursive: true, force: true });
    rmSync(path.join(target, markerName), { force: true });
  }
  const leftover = corpusEntries.filter((entry) => existsSync(path.join(target, entry)));
  if (leftover.length > 0) {
    throw new CorpusFolderError(`Refusing to write into ${outDir}: ${leftover.join(', ')} ${leftover.length > 1 ? 'were' : 'was'} not written by a corpus run (no ${markerName} lists ${leftover.length > 1 ? 'them' : 'it'}), so --force leaves ${leftover.length > 1 ? 'them' : 'it'} alone. Remove ${leftover.length > 1 ? 'them' : 'it'} yourself or choose another folder.`);
  }
}

/** Progress of a corpus run. */
export interface CorpusProgress {
  releases: number;
  pages: number;
}

/**
 * Writes a corpus into `outDir`: the generated releases and countries, and the static files copied from the
 * repository's content folder. The marker is written first (incomplete) and last (complete with the summary).
 */
export function writeCorpus(options: {
  outDir: string;
  seed: number;
  size: CorpusSize;
  force: boolean;
  repoContentDir: string;
  onProgress?: (progress: CorpusProgress) => void;
}): { summary: CorpusSummary; files: number; bytes: number; marker: CorpusMarker } {
  const { outDir, seed, size, repoContentDir } = options;
  prepareCorpusFolder(outDir, { force: options.force, repoContentDir });
  const marker: CorpusMarker = { tool: '@iom/bench', generator: generatorFingerprint(repoContentDir), seed, size, complete: false, entries: [...corpusEntries] };
  const writeMarker = () => writeFileSync(path.join(outDir, markerName), `${JSON.stringify(marker, null, 2)}\n`);
  writeMarker();

  const folders = new Set<string>();
  const write = (relative: string, data: string | Buffer) => {
    const file = path.join(outDir, ...relative.split('/'));
    const folder = path.dirname(file);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    writeFileSync(file, data);
    return typeof data === 'string' ? Buffer.byteLength(data) : data.length;
  };

  let files = 0;
  let bytes = 0;
  for (const copied of copiedFiles(repoContentDir)) {
    mkdirSync(path.dirname(path.join(outDir, copied)), { recursive: true });
    copyFileSync(path.join(repoContentDir, ...copied.split('/')), path.join(outDir, ...copied.split('/')));
    files++;
  }
  const themes = themesFromYaml(readFileSync(path.join(repoContentDir, 'themes.yaml'), 'utf8'));
  const generator = generateCorpus({ seed, size, themes });
  let pages = 0;
  for (let step = generator.next(); ; step = generator.next()) {
    if (step.done) {
      marker.summary = step.value;
      break;
    }
    bytes += write(step.value.path, step.value.text);
    files++;
    if (step.value.path.startsWith('releases/') && ++pages % 1000 === 0) {
      // Folder names start with the release number: r000123-…
      const release = Number(/\/r(\d+)-/.exec(step.value.path)?.[1] ?? 0);
      options.onProgress?.({ releases: release, pages });
    }
  }
  marker.complete = true;
  writeMarker();
  return { summary: marker.summary, files, bytes, marker };
}
