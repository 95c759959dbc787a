import { mkdir, readFile, readdir, rename, rm, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { syncFolder, writeFileAtomic } from './atomic-write.ts';
import { MirrorError, explainSystemError, hasErrorCode } from './mirror-error.ts';
import { acquireMirrorLock } from './mirror-lock.ts';
import {
  INDEX_FILE,
  LOCK_FILE,
  STAGING_DIR,
  TRUSTED_KEY_FILE,
  VERSIONS_DIR,
  inMirror,
  isFolder,
  listVersionIds,
  manifestRef,
  parseCurrent,
  readCurrentId,
  readStoredVersion,
  readTrustedKey,
  renderIndexHtml,
  signatureRef,
  switchCurrent,
  versionFolderRef,
} from './mirror-layout.ts';
import { isVersionId, parseManifest, versionIdOf } from './manifest.ts';
import type { Manifest, ManifestFile } from './manifest.ts';
import type { SyncProgress } from './progress.ts';
import { isTestKey, keyFingerprint, verifyManifestSignature } from './signature.ts';
import { compareSitePaths } from './site-path.ts';
import { diskPath, fileMatches, placeLocalCopy, walkFolder, writeVerified } from './site-files.ts';
import { openSource } from './sync-source.ts';
import type { MirrorSource } from './sync-source.ts';

/** What `syncMirror` needs. */
export interface SyncOptions {
  /** A folder (another mirror or a bundle), an http(s) address printed by `mirror serve`, or an opened source. */
  source: string | MirrorSource;
  /** The mirror to update. May be missing or empty for a first sync; then `publicKeyFile` is required. */
  mirrorDir: string;
  /** The public key to trust. Default: `trusted-public-key.pem` in the mirror. */
  publicKeyFile?: string | undefined;
  /** How many files to download at once. Default 4. */
  concurrency?: number | undefined;
  /** Reuse unchanged files by hard link when the disk allows it (it does not on FAT32). Default true. */
  preferHardLinks?: boolean | undefined;
  /** For http sources: give up when no byte arrives for this long. Default 60 s. */
  idleTimeoutMs?: number | undefined;
  /**
   * When the mirror already has the source's version, check every file and fetch those that are damaged or missing
   * (and delete extra ones) instead of stopping at "up to date". Each repaired file is replaced atomically.
   */
  repair?: boolean | undefined;
  /** Called as work advances; see `createProgressReporter`. */
  onProgress?: ((progress: SyncProgress) => void) | undefined;
  /** Called with things the person should know but that do not stop the sync (a damaged local file, the test key…). */
  onNotice?: ((message: string) => void) | undefined;
}

/** What a sync did, for the closing report and for tests. */
export interface SyncResult {
  /** `updated`: a new version is served; `up-to-date`: nothing to do; `repaired`: the current version was fixed. */
  status: 'updated' | 'up-to-date' | 'repaired';
  /** The source, as named in messages. */
  source: string;
  sourceKind: MirrorSource['kind'];
  /** The version served before the sync (`undefined` for a first sync). */
  previousId: string | undefined;
  /** The version served now. */
  versionId: string;
  manifest: Manifest;
  /** Size of the manifest and signature that were read, in bytes. */
  manifestBytes: number;
  /** Files downloaded (or copied from a source folder) by this run, sorted by path. */
  fetched: string[];
  fetchedBytes: number;
  /** Files taken from the versions already in the mirror. */
  reused: string[];
  reusedBytes: number;
  /** Files already checked in the staging area by an interrupted earlier sync, kept as they were. */
  resumed: string[];
  resumedBytes: number;
  /** Local files that should have been reusable but did not match their hash, so were fetched instead. */
  damagedLocal: string[];
  /** What a full copy would have cost minus what was fetched: `manifest.totalSize - fetchedBytes`. */
  savedBytes: number;
  /** Versions removed after the swap. */
  pruned: string[];
}

/** Which files of a new version can be taken from disk and which must be fetched, from hashes alone. */
export interface SyncPlan {
  reuse: ManifestFile[];
  fetch: ManifestFile[];
  reuseBytes: number;
  fetchBytes: number;
}

/**
 * Splits the files of a new version into those whose content is already on disk (any path, same SHA-256) and those
 * that must be fetched. Matching by hash, not by path, means a renamed or copied file is never downloaded again.
 *
 * @example
 * planSync(next.files, new Set(current.files.map((file) => file.sha256)))
 * // { reuse: [...unchanged files], fetch: [...changed and new files], reuseBytes, fetchBytes }
 */
export function planSync(files: readonly ManifestFile[], localHashes: ReadonlySet<string>): SyncPlan {
  const plan: SyncPlan = { reuse: [], fetch: [], reuseBytes: 0, fetchBytes: 0 };
  for (const file of files) {
    if (localHashes.has(file.sha256)) {
      plan.reuse.push(file);
      plan.reuseBytes += file.size;
    } else {
      plan.fetch.push(file);
      plan.fetchBytes += file.size;
    }
  }
  return plan;
}

// Generous upper bounds: a manifest of 100 000 files is about 13 MB.
const MAX_CURRENT_BYTES = 1024;
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
const MAX_SIGNATURE_BYTES = 4096;
const INCOMING_DIR = 'incoming';

/**
 * Updates a mirror from a newer one, safely:
 *
 * 1. reads the source's manifest and signature and checks the signature with the trusted key before anything else;
 * 2. keeps files already checked in `staging/` by an interrupted sync, reuses unchanged files from the local
 *    versions (hard link or copy, each hashed first), and fetches only the rest into `staging/`, checking each
 *    file's size and SHA-256 as it arrives (partial downloads live in `staging/incoming/` and are never trusted);
 * 3. moves the complete new version into `versions/`, then switches `CURRENT` and `index.html` atomically;
 * 4. removes versions older than the previous one (kept for `mirror rollback`) and the staging area.
 *
 * Until step 3 the mirror is not touched: a failed, killed or tampered sync leaves it serving the old version.
 *
 * @throws MirrorError saying what went wrong and that the mirror still serves its old version.
 *
 * @example
 * const result = await syncMirror({ source: 'http://192.168.1.10:8080/', mirrorDir: '/media/usb/iom' });
 * console.log(`${result.fetched.length} files downloaded, ${result.savedBytes} bytes saved`);
 */
export async function syncMirror(options: SyncOptions): Promise<SyncResult> {
  const mirrorDir = resolve(options.mirrorDir);
  const notice = options.onNotice ?? (() => {});
  const key = await readTrustedKey(mirrorDir, options.publicKeyFile);
  const fingerprint = keyFingerprint(key.pem, key.where);
  if (isTestKey(key.pem)) {
    notice(
      `Warning: this mirror trusts the TEST key (${fingerprint}), whose private half is public. Use it for tests only.`,
    );
  }

  const localId = await prepareMirrorFolder(mirrorDir, key.pem, options.publicKeyFile !== undefined);
  let stillServing =
    localId === undefined
      ? 'No version was installed in the mirror folder.'
      : `The mirror was not changed: it still serves version ${localId}.`;

  const release = await acquireMirrorLock(mirrorDir, 'sync');
  try {
    const source =
      typeof options.source === 'string'
        ? openSource(options.source, { idleTimeoutMs: options.idleTimeoutMs })
        : options.source;

    // 1. The signed manifest, checked before anything else is read from the source.
    const remoteId = parseCurrent(
      (await source.readSmall('CURRENT', MAX_CURRENT_BYTES)).toString('utf8'),
      `The CURRENT file of ${source.label}`,
    );
    const manifestBytes = await source.readSmall(manifestRef(remoteId), MAX_MANIFEST_BYTES);
    const signature = await source.readSmall(signatureRef(remoteId), MAX_SIGNATURE_BYTES);
    if (!verifyManifestSignature(manifestBytes, signature, key.pem, key.where)) {
      throw new MirrorError(
        `The manifest of version ${remoteId} from ${source.label} is not signed by the trusted key (${fingerprint}). ` +
          'No site file was fetched.',
        'Do not use this source: it may have been tampered with, or it was signed with another key. Ask headquarters ' +
          'which key signs the mirrors, and compare its fingerprint with the one above.',
      );
    }
    if (versionIdOf(manifestBytes) !== remoteId) {
      throw new MirrorError(
        `The source ${source.label} is inconsistent: its CURRENT names version ${remoteId}, but the manifest stored ` +
          `under that name is version ${versionIdOf(manifestBytes)}.`,
        'Repair the source (sync it again from a good copy), or use another source.',
      );
    }
    const manifest = parseManifest(manifestBytes, `the manifest of version ${remoteId} from ${source.label}`);
    const result: SyncResult = {
      status: 'updated',
      source: source.label,
      sourceKind: source.kind,
      previousId: localId,
      versionId: remoteId,
      manifest,
      manifestBytes: manifestBytes.length + signature.length,
      fetched: [],
      fetchedBytes: 0,
      reused: [],
      reusedBytes: 0,
      resumed: [],
      resumedBytes: 0,
      damagedLocal: [],
      savedBytes: manifest.totalSize,
      pruned: [],
    };

    if (remoteId === localId) {
      if (options.repair) {
        stillServing = `The mirror still serves version ${localId}; the files repaired so far are kept.`;
        await repairInPlace(mirrorDir, source, manifest, manifestBytes, signature, options, result);
        result.status = 'repaired';
      } else {
        result.status = 'up-to-date';
      }
      await repairIndexPage(mirrorDir, remoteId, manifest);
      result.savedBytes = manifest.totalSize - result.fetchedBytes;
      return result;
    }

    // 2. Assemble the new version in staging/<id>/.
    const stagingRoot = join(mirrorDir, STAGING_DIR);
    const tree = join(stagingRoot, remoteId);
    const incoming = join(stagingRoot, INCOMING_DIR);
    try {
      await prepareStaging(stagingRoot, remoteId);
      const wanted = new Map(manifest.files.map((file) => [file.path, file]));
      const staged = await keepCheckedStagedFiles(tree, wanted, options.onProgress);
      for (const file of manifest.files) {
        if (staged.has(file.path)) {
          result.resumed.push(file.path);
          result.resumedBytes += file.size;
        }
      }

      const candidates = await localCandidates(mirrorDir, localId);
      const plan = planSync(
        manifest.files.filter((file) => !staged.has(file.path)),
        new Set(candidates.keys()),
      );
      const toFetch = [...plan.fetch];
      let checked = 0;
      for (const file of plan.reuse) {
        let placed: 'linked' | 'copied' | false = false;
        for (const from of candidates.get(file.sha256) ?? []) {
          placed = await placeLocalCopy(from, diskPath(tree, file.path), file, options.preferHardLinks ?? true);
          if (placed) break;
        }
        if (placed) {
          result.reused.push(file.path);
          result.reusedBytes += file.size;
        } else {
          result.damagedLocal.push(file.path);
          toFetch.push(file);
          notice(`The local copy of "${file.path}" is damaged (its hash does not match); it will be fetched again.`);
        }
        checked++;
        options.onProgress?.({
          phase: 'checking',
          filesDone: checked,
          filesTotal: plan.reuse.length,
          bytesDone: 0,
          bytesTotal: 0,
        });
      }

      await fetchFiles(source, remoteId, toFetch, tree, incoming, options, result);

      await checkStagedTree(tree, manifest);
    } catch (error) {
      throw explainSystemError(error, `preparing the new version in ${tree}`);
    }

    // 3. The swap. Everything before the rename of CURRENT leaves the old version serving.
    try {
      await mkdir(join(mirrorDir, VERSIONS_DIR), { recursive: true });
      await writeFileAtomic(inMirror(mirrorDir, manifestRef(remoteId)), manifestBytes);
      await writeFileAtomic(inMirror(mirrorDir, signatureRef(remoteId)), signature);
      const target = inMirror(mirrorDir, versionFolderRef(remoteId));
      // A folder of this version may exist when the source went back to an older version (the one kept for
      // rollback). It is not being served, and its good files have just been reused, so it can go.
      await rm(target, { recursive: true, force: true });
      await rename(tree, target);
      await syncFolder(join(mirrorDir, VERSIONS_DIR));
    } catch (error) {
      throw explainSystemError(error, `moving the new version into ${join(mirrorDir, VERSIONS_DIR)}`);
    }
    try {
      await switchCurrent(mirrorDir, remoteId, manifest);
    } catch (error) {
      // CURRENT is the commit point: if it was written, the sync succeeded and only index.html is behind.
      if ((await readCurrentId(mirrorDir).catch(() => undefined)) !== remoteId) {
        throw explainSystemError(error, `switching ${join(mirrorDir, 'CURRENT')} to the new version`);
      }
      notice(`Could not update ${join(mirrorDir, INDEX_FILE)} (${(error as Error).message}); the next sync will.`);
    }

    // 4. Tidy up. Failures here do not undo the sync: they are reported and the next sync tries again.
    result.pruned = await pruneVersions(mirrorDir, [remoteId, ...(localId ? [localId] : [])], notice);
    await rm(stagingRoot, { recursive: true, force: true }).catch((error: unknown) => {
      notice(`Could not remove the staging folder ${stagingRoot} (${(error as Error).message}); the next sync will.`);
    });
    result.savedBytes = manifest.totalSize - result.fetchedBytes;
    result.fetched.sort(compareSitePaths);
    return result;
  } catch (error) {
    if (error instanceof MirrorError) error.message = `${error.message}\n${stillServing}`;
    throw error;
  } finally {
    await release();
  }
}

/**
 * Checks the mirror folder can be synced into and returns the version it serves. A missing or empty folder is
 * accepted for a first sync, as is one holding only what an interrupted first sync leaves.
 */
async function prepareMirrorFolder(
  mirrorDir: string,
  trustedKeyPem: string,
  keyGiven: boolean,
): Promise<string | undefined> {
  const localId = (await isFolder(mirrorDir)) ? await readCurrentId(mirrorDir) : undefined;
  if (localId !== undefined) return localId;
  await mkdir(mirrorDir, { recursive: true });
  const leftovers = (await readdir(mirrorDir)).filter(
    (name) => ![STAGING_DIR, VERSIONS_DIR, LOCK_FILE, TRUSTED_KEY_FILE].includes(name),
  );
  if (leftovers.length > 0) {
    throw new MirrorError(
      `${mirrorDir} is not a mirror (it has no CURRENT file) and is not empty (it holds ${leftovers.slice(0, 3).join(', ')}${leftovers.length > 3 ? ', …' : ''}).`,
      'Give the folder of an existing mirror, or an empty folder to start a new one.',
    );
  }
  if (keyGiven) {
    // A new mirror remembers the key it was started with, so later syncs need no --public-key.
    await writeFileAtomic(join(mirrorDir, TRUSTED_KEY_FILE), trustedKeyPem);
  }
  return undefined;
}

/**
 * Makes sure `staging/<id>/` exists. When an earlier sync to another version was interrupted, its folder becomes
 * this one (most files of consecutive versions are the same, and are re-checked below); partial downloads are
 * thrown away.
 */
async function prepareStaging(stagingRoot: string, id: string): Promise<void> {
  await rm(join(stagingRoot, INCOMING_DIR), { recursive: true, force: true });
  await mkdir(stagingRoot, { recursive: true });
  const tree = join(stagingRoot, id);
  const others = (await readdir(stagingRoot)).filter((name) => name !== id && name !== INCOMING_DIR);
  for (const name of others) {
    if (isVersionId(name) && !(await isFolder(tree))) await rename(join(stagingRoot, name), tree);
    else await rm(join(stagingRoot, name), { recursive: true, force: true });
  }
  await mkdir(tree, { recursive: true });
  await mkdir(join(stagingRoot, INCOMING_DIR), { recursive: true });
}

/**
 * Hashes what an earlier, interrupted sync left in the staging tree and keeps only files that match the new
 * manifest. They were checked before being moved there, but a power cut can still leave a file half-written.
 */
async function keepCheckedStagedFiles(
  tree: string,
  wanted: ReadonlyMap<string, ManifestFile>,
  onProgress: SyncOptions['onProgress'],
): Promise<Set<string>> {
  const kept = new Set<string>();
  const { files, others } = await walkFolder(tree);
  for (const path of others) await rm(diskPath(tree, path), { force: true });
  let done = 0;
  for (const path of files) {
    const expected = wanted.get(path);
    if (expected && (await fileMatches(diskPath(tree, path), expected))) kept.add(path);
    else await unlink(diskPath(tree, path));
    done++;
    onProgress?.({ phase: 'checking', filesDone: done, filesTotal: files.length, bytesDone: 0, bytesTotal: 0 });
  }
  return kept;
}

/**
 * Where each piece of content can be found on disk: SHA-256 → file paths, from the manifests of the versions in the
 * mirror, the current one first. The manifests are only hints here: every file is hashed before it is reused.
 */
async function localCandidates(mirrorDir: string, localId: string | undefined): Promise<Map<string, string[]>> {
  const candidates = new Map<string, string[]>();
  const ids = await listVersionIds(mirrorDir);
  const ordered = localId === undefined ? ids : [localId, ...ids.filter((id) => id !== localId)];
  for (const id of ordered) {
    let manifest: Manifest;
    try {
      manifest = (await readStoredVersion(mirrorDir, id)).manifest;
    } catch {
      continue; // A damaged old version simply offers nothing to reuse.
    }
    const folder = inMirror(mirrorDir, versionFolderRef(id));
    for (const file of manifest.files) {
      const paths = candidates.get(file.sha256) ?? [];
      paths.push(diskPath(folder, file.path));
      candidates.set(file.sha256, paths);
    }
  }
  return candidates;
}

async function fetchFiles(
  source: MirrorSource,
  id: string,
  files: ManifestFile[],
  tree: string,
  incoming: string,
  options: SyncOptions,
  result: SyncResult,
): Promise<void> {
  if (files.length === 0) return;
  const queue = [...files];
  const bytesTotal = files.reduce((sum, file) => sum + file.size, 0);
  let bytesDone = 0;
  let filesDone = 0;
  let partNumber = 0;
  let failure: Error | undefined;
  const stop = new AbortController();
  const report = (): void =>
    options.onProgress?.({ phase: 'fetching', filesDone, filesTotal: files.length, bytesDone, bytesTotal });
  const where = source.kind === 'http' ? `downloaded from ${source.label}` : `in the source folder ${source.label}`;

  async function fetchOne(file: ManifestFile): Promise<void> {
    const part = join(incoming, `${++partNumber}.part`);
    const chunks = await source.readStream(`${versionFolderRef(id)}/${file.path}`, stop.signal);
    await writeVerified(chunks, part, file, where, (count) => {
      bytesDone += count;
      report();
    });
    const destination = diskPath(tree, file.path);
    await mkdir(dirname(destination), { recursive: true });
    await rename(part, destination);
    result.fetched.push(file.path);
    result.fetchedBytes += file.size;
    filesDone++;
    report();
  }

  async function worker(): Promise<void> {
    while (queue.length > 0 && failure === undefined) {
      const file = queue.shift()!;
      try {
        await fetchOne(file);
      } catch (error) {
        // The first failure wins; the others are usually its consequence (downloads stopped on purpose).
        if (failure === undefined) failure = error instanceof Error ? error : new Error(String(error));
        stop.abort();
      }
    }
  }

  report();
  const workers = Math.max(1, Math.min(options.concurrency ?? 4, files.length));
  await Promise.all(Array.from({ length: workers }, worker));
  if (failure !== undefined) {
    if (failure instanceof MirrorError && result.fetched.length + result.resumed.length > 0) {
      failure.message +=
        `\n${result.fetched.length + result.resumed.length} files already checked are kept in the staging area; ` +
        'the next sync will not fetch them again.';
    }
    throw failure;
  }
}

/**
 * Fixes the version being served, file by file: each damaged or missing file is taken from another local version
 * when one has the same content, or fetched and checked, then renamed over the bad one (readers see the bad file or
 * the good one, never half of it). Extra files are deleted, and the manifest and signature rewritten from the source.
 */
async function repairInPlace(
  mirrorDir: string,
  source: MirrorSource,
  manifest: Manifest,
  manifestBytes: Buffer,
  signature: Buffer,
  options: SyncOptions,
  result: SyncResult,
): Promise<void> {
  const id = result.versionId;
  const folder = inMirror(mirrorDir, versionFolderRef(id));
  const stagingRoot = join(mirrorDir, STAGING_DIR);
  const incoming = join(stagingRoot, INCOMING_DIR);
  try {
    await rm(incoming, { recursive: true, force: true });
    await mkdir(incoming, { recursive: true });
    const bad: ManifestFile[] = [];
    let done = 0;
    for (const file of manifest.files) {
      if (await fileMatches(diskPath(folder, file.path), file)) {
        result.reused.push(file.path);
        result.reusedBytes += file.size;
      } else {
        bad.push(file);
      }
      done++;
      options.onProgress?.({
        phase: 'checking',
        filesDone: done,
        filesTotal: manifest.files.length,
        bytesDone: 0,
        bytesTotal: 0,
      });
    }
    const listed = new Set(manifest.files.map((file) => file.path));
    const tree = await walkFolder(folder).catch(() => ({ files: [], others: [] }));
    for (const path of [...tree.files, ...tree.others]) {
      if (!listed.has(path)) await rm(diskPath(folder, path), { force: true });
    }
    result.damagedLocal = bad.map((file) => file.path);
    const candidates = await localCandidates(mirrorDir, undefined);
    const toFetch: ManifestFile[] = [];
    for (const file of bad) {
      let placed: 'linked' | 'copied' | false = false;
      for (const from of (candidates.get(file.sha256) ?? []).filter((path) => !path.startsWith(folder))) {
        // Copied next to the target first, then renamed over it: the swap of one file is atomic.
        const temporary = join(incoming, `local-${result.reused.length}.part`);
        placed = await placeLocalCopy(from, temporary, file, options.preferHardLinks ?? true);
        if (placed) {
          await mkdir(dirname(diskPath(folder, file.path)), { recursive: true });
          await rename(temporary, diskPath(folder, file.path));
          break;
        }
      }
      if (placed) {
        result.reused.push(file.path);
        result.reusedBytes += file.size;
      } else {
        toFetch.push(file);
      }
    }
    await fetchFiles(source, id, toFetch, folder, incoming, options, result);
    await writeFileAtomic(inMirror(mirrorDir, manifestRef(id)), manifestBytes);
    await writeFileAtomic(inMirror(mirrorDir, signatureRef(id)), signature);
    await rm(stagingRoot, { recursive: true, force: true });
  } catch (error) {
    throw explainSystemError(error, `repairing ${folder}`);
  }
  result.fetched.sort(compareSitePaths);
}

/** Last check before the swap: the staging tree holds exactly the manifest's files (each was hashed on the way in). */
async function checkStagedTree(tree: string, manifest: Manifest): Promise<void> {
  const { files, others } = await walkFolder(tree);
  const wanted = new Set(manifest.files.map((file) => file.path));
  const extra = [...files, ...others].filter((path) => !wanted.has(path));
  for (const path of extra) await rm(diskPath(tree, path), { force: true });
  const present = new Set(files);
  const missing = manifest.files.filter((file) => !present.has(file.path)).map((file) => file.path);
  if (missing.length > 0) {
    throw new MirrorError(
      `The new version is incomplete; missing from the staging area: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}.`,
      'Run the sync again. If this repeats, report it: it is a bug in the mirror tool.',
    );
  }
}

/** Rewrites `index.html` when it does not open the current version (a sync killed between the two writes). */
async function repairIndexPage(mirrorDir: string, id: string, manifest: Manifest): Promise<void> {
  const expected = renderIndexHtml(id, manifest);
  const actual = await readFile(join(mirrorDir, INDEX_FILE), 'utf8').catch(() => '');
  if (actual !== expected) await writeFileAtomic(join(mirrorDir, INDEX_FILE), expected);
}

/**
 * Removes every version but `keep` (the new one and the one it replaced, kept for rollback), including folders
 * left without a manifest by a crash.
 */
export async function pruneVersions(
  mirrorDir: string,
  keep: readonly string[],
  notice: (message: string) => void = () => {},
): Promise<string[]> {
  const versions = join(mirrorDir, VERSIONS_DIR);
  let names: string[];
  try {
    names = await readdir(versions);
  } catch (error) {
    if (hasErrorCode(error, 'ENOENT')) return [];
    throw error;
  }
  const pruned = new Set<string>();
  for (const name of names) {
    const id = /^([0-9a-f]{16})(\.manifest\.json|\.manifest\.sig)?$/.exec(name)?.[1];
    if (id === undefined || keep.includes(id)) continue;
    try {
      await rm(join(versions, name), { recursive: true, force: true });
      pruned.add(id);
    } catch (error) {
      notice(
        `Could not remove the old version ${join(versions, name)} (${(error as Error).message}); the next sync will try again.`,
      );
    }
  }
  return [...pruned].sort();
}
