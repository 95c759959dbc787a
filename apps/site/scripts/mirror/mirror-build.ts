/**
 * `pnpm mirror`: builds a signed mirror bundle of the site for field offices, whole or for some languages and
 * countries. The steps, each in its own module:
 *
 *   subset content (subset-content.ts) → site build (@iom/site-build) → prune languages and index again
 *   (prune-languages.ts, @iom/site-build/search-index) → relative URLs (relocate.ts) → offline search (offline-search.ts) →
 *   checks (check-relocatable.ts, quality/check-links.ts) → signed bundle (packages/mirror `mirror build`) → with
 *   --channel, the bundle's version added to an update channel (`mirror publish`)
 *
 * Everything happens in a temporary folder; `--out` is only written by the last step, which itself assembles the
 * bundle beside it and renames it into place. A failure at any step leaves `--out` as it was.
 */
import { spawn } from 'node:child_process';
import { createHash, createPrivateKey } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { localeCodes } from '@iom/content-model';
import { checkLinks } from '../quality/check-links.ts';
import { clearPageCache } from '../quality/site-files.ts';
import { orchestratorScript } from '@iom/site-build';
import { indexSite } from '@iom/site-build/search-index';
import { checkRelocatable } from './check-relocatable.ts';
import { readMirrorStrings } from './mirror-strings.ts';
import { offlineFolder, writeOfflineSearch } from './offline-search.ts';
import { pruneLanguages } from './prune-languages.ts';
import { listFiles, relocateSite } from './relocate.ts';
import { writeSubsetContent, type SubsetSelection } from './subset-content.ts';

/** The repository root and the tools this step runs. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const siteBuildScript = fileURLToPath(orchestratorScript);
export const mirrorCli = fileURLToPath(import.meta.resolve('@iom/mirror/cli'));
/** The committed TEST key pair (packages/mirror/test-keys/README.md). */
export const testPrivateKey = path.join(repoRoot, 'packages/mirror/test-keys/TEST-ONLY-mirror-private-key.pem');

/** A failure of one step, said in plain words; `details` is the tail of a tool's output, when there is one. */
export class MirrorBuildError extends Error {
  override name = 'MirrorBuildError';
  readonly details: string | undefined;
  constructor(message: string, details?: string) {
    super(message);
    this.details = details;
  }
}

/** Which key signs the bundle and how to name it in messages. */
export type SigningKey =
  | { kind: 'file'; file: string }
  | { kind: 'environment' }
  | { kind: 'test' };

/** What {@link buildMirror} needs. */
export interface BuildMirrorOptions {
  /** The bundle folder to create: missing or empty. */
  outDir: string;
  /** The content folder to build from. */
  contentDir: string;
  selection: SubsetSelection;
  key: SigningKey;
  /**
   * The bundle's version number, which field offices refuse to see go down. Default: the seconds of `created`.
   */
  version?: number | undefined;
  /**
   * When the content was made (ISO 8601). Default: `SOURCE_DATE_EPOCH` when set, else the time of the git commit when
   * the working tree is clean and the content is the repository's; otherwise it must be given.
   */
  created?: string | undefined;
  /** Recorded in the manifest; default: the git commit when the working tree is clean, else a hash of the site. */
  buildId?: string | undefined;
  buildDate?: string | undefined;
  /** The sub-path `mirror serve` uses when none is given (the site itself works under any). */
  base?: string | undefined;
  /**
   * A channel folder to publish the bundle into (`mirror publish`), for field offices to sync from over the internet.
   * Made when missing.
   */
  channelDir?: string | undefined;
  /** The public site's origin, for canonical URLs and the link check. */
  siteOrigin: string;
  /** Progress lines. */
  say: (line: string) => void;
  /** Keep the temporary folder (for looking into a failure). */
  keepWork?: boolean | undefined;
}

/** What {@link buildMirror} made. */
export interface MirrorSummary {
  outDir: string;
  versionId: string;
  /** The version number and date recorded in the root, and where they came from. */
  version: number;
  created: string;
  versionFrom: string;
  buildId: string;
  languages: string[];
  countries: string[] | 'all';
  pages: number;
  files: number;
  bytes: number;
  fingerprint: string;
  keyDescription: string;
  /** What `mirror publish` said, when a channel was given. */
  channel: string | undefined;
}

/** Runs a Node script and resolves with its exit code and the end of its output, all of which also goes to `log`. */
function runNode(args: readonly string[], options: { env?: NodeJS.ProcessEnv; log: string; cwd?: string }): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: options.cwd ?? repoRoot, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const file = createWriteStream(options.log, { flags: 'a' });
    let output = '';
    const keep = (chunk: Buffer) => {
      file.write(chunk);
      output = (output + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => file.end(() => resolve({ code, output })));
  });
}

function lastLines(text: string, count: number): string {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}

/**
 * The commit the content comes from, when the content is the repository's own and the working tree is clean: its id
 * and its committer time (seconds). Otherwise `undefined`: uncommitted changes or outside content are not a commit.
 */
async function cleanCommit(contentDir: string): Promise<{ commit: string; time: number } | undefined> {
  if (path.resolve(contentDir) !== path.join(repoRoot, 'content')) return undefined;
  const git = (args: string[]) =>
    new Promise<string | undefined>((resolve) => {
      const child = spawn('git', ['--no-optional-locks', '-C', repoRoot, ...args], { stdio: ['ignore', 'pipe', 'ignore'] });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('error', () => resolve(undefined));
      child.on('close', (code) => resolve(code === 0 ? out.trim() : undefined));
    });
  const head = await git(['log', '-1', '--format=%H %ct']);
  const status = head === undefined ? undefined : await git(['status', '--porcelain']);
  const [commit, time] = head?.split(' ') ?? [];
  if (commit === undefined || time === undefined || status !== '') return undefined;
  return { commit, time: Number(time) };
}

/**
 * The build id when none is given: the git commit if the repository's working tree is clean and the content is the
 * repository's own; otherwise `site-` and the first 12 hex digits of a hash over the site's files. Never the clock:
 * the same site gives the same id, hence the same manifest and version.
 */
export async function defaultBuildId(siteDir: string, contentDir: string): Promise<{ id: string; from: string }> {
  const head = await cleanCommit(contentDir);
  if (head) return { id: head.commit.slice(0, 12), from: 'the git commit' };
  const hash = createHash('sha256');
  for (const file of await listFiles(siteDir)) {
    hash.update(`${file}\0`);
    hash.update(createHash('sha256').update(await readFile(path.join(siteDir, file))).digest());
  }
  return { id: `site-${hash.digest('hex').slice(0, 12)}`, from: 'a hash of the site files (uncommitted changes or content outside the repository)' };
}

/**
 * The version number and date of a bundle: what is given, else the time the source was committed. Field offices
 * refuse a version number lower than theirs, so it must grow from one bundle to the next; the commit time does (each
 * release is a later commit), and it is the same however often the same commit is built, which keeps bundles
 * reproducible. The clock of the build is never used: the same site would give another bundle every time.
 *
 * @example
 * await bundleVersion({ contentDir: 'content' }) // { version: 1796221840, created: '2026-12-02T14:30:40Z', from: 'the time of the git commit' }
 */
export async function bundleVersion(options: {
  contentDir: string;
  version?: number | undefined;
  created?: string | undefined;
}): Promise<{ version: number; created: string; from: string }> {
  let created = options.created;
  let from = '--created';
  if (created === undefined) {
    const epoch = process.env.SOURCE_DATE_EPOCH;
    const head = epoch ? undefined : await cleanCommit(options.contentDir);
    if (epoch) {
      if (!/^\d+$/.test(epoch)) throw new MirrorBuildError(`SOURCE_DATE_EPOCH must be a whole number of seconds, not "${epoch}".`);
      created = new Date(Number(epoch) * 1000).toISOString();
      from = 'SOURCE_DATE_EPOCH';
    } else if (head) {
      created = new Date(head.time * 1000).toISOString();
      from = 'the time of the git commit';
    } else {
      throw new MirrorBuildError(
        'Say when this content was made: the content has uncommitted changes or is outside the repository, so no git commit can say it. ' +
          'Give --created 2026-12-02T14:30:00Z (and --version <number> if you number bundles yourself), or set SOURCE_DATE_EPOCH. ' +
          'Each bundle needs a later date (or a higher --version) than the one before: field offices refuse to go back.',
      );
    }
  }
  const time = Date.parse(created);
  if (Number.isNaN(time)) throw new MirrorBuildError(`--created ${created} is not a date and time; write it as 2026-12-02T14:30:00Z.`);
  created = new Date(Math.floor(time / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  if (options.version !== undefined) return { version: options.version, created, from: `--version, with the date from ${from}` };
  return { version: Math.floor(time / 1000), created, from };
}

async function folderSize(dir: string): Promise<{ files: number; bytes: number; pages: number }> {
  let bytes = 0;
  let pages = 0;
  const files = await listFiles(dir);
  for (const file of files) {
    bytes += (await stat(path.join(dir, file))).size;
    if (file.endsWith('.html') && !file.startsWith('pagefind/') && !file.startsWith(`${offlineFolder}/`)) pages++;
  }
  return { files: files.length, bytes, pages };
}

/**
 * Fails early, before a long build, when the signing key cannot be read or is not an Ed25519 private key. (`mirror
 * build` checks it again, and refuses the TEST key without --allow-test-key.)
 */
export async function requireSigningKey(key: SigningKey): Promise<void> {
  const where = key.kind === 'file' ? `the file ${key.file}` : key.kind === 'environment' ? 'the MIRROR_PRIVATE_KEY environment variable' : 'the TEST key';
  let pem: string;
  try {
    pem = key.kind === 'file' ? await readFile(key.file, 'utf8') : key.kind === 'environment' ? (process.env.MIRROR_PRIVATE_KEY ?? '') : await readFile(testPrivateKey, 'utf8');
  } catch (error) {
    throw new MirrorBuildError(`Could not read ${where}: ${(error as Error).message}.`);
  }
  let type: string | undefined;
  try {
    type = createPrivateKey(pem).asymmetricKeyType;
  } catch {
    type = undefined;
  }
  if (type !== 'ed25519') {
    throw new MirrorBuildError(
      `${where[0]!.toUpperCase()}${where.slice(1)} does not hold an Ed25519 private key in PEM form. Use the private key file made by "pnpm mirror:keygen" (it starts with "-----BEGIN PRIVATE KEY-----").`,
    );
  }
}

/**
 * Fails early, before a long build, when the channel already offers this version number or a higher one: `mirror
 * publish` would refuse the bundle, and field offices too.
 */
export async function requireNewerThanChannel(channelDir: string, version: number): Promise<void> {
  let latest: string;
  try {
    latest = (await readFile(path.join(channelDir, 'LATEST'), 'utf8')).trim();
  } catch {
    return; // a new channel
  }
  let offered: number | undefined;
  try {
    offered = (JSON.parse(await readFile(path.join(channelDir, 'versions', `${latest}.manifest.json`), 'utf8')) as { version?: number }).version;
  } catch {
    return; // mirror publish says what is wrong with the channel
  }
  if (offered !== undefined && offered >= version) {
    throw new MirrorBuildError(
      `The channel ${channelDir} already offers version number ${offered}, and this bundle would be ${version}: field offices refuse a version that is not newer. ` +
        'Build from a later commit, or give a later --created (or a higher --version).',
    );
  }
}

/** Fails early, before a long build, when `--out` cannot receive a bundle. */
export async function requireEmptyOut(outDir: string): Promise<void> {
  if (!existsSync(outDir)) return;
  const info = await stat(outDir);
  if (!info.isDirectory()) throw new MirrorBuildError(`${outDir} is a file. Give --out a folder that does not exist yet (or an empty one).`);
  if ((await readdir(outDir)).length > 0) {
    throw new MirrorBuildError(`${outDir} is not empty. Give --out a new folder: a bundle is never written over another one (to update a mirror, use "pnpm mirror:sync").`);
  }
}

/**
 * Builds the mirror bundle (see the module comment) and returns what it made.
 *
 * @example
 * await buildMirror({ outDir: '/tmp/iom-mirror', contentDir: 'content', selection: { languages: ['en', 'ar'], countries: ['LY'] },
 *   key: { kind: 'file', file: '/secure/mirror-private-key.pem' }, siteOrigin: 'https://www.iom.int', say: console.log })
 */
export async function buildMirror(options: BuildMirrorOptions): Promise<MirrorSummary> {
  const { say, selection } = options;
  const outDir = path.resolve(options.outDir);
  await requireEmptyOut(outDir);
  await requireSigningKey(options.key);
  const version = await bundleVersion({ contentDir: options.contentDir, version: options.version, created: options.created });
  if (options.channelDir) await requireNewerThanChannel(path.resolve(options.channelDir), version.version);
  const languages = selection.languages ?? localeCodes;
  const isSubset = selection.languages !== undefined || selection.countries !== undefined;
  const steps = 5 + (isSubset ? 1 : 0) + (selection.languages ? 1 : 0) + (options.channelDir ? 1 : 0);
  let step = 0;
  const next = (text: string) => say(`[${++step}/${steps}] ${text}`);

  await mkdir(tmpdir(), { recursive: true });
  const work = await mkdtemp(path.join(tmpdir(), 'iom-mirror-'));
  const log = path.join(work, 'build.log');
  const siteDir = path.join(work, 'site');
  let keepLog = false;
  try {
    let contentDir = path.resolve(options.contentDir);
    let strings;
    try {
      strings = await readMirrorStrings(contentDir);
    } catch (error) {
      throw new MirrorBuildError((error as Error).message);
    }
    if (isSubset) {
      next(`Choosing the content: languages ${languages.join(', ')}; countries ${selection.countries?.join(', ') ?? 'all'}`);
      // A fixed folder per content folder and selection, so that the site build's cache (kept per content folder)
      // is reused by the next bundle of the same subset instead of piling up.
      const key = createHash('sha256').update(`${contentDir}\n${JSON.stringify(selection)}`).digest('hex').slice(0, 12);
      const subsetDir = path.join(tmpdir(), `iom-mirror-content-${key}`, 'content');
      await rm(path.dirname(subsetDir), { recursive: true, force: true });
      const plan = await writeSubsetContent(contentDir, subsetDir, selection);
      say(`      ${plan.releaseCount} release${plan.releaseCount === 1 ? '' : 's'} (${plan.releaseFiles.length} files), ${plan.countries.length} countr${plan.countries.length === 1 ? 'y' : 'ies'} with the ones they name and the ones covering them`);
      contentDir = subsetDir;
    }

    next('Building the site (this takes a while)');
    const started = performance.now();
    const built = await runNode([siteBuildScript], {
      cwd: path.join(repoRoot, 'apps/site'),
      // The mirror is relocatable: build for "/", whatever SITE_BASE says, and let relocate.ts do the rest.
      env: { ...process.env, SITE_CONTENT_DIR: contentDir, SITE_FINAL_DIR: siteDir, SITE_BASE: '/' },
      log,
    });
    if (built.code !== 0) {
      keepLog = true;
      throw new MirrorBuildError(`The site build failed, so no bundle was made (full output in ${log}).`, lastLines(built.output, 30));
    }
    say(`      done in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    if (selection.languages) {
      next(`Removing the languages not chosen (${localeCodes.filter((code) => !languages.includes(code)).join(', ') || 'none'}) and indexing again`);
      const pruned = await pruneLanguages(siteDir, languages, { base: '/', siteOrigin: options.siteOrigin, strings });
      await rm(path.join(siteDir, 'pagefind'), { recursive: true, force: true });
      const indexed = await indexSite(siteDir);
      say(`      ${pruned.removedFiles} files removed, ${pruned.referencesChanged} links to them taken out of ${pruned.pagesChanged} pages; search index: ${Object.entries(indexed.pages).map(([lang, count]) => `${lang} ${count}`).join(', ')} pages`);
    }

    next('Making every link relative (works at any address and from disk)');
    const relocated = await relocateSite(siteDir, { base: '/' });
    say(`      ${relocated.pages} pages, ${relocated.stylesheets} stylesheets rewritten`);

    next('Adding the offline search');
    const offline = await writeOfflineSearch(siteDir, strings);
    say(`      ${Object.entries(offline.entries).map(([lang, count]) => `${lang} ${count}`).join(', ')} pages in the offline index; ${offline.searchPages} search page${offline.searchPages === 1 ? '' : 's'}`);

    next('Checking every link from disk and under a sub-path');
    clearPageCache();
    const problems = [
      ...(await checkRelocatable(siteDir)).map((item) => `${item.file}: ${item.url} (${item.problem})`),
      ...checkLinks(siteDir, { base: '/', siteOrigin: options.siteOrigin }).map((item) => `${item.page}: ${item.url} (${item.problem})`),
    ];
    clearPageCache();
    if (problems.length) {
      const shown = problems.slice(0, 15).join('\n');
      throw new MirrorBuildError(
        `The mirror's pages have ${problems.length} broken or non-relocatable link${problems.length === 1 ? '' : 's'}, so no bundle was made. This is a bug in the site or the mirror step, not in your options; the first ones:`,
        problems.length > 15 ? `${shown}\n… and ${problems.length - 15} more` : shown,
      );
    }
    say('      all links resolve');

    const buildId = options.buildId ? { id: options.buildId, from: '--build-id' } : await defaultBuildId(siteDir, contentDir);
    next(`Signing the bundle (version ${version.version} of ${version.created}, from ${version.from}; build id ${buildId.id}, from ${buildId.from})`);
    const args = [mirrorCli, 'build', '--site', siteDir, '--out', outDir, '--version', String(version.version), '--created', version.created, '--build-id', buildId.id];
    if (options.buildDate) args.push('--build-date', options.buildDate);
    if (options.base) args.push('--base', options.base);
    if (options.key.kind === 'file') args.push('--private-key', path.resolve(options.key.file));
    if (options.key.kind === 'test') args.push('--private-key', testPrivateKey, '--allow-test-key');
    args.push('--meta', `languages=${languages.join(',')}`, '--meta', `countries=${selection.countries?.join(',') ?? 'all'}`);
    const env = { ...process.env };
    if (options.key.kind !== 'environment') delete env.MIRROR_PRIVATE_KEY;
    const bundled = await runNode(args, { env, log });
    if (bundled.code !== 0) {
      throw new MirrorBuildError('Signing the bundle failed; nothing was written to --out.', lastLines(bundled.output, 10));
    }
    let channel: string | undefined;
    if (options.channelDir) {
      next(`Publishing it into the channel ${path.resolve(options.channelDir)}`);
      const published = await runNode([mirrorCli, 'publish', outDir, path.resolve(options.channelDir)], { log });
      if (published.code !== 0) {
        throw new MirrorBuildError(`The bundle was written to ${outDir}, but publishing it into the channel failed; the channel is as it was.`, lastLines(published.output, 10));
      }
      channel = published.output.trim().split('\n').slice(0, 2).join('\n');
    }
    const versionId = /version ([0-9a-f]{16})/.exec(bundled.output)?.[1] ?? '?';
    const fingerprint = /fingerprint ([0-9a-f ]{39})/.exec(bundled.output)?.[1] ?? '?';
    const size = await folderSize(siteDir);
    const keyDescription =
      options.key.kind === 'file'
        ? `the key file ${path.resolve(options.key.file)}`
        : options.key.kind === 'environment'
          ? 'the MIRROR_PRIVATE_KEY environment variable'
          : 'the TEST key (packages/mirror/test-keys): for tests and demonstrations only, never for a field office';
    return {
      outDir,
      versionId,
      version: version.version,
      created: version.created,
      versionFrom: version.from,
      buildId: buildId.id,
      languages: [...languages],
      countries: selection.countries ? [...selection.countries] : 'all',
      pages: size.pages,
      files: size.files,
      bytes: size.bytes,
      fingerprint,
      keyDescription,
      channel,
    };
  } finally {
    if (options.keepWork) say(`(work folder kept: ${work})`);
    // After a failed site build the log stays (the message points at it); the rest, which can be large, goes.
    else if (keepLog) await rm(siteDir, { recursive: true, force: true });
    else await rm(work, { recursive: true, force: true });
  }
}
