import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import * as nodeModule from 'node:module';
import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileMismatchError, MirrorError, explainSystemError, hasErrorCode } from './mirror-error.ts';
import { compress } from './compressed.ts';
import {
  README_FILE,
  TOOL_DIR,
  TRUSTED_KEY_FILE,
  VERSIONS_DIR,
  inMirror,
  isFolder,
  switchCurrent,
  versionFolderRef,
  writeVersionMetadata,
} from './mirror-layout.ts';
import { createManifest, encodeManifest, versionIdOf } from './manifest.ts';
import type { Manifest, ManifestFile } from './manifest.ts';
import { normalizeBase } from './server.ts';
import { isTestKey, keyFingerprint, publicKeyFromPrivateKey, signManifest } from './signature.ts';
import { diskPath, hashFile, walkFolder, writeVerified } from './site-files.ts';
import { SYNC_PREFIX } from './sync-source.ts';
import { caseCollisions, sitePathProblem } from './site-path.ts';

/** What `buildBundle` needs. */
export interface BuildBundleOptions {
  /** The built site (Astro's `dist/`). */
  siteDir: string;
  /** Where to create the bundle: a folder that does not exist yet, or an empty one. */
  outDir: string;
  /** The Ed25519 private key, PEM, that signs the manifest. */
  privateKeyPem: string;
  /** How to name the key in messages, e.g. `the file "/secure/mirror-private-key.pem"`. */
  privateKeyWhere?: string | undefined;
  /**
   * The bundle's version number: it must be higher than that of every bundle sent before, because a sync refuses to
   * go to a lower one. Derive it from the source (the git commit's time), never from the clock of the build.
   */
  version: number;
  /** When the content was made (ISO 8601): `mirror verify` warns when a mirror's content gets older than it should. */
  created: string;
  /** Recorded in the manifest; pass the site build's own id and date, never "now", to keep bundles reproducible. */
  buildId?: string | undefined;
  buildDate?: string | undefined;
  /** The URL sub-path the site was built for; recorded, and used by `mirror serve` as its default. */
  base?: string | undefined;
  /** Free notes for the manifest, e.g. `{ subset: 'fr,es' }`. */
  meta?: Readonly<Record<string, string>> | undefined;
  /** Accept the committed TEST key. Only the test suite should ever set this. */
  allowTestKey?: boolean | undefined;
  /** Copy the mirror tool into the bundle. Default true. */
  includeTool?: boolean | undefined;
}

/** What `buildBundle` made. */
export interface BuildBundleResult {
  outDir: string;
  versionId: string;
  manifest: Manifest;
  /** The exact bytes of the root that were signed. */
  manifestBytes: Buffer;
  /** How many parts the file list was split into. */
  partCount: number;
  /** The signature file's content. */
  signature: string;
  /** Fingerprint of the public key that verifies the bundle. */
  fingerprint: string;
}

/**
 * Makes a mirror bundle from a built site: a mirror folder holding one version (see `mirror-layout.ts`), the
 * public key that verifies it, and a copy of this tool, so that the bundle alone plus Node can be served, verified
 * and synced. The bundle is assembled next to `outDir` and renamed into place at the end: a failed build leaves
 * nothing half-made behind.
 *
 * The same site, options and key give a byte-identical root, parts and signature (Ed25519 is deterministic).
 *
 * @throws MirrorError listing every file that cannot go into a mirror, or any other plain-words problem.
 *
 * @example
 * await buildBundle({ siteDir: 'apps/site/dist', outDir: '/tmp/iom-mirror', privateKeyPem, version: 1796221840,
 *   created: '2026-12-02T14:30:40Z', buildId: '1a2b3c4d5e6f' })
 */
export async function buildBundle(options: BuildBundleOptions): Promise<BuildBundleResult> {
  const siteDir = resolve(options.siteDir);
  const outDir = resolve(options.outDir);
  const publicKeyPem = publicKeyFromPrivateKey(options.privateKeyPem, options.privateKeyWhere ?? 'the private key');
  const fingerprint = keyFingerprint(publicKeyPem);
  if (isTestKey(publicKeyPem) && !options.allowTestKey) {
    throw new MirrorError(
      `The key in ${options.privateKeyWhere ?? '--private-key'} is the committed TEST key (${fingerprint}); anyone can sign with it, so a mirror signed with it proves nothing.`,
      'Sign real bundles with your own key ("mirror keygen --out <folder outside the repository>"). For fixtures only, add --allow-test-key.',
    );
  }
  const base = options.base === undefined ? undefined : normalizeBase(options.base);

  if (!(await isFolder(siteDir))) {
    throw new MirrorError(
      `The site folder ${siteDir} does not exist.`,
      'Build the site first, or check the --site path.',
    );
  }
  if (isInside(outDir, siteDir) || isInside(siteDir, outDir)) {
    throw new MirrorError(
      `The bundle folder ${outDir} and the site folder ${siteDir} overlap.`,
      'Write the bundle to a folder outside the built site.',
    );
  }
  await requireEmptyOrMissing(outDir);

  const files = await scanSite(siteDir);
  const manifest = createManifest(files, {
    version: options.version,
    created: options.created,
    buildId: options.buildId,
    buildDate: options.buildDate,
    base,
    meta: options.meta,
  });
  const { rootBytes: manifestBytes, parts } = encodeManifest(manifest);
  const signature = signManifest(manifestBytes, options.privateKeyPem, options.privateKeyWhere);
  const versionId = versionIdOf(manifestBytes);

  const work = join(dirname(outDir), `.${basename(outDir)}.partial-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(inMirror(work, versionFolderRef(versionId)), { recursive: true });
    const versionDir = inMirror(work, versionFolderRef(versionId));
    for (const file of manifest.files) await copySiteFile(siteDir, versionDir, file);
    await writeVersionMetadata(work, versionId, {
      rootBytes: manifestBytes,
      signature,
      parts: parts.map((part) => ({ sha256: part.sha256, compressed: compress(part.text) })),
    });
    await writeFile(join(work, TRUSTED_KEY_FILE), publicKeyPem);
    await switchCurrent(work, versionId, manifest);
    if (options.includeTool ?? true) {
      await copyTool(join(work, TOOL_DIR));
      await writeFile(join(work, README_FILE), bundleReadme(fingerprint));
    }
    // An empty outDir was accepted above; rename needs it gone.
    await rmdir(outDir).catch(() => {});
    await rename(work, outDir);
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw explainSystemError(error, `writing the bundle next to ${outDir}`);
  }
  return { outDir, versionId, manifest, manifestBytes, partCount: parts.length, signature, fingerprint };
}

/**
 * Lists and hashes every file of a built site, refusing what a mirror cannot hold: links, names that Windows or
 * FAT32 USB sticks cannot store, names differing only in case, and the reserved top-level `_mirror/`.
 *
 * @throws MirrorError naming every such file.
 */
export async function scanSite(siteDir: string): Promise<ManifestFile[]> {
  const { files, others } = await walkFolder(siteDir);
  const problems: string[] = [];
  for (const path of others) problems.push(`"${path}" is a link or a special file; copy the real file there instead`);
  for (const path of files) {
    const problem = sitePathProblem(path);
    if (problem) problems.push(`"${path}" ${problem}`);
    if (path === SYNC_PREFIX || path.startsWith(`${SYNC_PREFIX}/`)) {
      problems.push(`"${path}" is under ${SYNC_PREFIX}/, which the mirror server reserves for syncing`);
    }
  }
  for (const [first, second] of caseCollisions(files)) {
    problems.push(
      `"${first}" and "${second}" differ only in upper/lower case; on a USB stick one would overwrite the other`,
    );
  }
  if (files.length === 0 && problems.length === 0) problems.push('the folder has no files');
  if (problems.length > 0) {
    const shown = problems.slice(0, 20);
    const more = problems.length > shown.length ? `\n  … and ${problems.length - shown.length} more` : '';
    throw new MirrorError(
      `The site in ${siteDir} cannot be mirrored as it is:\n  ${shown.join('\n  ')}${more}`,
      'Rename or remove these files in the site, build it again, then make the bundle.',
    );
  }
  const entries: ManifestFile[] = [];
  for (const path of files) entries.push({ path, ...(await hashFile(diskPath(siteDir, path))) });
  return entries;
}

async function copySiteFile(siteDir: string, versionDir: string, file: ManifestFile): Promise<void> {
  try {
    const from = createReadStream(diskPath(siteDir, file.path));
    await writeVerified(from, diskPath(versionDir, file.path), file, 'in the site folder', undefined, false);
  } catch (error) {
    if (!(error instanceof FileMismatchError)) throw error;
    throw new MirrorError(
      `The file "${file.path}" changed in ${siteDir} while the bundle was being made.`,
      'Wait until the site build has finished, then make the bundle again.',
    );
  }
}

async function requireEmptyOrMissing(outDir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(outDir);
  } catch (error) {
    if (hasErrorCode(error, 'ENOENT')) return;
    if (hasErrorCode(error, 'ENOTDIR')) throw new MirrorError(`${outDir} is a file, not a folder.`);
    throw error;
  }
  if (names.length > 0) {
    throw new MirrorError(
      `The bundle folder ${outDir} is not empty.`,
      'Choose a new or empty folder: mirror build never writes over an older bundle, so two versions are never mixed.',
    );
  }
}

function isInside(child: string, parent: string): boolean {
  const path = relative(parent, child);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}

/**
 * Copies this tool into a bundle as plain JavaScript (types stripped, `.ts` imports renamed to `.js`), so that it
 * runs on the Node 20 that many field machines have, with no flag and nothing to install. When the tool already runs
 * as JavaScript (from a bundle), its files are copied as they are.
 *
 * @returns the names of the files written, sorted.
 */
export async function copyTool(toDir: string): Promise<string[]> {
  const here = dirname(fileURLToPath(import.meta.url));
  const names = (await readdir(here))
    .filter((name) => /^[a-z0-9-]+\.(ts|js)$/.test(name) && !name.endsWith('.d.ts'))
    .sort();
  await mkdir(toDir, { recursive: true });
  const written: string[] = [];
  for (const name of names) {
    const source = await readFile(join(here, name), 'utf8');
    const target = name.replace(/\.ts$/, '.js');
    await writeFile(join(toDir, target), name.endsWith('.ts') ? toJavaScript(source, name) : source);
    written.push(target);
  }
  await writeFile(
    join(toDir, 'package.json'),
    `${JSON.stringify({ name: 'iom-mirror-tool', private: true, type: 'module', description: 'Copy of @iom/mirror: run "node cli.js --help".' }, null, 2)}\n`,
  );
  return [...written, 'package.json'].sort();
}

/**
 * Turns one module of this package into plain JavaScript. The code uses only erasable TypeScript syntax (enforced by
 * `erasableSyntaxOnly`), so stripping types is all it takes; positions are kept, so line numbers match the source.
 *
 * @example
 * toJavaScript("import { a } from './a.ts';\nconst n: number = a;", 'b.ts')
 * // "import { a } from './a.js';\nconst n         = a;"
 */
export function toJavaScript(source: string, name: string): string {
  const strip = (nodeModule as { stripTypeScriptTypes?: (code: string, options?: { mode?: 'strip' }) => string })
    .stripTypeScriptTypes;
  if (strip === undefined) {
    throw new MirrorError(
      `This Node (${process.version}) cannot turn the mirror tool into plain JavaScript for the bundle (${name}).`,
      'Run "mirror build" with Node 22.13 or later (the bundle itself then runs on Node 20 too).',
    );
  }
  // Node flags stripTypeScriptTypes as experimental and warns once per process. The warning is about this build
  // step, not about anything the person running "mirror build" can act on, so it is kept off their screen.
  const emitWarning = process.emitWarning.bind(process);
  process.emitWarning = (() => {});
  let code: string;
  try {
    code = strip(source, { mode: 'strip' });
  } finally {
    process.emitWarning = emitWarning;
  }
  return code.replace(/(\bfrom\s+['"])(\.{1,2}\/[^'"]+)\.ts(['"])/g, '$1$2.js$3');
}

function bundleReadme(fingerprint: string): string {
  return `Offline copy of the site
========================

To read it on this computer: open index.html (double-click it).

To serve it to the office network (needs Node.js 20 or later, https://nodejs.org):

    node ${TOOL_DIR}/cli.js serve .

  then, on any computer of the network, open one of the addresses it prints.

To check that nothing is damaged (and that the copy is not too old):

    node ${TOOL_DIR}/cli.js verify .

To update it from a newer copy (headquarters' update address, a folder, or the
address of another office's server):

    node ${TOOL_DIR}/cli.js sync <https://address/ or folder or http://address:8080/> .

An update never goes back to an older version unless you add --allow-downgrade.

Run these commands from this folder. Every update is checked against the key
that signed this copy; its fingerprint is:

    ${fingerprint}

Compare it with the one headquarters gives you. The site's files are in
${VERSIONS_DIR}/; do not edit them (a check would report them as damaged).
`;
}
