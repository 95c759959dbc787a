import { createHash } from 'node:crypto';
import { MirrorError } from './mirror-error.ts';
import { compareSitePaths, sitePathProblem } from './site-path.ts';

/** The `format` field of every manifest, so that a stray JSON file is never mistaken for one. */
export const MANIFEST_FORMAT = 'iom-mirror-manifest';
/**
 * The manifest layout this code writes: a signed **root** naming the **parts** of the file list by hash. Readers
 * refuse a higher number instead of guessing; format 1 (every file listed in the signed file itself, no version
 * number) is still read from a mirror's own disk, never taken from a sync source.
 */
export const MANIFEST_FORMAT_VERSION = 2;
/** The first layout: one signed file listing every file, without a version number. */
export const LEGACY_FORMAT_VERSION = 1;
/** The `format` field of every part. */
export const PART_FORMAT = 'iom-mirror-part';

/** One file of the site, as the manifest lists it. */
export interface ManifestFile {
  /** Path inside the site, relative, with `/` between folders (see `sitePathProblem`). */
  path: string;
  /** Size in bytes. */
  size: number;
  /** SHA-256 of the file's bytes, lowercase hex. */
  sha256: string;
}

/** A part of the file list, as the root names it. */
export interface PartRef {
  /** SHA-256 of the part's text (uncompressed), lowercase hex: also its file name, `parts/<sha256>.json.gz`. */
  sha256: string;
  /** Size of the part's text in bytes (uncompressed), so that decompressing it is bounded. */
  size: number;
}

/** What the signed root says about a version, besides its parts. */
export interface ManifestHeader {
  format: typeof MANIFEST_FORMAT;
  formatVersion: number;
  /**
   * A whole number that only grows from one bundle to the next (by default the time of the git commit the site was
   * built from, in seconds). A sync refuses a lower one, or the same one with other content. `undefined` only for
   * format 1, which had none.
   */
  version: number | undefined;
  /** When the content was made, UTC, `2026-12-02T14:30:40Z`: `verify` warns when it is too old. Format 2 always has it. */
  created: string | undefined;
  /** The site build this version comes from, when the builder said so. Never taken from the clock. */
  build?: { id?: string; date?: string };
  /** The URL sub-path the site was built for (`/iom/`), when given; `mirror serve` uses it as its default. */
  base?: string;
  /** Free key/value notes passed with `--meta`, for example `subset=fr,es`. Keys are sorted. */
  meta?: Record<string, string>;
  /** Number of files. */
  fileCount: number;
  /** Sum of all file sizes in bytes: what a full copy costs. */
  totalSize: number;
}

/** The signed root of a version: its header and the parts that list its files, in path order. */
export interface Root extends ManifestHeader {
  parts: PartRef[];
}

/** A version in full: the header and every file, sorted by path (UTF-8 byte order), each path once. */
export interface Manifest extends ManifestHeader {
  files: ManifestFile[];
}

/** What a builder records in a manifest besides the files. */
export interface ManifestOptions {
  /** See `ManifestHeader.version`. Required: the builder decides where it comes from. */
  version: number;
  /** See `ManifestHeader.created`: an ISO 8601 time (`2026-12-02T14:30:40Z`, or with an offset). */
  created: string;
  buildId?: string | undefined;
  buildDate?: string | undefined;
  base?: string | undefined;
  meta?: Readonly<Record<string, string>> | undefined;
}

/** A part of the file list as written: the files it holds, its exact text, and the reference the root keeps. */
export interface EncodedPart extends PartRef {
  text: Buffer;
  files: ManifestFile[];
}

/** A manifest as written: the root's exact bytes (what is signed) and its parts. */
export interface EncodedManifest {
  rootBytes: Buffer;
  parts: EncodedPart[];
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
/** The root stores `created` as UTC seconds, `2026-12-02T14:30:40Z`. */
const CREATED_FORMAT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
/**
 * Parts hold about this many files. Their boundaries are chosen by the paths themselves (see `splitIntoParts`), so an
 * edit changes the parts that hold the changed files and no other. Smaller parts make an edit cheaper to fetch but the
 * root longer; the README gives the measurements behind this figure.
 */
export const PART_TARGET_FILES = 32;
/** No part holds more files than this, whatever the paths. */
export const PART_MAX_FILES = 4 * PART_TARGET_FILES;

/**
 * Makes a manifest from a list of files (in any order) and the builder's options. The result depends on nothing
 * else, so the same site gives the same manifest, byte for byte, on every machine.
 *
 * @example
 * createManifest([{ path: 'index.html', size: 5, sha256: '2cf2…' }], { version: 1796221840, created: '2026-12-02T14:30:40Z' })
 */
export function createManifest(files: readonly ManifestFile[], options: ManifestOptions): Manifest {
  const sorted = files.map((file) => ({ path: file.path, size: file.size, sha256: file.sha256 }));
  sorted.sort((a, b) => compareSitePaths(a.path, b.path));
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    formatVersion: MANIFEST_FORMAT_VERSION,
    version: options.version,
    created: normalizeCreated(options.created),
    fileCount: sorted.length,
    totalSize: sorted.reduce((sum, file) => sum + file.size, 0),
    files: sorted,
  };
  if (options.buildId !== undefined || options.buildDate !== undefined) {
    manifest.build = {};
    if (options.buildId !== undefined) manifest.build.id = options.buildId;
    if (options.buildDate !== undefined) manifest.build.date = options.buildDate;
  }
  if (options.base !== undefined) manifest.base = options.base;
  if (options.meta !== undefined && Object.keys(options.meta).length > 0) {
    manifest.meta = Object.fromEntries(Object.entries(options.meta).sort(([a], [b]) => compareSitePaths(a, b)));
  }
  const problems = [...headerProblems(manifest as unknown as Record<string, unknown>), ...fileListProblems(sorted)];
  if (problems.length > 0) throw new MirrorError(`The manifest cannot be made:\n  ${problems.join('\n  ')}`);
  return manifest;
}

/**
 * Turns an ISO 8601 time into the form the root stores: UTC, whole seconds, `Z`.
 *
 * @example
 * normalizeCreated('2026-12-02T15:30:40+01:00') // '2026-12-02T14:30:40Z'
 */
export function normalizeCreated(created: string): string {
  const time = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(created)
    ? Date.parse(created)
    : Number.NaN;
  if (Number.isNaN(time)) {
    throw new MirrorError(
      `"${created}" is not a date and time the manifest can record.`,
      'Write it as in 2026-12-02T14:30:40Z (UTC) or 2026-12-02T15:30:40+01:00.',
    );
  }
  return new Date(Math.floor(time / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * Splits a sorted file list into parts. A part ends after a file whose path hashes below a threshold (one path in
 * `PART_TARGET_FILES` on average), or when it reaches `PART_MAX_FILES`. Because the boundaries depend on the paths and
 * not on positions, adding or removing a file changes the part it falls in, not every part after it (as
 * content-defined chunking does for bytes in casync).
 *
 * @example
 * splitIntoParts(manifest.files).map((files) => files.length) // [35, 12, 61, …]
 */
export function splitIntoParts(files: readonly ManifestFile[]): ManifestFile[][] {
  const threshold = Math.floor(2 ** 32 / PART_TARGET_FILES);
  const parts: ManifestFile[][] = [];
  let current: ManifestFile[] = [];
  for (const file of files) {
    current.push(file);
    const mark = createHash('sha256').update(file.path).digest().readUInt32BE(0);
    if (mark < threshold || current.length >= PART_MAX_FILES) {
      parts.push(current);
      current = [];
    }
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/**
 * Writes a part: one file per line in a fixed key order, so the same files always give the same bytes and two
 * versions of a part diff well.
 *
 * @example
 * serializePart([{ path: 'index.html', size: 3, sha256: '…' }])
 * // '{"format":"iom-mirror-part","files":[\n{"path":"index.html","size":3,"sha256":"…"}\n]}\n'
 */
export function serializePart(files: readonly ManifestFile[]): string {
  const lines = files.map(
    (file) => `{"path":${JSON.stringify(file.path)},"size":${file.size},"sha256":${JSON.stringify(file.sha256)}}`,
  );
  return `{"format":${JSON.stringify(PART_FORMAT)},"files":[\n${lines.join(',\n')}\n]}\n`;
}

/**
 * Writes a manifest as a root and its parts. The root is text with a fixed key order and one part per line; its
 * exact bytes are what the Ed25519 signature covers, and their SHA-256 names the version (see `versionIdOf`). Each
 * part is named in the root by the SHA-256 of its text, which binds every file's hash to the signature.
 *
 * @example
 * const { rootBytes, parts } = encodeManifest(manifest);
 * // rootBytes: '{\n  "format": "iom-mirror-manifest",\n  "formatVersion": 2,\n  "version": 1796221840, …'
 */
export function encodeManifest(manifest: Manifest): EncodedManifest {
  const parts = splitIntoParts(manifest.files).map((files): EncodedPart => {
    const text = Buffer.from(serializePart(files), 'utf8');
    return { sha256: sha256Hex(text), size: text.length, text, files };
  });
  const lines = [
    `  "format": ${JSON.stringify(manifest.format)}`,
    `  "formatVersion": ${JSON.stringify(MANIFEST_FORMAT_VERSION)}`,
    `  "version": ${JSON.stringify(manifest.version)}`,
    `  "created": ${JSON.stringify(manifest.created)}`,
  ];
  if (manifest.build) {
    const build: Record<string, string> = {};
    if (manifest.build.id !== undefined) build.id = manifest.build.id;
    if (manifest.build.date !== undefined) build.date = manifest.build.date;
    lines.push(`  "build": ${JSON.stringify(build)}`);
  }
  if (manifest.base !== undefined) lines.push(`  "base": ${JSON.stringify(manifest.base)}`);
  if (manifest.meta) lines.push(`  "meta": ${JSON.stringify(manifest.meta)}`);
  lines.push(`  "fileCount": ${manifest.fileCount}`, `  "totalSize": ${manifest.totalSize}`);
  const refs = parts.map((part) => `    {"sha256":${JSON.stringify(part.sha256)},"size":${part.size}}`);
  lines.push(refs.length === 0 ? '  "parts": []' : `  "parts": [\n${refs.join(',\n')}\n  ]`);
  return { rootBytes: Buffer.from(`{\n${lines.join(',\n')}\n}\n`, 'utf8'), parts };
}

/**
 * The `formatVersion` of a manifest's text, or `undefined` when it is not a manifest at all. Used to tell the first
 * layout (format 1) from roots before parsing either.
 */
export function manifestFormatOf(bytes: Uint8Array): number | undefined {
  // Both layouts start with the same fixed header lines; the format number is in the first 200 bytes.
  const head = Buffer.from(bytes.subarray(0, 200)).toString('utf8');
  if (!head.includes(`"format": "${MANIFEST_FORMAT}"`)) return undefined;
  const match = /"formatVersion": (\d+)/.exec(head);
  return match ? Number(match[1]) : undefined;
}

/**
 * Reads and checks a signed root. Call it only on bytes whose signature was checked (or that come from the mirror's
 * own disk, whose signature the caller checks before trusting the files).
 *
 * @param where - names the root in error messages, e.g. `"the manifest of version 3f2a… from http://10.0.0.2:8080/"`.
 * @throws MirrorError saying what is wrong; for format 1 and for newer formats, what to do.
 *
 * @example
 * parseRoot(await readFile('versions/3f2a9c01d4e5b6a7.manifest.json'), 'the local mirror')
 */
export function parseRoot(bytes: string | Uint8Array, where = 'the manifest'): Root {
  const value = parseJson(bytes, where);
  if (!isRecord(value) || value.format !== MANIFEST_FORMAT) {
    throw new MirrorError(`${capitalize(where)} is not a mirror manifest (its "format" is not "${MANIFEST_FORMAT}").`);
  }
  if (typeof value.formatVersion !== 'number' || value.formatVersion > MANIFEST_FORMAT_VERSION) {
    throw new MirrorError(
      `${capitalize(where)} uses manifest format ${String(value.formatVersion)}; this tool reads format ${MANIFEST_FORMAT_VERSION}.`,
      'Update the mirror tool (copy mirror-tool/ from a newer bundle), then run the command again.',
    );
  }
  if (value.formatVersion === LEGACY_FORMAT_VERSION) {
    throw new MirrorError(
      `${capitalize(where)} is in the first mirror format, which has no version number: an update from it could ` +
        'take this mirror back in time unnoticed.',
      'Use a bundle or channel made by a newer "pnpm mirror" as the source.',
    );
  }
  const problems = headerProblems(value);
  if (!Array.isArray(value.parts)) {
    problems.push('"parts" is not a list');
  } else {
    value.parts.forEach((part: unknown, index) => {
      if (!isRecord(part) || typeof part.sha256 !== 'string' || !SHA256_HEX.test(part.sha256)) {
        problems.push(`parts[${index}].sha256 is not 64 lowercase hex digits`);
      } else if (typeof part.size !== 'number' || !Number.isSafeInteger(part.size) || part.size <= 0) {
        problems.push(`parts[${index}].size is not a whole number of bytes`);
      }
    });
  }
  throwProblems(problems, where);
  return value as unknown as Root;
}

/**
 * Reads a part whose text was checked against its reference in the root (see `partMatches`), and checks every entry.
 *
 * @throws MirrorError naming the part and what is wrong.
 */
export function parsePart(bytes: Uint8Array, where: string): ManifestFile[] {
  const value = parseJson(bytes, where);
  if (!isRecord(value) || value.format !== PART_FORMAT || !Array.isArray(value.files)) {
    throw new MirrorError(`${capitalize(where)} is not a part of a mirror manifest.`);
  }
  throwProblems(fileListProblems(value.files), where);
  return value.files as ManifestFile[];
}

/** Do these bytes have the size and SHA-256 the root names for a part? */
export function partMatches(bytes: Uint8Array, ref: PartRef): boolean {
  return bytes.length === ref.size && sha256Hex(bytes) === ref.sha256;
}

/**
 * Puts a version back together from its root and the files of its parts, in the root's order, and checks the
 * whole: paths sorted and unique across parts, no empty part, and the count and total the root announces.
 *
 * @throws MirrorError listing what does not add up.
 */
export function assembleManifest(root: Root, partFiles: readonly ManifestFile[][], where = 'the manifest'): Manifest {
  const files: ManifestFile[] = [];
  const problems: string[] = [];
  partFiles.forEach((part, index) => {
    if (part.length === 0) problems.push(`part ${index + 1} lists no file`);
    for (const file of part) files.push(file);
  });
  problems.push(...fileListProblems(files));
  if (root.fileCount !== files.length) {
    problems.push(`"fileCount" is ${root.fileCount}, but the parts list ${files.length} files`);
  }
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (root.totalSize !== total) problems.push(`"totalSize" is ${root.totalSize}, but the files add up to ${total}`);
  throwProblems(problems, where);
  const { parts: _parts, ...header } = root;
  return { ...header, files };
}

/**
 * Reads a manifest in the first format (every file listed in the signed file itself), as mirrors made before format 2
 * keep on disk. Its `version` and `created` are `undefined`.
 *
 * @throws MirrorError listing every problem found.
 */
export function parseLegacyManifest(bytes: string | Uint8Array, where = 'the manifest'): Manifest {
  const value = parseJson(bytes, where);
  if (!isRecord(value) || value.format !== MANIFEST_FORMAT || value.formatVersion !== LEGACY_FORMAT_VERSION) {
    throw new MirrorError(`${capitalize(where)} is not a mirror manifest of format ${LEGACY_FORMAT_VERSION}.`);
  }
  const files = Array.isArray(value.files) ? (value.files as unknown[]) : undefined;
  const problems = files === undefined ? ['"files" is not a list'] : fileListProblems(files);
  if (files !== undefined) {
    if (value.fileCount !== files.length)
      problems.push(`"fileCount" is ${String(value.fileCount)}, but ${files.length} files are listed`);
    const total = files.reduce<number>(
      (sum, file) => sum + (isRecord(file) && typeof file.size === 'number' ? file.size : 0),
      0,
    );
    if (value.totalSize !== total)
      problems.push(`"totalSize" is ${String(value.totalSize)}, but the files add up to ${total}`);
  }
  problems.push(...optionalFieldProblems(value));
  throwProblems(problems, where);
  return { ...(value as unknown as Manifest), version: undefined, created: undefined };
}

/**
 * Names a version: the first 16 hex digits of the SHA-256 of the root's exact bytes. Short on purpose, because
 * it becomes a folder name (`versions/<id>/`) and Windows still limits many tools to 260-character paths; 64 bits
 * is plenty to tell the versions of one site apart, and trust comes from the signature, not from the name.
 *
 * @example
 * versionIdOf(encodeManifest(manifest).rootBytes) // '3f2a9c01d4e5b6a7'
 */
export function versionIdOf(rootBytes: Uint8Array): string {
  return sha256Hex(rootBytes).slice(0, 16);
}

/** Is `value` shaped like a version id (16 lowercase hex digits)? */
export function isVersionId(value: string): boolean {
  return /^[0-9a-f]{16}$/.test(value);
}

/** Is `value` shaped like a SHA-256 (64 lowercase hex digits)? */
export function isSha256(value: string): boolean {
  return SHA256_HEX.test(value);
}

/** SHA-256 of some bytes, lowercase hex. */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function headerProblems(value: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (typeof value.version !== 'number' || !Number.isSafeInteger(value.version) || value.version < 1) {
    problems.push('"version" is not a whole number of 1 or more');
  }
  if (typeof value.created !== 'string' || !CREATED_FORMAT.test(value.created)) {
    problems.push('"created" is not a UTC time such as 2026-12-02T14:30:40Z');
  }
  if (typeof value.fileCount !== 'number' || !Number.isSafeInteger(value.fileCount) || value.fileCount < 0) {
    problems.push('"fileCount" is not a whole number');
  }
  if (typeof value.totalSize !== 'number' || !Number.isSafeInteger(value.totalSize) || value.totalSize < 0) {
    problems.push('"totalSize" is not a whole number of bytes');
  }
  problems.push(...optionalFieldProblems(value));
  return problems;
}

function optionalFieldProblems(value: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (value.base !== undefined && typeof value.base !== 'string') problems.push('"base" is not text');
  if (value.build !== undefined) {
    const { build } = value;
    if (!isRecord(build) || !Object.values(build).every((item) => typeof item === 'string')) {
      problems.push('"build" must hold text "id" and "date" only');
    }
  }
  if (value.meta !== undefined) {
    const { meta } = value;
    if (!isRecord(meta) || !Object.values(meta).every((item) => typeof item === 'string')) {
      problems.push('"meta" must map names to text');
    }
  }
  return problems;
}

/** Checks a list of files: each path storable and safe, sizes and hashes well formed, sorted, each path once. */
function fileListProblems(files: readonly unknown[]): string[] {
  const problems: string[] = [];
  let previous: string | undefined;
  files.forEach((file: unknown, index) => {
    const at = `files[${index}]`;
    if (!isRecord(file)) {
      problems.push(`${at} is not an object`);
      return;
    }
    const { path, size, sha256 } = file;
    if (typeof path !== 'string') {
      problems.push(`${at}.path is not text`);
      return;
    }
    const pathProblem = sitePathProblem(path);
    if (pathProblem) problems.push(`"${path}" ${pathProblem}`);
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
      problems.push(`"${path}": size is not a whole number of bytes`);
    }
    if (typeof sha256 !== 'string' || !SHA256_HEX.test(sha256)) {
      problems.push(`"${path}": sha256 is not 64 lowercase hex digits`);
    }
    if (previous !== undefined) {
      const order = compareSitePaths(previous, path);
      if (order === 0) problems.push(`"${path}" is listed twice`);
      else if (order > 0) problems.push(`"${path}" is out of order (files must be sorted by path)`);
    }
    previous = path;
  });
  return problems;
}

function parseJson(bytes: string | Uint8Array, where: string): unknown {
  const text = typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MirrorError(`${capitalize(where)} is not valid JSON (${(error as Error).message}).`);
  }
}

function throwProblems(problems: readonly string[], where: string): void {
  if (problems.length === 0) return;
  const shown = problems.slice(0, 10);
  const more = problems.length > shown.length ? `\n  … and ${problems.length - shown.length} more` : '';
  throw new MirrorError(`${capitalize(where)} is not valid:\n  ${shown.join('\n  ')}${more}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * How messages name a version: its id, then its version number and date, and the build when known.
 *
 * @example
 * versionLabel('3f2a9c01d4e5b6a7', manifest) // 'version 3f2a9c01d4e5b6a7 (number 1796221840 of 2026-12-02 14:30 UTC, build 1a2b3c)'
 */
export function versionLabel(id: string, manifest: Pick<Manifest, 'version' | 'created' | 'build'>): string {
  const details: string[] = [];
  if (manifest.version !== undefined) {
    details.push(`number ${manifest.version}${manifest.created === undefined ? '' : ` of ${formatCreated(manifest.created)}`}`);
  }
  const build = manifest.build?.id ?? manifest.build?.date;
  if (build !== undefined) details.push(`build ${build}`);
  return `version ${id}${details.length === 0 ? '' : ` (${details.join(', ')})`}`;
}

/**
 * A root's `created` for people: date and minutes, UTC.
 *
 * @example
 * formatCreated('2026-12-02T14:30:40Z') // '2026-12-02 14:30 UTC'
 */
export function formatCreated(created: string): string {
  return `${created.slice(0, 10)} ${created.slice(11, 16)} UTC`;
}
