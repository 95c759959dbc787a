import { mkdir, readFile, readdir, rename, rm, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { syncFolder, writeFileAtomic } from './atomic-write.ts';
import { compress, decompress } from './compressed.ts';
import { applyDelta } from './delta.ts';
import { deltaPackRef, parseDeltaPack } from './delta-pack.ts';
import type { DeltaPack } from './delta-pack.ts';
import { MirrorError, explainSystemError, hasErrorCode } from './mirror-error.ts';
import { acquireMirrorLock } from './mirror-lock.ts';
import {
  INDEX_FILE,
  LOCK_FILE,
  PARTS_DIR,
  STAGING_DIR,
  TRUSTED_KEY_FILE,
  VERSIONS_DIR,
  compressedManifestRef,
  inMirror,
  isFolder,
  listVersionIds,
  manifestRef,
  partRef,
  readCurrentId,
  readStoredPart,
  readStoredRoot,
  readStoredVersion,
  readTrustedKey,
  renderIndexHtml,
  signatureRef,
  switchCurrent,
  versionFolderRef,
  writeVersionMetadata,
} from './mirror-layout.ts';
import type { StoredRoot } from './mirror-layout.ts';
import {
  assembleManifest,
  isVersionId,
  parsePart,
  parseRoot,
  partMatches,
  sha256Hex,
  versionIdOf,
  versionLabel,
} from './manifest.ts';
import type { Manifest, ManifestFile, PartRef, Root } from './manifest.ts';
import type { SyncProgress } from './progress.ts';
import { isTestKey, keyFingerprint, verifyManifestSignature } from './signature.ts';
import { compareSitePaths } from './site-path.ts';
import { diskPath, fileMatches, placeLocalCopy, walkFolder, writeVerified } from './site-files.ts';
import { openSource, readSiteFile } from './sync-source.ts';
import type { MirrorSource, SourceLayout } from './sync-source.ts';

/** What `syncMirror` needs. */
export interface SyncOptions {
  /**
   * A folder (a bundle, another mirror, a channel), an http(s) address (a channel or a bundle on any web server, or
   * another office's `mirror serve`), or an opened source.
   */
  source: string | MirrorSource;
  /** The mirror to update. May be missing or empty for a first sync; then `publicKeyFile` is required. */
  mirrorDir: string;
  /** The public key to trust. Default: `trusted-public-key.pem` in the mirror. */
  publicKeyFile?: string | undefined;
  /**
   * Accept a version whose number is lower than the one the mirror serves, or equal with other content. Off by
   * default: that is how a mirror would be taken back in time by whoever controls a source.
   */
  allowDowngrade?: boolean | undefined;
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
  sourceLayout: SourceLayout;
  /** The version served before the sync (`undefined` for a first sync). */
  previousId: string | undefined;
  /** Its version number (`undefined` for a first sync, or a mirror of the first format). */
  previousVersion: number | undefined;
  /** The version served now. */
  versionId: string;
  /** Its manifest; only the header (no files) when the mirror was already up to date. */
  manifest: Manifest;
  /** Parts of the file list that the root names, and how many of them were fetched (the others were on disk). */
  partCount: number;
  partsFetched: number;
  /** Bytes received before the files: the pointer, the root, its signature, the parts fetched and the delta pack. */
  metadataBytes: number;
  /** Every byte received from the source: metadata and files, as they crossed the link (compressed or not). */
  receivedBytes: number;
  /** Files downloaded (or copied from a source folder) by this run, sorted by path. */
  fetched: string[];
  /** Their size once on disk. */
  fetchedBytes: number;
  /** Files taken from the versions already in the mirror. */
  reused: string[];
  reusedBytes: number;
  /** Files already checked in the staging area by an interrupted earlier sync, kept as they were. */
  resumed: string[];
  resumedBytes: number;
  /** Files rebuilt from their old version with a delta from the source's pack (also listed in `fetched`). */
  patched: string[];
  /** A channel's delta pack from the mirror's version was used (for the root, parts or files). */
  usedDeltaPack: boolean;
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

/**
 * Why a version may not replace the one a mirror serves, or `undefined` when it may: its number must be higher, and
 * an equal number must come with the same content. A mirror in the first format (no number) accepts any version once.
 *
 * @example
 * downgradeProblem({ id: 'b…', version: 5 }, { id: 'a…', version: 7 }) // 'older'
 */
export function downgradeProblem(
  offered: { id: string; version: number },
  serving: { id: string; version: number | undefined } | undefined,
): 'older' | 'same-number' | undefined {
  if (serving?.version === undefined || offered.id === serving.id) return undefined;
  if (offered.version < serving.version) return 'older';
  if (offered.version === serving.version) return 'same-number';
  return undefined;
}

// Generous upper bounds: a root of 100 000 files (about 3 000 parts) is about 300 kB.
const MAX_ROOT_BYTES = 16 * 1024 * 1024;
const MAX_SIGNATURE_BYTES = 4096;
const INCOMING_DIR = 'incoming';
const DELTAS_DIR = 'deltas';
/** A delta pack holds what changed between two versions; far more than this is no longer a delta. */
const MAX_PACK_BYTES = 64 * 1024 * 1024;
/** Parts are small: more of them are fetched at once than files, so that round trips on a slow link overlap. */
const PART_CONCURRENCY = 8;

/** The signed metadata of the version a source offers, checked. */
interface RemoteVersion {
  id: string;
  layout: SourceLayout;
  root: Root;
  rootBytes: Buffer;
  /** The compressed root as received, to store as is; `undefined` when the source only had the plain one. */
  compressedRoot: Buffer | undefined;
  signature: Buffer;
}

/**
 * Updates a mirror from a newer one, safely:
 *
 * 1. reads the source's pointer, the signed root and its signature, and checks the signature with the trusted key
 *    before anything else; refuses a version number lower than the mirror's (or equal with other content) unless
 *    `allowDowngrade`;
 * 2. reads the parts of the file list that the mirror does not have yet (each checked against the root's hash);
 * 3. keeps files already checked in `staging/` by an interrupted sync, reuses unchanged files from the local
 *    versions (hard link or copy, each hashed first), and fetches only the rest into `staging/`, checking each
 *    file's size and SHA-256 as it arrives (partial downloads live in `staging/incoming/` and are never trusted);
 * 4. moves the complete new version into `versions/`, then switches `CURRENT` and `index.html` atomically;
 * 5. removes versions older than the previous one (kept for `mirror rollback`), unused parts and the staging area.
 *
 * Until step 4 the mirror is not touched: a failed, killed or tampered sync leaves it serving the old version.
 *
 * @throws MirrorError saying what went wrong and that the mirror still serves its old version.
 *
 * @example
 * const result = await syncMirror({ source: 'https://www.example.org/iom-mirror/', mirrorDir: '/media/usb/iom' });
 * console.log(`${result.fetched.length} files downloaded, ${result.receivedBytes} bytes received`);
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
    const local = localId === undefined ? undefined : await readLocalRoot(mirrorDir, localId, notice);
    const source =
      typeof options.source === 'string'
        ? openSource(options.source, { idleTimeoutMs: options.idleTimeoutMs })
        : options.source;

    // 1. The pointer, then the signed root, checked before anything else is read from the source.
    const pointer = await source.readPointer();
    const upToDate = pointer.id === localId && local !== undefined;
    if (upToDate && !options.repair) {
      await repairIndexPage(mirrorDir, localId, local.manifest);
      return upToDateResult(source, pointer.layout, local);
    }
    const stagingRoot = join(mirrorDir, STAGING_DIR);
    // From a channel, one request may bring everything that changed as deltas against what this mirror holds.
    const pack =
      pointer.layout === 'channel' && local?.stored.root !== undefined && !upToDate
        ? await readDeltaPack(source, local.id, pointer.id, stagingRoot, notice)
        : undefined;
    const remote = await readRemoteRoot(source, pointer.id, pointer.layout, key, fingerprint, pack && local && { pack, local });
    const offered = { id: remote.id, version: remote.root.version! };
    const problem = downgradeProblem(offered, local && { id: local.id, version: local.manifest.version });
    if (problem !== undefined && !options.allowDowngrade) throw downgradeError(problem, remote, local!, source);
    if (local !== undefined && local.manifest.version === undefined) {
      notice(
        `This mirror is in the first format, without version numbers: this sync brings it to the current format. ` +
          'Its files are reused, but the whole file list is read once.',
      );
    }

    const tree = join(stagingRoot, remote.id);
    const incoming = join(stagingRoot, INCOMING_DIR);
    const stagedParts = join(stagingRoot, PARTS_DIR);
    const result: SyncResult = {
      status: 'updated',
      source: source.label,
      sourceKind: source.kind,
      sourceLayout: remote.layout,
      previousId: localId,
      previousVersion: local?.manifest.version,
      versionId: remote.id,
      manifest: { ...remote.root, files: [] },
      partCount: remote.root.parts.length,
      partsFetched: 0,
      metadataBytes: 0,
      receivedBytes: 0,
      fetched: [],
      fetchedBytes: 0,
      reused: [],
      reusedBytes: 0,
      resumed: [],
      resumedBytes: 0,
      patched: [],
      usedDeltaPack: pack !== undefined,
      damagedLocal: [],
      savedBytes: remote.root.totalSize,
      pruned: [],
    };

    // 2. The parts of the file list: from the mirror's own parts/, from an interrupted sync, or from the source.
    let newParts: string[];
    try {
      await prepareStaging(stagingRoot, remote.id);
      if (pack !== undefined) await keepDeltaPack(stagingRoot, pack);
      const parts = await readParts(mirrorDir, stagedParts, source, remote, pack?.pack, options, result);
      result.manifest = parts.manifest;
      newParts = parts.staged;
    } catch (error) {
      throw explainSystemError(error, `reading the file list into ${stagedParts}`);
    } finally {
      result.metadataBytes = source.bytesReceived();
      result.receivedBytes = source.bytesReceived();
    }
    const { manifest } = result;
    const metadata = {
      rootBytes: remote.rootBytes,
      compressedRoot: remote.compressedRoot,
      signature: remote.signature,
      parts: await Promise.all(
        newParts.map(async (sha256) => ({ sha256, compressed: await readFile(join(stagedParts, `${sha256}.json.gz`)) })),
      ),
    };

    if (upToDate) {
      stillServing = `The mirror still serves version ${localId}; the files repaired so far are kept.`;
      await repairInPlace(mirrorDir, source, remote, metadata, options, result);
      result.status = 'repaired';
      await repairIndexPage(mirrorDir, remote.id, manifest);
      result.savedBytes = manifest.totalSize - result.fetchedBytes;
      result.receivedBytes = source.bytesReceived();
      return result;
    }

    // 3. Assemble the new version in staging/<id>/.
    try {
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

      const remaining = pack === undefined ? toFetch : await patchFiles(pack.pack, toFetch, candidates, tree, result);
      await fetchFiles(source, remote, remaining, tree, incoming, options, result);

      await checkStagedTree(tree, manifest);
    } catch (error) {
      throw explainSystemError(error, `preparing the new version in ${tree}`);
    } finally {
      result.receivedBytes = source.bytesReceived();
    }

    // 4. The swap. Everything before the rename of CURRENT leaves the old version serving.
    try {
      await writeVersionMetadata(mirrorDir, remote.id, metadata);
      const target = inMirror(mirrorDir, versionFolderRef(remote.id));
      // A folder of this version may exist when the source went back to an older version (the one kept for
      // rollback). It is not being served, and its good files have just been reused, so it can go.
      await rm(target, { recursive: true, force: true });
      await rename(tree, target);
      await syncFolder(join(mirrorDir, VERSIONS_DIR));
    } catch (error) {
      throw explainSystemError(error, `moving the new version into ${join(mirrorDir, VERSIONS_DIR)}`);
    }
    try {
      await switchCurrent(mirrorDir, remote.id, manifest);
    } catch (error) {
      // CURRENT is the commit point: if it was written, the sync succeeded and only index.html is behind.
      if ((await readCurrentId(mirrorDir).catch(() => undefined)) !== remote.id) {
        throw explainSystemError(error, `switching ${join(mirrorDir, 'CURRENT')} to the new version`);
      }
      notice(`Could not update ${join(mirrorDir, INDEX_FILE)} (${(error as Error).message}); the next sync will.`);
    }

    // 5. Tidy up. Failures here do not undo the sync: they are reported and the next sync tries again.
    result.pruned = await pruneVersions(mirrorDir, [remote.id, ...(localId ? [localId] : [])], notice);
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

/** The version a mirror serves, as far as a sync needs it: its root and header. */
interface LocalVersion {
  id: string;
  stored: StoredRoot;
  /** Header only (no files) for a format-2 root; the whole manifest for the first format. */
  manifest: Manifest;
}

/**
 * Reads the root of the version the mirror serves, to compare version numbers. A root that cannot be read is
 * reported and treated as unknown: the new version is then checked against nothing but the signature.
 */
async function readLocalRoot(
  mirrorDir: string,
  id: string,
  notice: (message: string) => void,
): Promise<LocalVersion | undefined> {
  try {
    const stored = await readStoredRoot(mirrorDir, id);
    const manifest = stored.legacy ?? { ...stored.root!, files: [] };
    return { id, stored, manifest };
  } catch (error) {
    if (!(error instanceof MirrorError)) throw error;
    notice(`The manifest of the version this mirror serves cannot be read (${error.message}); it will be replaced.`);
    return undefined;
  }
}

function upToDateResult(source: MirrorSource, layout: SourceLayout, local: LocalVersion): SyncResult {
  return {
    status: 'up-to-date',
    source: source.label,
    sourceKind: source.kind,
    sourceLayout: layout,
    previousId: local.id,
    previousVersion: local.manifest.version,
    versionId: local.id,
    manifest: local.manifest,
    partCount: local.stored.root?.parts.length ?? 0,
    partsFetched: 0,
    metadataBytes: source.bytesReceived(),
    receivedBytes: source.bytesReceived(),
    fetched: [],
    fetchedBytes: 0,
    reused: [],
    reusedBytes: 0,
    resumed: [],
    resumedBytes: 0,
    patched: [],
    usedDeltaPack: false,
    damagedLocal: [],
    savedBytes: local.manifest.totalSize,
    pruned: [],
  };
}

/**
 * Reads the root a source offers and its signature, and checks them: signature with the trusted key, root hashing
 * to the id the pointer named, then its content. The compressed copy is read when the source has one.
 */
async function readRemoteRoot(
  source: MirrorSource,
  id: string,
  layout: SourceLayout,
  key: { pem: string; where: string },
  fingerprint: string,
  patch?: { pack: FetchedPack; local: LocalVersion },
): Promise<RemoteVersion> {
  const where = `the manifest of version ${id} from ${source.label}`;
  const signature = (await source.readSmall(signatureRef(id), MAX_SIGNATURE_BYTES))!;
  // The root rebuilt from the one this mirror serves, when the pack has it: it must pass the same checks as a root
  // fetched whole, and is fetched whole when it does not.
  const rebuilt = patch && rebuildRoot(patch.pack.pack, patch.local.stored.manifestBytes, id);
  if (rebuilt !== undefined && versionIdOf(rebuilt) === id && verifyManifestSignature(rebuilt, signature, key.pem, key.where)) {
    return { id, layout, root: parseRoot(rebuilt, where), rootBytes: rebuilt, compressedRoot: undefined, signature };
  }
  const compressedRoot = await source.readSmall(compressedManifestRef(id), MAX_ROOT_BYTES, { optional: true });
  const rootBytes =
    compressedRoot === undefined
      ? (await source.readSmall(manifestRef(id), MAX_ROOT_BYTES))!
      : decompress(compressedRoot, MAX_ROOT_BYTES, where);
  if (!verifyManifestSignature(rootBytes, signature, key.pem, key.where)) {
    throw new MirrorError(
      `The manifest of version ${id} from ${source.label} is not signed by the trusted key (${fingerprint}). ` +
        'No site file was fetched.',
      'Do not use this source: it may have been tampered with, or it was signed with another key. Ask headquarters ' +
        'which key signs the mirrors, and compare its fingerprint with the one above.',
    );
  }
  if (versionIdOf(rootBytes) !== id) {
    throw new MirrorError(
      `The source ${source.label} is inconsistent: it names version ${id}, but the manifest stored ` +
        `under that name is version ${versionIdOf(rootBytes)}.`,
      'Repair the source (sync it again from a good copy), or use another source.',
    );
  }
  const root = parseRoot(rootBytes, where);
  return { id, layout, root, rootBytes, compressedRoot, signature };
}

function downgradeError(
  problem: 'older' | 'same-number',
  remote: RemoteVersion,
  local: LocalVersion,
  source: MirrorSource,
): MirrorError {
  const offered = versionLabel(remote.id, remote.root);
  const serving = versionLabel(local.id, local.manifest);
  if (problem === 'older') {
    return new MirrorError(
      `The source ${source.label} offers ${offered}, which is older than the ${serving} this mirror serves. ` +
        'Syncing would take the mirror back in time, and with it its pages and safety information.',
      'Do not update from this source: it is out of date, or someone is serving an old copy on purpose. If ' +
        'headquarters asked you to go back to this version, run the same command again with --allow-downgrade.',
    );
  }
  return new MirrorError(
    `The source ${source.label} offers ${offered}: the same version number as the ${serving} this mirror serves, ` +
      'but other content. Headquarters never publishes two versions under one number, so one of them was not made ' +
      'the usual way.',
    'Do not update from this source; ask headquarters which version is right. If they confirm this one, run the ' +
      'same command again with --allow-downgrade.',
  );
}

/**
 * Gets every part the root names, checked against its hash: from the mirror's `parts/` folder, from the staging area
 * of an interrupted sync, or fetched from the source (then kept in `staging/parts/` until the swap). Returns the
 * assembled manifest and the parts that are staged, which the swap moves into `parts/`.
 */
async function readParts(
  mirrorDir: string,
  stagedParts: string,
  source: MirrorSource,
  remote: RemoteVersion,
  pack: DeltaPack | undefined,
  options: SyncOptions,
  result: SyncResult,
): Promise<{ manifest: Manifest; staged: string[] }> {
  await mkdir(stagedParts, { recursive: true });
  const refs = remote.root.parts;
  const files: ManifestFile[][] = new Array<ManifestFile[]>(refs.length);
  const staged = new Set<string>();
  const missing: number[] = [];
  for (const [index, ref] of refs.entries()) {
    const local = await readStoredPart(mirrorDir, ref).catch(() => undefined);
    if (local !== undefined) {
      files[index] = local;
      continue;
    }
    const resumed = (await readStagedPart(stagedParts, ref)) ?? (await patchPart(mirrorDir, stagedParts, pack, ref));
    if (resumed !== undefined) {
      files[index] = resumed;
      staged.add(ref.sha256);
    } else {
      missing.push(index);
    }
  }
  let done = refs.length - missing.length;
  const report = (): void =>
    options.onProgress?.({ phase: 'metadata', filesDone: done, filesTotal: refs.length, bytesDone: 0, bytesTotal: 0 });
  report();
  await forEachConcurrently(missing, PART_CONCURRENCY, async (index) => {
    const ref = refs[index]!;
    files[index] = await fetchPart(source, remote, ref, stagedParts);
    staged.add(ref.sha256);
    result.partsFetched++;
    done++;
    report();
  });
  const manifest = assembleManifest(remote.root, files, `the manifest of version ${remote.id} from ${source.label}`);
  return { manifest, staged: refs.map((ref) => ref.sha256).filter((sha256) => staged.has(sha256)) };
}

/** A delta pack read from a source, with its bytes as received (kept in the staging area for a resumed sync). */
interface FetchedPack {
  pack: DeltaPack;
  compressed: Buffer;
}

/**
 * Reads the delta pack from the version this mirror serves to the one the source offers: from the staging area of an
 * interrupted sync, else from the source. `undefined` when the source has none (a version too old, or a channel that
 * makes none) or when it cannot be read: a sync then fetches what changed whole.
 */
async function readDeltaPack(
  source: MirrorSource,
  from: string,
  to: string,
  stagingRoot: string,
  notice: (message: string) => void,
): Promise<FetchedPack | undefined> {
  const kept = join(stagingRoot, DELTAS_DIR, `${from}-${to}.gz`);
  for (const read of [
    () => readFile(kept).catch(() => undefined),
    () => source.readSmall(deltaPackRef(from, to), MAX_PACK_BYTES, { optional: true }),
  ]) {
    const compressed = await read();
    if (compressed === undefined) continue;
    try {
      return { pack: parseDeltaPack(compressed, from, to, MAX_PACK_BYTES), compressed };
    } catch (error) {
      if (!(error instanceof MirrorError)) throw error;
      notice(`The delta pack from ${source.label} cannot be used (${error.message}); what changed is fetched whole.`);
    }
  }
  return undefined;
}

async function keepDeltaPack(stagingRoot: string, fetched: FetchedPack): Promise<void> {
  await mkdir(join(stagingRoot, DELTAS_DIR), { recursive: true });
  await writeFileAtomic(join(stagingRoot, DELTAS_DIR, `${fetched.pack.from}-${fetched.pack.to}.gz`), fetched.compressed);
}

/** The new root rebuilt from the old one, when the pack has its delta and it applies; checked by the caller. */
function rebuildRoot(pack: DeltaPack, oldRoot: Buffer, id: string): Buffer | undefined {
  const entry = [...pack.entries.values()].find((item) => item.kind === 'root' && item.target.startsWith(id));
  if (entry === undefined || entry.base !== sha256Hex(oldRoot)) return undefined;
  try {
    return applyDelta(oldRoot, entry.delta, MAX_ROOT_BYTES);
  } catch {
    return undefined;
  }
}

/**
 * A part rebuilt from a part this mirror holds and the pack's delta, checked against the root's hash and staged
 * like a fetched one; `undefined` when the pack cannot give it.
 */
async function patchPart(
  mirrorDir: string,
  stagedParts: string,
  pack: DeltaPack | undefined,
  ref: PartRef,
): Promise<ManifestFile[] | undefined> {
  const entry = pack?.entries.get(ref.sha256);
  if (entry === undefined || entry.kind !== 'part') return undefined;
  try {
    const base = decompress(await readFile(inMirror(mirrorDir, partRef(entry.base))), MAX_ROOT_BYTES, 'a local part');
    if (sha256Hex(base) !== entry.base) return undefined;
    const text = applyDelta(base, entry.delta, ref.size);
    if (!partMatches(text, ref)) return undefined;
    const files = parsePart(text, 'a part rebuilt from a delta');
    await writeFileAtomic(join(stagedParts, `${ref.sha256}.json.gz`), compress(text));
    return files;
  } catch (error) {
    if (error instanceof MirrorError || hasErrorCode(error, 'ENOENT')) return undefined;
    throw error;
  }
}

/**
 * Rebuilds the files the pack has deltas for from their old versions on disk, each checked like a download (size and
 * SHA-256 against the signed list) before it goes into the staging tree. Returns the files still to fetch.
 */
async function patchFiles(
  pack: DeltaPack,
  files: readonly ManifestFile[],
  candidates: ReadonlyMap<string, string[]>,
  tree: string,
  result: SyncResult,
): Promise<ManifestFile[]> {
  const remaining: ManifestFile[] = [];
  for (const file of files) {
    const entry = pack.entries.get(file.sha256);
    let done = false;
    if (entry?.kind === 'file') {
      for (const from of candidates.get(entry.base) ?? []) {
        try {
          const base = await readFile(from);
          if (sha256Hex(base) !== entry.base) continue;
          const bytes = applyDelta(base, entry.delta, file.size);
          await writeVerified([bytes], diskPath(tree, file.path), file, 'rebuilt from a delta');
          done = true;
          break;
        } catch (error) {
          if (!(error instanceof MirrorError) && !hasErrorCode(error, 'ENOENT')) throw error;
        }
      }
    }
    if (done) {
      result.fetched.push(file.path);
      result.fetchedBytes += file.size;
      result.patched.push(file.path);
    } else {
      remaining.push(file);
    }
  }
  return remaining;
}

async function readStagedPart(stagedParts: string, ref: PartRef): Promise<ManifestFile[] | undefined> {
  try {
    const bytes = decompress(await readFile(join(stagedParts, `${ref.sha256}.json.gz`)), ref.size, 'a staged part');
    return partMatches(bytes, ref) ? parsePart(bytes, 'a staged part') : undefined;
  } catch {
    return undefined;
  }
}

async function fetchPart(
  source: MirrorSource,
  remote: RemoteVersion,
  ref: PartRef,
  stagedParts: string,
): Promise<ManifestFile[]> {
  const name = partRef(ref.sha256);
  const where = `the part ${name} of version ${remote.id} from ${source.label}`;
  // Compressed, a part is smaller than its text; the margin covers gzip's few bytes of framing on tiny parts.
  const compressed = (await source.readSmall(name, ref.size + 1024))!;
  let bytes: Buffer;
  try {
    bytes = decompress(compressed, ref.size, where);
  } catch (error) {
    if (!(error instanceof MirrorError)) throw error;
    bytes = Buffer.alloc(0);
  }
  if (!partMatches(bytes, ref)) {
    throw new MirrorError(
      `The part ${name} from ${source.label} does not match the signed manifest of version ${remote.id}:\n` +
        `    expected ${ref.size} bytes, sha256 ${ref.sha256}\n` +
        `    got      ${bytes.length} bytes${bytes.length === 0 ? ' that decompress' : `, sha256 ${sha256Hex(bytes)}`}\n` +
        'No site file was fetched.',
      'Do not use this source: it may have been tampered with. Run the sync again from another source.',
    );
  }
  const files = parsePart(bytes, where);
  await writeFileAtomic(join(stagedParts, `${ref.sha256}.json.gz`), compressed);
  return files;
}

/** Runs `task` on every item, at most `concurrency` at once; the first failure stops the others from starting. */
async function forEachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  const queue = [...items];
  let failure: unknown;
  let failed = false;
  async function worker(): Promise<void> {
    while (queue.length > 0 && !failed) {
      const item = queue.shift()!;
      try {
        await task(item);
      } catch (error) {
        if (!failed) failure = error;
        failed = true;
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  if (failed) throw failure;
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
 * this one (most files of consecutive versions are the same, and are re-checked below), and the parts it fetched stay
 * in `staging/parts/` (they are named by their content, and checked again before use); partial downloads are thrown
 * away.
 */
async function prepareStaging(stagingRoot: string, id: string): Promise<void> {
  await rm(join(stagingRoot, INCOMING_DIR), { recursive: true, force: true });
  await mkdir(stagingRoot, { recursive: true });
  const tree = join(stagingRoot, id);
  const others = (await readdir(stagingRoot)).filter(
    (name) => name !== id && name !== INCOMING_DIR && name !== PARTS_DIR && name !== DELTAS_DIR,
  );
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
  remote: Pick<RemoteVersion, 'id' | 'layout'>,
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
    const chunks = await readSiteFile(source, remote.layout, remote.id, file, stop.signal);
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
 * the good one, never half of it). Extra files are deleted, and the root, its parts and the signature rewritten from
 * the source.
 */
async function repairInPlace(
  mirrorDir: string,
  source: MirrorSource,
  remote: RemoteVersion,
  metadata: Parameters<typeof writeVersionMetadata>[2],
  options: SyncOptions,
  result: SyncResult,
): Promise<void> {
  const { id } = remote;
  const { manifest } = result;
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
    await fetchFiles(source, remote, toFetch, folder, incoming, options, result);
    await writeVersionMetadata(mirrorDir, id, metadata);
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
 * left without a manifest by a crash, then the parts no kept version names.
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
    const id = /^([0-9a-f]{16})(\.manifest\.json|\.manifest\.json\.gz|\.manifest\.sig)?$/.exec(name)?.[1];
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
  await pruneParts(mirrorDir, keep, notice);
  return [...pruned].sort();
}

/**
 * Removes the parts that none of the kept versions names. When a kept root cannot be read, nothing is removed: a part
 * too many costs a few kilobytes, a part too few makes a version unreadable.
 */
async function pruneParts(mirrorDir: string, keep: readonly string[], notice: (message: string) => void): Promise<void> {
  const used = new Set<string>();
  for (const id of keep) {
    try {
      for (const ref of (await readStoredRoot(mirrorDir, id)).root?.parts ?? []) used.add(ref.sha256);
    } catch {
      return;
    }
  }
  let names: string[];
  try {
    names = await readdir(join(mirrorDir, PARTS_DIR));
  } catch (error) {
    if (hasErrorCode(error, 'ENOENT')) return;
    throw error;
  }
  for (const name of names) {
    const sha256 = /^([0-9a-f]{64})\.json\.gz$/.exec(name)?.[1];
    if (sha256 !== undefined && used.has(sha256)) continue;
    await rm(join(mirrorDir, PARTS_DIR, name), { force: true }).catch((error: unknown) => {
      notice(`Could not remove the unused part ${name} (${(error as Error).message}); the next sync will try again.`);
    });
  }
}
