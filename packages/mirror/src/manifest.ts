import { createHash } from 'node:crypto';
import { MirrorError } from './mirror-error.ts';
import { compareSitePaths, sitePathProblem } from './site-path.ts';

/** The `format` field of every manifest, so that a stray JSON file is never mistaken for one. */
export const MANIFEST_FORMAT = 'iom-mirror-manifest';
/** The manifest layout this code writes. Readers refuse a higher number instead of guessing. */
export const MANIFEST_FORMAT_VERSION = 1;

/** One file of the site, as the manifest lists it. */
export interface ManifestFile {
  /** Path inside the site, relative, with `/` between folders (see `sitePathProblem`). */
  path: string;
  /** Size in bytes. */
  size: number;
  /** SHA-256 of the file's bytes, lowercase hex. */
  sha256: string;
}

/**
 * The list of every file of one version of the site. Its exact bytes are what the Ed25519 signature covers, and their
 * SHA-256 names the version (see `versionIdOf`).
 */
export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  formatVersion: number;
  /** The site build this version comes from, when the builder said so. Never taken from the clock. */
  build?: { id?: string; date?: string };
  /** The URL sub-path the site was built for (`/iom/`), when given; `mirror serve` uses it as its default. */
  base?: string;
  /** Free key/value notes passed with `--meta`, for example `subset=fr,es`. Keys are sorted. */
  meta?: Record<string, string>;
  /** Number of files, the length of `files`. */
  fileCount: number;
  /** Sum of all file sizes in bytes: what a full copy costs. */
  totalSize: number;
  /** Every file, sorted by path (UTF-8 byte order), each path once. */
  files: ManifestFile[];
}

/** What a builder may record in a manifest besides the files. */
export interface ManifestOptions {
  buildId?: string | undefined;
  buildDate?: string | undefined;
  base?: string | undefined;
  meta?: Readonly<Record<string, string>> | undefined;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Makes a manifest from a list of files (in any order) and the builder's options. The result depends on nothing
 * else, so the same site gives the same manifest, byte for byte, on every machine.
 *
 * @example
 * createManifest([{ path: 'index.html', size: 5, sha256: '2cf2…' }], { buildId: '2024-06-01.1', meta: { subset: 'fr' } })
 */
export function createManifest(files: readonly ManifestFile[], options: ManifestOptions = {}): Manifest {
  const sorted = files.map((file) => ({ path: file.path, size: file.size, sha256: file.sha256 }));
  sorted.sort((a, b) => compareSitePaths(a.path, b.path));
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    formatVersion: MANIFEST_FORMAT_VERSION,
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
  const problems = manifestProblems(manifest as unknown as Record<string, unknown>);
  if (problems.length > 0) throw new MirrorError(`The manifest cannot be made:\n  ${problems.join('\n  ')}`);
  return manifest;
}

/**
 * Writes a manifest as text: fixed key order, one file per line (so two manifests diff well), a final newline.
 *
 * @example
 * serializeManifest(createManifest([]))
 * // '{\n  "format": "iom-mirror-manifest",\n  "formatVersion": 1,\n  "fileCount": 0,\n  "totalSize": 0,\n  "files": []\n}\n'
 */
export function serializeManifest(manifest: Manifest): string {
  const lines = [
    `  "format": ${JSON.stringify(manifest.format)}`,
    `  "formatVersion": ${JSON.stringify(manifest.formatVersion)}`,
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
  const files = manifest.files.map(
    (file) => `    {"path":${JSON.stringify(file.path)},"size":${file.size},"sha256":${JSON.stringify(file.sha256)}}`,
  );
  lines.push(files.length === 0 ? '  "files": []' : `  "files": [\n${files.join(',\n')}\n  ]`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

/**
 * Reads and checks a manifest. Every path, size and hash is checked, the order too, so what comes out is safe to
 * act on: no path can point outside the mirror folder.
 *
 * @param where - names the manifest in error messages, e.g. `"http://192.168.1.10:8080/ (version 3f2a…)"`.
 * @throws MirrorError listing every problem found.
 *
 * @example
 * parseManifest(await readFile('versions/3f2a9c01d4e5b6a7.manifest.json'), 'the local mirror')
 */
export function parseManifest(bytes: string | Uint8Array, where = 'the manifest'): Manifest {
  const text = typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new MirrorError(`${capitalize(where)} is not valid JSON (${(error as Error).message}).`);
  }
  if (!isRecord(value) || value.format !== MANIFEST_FORMAT) {
    throw new MirrorError(`${capitalize(where)} is not a mirror manifest (its "format" is not "${MANIFEST_FORMAT}").`);
  }
  if (typeof value.formatVersion !== 'number' || value.formatVersion > MANIFEST_FORMAT_VERSION) {
    throw new MirrorError(
      `${capitalize(where)} uses manifest format ${String(value.formatVersion)}; this tool reads format ${MANIFEST_FORMAT_VERSION}.`,
      'Update the mirror tool (copy mirror-tool/ from a newer bundle), then run the command again.',
    );
  }
  const problems = manifestProblems(value);
  if (problems.length > 0) {
    const shown = problems.slice(0, 10);
    const more = problems.length > shown.length ? `\n  … and ${problems.length - shown.length} more` : '';
    throw new MirrorError(`${capitalize(where)} is not valid:\n  ${shown.join('\n  ')}${more}`);
  }
  return value as unknown as Manifest;
}

/**
 * Names a version: the first 16 hex digits of the SHA-256 of the manifest's exact bytes. Short on purpose, because
 * it becomes a folder name (`versions/<id>/`) and Windows still limits many tools to 260-character paths; 64 bits
 * is plenty to tell the versions of one site apart, and trust comes from the signature, not from the name.
 *
 * @example
 * versionIdOf(Buffer.from(serializeManifest(manifest))) // '3f2a9c01d4e5b6a7'
 */
export function versionIdOf(manifestBytes: Uint8Array): string {
  return createHash('sha256').update(manifestBytes).digest('hex').slice(0, 16);
}

/** Is `value` shaped like a version id (16 lowercase hex digits)? */
export function isVersionId(value: string): boolean {
  return /^[0-9a-f]{16}$/.test(value);
}

function manifestProblems(value: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const { files } = value;
  if (!Array.isArray(files)) return ['"files" is not a list'];
  let total = 0;
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
    } else {
      total += size;
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
  if (value.fileCount !== files.length)
    problems.push(`"fileCount" is ${String(value.fileCount)}, but ${files.length} files are listed`);
  if (value.totalSize !== total)
    problems.push(`"totalSize" is ${String(value.totalSize)}, but the files add up to ${total}`);
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
