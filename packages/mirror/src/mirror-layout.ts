import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';
import { compress, decompress } from './compressed.ts';
import { MirrorError, hasErrorCode } from './mirror-error.ts';
import {
  LEGACY_FORMAT_VERSION,
  assembleManifest,
  isVersionId,
  manifestFormatOf,
  parseLegacyManifest,
  parsePart,
  parseRoot,
  partMatches,
  versionIdOf,
} from './manifest.ts';
import type { EncodedPart, Manifest, ManifestFile, PartRef, Root } from './manifest.ts';

/*
 * The layout of a mirror folder (a bundle made by `mirror build` is a mirror folder with one version):
 *
 *   CURRENT                          the id of the version being served, one line; replaced atomically
 *   index.html                       opens versions/<CURRENT>/index.html from disk (file://); replaced atomically
 *   trusted-public-key.pem           the key manifests must be signed with; sync never changes it
 *   versions/<id>/…                  the site files of one version, exactly as its parts list them
 *   versions/<id>.manifest.json      that version's signed root, naming its parts (its SHA-256 gives <id>)
 *   versions/<id>.manifest.json.gz   the same bytes compressed, for sync clients
 *   versions/<id>.manifest.sig       Ed25519 signature over the root's exact bytes, base64
 *   parts/<sha256>.json.gz           the parts of the file lists, named by the SHA-256 of their text; shared by versions
 *   staging/                         work area of a sync in progress (or interrupted); never served
 *   sync.lock                        present while a sync or rollback runs
 *   mirror-tool/                     this tool as plain JavaScript, so the bundle alone + Node is enough
 *   README.txt                       short instructions for the people who receive the bundle
 *
 * No symbolic links anywhere, so the same folder works on a FAT32 USB stick.
 */

export const CURRENT_FILE = 'CURRENT';
export const INDEX_FILE = 'index.html';
export const TRUSTED_KEY_FILE = 'trusted-public-key.pem';
export const VERSIONS_DIR = 'versions';
export const PARTS_DIR = 'parts';
export const STAGING_DIR = 'staging';
export const LOCK_FILE = 'sync.lock';
export const TOOL_DIR = 'mirror-tool';
export const README_FILE = 'README.txt';

/** Where a version's files live, relative to the mirror folder, with `/`: also the path a sync source serves. */
export function versionFolderRef(id: string): string {
  return `${VERSIONS_DIR}/${id}`;
}
/** Where a version's manifest lives, relative to the mirror folder. */
export function manifestRef(id: string): string {
  return `${VERSIONS_DIR}/${id}.manifest.json`;
}
/** Where the compressed copy of a version's root lives: what a sync fetches. */
export function compressedManifestRef(id: string): string {
  return `${VERSIONS_DIR}/${id}.manifest.json.gz`;
}
/** Where a version's signature lives, relative to the mirror folder. */
export function signatureRef(id: string): string {
  return `${VERSIONS_DIR}/${id}.manifest.sig`;
}
/** Where a part lives, compressed, relative to the mirror folder (and to a sync source). */
export function partRef(sha256: string): string {
  return `${PARTS_DIR}/${sha256}.json.gz`;
}

/** Joins a mirror folder and a `/`-separated reference such as `manifestRef(id)` into a path on disk. */
export function inMirror(mirrorDir: string, ref: string): string {
  return join(mirrorDir, ...ref.split('/'));
}

/**
 * Reads the id of the version being served, or `undefined` when the folder has no `CURRENT` (not a mirror yet).
 *
 * @throws MirrorError when `CURRENT` exists but does not hold a version id.
 */
export async function readCurrentId(mirrorDir: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(join(mirrorDir, CURRENT_FILE), 'utf8');
  } catch (error) {
    if (hasErrorCode(error, 'ENOENT', 'ENOTDIR')) return undefined;
    throw error;
  }
  return parseCurrent(text, `${join(mirrorDir, CURRENT_FILE)}`);
}

/**
 * Checks the text of a `CURRENT` file and returns the version id in it.
 *
 * @example
 * parseCurrent('3f2a9c01d4e5b6a7\n', 'CURRENT') // '3f2a9c01d4e5b6a7'
 */
export function parseCurrent(text: string, where: string): string {
  const id = text.trim();
  if (!isVersionId(id)) {
    throw new MirrorError(
      `${where} should hold a version id (16 hex digits) but holds ${JSON.stringify(text.slice(0, 40))}.`,
      'Write the id of one of the folders in versions/ into it, or run "mirror rollback" or "mirror sync" again.',
    );
  }
  return id;
}

/**
 * A version's signed root as stored in a mirror: the exact bytes, the signature text, and the parsed content.
 * `legacy` holds the whole manifest of a version in the first format (no parts, no version number).
 */
export interface StoredRoot {
  id: string;
  manifestBytes: Buffer;
  signature: string;
  root: Root | undefined;
  legacy: Manifest | undefined;
}

/** A stored version with its whole file list, read from its parts. */
export interface StoredVersion extends StoredRoot {
  manifest: Manifest;
}

/**
 * Reads a version's root and signature from a mirror folder. Does not check the signature: callers decide which key
 * to trust (see `verifyMirror`), and only then read the parts (`readStoredManifest`).
 *
 * @throws MirrorError when a file is missing, or when the root does not hash to `id`.
 */
export async function readStoredRoot(mirrorDir: string, id: string): Promise<StoredRoot> {
  const manifestPath = inMirror(mirrorDir, manifestRef(id));
  const signaturePath = inMirror(mirrorDir, signatureRef(id));
  let manifestBytes: Buffer;
  let signature: string;
  try {
    manifestBytes = await readFile(manifestPath);
    signature = await readFile(signaturePath, 'utf8');
  } catch (error) {
    if (!hasErrorCode(error, 'ENOENT')) throw error;
    throw new MirrorError(
      `Version ${id} of the mirror in ${mirrorDir} has no ${existsSync(manifestPath) ? 'signature' : 'manifest'} ` +
        `(${manifestRef(id)} and ${signatureRef(id)} must both exist).`,
      'Copy them again from the bundle, or run "mirror sync" from a good source.',
    );
  }
  if (versionIdOf(manifestBytes) !== id) {
    throw new MirrorError(
      `${manifestPath} does not belong to version ${id} (its content hashes to ${versionIdOf(manifestBytes)}); it was changed.`,
      'Run "mirror sync" from a good source to repair the mirror.',
    );
  }
  if (manifestFormatOf(manifestBytes) === LEGACY_FORMAT_VERSION) {
    return { id, manifestBytes, signature, root: undefined, legacy: parseLegacyManifest(manifestBytes, manifestPath) };
  }
  return { id, manifestBytes, signature, root: parseRoot(manifestBytes, manifestPath), legacy: undefined };
}

/**
 * Reads the parts a stored root names from the mirror's `parts/` folder, checks each against its hash, and puts the
 * file list back together.
 *
 * @throws MirrorError naming a part that is missing or damaged.
 */
export async function readStoredManifest(mirrorDir: string, stored: StoredRoot): Promise<Manifest> {
  if (stored.legacy !== undefined) return stored.legacy;
  const root = stored.root!;
  const files: ManifestFile[][] = [];
  for (const ref of root.parts) files.push(await readStoredPart(mirrorDir, ref));
  return assembleManifest(root, files, `the manifest of version ${stored.id} in ${mirrorDir}`);
}

/** Reads a version's root, then its parts: `readStoredRoot` and `readStoredManifest` in one. */
export async function readStoredVersion(mirrorDir: string, id: string): Promise<StoredVersion> {
  const stored = await readStoredRoot(mirrorDir, id);
  return { ...stored, manifest: await readStoredManifest(mirrorDir, stored) };
}

/**
 * Reads one part from a mirror folder and checks it against the root's reference.
 *
 * @throws MirrorError when it is missing or does not match.
 */
export async function readStoredPart(mirrorDir: string, ref: PartRef): Promise<ManifestFile[]> {
  const path = inMirror(mirrorDir, partRef(ref.sha256));
  const problem = (what: string): MirrorError =>
    new MirrorError(
      `The part ${partRef(ref.sha256)} of the mirror in ${mirrorDir} is ${what}.`,
      'Run "mirror sync --repair" from a good source to repair the mirror.',
    );
  let bytes: Buffer;
  try {
    bytes = decompress(await readFile(path), ref.size, path);
  } catch (error) {
    if (hasErrorCode(error, 'ENOENT', 'ENOTDIR')) throw problem('missing');
    if (error instanceof MirrorError) throw problem(`damaged (${error.message})`);
    throw error;
  }
  if (!partMatches(bytes, ref)) throw problem('damaged: it does not match its hash in the signed root');
  return parsePart(bytes, path);
}

/** What `writeVersionMetadata` writes: the root as signed, its signature, and its parts (text or compressed). */
export interface VersionMetadata {
  rootBytes: Uint8Array;
  /** The compressed root, when already at hand (as fetched); otherwise it is compressed here. */
  compressedRoot?: Uint8Array | undefined;
  signature: string | Uint8Array;
  parts: ReadonlyArray<Pick<EncodedPart, 'sha256'> & { compressed: Uint8Array }>;
}

/**
 * Writes a version's metadata into a mirror folder (or a bundle being made): the parts given first (pass only those
 * the folder lacks or holds damaged), then the root, its compressed copy and the signature. Each file is written
 * atomically, so a reader never sees half of one.
 */
export async function writeVersionMetadata(mirrorDir: string, id: string, metadata: VersionMetadata): Promise<void> {
  await mkdir(join(mirrorDir, PARTS_DIR), { recursive: true });
  await mkdir(join(mirrorDir, VERSIONS_DIR), { recursive: true });
  for (const part of metadata.parts) {
    await writeFileAtomic(inMirror(mirrorDir, partRef(part.sha256)), part.compressed);
  }
  await writeFileAtomic(inMirror(mirrorDir, manifestRef(id)), metadata.rootBytes);
  await writeFileAtomic(
    inMirror(mirrorDir, compressedManifestRef(id)),
    metadata.compressedRoot ?? compress(metadata.rootBytes),
  );
  await writeFileAtomic(inMirror(mirrorDir, signatureRef(id)), metadata.signature);
}

/** Ids of the versions present in a mirror folder (those with a manifest), sorted. */
export async function listVersionIds(mirrorDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(join(mirrorDir, VERSIONS_DIR));
  } catch (error) {
    if (hasErrorCode(error, 'ENOENT')) return [];
    throw error;
  }
  const ids = names
    .map((name) => /^([0-9a-f]{16})\.manifest\.json$/.exec(name)?.[1])
    .filter((id): id is string => id !== undefined);
  return ids.sort();
}

/**
 * The page at the top of a mirror folder. Opened from disk (double-click, USB stick) it sends the browser to the
 * current version at once, with a plain link for browsers that ignore `meta refresh`. No script: it must work with
 * JavaScript off and in the most locked-down office browser.
 *
 * @example
 * renderIndexHtml('3f2a9c01d4e5b6a7', manifest)
 * // '<!doctype html>…<meta http-equiv="refresh" content="0; url=versions/3f2a9c01d4e5b6a7/index.html">…'
 */
export function renderIndexHtml(id: string, manifest: Pick<Manifest, 'files' | 'build'>): string {
  const hasIndex = manifest.files.some((file) => file.path === 'index.html');
  const target = `${VERSIONS_DIR}/${id}/${hasIndex ? 'index.html' : ''}`;
  const build = manifest.build?.id ?? manifest.build?.date;
  const about = build === undefined ? `version ${id}` : `version ${id}, build ${escapeHtml(build)}`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="refresh" content="0; url=${target}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>Offline copy of the site</title>',
    '</head>',
    '<body>',
    `<p><a href="${target}">Open the offline copy of the site</a></p>`,
    `<p><small>${about}</small></p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * Makes `id` the version being served: writes `CURRENT`, then `index.html`, each atomically. `CURRENT` is the
 * commit point; if the process dies between the two writes, `index.html` still opens the previous version, which
 * is kept on disk, and the next sync rewrites it.
 */
export async function switchCurrent(mirrorDir: string, id: string, manifest: Manifest): Promise<void> {
  await writeFileAtomic(join(mirrorDir, CURRENT_FILE), `${id}\n`);
  await writeFileAtomic(join(mirrorDir, INDEX_FILE), renderIndexHtml(id, manifest));
}

/** Is `path` an existing folder? */
export async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch (error) {
    if (hasErrorCode(error, 'ENOENT', 'ENOTDIR')) return false;
    throw error;
  }
}

/**
 * Reads the public key a mirror trusts: the file given (`--public-key`), or `trusted-public-key.pem` in the mirror.
 * The key never comes from the source of a sync: trusting what a source says about itself would prove nothing.
 *
 * @throws MirrorError when there is no key to trust.
 */
export async function readTrustedKey(
  mirrorDir: string,
  publicKeyFile?: string,
): Promise<{ pem: string; where: string }> {
  const path = publicKeyFile ?? join(mirrorDir, TRUSTED_KEY_FILE);
  try {
    return { pem: await readFile(path, 'utf8'), where: `the file "${path}"` };
  } catch (error) {
    if (!hasErrorCode(error, 'ENOENT', 'ENOTDIR', 'EISDIR')) throw error;
    if (publicKeyFile !== undefined) throw new MirrorError(`The public key file "${publicKeyFile}" does not exist.`);
    throw new MirrorError(
      `There is no trusted public key: ${path} does not exist.`,
      'Pass the public key of your headquarters with --public-key <file>, or put it in the mirror folder as ' +
        `${TRUSTED_KEY_FILE}.`,
    );
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);
}
