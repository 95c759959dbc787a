import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { listFiles } from '@iom/files';
import { writeSearchEntry, type SearchState } from '../search-index/search-index-builder.ts';
import { writeManifest, type BuildManifest } from './build-manifest.ts';

/** One step of an update, as the journal records it: move a new file into place, or remove one. */
export type UpdateStep = { op: 'put'; from: string; to: string } | { op: 'rm'; path: string };

/** An update to carry out: the steps in order, then the manifest to record. */
interface Journal {
  steps: UpdateStep[];
  manifestFile: string;
  manifest: BuildManifest;
}

/** What an update changed in the output folder. */
export interface UpdateReport {
  /** Files that did not exist. */
  added: number;
  /** Files whose bytes changed. */
  replaced: number;
  removed: number;
  /** Files written again by the build with the same bytes (left alone). */
  unchanged: number;
  /** Search files moved into place (the shards indexed again). */
  searchFiles: number;
}

const walk = (dir: string) => listFiles(dir);

async function sameBytes(a: string, b: string): Promise<boolean> {
  const [first, second] = await Promise.all([stat(a), stat(b)]);
  if (first.size !== second.size) return false;
  return (await readFile(a)).equals(await readFile(b));
}

/** Pagefind names these files by a hash of their content: the same name is the same bytes. */
const hashNamed = (file: string) => /^(fragment|index|filter)\//.test(file) || /^pagefind\.[^/]+\.pf_meta$/.test(file);

/** Does a bundle file belong to the shard `name` (`fragment/en-x-201609_3f2a.pf_fragment`, `pagefind.en_….pf_meta`)? */
const ofShard = (file: string, name: string) =>
  file === `wasm.${name}.pagefind` || file.startsWith(`pagefind.${name}_`) || /^(fragment|index|filter)\//.test(file) && file.slice(file.indexOf('/') + 1).startsWith(`${name}_`);

/**
 * The files of the previous build that this one does not write any more: pages whose route no longer lists them
 * (a release deleted), and what routes without keys (which render all their pages every time) did not write again.
 * Astro's hashed assets (`_astro/`) are left: an older page may still name one, and a full build starts afresh.
 */
export function plannedRemovals(previous: BuildManifest, keys: Readonly<Record<string, string>>, staged: ReadonlySet<string>): string[] {
  const removedKeyed = Object.keys(previous.keys).filter((file) => !(file in keys));
  const removedOther = previous.files.filter((file) => !(file in previous.keys) && !file.startsWith('_astro/') && !staged.has(file) && !(file in keys));
  return [...removedKeyed, ...removedOther];
}

/** Carries out a journal's steps (each at most once: a step whose source is gone was done already). */
async function runJournal(journal: Journal): Promise<void> {
  for (const step of journal.steps) {
    if (step.op === 'put') {
      if (!existsSync(step.from)) continue;
      await mkdir(path.dirname(step.to), { recursive: true });
      try {
        await rename(step.from, step.to);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
        // Staging on another file system: copy next to the file, then rename, so the swap stays atomic.
        await copyFile(step.from, `${step.to}.incoming`);
        await rename(`${step.to}.incoming`, step.to);
        await rm(step.from, { force: true });
      }
    } else {
      await rm(step.path, { force: true });
    }
  }
  await writeManifest(journal.manifestFile, journal.manifest);
}

/** Removes the folders that removals left empty, up to (not including) `root`. */
async function pruneEmptyFolders(root: string, removed: readonly string[]): Promise<void> {
  const folders = new Set<string>();
  for (const file of removed) for (let dir = path.dirname(file); dir.startsWith(root + path.sep); dir = path.dirname(dir)) folders.add(dir);
  for (const dir of [...folders].sort((a, b) => b.length - a.length)) {
    try {
      await rmdir(dir);
    } catch {
      // not empty
    }
  }
}

/**
 * Finishes an update that was interrupted (the machine stopped, the build was killed) while it was moving files into
 * the output folder: the journal lists every step, and each is done at most once. Call it before anything else
 * touches the staging folders the journal moves files from.
 */
export async function finishInterruptedUpdate(journalFile: string): Promise<boolean> {
  if (!existsSync(journalFile)) return false;
  const journal = JSON.parse(await readFile(journalFile, 'utf8')) as Journal;
  await runJournal(journal);
  await rm(journalFile, { force: true });
  return true;
}

/**
 * Updates the output folder in place from an update build: the pages Astro rendered again (in `stagingDir`) whose
 * bytes changed, the files of the search shards indexed again (in `bundleDir`), the search entry, and the removal of
 * pages that are gone and of the files of search shards replaced or dropped.
 *
 * Every file is moved into place with a rename, so a reader never sees half a file; the steps are written to a
 * journal first, and an interrupted update is finished by the next build ({@link finishInterruptedUpdate}). The search
 * entry is swapped after every file it names is in place, and old search files are removed after it.
 */
export async function applyUpdate(options: {
  stagingDir: string;
  bundleDir: string;
  finalDir: string;
  previous: BuildManifest;
  keys: Record<string, string>;
  search: { state: SearchState; indexed: readonly string[]; dropped: readonly string[] };
  manifestFile: string;
  journalFile: string;
}): Promise<{ report: UpdateReport; manifest: BuildManifest }> {
  const { stagingDir, bundleDir, finalDir, previous, keys } = options;
  const added: UpdateStep[] = [];
  const replaced: UpdateStep[] = [];
  let unchanged = 0;

  const staged = await walk(stagingDir);
  const stagedSet = new Set(staged);
  for (const file of staged) {
    const to = path.join(finalDir, file);
    const step: UpdateStep = { op: 'put', from: path.join(stagingDir, file), to };
    if (!existsSync(to)) added.push(step);
    else if (!(await sameBytes(step.from, to))) replaced.push(step);
    else unchanged++;
  }
  const removals = plannedRemovals(previous, keys, stagedSet);
  const removedPages = removals.filter((file) => existsSync(path.join(finalDir, file)));

  // Search: new shard files in, then the entry, then the files of the shards replaced or dropped out.
  const searchDir = path.join(finalDir, 'pagefind');
  await writeSearchEntry(bundleDir, options.search.state, 'pagefind-entry.json');
  const bundled = (await walk(bundleDir)).filter((file) => file !== 'pagefind-entry.json');
  const bundledSet = new Set(bundled);
  const searchSteps: UpdateStep[] = [];
  for (const file of bundled) {
    const to = path.join(searchDir, file);
    if (!existsSync(to) || (!hashNamed(file) && !(await sameBytes(path.join(bundleDir, file), to)))) searchSteps.push({ op: 'put', from: path.join(bundleDir, file), to });
  }
  const entryStep: UpdateStep = { op: 'put', from: path.join(bundleDir, 'pagefind-entry.json'), to: path.join(searchDir, 'pagefind-entry.json') };
  const replacedShards = [...options.search.indexed, ...options.search.dropped];
  const oldSearchFiles = replacedShards.length ? (await walk(searchDir)).filter((file) => !bundledSet.has(file) && replacedShards.some((name) => ofShard(file, name))) : [];

  const steps: UpdateStep[] = [
    ...added,
    ...replaced,
    ...searchSteps,
    entryStep,
    ...removedPages.map((file): UpdateStep => ({ op: 'rm', path: path.join(finalDir, file) })),
    ...oldSearchFiles.map((file): UpdateStep => ({ op: 'rm', path: path.join(searchDir, file) })),
  ];
  const removedSet = new Set(removals);
  const files = [...new Set([...previous.files.filter((file) => !removedSet.has(file)), ...staged])].sort();
  const manifest: BuildManifest = { ...previous, keys, files, search: options.search.state };
  const journal: Journal = { steps, manifestFile: options.manifestFile, manifest };
  await mkdir(path.dirname(options.journalFile), { recursive: true });
  await writeFile(options.journalFile, JSON.stringify(journal));
  await runJournal(journal);
  await rm(options.journalFile, { force: true });
  await pruneEmptyFolders(finalDir, removedPages.map((file) => path.join(finalDir, file)));
  return {
    report: { added: added.length, replaced: replaced.length, removed: removedPages.length + oldSearchFiles.length, unchanged, searchFiles: searchSteps.length },
    manifest,
  };
}
