import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, open, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip, gunzipSync } from 'node:zlib';
import { writeFileAtomic } from './atomic-write.ts';
import { decompress } from './compressed.ts';
import { deltaPackRef, encodeDeltaPack } from './delta-pack.ts';
import type { DeltaPair } from './delta-pack.ts';
import { MirrorError, explainSystemError, hasErrorCode } from './mirror-error.ts';
import { acquireMirrorLock } from './mirror-lock.ts';
import {
  LOCK_FILE,
  PARTS_DIR,
  VERSIONS_DIR,
  inMirror,
  parseCurrent,
  partRef,
  readCurrentId,
  readStoredRoot,
  readStoredVersion,
  readTrustedKey,
  versionFolderRef,
  writeVersionMetadata,
} from './mirror-layout.ts';
import type { StoredRoot, StoredVersion } from './mirror-layout.ts';
import { parsePart, partMatches, versionLabel } from './manifest.ts';
import type { Manifest, PartRef } from './manifest.ts';
import { keyFingerprint, verifyManifestSignature } from './signature.ts';
import { diskPath } from './site-files.ts';
import { compareSitePaths } from './site-path.ts';
import { CHANNEL_POINTER, objectRef } from './sync-source.ts';

/*
 * A channel folder: what headquarters puts on any web server (or a shared drive) for field offices to sync from.
 *
 *   LATEST                           the id of the newest version: the only file ever replaced, and the last written
 *   versions/<id>.manifest.json      signed roots of the versions kept (plain, and .json.gz compressed), with
 *   versions/<id>.manifest.sig         their signatures: the same bytes as in the bundles
 *   parts/<sha256>.json.gz           parts of the file lists, by the hash of their text
 *   objects/<ab>/<sha256>.gz         site files, by the hash of their content, compressed
 *   deltas/<from>-<to>.gz            from each older version kept to the newest: what changed, as deltas against
 *                                      what an office at <from> holds (see delta-pack.ts); not signed, and needs not be
 *   README.txt                       what this folder is, for whoever finds it
 *
 * Every name but LATEST is derived from content, so a file never changes once written: web caches may keep it
 * forever, an upload (rsync, aws s3 sync) sends only what is new, and an office in the middle of a sync keeps finding
 * what it needs while the next version is published, until that version has been pruned (see `keep`).
 */

/** What `publishToChannel` needs. */
export interface PublishOptions {
  /** A bundle (or a mirror): the version it serves is published. */
  bundleDir: string;
  /** The channel folder; made when missing. */
  channelDir: string;
  /** The public key the version must be signed with. Default: the bundle's `trusted-public-key.pem`. */
  publicKeyFile?: string | undefined;
  /** How many versions the channel keeps, the new one included (older ones are pruned). Default 3. */
  keep?: number | undefined;
  /** Called as site files are added to `objects/`: how many of the version's files were handled, of how many. */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/** What `publishToChannel` did. */
export interface PublishResult {
  channelDir: string;
  versionId: string;
  manifest: Manifest;
  /** `published`: the channel now offers this version; `already`: it already did. */
  status: 'published' | 'already';
  /** Site files written to `objects/` (the others were there already), and their compressed size. */
  objectsWritten: number;
  objectBytes: number;
  /** Delta packs written, one from each older version kept that has something worth a delta. */
  deltaPacks: number;
  /** Versions removed from the channel. */
  pruned: string[];
}

/** How many versions a channel keeps unless told otherwise: enough for a slow office to finish its sync. */
export const DEFAULT_CHANNEL_KEEP = 3;

/**
 * Publishes the version a bundle serves into a channel folder: new site files and parts first, then the signed root,
 * then `LATEST`, so a sync that reads the channel meanwhile sees the old version or the new one, complete. Refuses a
 * version not signed by the bundle's key (or `publicKeyFile`), signed by another key than the channel's versions, or
 * with a version number not higher than the channel's newest: field offices would refuse it anyway.
 *
 * @throws MirrorError saying what is wrong; the channel is then unchanged, but for new objects and parts (unused,
 * named by content, and pruned by the next publication).
 *
 * @example
 * await publishToChannel({ bundleDir: '/tmp/iom-mirror-2026-12-02', channelDir: '/srv/www/iom-mirror' })
 */
export async function publishToChannel(options: PublishOptions): Promise<PublishResult> {
  const bundleDir = resolve(options.bundleDir);
  const channelDir = resolve(options.channelDir);
  const keep = Math.max(1, options.keep ?? DEFAULT_CHANNEL_KEEP);
  const id = await readCurrentId(bundleDir);
  if (id === undefined) {
    throw new MirrorError(
      `${bundleDir} is not a bundle: it has no CURRENT file.`,
      'Give the folder written by "pnpm mirror" (or "mirror build").',
    );
  }
  const key = await readTrustedKey(bundleDir, options.publicKeyFile);
  const stored = await readStoredVersion(bundleDir, id);
  if (stored.root === undefined) {
    throw new MirrorError(
      `${bundleDir} holds a version in the first mirror format, which a channel cannot offer (it has no version number).`,
      'Make the bundle again with this tool.',
    );
  }
  if (!verifyManifestSignature(stored.manifestBytes, stored.signature, key.pem, key.where)) {
    throw new MirrorError(
      `The version ${id} in ${bundleDir} is not signed by the key in ${key.where} (${keyFingerprint(key.pem)}).`,
      'Publish only bundles signed with headquarters\' key.',
    );
  }
  // Two publications at once (two CI jobs) would each prune what the other just added.
  await mkdir(channelDir, { recursive: true });
  const release = await acquireMirrorLock(channelDir, 'publish');
  try {
    return await publishLocked(bundleDir, channelDir, keep, key, stored, options);
  } finally {
    await release();
  }
}

async function publishLocked(
  bundleDir: string,
  channelDir: string,
  keep: number,
  key: { pem: string; where: string },
  stored: StoredVersion,
  options: PublishOptions,
): Promise<PublishResult> {
  const id = stored.id;
  const root = stored.root!;
  const result: PublishResult = {
    channelDir,
    versionId: id,
    manifest: stored.manifest,
    status: 'published',
    objectsWritten: 0,
    objectBytes: 0,
    deltaPacks: 0,
    pruned: [],
  };

  const latest = await readChannelLatest(channelDir);
  if (latest !== undefined) {
    if (!verifyManifestSignature(latest.manifestBytes, latest.signature, key.pem, key.where)) {
      throw new MirrorError(
        `The channel ${channelDir} offers versions signed with another key than ${key.where} (${keyFingerprint(key.pem)}).`,
        'Field offices trust one key: publish bundles signed with the key of the channel, or start a new channel.',
      );
    }
    if (latest.id === id) return { ...result, status: 'already' };
    const newest = latest.root!.version!;
    if (root.version! <= newest) {
      throw new MirrorError(
        `The channel already offers ${versionLabel(latest.id, latest.root!)}; ${versionLabel(id, root)} is not ` +
          'newer, and field offices would refuse it.',
        'Build the bundle from a later commit, or give it a higher --version (and a later --created).',
      );
    }
  }

  try {
    await mkdir(join(channelDir, VERSIONS_DIR), { recursive: true });
    await mkdir(join(channelDir, PARTS_DIR), { recursive: true });
    await writeObjects(bundleDir, channelDir, stored, options, result);
    const parts = [];
    for (const ref of root.parts) {
      if (existsSync(inMirror(channelDir, partRef(ref.sha256)))) continue;
      parts.push({ sha256: ref.sha256, compressed: await readFile(inMirror(bundleDir, partRef(ref.sha256))) });
    }
    await writeVersionMetadata(channelDir, id, { rootBytes: stored.manifestBytes, signature: stored.signature, parts });
    for (const previous of await previousVersions(channelDir, id, keep - 1)) {
      const pack = await buildDeltaPack(channelDir, bundleDir, previous, stored);
      if (pack !== undefined) {
        await mkdir(join(channelDir, DELTAS_DIR), { recursive: true });
        await writeFileAtomic(inMirror(channelDir, deltaPackRef(previous.id, id)), pack);
        result.deltaPacks++;
      }
    }
    if (!existsSync(join(channelDir, README_FILE))) await writeFile(join(channelDir, README_FILE), channelReadme());
    // The commit point: until LATEST names the new version, syncs see the previous one.
    await writeFileAtomic(join(channelDir, CHANNEL_POINTER), `${id}\n`);
  } catch (error) {
    throw explainSystemError(error, `publishing into the channel ${channelDir}`);
  }
  result.pruned = await pruneChannel(channelDir, keep);
  return result;
}

const README_FILE = 'README.txt';
const OBJECTS_DIR = 'objects';
const DELTAS_DIR = 'deltas';
/** Files larger than this get no delta: building one would hold both versions in memory for little gain. */
const MAX_DELTA_FILE_BYTES = 16 * 1024 * 1024;

/** The versions of the channel other than `id`, newest first (by version number), at most `count`, with their files. */
async function previousVersions(channelDir: string, id: string, count: number): Promise<StoredVersion[]> {
  if (count <= 0) return [];
  const names = await readdir(join(channelDir, VERSIONS_DIR));
  const roots: StoredRoot[] = [];
  for (const name of names) {
    const other = /^([0-9a-f]{16})\.manifest\.json$/.exec(name)?.[1];
    if (other === undefined || other === id) continue;
    const root = await readStoredRoot(channelDir, other).catch(() => undefined);
    if (root?.root !== undefined) roots.push(root);
  }
  roots.sort((a, b) => b.root!.version! - a.root!.version!);
  const versions: StoredVersion[] = [];
  for (const root of roots.slice(0, count)) {
    const version = await readStoredVersion(channelDir, root.id).catch(() => undefined);
    if (version !== undefined) versions.push(version);
  }
  return versions;
}

/** The exact text of a part, from a channel or a bundle, checked against its reference. */
async function readPartText(folder: string, ref: PartRef): Promise<Buffer> {
  const text = decompress(await readFile(inMirror(folder, partRef(ref.sha256))), ref.size, partRef(ref.sha256));
  if (!partMatches(text, ref)) throw new MirrorError(`The part ${partRef(ref.sha256)} in ${folder} does not match its hash.`);
  return text;
}

/**
 * The delta pack from `previous` to `next`: the root; each new part against the old part that starts at or before
 * it; each changed file against the file at the same path in `previous` (files at new paths, such as search index
 * files named by their content, have nothing to be compared with and are fetched whole).
 */
async function buildDeltaPack(
  channelDir: string,
  bundleDir: string,
  previous: StoredVersion,
  next: StoredVersion,
): Promise<Buffer | undefined> {
  const pairs: DeltaPair[] = [{ kind: 'root', base: previous.manifestBytes, target: next.manifestBytes }];
  const oldParts = await Promise.all(
    previous.root!.parts.map(async (ref) => {
      const text = await readPartText(channelDir, ref);
      return { sha256: ref.sha256, text, first: parsePart(text, partRef(ref.sha256))[0]!.path };
    }),
  );
  const oldSet = new Set(oldParts.map((part) => part.sha256));
  for (const ref of next.root!.parts) {
    if (oldSet.has(ref.sha256) || oldParts.length === 0) continue;
    const text = await readPartText(bundleDir, ref);
    const first = parsePart(text, partRef(ref.sha256))[0]!.path;
    let base = oldParts[0]!;
    for (const part of oldParts) if (compareSitePaths(part.first, first) <= 0) base = part;
    pairs.push({ kind: 'part', base: base.text, target: text });
  }
  const oldByPath = new Map(previous.manifest.files.map((file) => [file.path, file]));
  const oldHashes = new Set(previous.manifest.files.map((file) => file.sha256));
  const folder = inMirror(bundleDir, versionFolderRef(next.id));
  for (const file of next.manifest.files) {
    const old = oldByPath.get(file.path);
    if (old === undefined || oldHashes.has(file.sha256)) continue;
    if (file.size > MAX_DELTA_FILE_BYTES || old.size > MAX_DELTA_FILE_BYTES) continue;
    const base = gunzipSync(await readFile(inMirror(channelDir, objectRef(old.sha256))));
    pairs.push({ kind: 'file', base, target: await readFile(diskPath(folder, file.path)) });
  }
  return encodeDeltaPack(previous.id, next.id, pairs);
}

/** The newest version of a channel, or `undefined` for a new (or empty) channel folder. */
async function readChannelLatest(channelDir: string): Promise<StoredRoot | undefined> {
  let text: string;
  try {
    text = await readFile(join(channelDir, CHANNEL_POINTER), 'utf8');
  } catch (error) {
    if (hasErrorCode(error, 'ENOENT', 'ENOTDIR')) {
      const names = await readdir(channelDir).catch(() => [] as string[]);
      const known = [VERSIONS_DIR, PARTS_DIR, OBJECTS_DIR, DELTAS_DIR, README_FILE, LOCK_FILE];
      if (names.length > 0 && !names.every((name) => known.includes(name))) {
        throw new MirrorError(
          `${channelDir} is not a channel (it has no ${CHANNEL_POINTER} file) and is not empty.`,
          'Give the folder of an existing channel, or a new or empty folder to start one.',
        );
      }
      return undefined;
    }
    throw error;
  }
  const id = parseCurrent(text, join(channelDir, CHANNEL_POINTER));
  return readStoredRoot(channelDir, id);
}

/** Copies the site files the channel lacks into `objects/`, compressed, each checked and written atomically. */
async function writeObjects(
  bundleDir: string,
  channelDir: string,
  stored: StoredVersion,
  options: PublishOptions,
  result: PublishResult,
): Promise<void> {
  const folder = inMirror(bundleDir, versionFolderRef(stored.id));
  const files = stored.manifest.files;
  const seen = new Set<string>();
  let done = 0;
  for (const file of files) {
    done++;
    if (seen.has(file.sha256)) continue;
    seen.add(file.sha256);
    const target = inMirror(channelDir, objectRef(file.sha256));
    if (existsSync(target)) continue;
    await mkdir(dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    const hash = createHash('sha256');
    let size = 0;
    const source = createReadStream(diskPath(folder, file.path));
    source.on('data', (chunk) => {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    });
    await pipeline(source, createGzip({ level: 9 }), createWriteStream(temporary));
    if (size !== file.size || hash.digest('hex') !== file.sha256) {
      await rm(temporary, { force: true });
      throw new MirrorError(
        `The file "${file.path}" of the bundle ${bundleDir} does not match its manifest.`,
        `Run "mirror verify ${bundleDir}", and make the bundle again.`,
      );
    }
    // Flushed before it takes its name: a name in objects/ always holds the whole file.
    const handle = await open(temporary, 'r+');
    try {
      await handle.sync();
      result.objectBytes += (await handle.stat()).size;
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
    result.objectsWritten++;
    options.onProgress?.(done, files.length);
  }
  options.onProgress?.(files.length, files.length);
}

/**
 * Keeps the `keep` newest versions (by version number) and removes the others' roots, then the parts and objects no
 * kept version names. A version an office may still be syncing to stays until `keep` newer ones were published.
 */
async function pruneChannel(channelDir: string, keep: number): Promise<string[]> {
  const names = await readdir(join(channelDir, VERSIONS_DIR));
  const ids = [...new Set(names.map((name) => /^([0-9a-f]{16})\.manifest\.json$/.exec(name)?.[1]).filter((id) => id !== undefined))];
  const roots: StoredRoot[] = [];
  for (const id of ids) {
    try {
      roots.push(await readStoredRoot(channelDir, id));
    } catch {
      // An unreadable root is not offered by LATEST: it goes with the pruned ones.
    }
  }
  roots.sort((a, b) => (b.root?.version ?? 0) - (a.root?.version ?? 0));
  const kept = roots.slice(0, keep);
  const keptIds = new Set(kept.map((root) => root.id));
  const pruned = ids.filter((id) => !keptIds.has(id)).sort();
  for (const id of pruned) {
    for (const suffix of ['.manifest.json', '.manifest.json.gz', '.manifest.sig']) {
      await rm(join(channelDir, VERSIONS_DIR, `${id}${suffix}`), { force: true });
    }
  }
  if (pruned.length === 0) return [];
  for (const name of await readdir(join(channelDir, DELTAS_DIR)).catch(() => [] as string[])) {
    const [from, to] = /^([0-9a-f]{16})-([0-9a-f]{16})\.gz$/.exec(name)?.slice(1) ?? [];
    if (from === undefined || to === undefined || !keptIds.has(from) || !keptIds.has(to)) {
      await rm(join(channelDir, DELTAS_DIR, name), { force: true });
    }
  }
  const parts = new Set<string>();
  const objects = new Set<string>();
  for (const root of kept) {
    const manifest = await readStoredVersion(channelDir, root.id).then((version) => version.manifest);
    for (const ref of root.root?.parts ?? []) parts.add(partRef(ref.sha256));
    for (const file of manifest.files) objects.add(objectRef(file.sha256));
  }
  for (const name of await readdir(join(channelDir, PARTS_DIR))) {
    if (!parts.has(`${PARTS_DIR}/${name}`)) await rm(join(channelDir, PARTS_DIR, name), { force: true });
  }
  for (const folder of await readdir(join(channelDir, OBJECTS_DIR)).catch(() => [] as string[])) {
    for (const name of await readdir(join(channelDir, OBJECTS_DIR, folder))) {
      if (!objects.has(`${OBJECTS_DIR}/${folder}/${name}`)) await rm(join(channelDir, OBJECTS_DIR, folder, name), { force: true });
    }
  }
  return pruned;
}

function channelReadme(): string {
  return `Mirror update channel
=====================

This folder is published for field offices that keep an offline copy (a "mirror") of
the site. Put it on any web server, or share it as a folder, and give its address to
the offices. In a mirror folder, they update with:

    node mirror-tool/cli.js sync <address of this folder> .

Everything here is checked against headquarters' signature before it is used. Do
not edit these files. LATEST names the newest version; every other name is derived
from the content, so files never change once written (web caches may keep them).
`;
}
