import { existsSync, statSync, watch, type FSWatcher } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { linkReleases, linkSitePages, validateReleaseFile, type ReleasePage, type SitePage, type SitePageInput, type ValidatedReleaseFile } from '@iom/content-model';
import type { PreparedContent } from '@iom/content-model/node';
import { buildPageIndex, type PageIndex } from './page-index.ts';
import { buildReleaseIndex, type ReleaseIndex } from './release-index.ts';
import { prepareForStatus } from './status-preparer.ts';
import type { TranslatableIndex } from './translatable-index.ts';

/** The folders a language version can be in, below `content/`: `releases/<year>/<folder>/` and `pages/<key>/`. */
const releasesFolder = 'releases';
const pagesFolder = 'pages';

/** What the index of the content is kept in step with the disk from. */
export interface LiveIndexOptions {
  contentDir: string;
  /** Paths in messages and in the index (`sourceFile`…) are relative to this folder, as `readSiteContent` gave them. */
  displayRoot: string;
  /** The releases and section pages `readSiteContent` read at start, every language version. */
  releases: readonly ReleasePage[];
  pages: readonly SitePage[];
  /** The country codes and themes releases may name (`linkReleases` checks them; problems do not drop a release). */
  known: { countries: ReadonlySet<string>; themes: ReadonlySet<string> };
  /** Watch `releases/` and `pages/` for changes (default); without, only `invalidate` marks what to re-read. */
  watch?: boolean | undefined;
}

/** The releases and section pages, in step with the disk at each `refresh`. */
export interface LiveIndex {
  /** The same two objects for the workbench's whole life; their entries are replaced as the disk changes. */
  releases: ReleaseIndex;
  pages: PageIndex;
  /**
   * Re-reads what changed on disk since the last refresh (the folders the watcher named, those `invalidate` named,
   * and with `sweep` every folder whose modification time changed), then updates the indexes. Cheap when nothing
   * changed; a request calls it before it looks anything up.
   */
  refresh: (options?: { sweep?: boolean }) => Promise<void>;
  /** Marks an entry's folder to be re-read at the next refresh (the editor opens it, the workbench wrote in it). */
  invalidate: (folder: string) => void;
  /** Counts the changes applied to the indexes: what is derived from them can be remembered until it moves. */
  version: () => number;
  /** Whether changes made outside the workbench are seen (false when the system refused to watch the folders). */
  watching: boolean;
  close: () => void;
}

/** A folder's modification time: it changes when a file in it is created, deleted or replaced (as git and atomic writes do). */
const stampOf = (folder: string) => statSync(folder, { throwIfNoEntry: false })?.mtimeMs ?? -1;

/** Where a release folder is, from a path below `releases/` as a watcher names it: `<year>/<folder>[/<file>]`. */
function releaseFolderOf(releasesDir: string, relative: string): { year: string; folder?: string | undefined } | undefined {
  const [year, key] = relative.split(/[\\/]/);
  if (!year || year === '..' || key === '..') return undefined;
  return { year: path.join(releasesDir, year), folder: key ? path.join(releasesDir, year, key) : undefined };
}

/**
 * Reads one release folder as `readSiteContent` reads it (for the states only, see `prepareForStatus`): every
 * `<lang>.mdx`, validated, linked with `linkReleases`. No pages when the folder is gone or has no readable source.
 * A test checks that reading every folder so gives what `readSiteContent` gave.
 */
export async function readReleaseFolder(folder: string, displayRoot: string, known: LiveIndexOptions['known']): Promise<ReleasePage[]> {
  const names = await readdir(folder).catch(() => []);
  const files = names.filter((name) => name.endsWith('.mdx')).map((name) => path.join(folder, name));
  const display = (file: string) => path.relative(displayRoot, file).split(path.sep).join('/');
  const prepared = await prepareForStatus(files.map((file) => ({ file: display(file), path: file, lang: path.basename(file, '.mdx') })), {});
  const validated: ValidatedReleaseFile[] = [];
  files.forEach((file, at) => {
    const result = prepared[at]!;
    if (result.issues.length > 0) return;
    const validation = validateReleaseFile({ file: display(file), key: path.basename(folder), year: path.basename(path.dirname(folder)), lang: path.basename(file, '.mdx'), frontmatter: result.frontmatter, fieldPosition: () => undefined, fingerprint: result.fingerprint });
    if (validation.file) validated.push(validation.file);
  });
  return linkReleases(validated, known).pages;
}

/** Reads every section page (`pages/<key>/<lang>.mdx`) as `readSiteContent` does: a few dozen files. */
export async function readPagesFolder(pagesDir: string, displayRoot: string): Promise<SitePage[]> {
  const keys = await readdir(pagesDir, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const key of keys.filter((entry) => entry.isDirectory())) {
    const names = await readdir(path.join(pagesDir, key.name)).catch(() => []);
    files.push(...names.filter((name) => name.endsWith('.mdx')).map((name) => path.join(pagesDir, key.name, name)));
  }
  const display = (file: string) => path.relative(displayRoot, file).split(path.sep).join('/');
  const prepared: PreparedContent[] = await prepareForStatus(files.map((file) => ({ file: display(file), path: file, lang: path.basename(file, '.mdx') })), {});
  const inputs: SitePageInput[] = [];
  files.forEach((file, at) => {
    const result = prepared[at]!;
    if (result.issues.length === 0) inputs.push({ file: display(file), key: path.basename(path.dirname(file)), lang: path.basename(file, '.mdx'), frontmatter: result.frontmatter, fieldPosition: () => undefined, fingerprint: result.fingerprint });
  });
  return linkSitePages(inputs).pages;
}

/** Puts `fresh`'s entries into `index`, keeping the object others hold. */
function replaceEntries<Entry extends { id: string }>(index: TranslatableIndex<Entry>, fresh: TranslatableIndex<Entry>): void {
  index.entries.length = 0;
  for (const entry of fresh.entries) index.entries.push(entry);
  index.byId.clear();
  for (const [id, entry] of fresh.byId) index.byId.set(id, entry);
}

/**
 * Keeps the workbench's index of releases and section pages in step with the disk, so that a `git pull` (a new
 * release, a changed source, a deleted translation) shows without a restart. A recursive watcher on `releases/` and
 * `pages/` notes which folders changed; `refresh` re-reads those folders only (a release's few files; every section
 * page), so a change costs the same with 20 or 20,000 releases. The index is rebuilt whole only when a release
 * appears, disappears or changes date (its place in the order); otherwise the entry is updated where it is.
 * Entries are made from folders found on disk below `releases/` and `pages/`, never from a request.
 */
export function liveIndex(options: LiveIndexOptions): LiveIndex {
  const { contentDir, displayRoot, known } = options;
  const releasesDir = path.join(contentDir, releasesFolder);
  const pagesDir = path.join(contentDir, pagesFolder);
  const folderOf = (page: { file: string }) => path.dirname(path.join(displayRoot, page.file));
  // Every language version of every release, by folder: what the index is built from.
  const groups = new Map<string, ReleasePage[]>();
  for (const page of options.releases) groups.set(folderOf(page), [...(groups.get(folderOf(page)) ?? []), page]);
  let pageVersions = [...options.pages];
  const releases = buildReleaseIndex([...groups.values()].flat(), displayRoot);
  const pages = buildPageIndex(pageVersions, displayRoot);

  // Modification times of the folders as last read: releases/, each year, each release folder, pages/ and each page's.
  const stamps = new Map<string, number>();
  const pageFolders = () => [pagesDir, ...pages.entries.map((entry) => entry.folder)];
  const stampAll = () => {
    stamps.set(releasesDir, stampOf(releasesDir));
    for (const folder of groups.keys()) {
      stamps.set(folder, stampOf(folder));
      if (!stamps.has(path.dirname(folder))) stamps.set(path.dirname(folder), stampOf(path.dirname(folder)));
    }
    for (const folder of pageFolders()) stamps.set(folder, stampOf(folder));
  };
  stampAll();
  // Release folders on disk without a readable source (being written, or broken): swept too, to see them complete.
  const sourceless = new Set<string>();
  const dirtyFolders = new Set<string>();
  const dirtyYears = new Set<string>();
  let dirtyPages = false;
  let everything = false;
  let running: Promise<void> | undefined;
  let version = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hasWork = () => dirtyFolders.size > 0 || dirtyYears.size > 0 || dirtyPages || everything;

  /** Release folders below the year folders named that appeared or disappeared: the others are noted by their own time. */
  const foldersOfYears = async (years: Iterable<string>) => {
    const found = new Set<string>();
    for (const year of years) {
      stamps.set(year, stampOf(year));
      const names = await readdir(year, { withFileTypes: true }).catch(() => []);
      const onDisk = new Set(names.filter((entry) => entry.isDirectory()).map((entry) => path.join(year, entry.name)));
      for (const folder of onDisk) if (!groups.has(folder) && !sourceless.has(folder)) found.add(folder);
      for (const folder of groups.keys()) if (path.dirname(folder) === year && !onDisk.has(folder)) found.add(folder);
    }
    return found;
  };

  const applyChanges = async () => {
    // Taken and cleared at once: what the watcher notes from here on is for the next round.
    const years = new Set(dirtyYears);
    const folders = new Set(dirtyFolders);
    const withPages = dirtyPages || everything;
    const all = everything;
    dirtyFolders.clear();
    dirtyYears.clear();
    dirtyPages = false;
    everything = false;
    if (all) {
      for (const folder of groups.keys()) years.add(path.dirname(folder));
      for (const entry of await readdir(releasesDir, { withFileTypes: true }).catch(() => [])) if (entry.isDirectory()) years.add(path.join(releasesDir, entry.name));
    }
    for (const folder of await foldersOfYears(years)) folders.add(folder);
    if (folders.size > 0 || withPages) version += 1;
    let reorder = false;
    const updated: ReleasePage[][] = [];
    for (const folder of folders) {
      const before = groups.get(folder);
      // Taken before reading: a change made while the folder is read is seen at the next sweep.
      stamps.set(folder, stampOf(folder));
      const after = await readReleaseFolder(folder, displayRoot, known);
      if (after.length > 0) groups.set(folder, after);
      else groups.delete(folder);
      if (after.length === 0 && stamps.get(folder) !== -1) sourceless.add(folder);
      else sourceless.delete(folder);
      // The order is by date then key: only a release that comes, goes or changes date moves.
      if (!before || after.length === 0 || before[0]!.date !== after[0]!.date) reorder = true;
      else updated.push(after);
    }
    if (reorder) replaceEntries(releases, buildReleaseIndex([...groups.values()].flat(), displayRoot));
    else {
      for (const versions of updated) {
        for (const entry of buildReleaseIndex(versions, displayRoot).entries) {
          const current = releases.byId.get(entry.id);
          if (current) Object.assign(current, entry);
        }
      }
    }
    if (withPages) {
      const before = new Map(pageFolders().map((folder) => [folder, stampOf(folder)]));
      pageVersions = await readPagesFolder(pagesDir, displayRoot);
      replaceEntries(pages, buildPageIndex(pageVersions, displayRoot));
      for (const folder of pageFolders()) stamps.set(folder, before.get(folder) ?? stampOf(folder));
    }
  };

  /**
   * Notes every folder whose modification time changed: a release or translation added, deleted or replaced (git
   * replaces the files it updates) is seen even when no watcher event has arrived yet, or none ever will (a network
   * drive). One `stat` per folder; an edit in place changes only the file's time, and is left to the watcher.
   */
  const sweep = () => {
    const years = new Set([...groups.keys()].map((folder) => path.dirname(folder)));
    if (stampOf(releasesDir) !== stamps.get(releasesDir)) {
      everything = true;
      stamps.set(releasesDir, stampOf(releasesDir));
    }
    for (const year of years) if (stampOf(year) !== stamps.get(year)) dirtyYears.add(year);
    for (const folder of [...groups.keys(), ...sourceless]) if (stampOf(folder) !== stamps.get(folder)) dirtyFolders.add(folder);
    if (pageFolders().some((folder) => stampOf(folder) !== stamps.get(folder))) dirtyPages = true;
  };

  const refresh = async (refreshOptions: { sweep?: boolean } = {}) => {
    // Watcher events already queued are delivered before this request's work.
    await new Promise((resolve) => setImmediate(resolve));
    if (refreshOptions.sweep) sweep();
    while (hasWork()) {
      running ??= applyChanges().finally(() => (running = undefined));
      await running;
    }
  };

  const watchers: FSWatcher[] = [];
  const live: LiveIndex = {
    releases,
    pages,
    refresh,
    version: () => version,
    invalidate: (folder) => {
      if (path.resolve(folder).startsWith(pagesDir + path.sep)) dirtyPages = true;
      else if (path.resolve(folder).startsWith(releasesDir + path.sep)) dirtyFolders.add(path.resolve(folder));
    },
    watching: false,
    close: () => {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };

  /** After a burst of changes (a `git pull` writes many files), the index is brought up to date before it is asked. */
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh().catch((error: unknown) => console.error(error)), 200);
    timer.unref();
  };
  const stopWatching = (error: unknown) => {
    if (!live.watching) return;
    live.watching = false;
    for (const watcher of watchers) watcher.close();
    console.error(`The workbench cannot watch ${contentDir} for changes (${(error as Error).message}). Files added, deleted or replaced (as git does) are still seen when the queue opens; a file edited in place is seen when its editor opens, or after a restart.`);
  };
  if (options.watch !== false) {
    try {
      if (existsSync(releasesDir)) {
        watchers.push(
          watch(releasesDir, { recursive: true }, (_event, name) => {
            const place = name === null ? undefined : releaseFolderOf(releasesDir, name.toString());
            if (!place) everything = true;
            else if (place.folder) dirtyFolders.add(place.folder);
            else dirtyYears.add(place.year);
            soon();
          }),
        );
      }
      if (existsSync(pagesDir)) {
        watchers.push(
          watch(pagesDir, { recursive: true }, () => {
            dirtyPages = true;
            soon();
          }),
        );
      }
      live.watching = true;
      for (const watcher of watchers) watcher.on('error', stopWatching);
    } catch (error) {
      for (const watcher of watchers) watcher.close();
      watchers.length = 0;
      live.watching = true;
      stopWatching(error);
    }
  }
  return live;
}
