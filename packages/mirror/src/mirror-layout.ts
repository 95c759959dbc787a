import { existsSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';
import { MirrorError, hasErrorCode } from './mirror-error.ts';
import { isVersionId, parseManifest, versionIdOf } from './manifest.ts';
import type { Manifest } from './manifest.ts';

/*
 * The layout of a mirror folder (a bundle made by `mirror build` is a mirror folder with one version):
 *
 *   CURRENT                          the id of the version being served, one line; replaced atomically
 *   index.html                       opens versions/<CURRENT>/index.html from disk (file://); replaced atomically
 *   trusted-public-key.pem           the key manifests must be signed with; sync never changes it
 *   versions/<id>/…                  the site files of one version, exactly as listed in its manifest
 *   versions/<id>.manifest.json      that version's manifest (its SHA-256 gives <id>)
 *   versions/<id>.manifest.sig       Ed25519 signature over the manifest's exact bytes, base64
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
/** Where a version's signature lives, relative to the mirror folder. */
export function signatureRef(id: string): string {
  return `${VERSIONS_DIR}/${id}.manifest.sig`;
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

/** A version's manifest as stored in a mirror: the exact bytes, the signature text, and the parsed content. */
export interface StoredVersion {
  id: string;
  manifestBytes: Buffer;
  signature: string;
  manifest: Manifest;
}

/**
 * Reads a version's manifest and signature from a mirror folder. Does not check the signature: callers decide
 * which key to trust (see `verifyMirror`).
 *
 * @throws MirrorError when a file is missing, or when the manifest does not hash to `id`.
 */
export async function readStoredVersion(mirrorDir: string, id: string): Promise<StoredVersion> {
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
  return { id, manifestBytes, signature, manifest: parseManifest(manifestBytes, manifestPath) };
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
