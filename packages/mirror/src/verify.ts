import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { MirrorError, hasErrorCode } from './mirror-error.ts';
import {
  CURRENT_FILE,
  INDEX_FILE,
  inMirror,
  readCurrentId,
  readStoredManifest,
  readStoredRoot,
  readTrustedKey,
  versionFolderRef,
} from './mirror-layout.ts';
import { formatCreated, versionLabel } from './manifest.ts';
import type { Manifest } from './manifest.ts';
import { formatBytes } from './progress.ts';
import { isTestKey, keyFingerprint, verifyManifestSignature } from './signature.ts';
import { diskPath, hashFile, walkFolder } from './site-files.ts';

/** One thing wrong with a mirror. */
export interface VerifyProblem {
  /**
   * `signature`: the manifest is not signed by the trusted key (files are then not checked: the list is not trusted);
   * `manifest`: the root, one of its parts or the signature file is missing, damaged or unreadable;
   * `missing` / `damaged` / `extra`: a site file is absent, differs from the manifest, or is not in it;
   * `index`: the mirror's `index.html` does not open the current version.
   */
  kind: 'signature' | 'manifest' | 'missing' | 'damaged' | 'extra' | 'index';
  /** The site path concerned, for file problems. */
  path?: string;
  /** What is wrong, in plain words. */
  message: string;
}

/** The outcome of `verifyMirror`. `problems` is empty when the mirror is intact. */
export interface VerifyReport {
  mirrorDir: string;
  versionId: string;
  /** The manifest, when it could be read. */
  manifest: Manifest | undefined;
  keyFingerprint: string;
  /** The mirror trusts the committed TEST key: fine for fixtures, never for a real mirror. */
  trustsTestKey: boolean;
  problems: VerifyProblem[];
  /**
   * Things to know that are not damage: the content is older than `maxAgeDays` (the mirror may be frozen: no update
   * reached it, or a source keeps offering an old version), or the version is in the first format.
   */
  warnings: string[];
}

/** How old a mirror's content may get before `verify` warns, unless the field office sets another limit. */
export const DEFAULT_MAX_AGE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** What `verifyMirror` needs. */
export interface VerifyOptions {
  mirrorDir: string;
  /** The public key to trust. Default: `trusted-public-key.pem` in the mirror. */
  publicKeyFile?: string | undefined;
  /** Check this version instead of the current one (used by `mirror rollback`). */
  versionId?: string | undefined;
  /** Warn when the content was made longer ago than this; 0 never warns. Default `DEFAULT_MAX_AGE_DAYS`. */
  maxAgeDays?: number | undefined;
  /** The clock, for tests. */
  now?: (() => number) | undefined;
}

/**
 * Checks a version of a mirror (the current one by default) against its signed manifest: the signature with the
 * trusted key first, then every file's size and SHA-256, then files that should not be there.
 *
 * @throws MirrorError only when the check cannot start (not a mirror, no trusted key); everything else is a problem
 * in the report.
 *
 * @example
 * const report = await verifyMirror({ mirrorDir: '/media/usb/iom' });
 * if (report.problems.length > 0) console.log(formatVerifyReport(report));
 */
export async function verifyMirror(options: VerifyOptions): Promise<VerifyReport> {
  const mirrorDir = resolve(options.mirrorDir);
  const key = await readTrustedKey(mirrorDir, options.publicKeyFile);
  const fingerprint = keyFingerprint(key.pem, key.where);
  const current = await readCurrentId(mirrorDir);
  const versionId = options.versionId ?? current;
  if (versionId === undefined) {
    throw new MirrorError(
      `${mirrorDir} is not a mirror: it has no ${CURRENT_FILE} file.`,
      'Give the folder of a mirror or of a bundle made by "mirror build".',
    );
  }
  const report: VerifyReport = {
    mirrorDir,
    versionId,
    manifest: undefined,
    keyFingerprint: fingerprint,
    trustsTestKey: isTestKey(key.pem),
    problems: [],
    warnings: [],
  };

  let stored;
  try {
    stored = await readStoredRoot(mirrorDir, versionId);
  } catch (error) {
    if (!(error instanceof MirrorError)) throw error;
    report.problems.push({ kind: 'manifest', message: error.message });
    return report;
  }
  if (!verifyManifestSignature(stored.manifestBytes, stored.signature, key.pem, key.where)) {
    report.problems.push({
      kind: 'signature',
      message:
        `The manifest of version ${versionId} is not signed by the trusted key (${fingerprint}); ` +
        'its list of files cannot be trusted, so the files were not checked.',
    });
    return report;
  }
  let manifest: Manifest;
  try {
    manifest = await readStoredManifest(mirrorDir, stored);
  } catch (error) {
    if (!(error instanceof MirrorError)) throw error;
    report.problems.push({ kind: 'manifest', message: `${error.message} Its files were not checked.` });
    return report;
  }
  report.manifest = manifest;
  report.warnings.push(...ageWarnings(manifest, options.maxAgeDays ?? DEFAULT_MAX_AGE_DAYS, options.now ?? Date.now));

  const folder = inMirror(mirrorDir, versionFolderRef(versionId));
  for (const file of manifest.files) {
    let actual;
    try {
      actual = await hashFile(diskPath(folder, file.path));
    } catch (error) {
      if (!hasErrorCode(error, 'ENOENT', 'ENOTDIR', 'EISDIR')) throw error;
      report.problems.push({ kind: 'missing', path: file.path, message: 'not found on disk' });
      continue;
    }
    if (actual.size !== file.size || actual.sha256 !== file.sha256) {
      report.problems.push({
        kind: 'damaged',
        path: file.path,
        message:
          `expected ${file.size} bytes, sha256 ${file.sha256}; ` +
          `found ${actual.size} bytes, sha256 ${actual.sha256}`,
      });
    }
  }
  const listed = new Set(manifest.files.map((file) => file.path));
  let tree;
  try {
    tree = await walkFolder(folder);
  } catch (error) {
    if (!hasErrorCode(error, 'ENOENT', 'ENOTDIR')) throw error;
    tree = { files: [], others: [] };
  }
  for (const path of tree.files) {
    if (!listed.has(path)) report.problems.push({ kind: 'extra', path, message: 'not in the manifest' });
  }
  for (const path of tree.others) {
    report.problems.push({ kind: 'extra', path, message: 'a link or special file, not in the manifest' });
  }

  if (options.versionId === undefined || options.versionId === current) {
    const index = await readFile(join(mirrorDir, INDEX_FILE), 'utf8').catch(() => '');
    if (!index.includes(`${versionFolderRef(versionId)}/`)) {
      report.problems.push({
        kind: 'index',
        message: `${INDEX_FILE} does not open the current version ${versionId}; "mirror sync" rewrites it.`,
      });
    }
  }
  return report;
}

/**
 * What to say about the age of a version: nothing while it is younger than `maxAgeDays`. A mirror that stopped
 * receiving updates keeps verifying as intact; only its date shows that it may be frozen.
 */
function ageWarnings(manifest: Manifest, maxAgeDays: number, now: () => number): string[] {
  if (manifest.created === undefined) {
    return [
      'This version is in the first mirror format, which records neither a version number nor a date. The next ' +
        'sync (with the tool of a newer bundle) brings the mirror to the current format.',
    ];
  }
  if (maxAgeDays <= 0) return [];
  const days = Math.floor((now() - Date.parse(manifest.created)) / DAY_MS);
  if (days <= maxAgeDays) return [];
  return [
    `Warning: this copy of the site was made on ${formatCreated(manifest.created)}, ${days} days ago (the limit is ` +
      `${maxAgeDays} days; change it with --max-age). Newer pages, including safety information, may be missing: ` +
      'update it from headquarters (mirror sync), or ask for a new copy. If every sync says "up to date", the source ' +
      'you sync from may be stuck on an old version.',
  ];
}

/**
 * The report as text for a person: one line per problem, the site path first so it can be found.
 *
 * @example
 * formatVerifyReport(report)
 * // 'Version 3f2a9c01d4e5b6a7 (build 2024-06-01): 3 problems.\n  damaged  images/photo.webp: expected …'
 */
export function formatVerifyReport(report: VerifyReport): string {
  const version =
    report.manifest === undefined ? `version ${report.versionId}` : versionLabel(report.versionId, report.manifest);
  const lines: string[] = [];
  if (report.trustsTestKey) {
    lines.push('Warning: this mirror trusts the TEST key, whose private half is public. Use it for tests only.');
  }
  if (report.problems.length === 0) {
    const manifest = report.manifest!;
    lines.push(
      `Mirror OK: ${version}, ${manifest.fileCount} files, ${formatBytes(manifest.totalSize)}, ` +
        `signed by the trusted key ${report.keyFingerprint}.`,
    );
    lines.push(...report.warnings);
    return lines.join('\n');
  }
  const count = report.problems.length;
  lines.push(`${report.mirrorDir}: ${version} has ${count} problem${count === 1 ? '' : 's'}:`);
  for (const problem of report.problems) {
    lines.push(
      problem.path === undefined
        ? `  ${problem.message}`
        : `  ${problem.kind.padEnd(8)} ${problem.path}: ${problem.message}`,
    );
  }
  lines.push(
    'To repair it, run "mirror sync --repair <source> <mirror-dir>" from a good source: only damaged and missing ' +
      'files are fetched.',
  );
  lines.push(...report.warnings);
  return lines.join('\n');
}
