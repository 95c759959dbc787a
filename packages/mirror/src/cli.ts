#!/usr/bin/env node
import { readFile, realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { buildBundle } from './bundle.ts';
import { DEFAULT_CHANNEL_KEEP, publishToChannel } from './channel.ts';
import { writeKeyPair } from './keygen.ts';
import { MirrorError, hasErrorCode } from './mirror-error.ts';
import { readCurrentId, readStoredVersion, readTrustedKey } from './mirror-layout.ts';
import { versionLabel } from './manifest.ts';
import { createProgressReporter, formatBytes } from './progress.ts';
import type { ProgressStream } from './progress.ts';
import { rollbackMirror } from './rollback.ts';
import { createMirrorServer, lanUrls, normalizeBase } from './server.ts';
import { isTestKey, keyFingerprint, verifyManifestSignature } from './signature.ts';
import { syncMirror } from './sync.ts';
import type { SyncResult } from './sync.ts';
import { DEFAULT_MAX_AGE_DAYS, formatVerifyReport, verifyMirror } from './verify.ts';

/** Exit codes: 0 done, 1 the command failed or found problems, 2 the command line is wrong. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** Where the CLI writes: the real streams, or stand-ins in tests. */
export interface CliIo {
  stdout: ProgressStream;
  stderr: ProgressStream;
}

class UsageError extends MirrorError {}

const HELP: Record<string, string> = {
  main: `mirror: signed offline copies of the site for field offices.

Usage: node packages/mirror/src/cli.ts <command> [options]
       (in a bundle: node mirror-tool/cli.js <command> [options])

Commands:
  build     make a signed mirror bundle from a built site
  keygen    make a new signing key pair (keep it outside the repository)
  serve     serve a mirror on the local network
  publish   add a bundle's version to a channel folder, for syncs over the internet
  sync      update a mirror from a newer one (folder or http address)
  verify    check a mirror against its signed manifest
  rollback  go back to the version kept by the last sync

Run "mirror <command> --help" for the options of a command.
Exit codes: 0 done, 1 failed or problems found, 2 wrong command line.`,

  build: `Usage: mirror build --site <built-site-dir> --out <new-dir> --private-key <file> [options]

Makes a mirror bundle: the site files under versions/<id>/, a signed root naming the parts of
the file list (each file's size and SHA-256), an Ed25519 signature of the root, the public key
that verifies it, an index.html to open from disk, and a copy of this tool (serve, verify, sync)
as plain JavaScript.

Options:
  --site <dir>          the built site (for example apps/site/dist)
  --out <dir>           where to write the bundle; must not exist yet, or be empty
  --private-key <file>  the signing key made by "mirror keygen"; or set MIRROR_PRIVATE_KEY
                        to the key's PEM text (for CI secrets)
  --version <n>         the version number: a whole number higher than that of any bundle sent
                        before (syncs refuse to go down); pnpm mirror uses the commit's time
  --created <time>      when the content was made, e.g. 2026-12-02T14:30:40Z (verify warns
                        when a mirror gets old); pnpm mirror uses the commit's time
  --build-id <text>     recorded in the manifest (use the site build's id, not the time)
  --build-date <text>   recorded in the manifest (use the site build's date, not "now")
  --base <path>         the URL sub-path the site was built for, e.g. /iom/ (serve's default)
  --meta <key=value>    a note for the manifest, e.g. --meta subset=fr,es (repeatable)
  --no-tool             do not copy the tool into the bundle
  --allow-test-key      accept the committed TEST key (fixtures only)`,

  keygen: `Usage: mirror keygen --out <dir>

Makes an Ed25519 key pair: <dir>/mirror-private-key.pem (signs bundles; keep it secret, outside
any repository) and <dir>/mirror-public-key.pem (what field offices trust). Never overwrites a key.
Prints the fingerprint to give to field offices.`,

  serve: `Usage: mirror serve <mirror-dir> [--host <address>] [--port <n>] [--base <path>] [--log]

Serves the current version of a mirror. Follows the mirror's CURRENT file, so a sync takes effect
without a restart. Also publishes the mirror for "mirror sync http://…" from other computers.

Options:
  --host <address>   address to listen on (default 0.0.0.0: every network of this computer)
  --port <n>         port (default 8080; 0 picks a free one)
  --base <path>      URL sub-path, e.g. /iom/ (default: the one recorded in the manifest, else /)
  --public-key <f>   key to check the manifest signature with at start (default: the mirror's)
  --log              print one line per request`,

  publish: `Usage: mirror publish <bundle-dir> <channel-dir> [--keep <n>] [--public-key <file>]

Adds the version a bundle holds to a channel folder, which field offices sync from over thin
links: put the channel folder on any web server, or upload it (rsync, aws s3 sync: only new
files are sent). Site files are stored once, compressed, under their SHA-256; LATEST, the only
file ever replaced, is written last. Refuses a version that is not newer than the channel's, or
signed with another key than its versions.

Options:
  --keep <n>           versions the channel keeps, the new one included (default ${DEFAULT_CHANNEL_KEEP});
                       an office still syncing to an older one can finish
  --public-key <file>  the key the version must be signed with (default: the bundle's)`,

  sync: `Usage: mirror sync <source> <mirror-dir> [options]

Updates a mirror from a newer one. <source> is a folder (a bundle, another mirror, a channel, a
USB stick) or an http(s) address: a channel or a bundle on any web server, or another office's
"mirror serve". The signature is checked with the trusted key before anything is used; a version
number lower than the mirror's is refused; only changed parts of the file list and changed files
are fetched, each checked as it arrives; the new version is switched in at once at the end. If
the sync fails or is stopped, the mirror keeps serving its old version, and the next sync resumes
where this one stopped.

Options:
  --public-key <file>  the key to trust (default: trusted-public-key.pem in the mirror;
                       required to start a new mirror in an empty folder)
  --allow-downgrade    accept an older version (or the same number with other content),
                       when headquarters asks you to go back to it
  --repair             when the mirror already has the source's version, check every file
                       and fetch the damaged or missing ones
  --concurrency <n>    files downloaded at once (default 4)
  --copy               copy unchanged files instead of hard-linking them
  --timeout <seconds>  give up when an http source sends nothing for this long (default 60)`,

  verify: `Usage: mirror verify <mirror-dir> [--public-key <file>] [--max-age <days>]

Checks the current version against its signed manifest: the signature, the parts of the file
list, then every file's size and SHA-256, then files that should not be there. Lists every
damaged, missing or extra file. Exits with 1 when anything is wrong.

Warns (exit code 0) when the content was made more than --max-age days ago (default ${DEFAULT_MAX_AGE_DAYS};
0 never warns): updates may have stopped reaching this mirror.`,

  rollback: `Usage: mirror rollback <mirror-dir> [--to <version-id>] [--public-key <file>]

Serves the version kept by the last sync again, after checking it completely.`,
};

const OPTIONS = {
  build: {
    site: { type: 'string' },
    out: { type: 'string' },
    'private-key': { type: 'string' },
    version: { type: 'string' },
    created: { type: 'string' },
    'build-id': { type: 'string' },
    'build-date': { type: 'string' },
    base: { type: 'string' },
    meta: { type: 'string', multiple: true },
    'no-tool': { type: 'boolean' },
    'allow-test-key': { type: 'boolean' },
  },
  keygen: { out: { type: 'string' } },
  serve: {
    host: { type: 'string' },
    port: { type: 'string' },
    base: { type: 'string' },
    'public-key': { type: 'string' },
    log: { type: 'boolean' },
  },
  publish: { keep: { type: 'string' }, 'public-key': { type: 'string' } },
  sync: {
    'public-key': { type: 'string' },
    'allow-downgrade': { type: 'boolean' },
    repair: { type: 'boolean' },
    concurrency: { type: 'string' },
    copy: { type: 'boolean' },
    timeout: { type: 'string' },
  },
  verify: { 'public-key': { type: 'string' }, 'max-age': { type: 'string' } },
  rollback: { 'public-key': { type: 'string' }, to: { type: 'string' } },
} satisfies Record<string, NonNullable<ParseArgsConfig['options']>>;

type Command = keyof typeof OPTIONS;

/**
 * Runs one command line and returns the exit code. Expected failures are printed as plain sentences; only bugs get a
 * stack trace.
 *
 * @example
 * process.exitCode = await main(['verify', '/media/usb/iom']);
 */
export async function main(
  argv: readonly string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const [command, ...rest] = argv;
  const say = (text: string): void => void io.stdout.write(`${text}\n`);
  const warn = (text: string): void => void io.stderr.write(`${text}\n`);
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    const topic = rest[0];
    say(topic !== undefined && topic in HELP ? HELP[topic]! : HELP.main!);
    return command === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (!(command in OPTIONS)) {
    warn(`mirror: unknown command "${command}".\n\n${HELP.main}`);
    return EXIT_USAGE;
  }
  const name = command as Command;
  if (rest.includes('--help') || rest.includes('-h')) {
    say(HELP[name]!);
    return EXIT_OK;
  }
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: [...rest], options: OPTIONS[name], allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    return await COMMANDS[name](parsed.values as Values, parsed.positionals, { say, warn, io });
  } catch (error) {
    if (!(error instanceof MirrorError)) throw error;
    warn(`mirror ${name}: ${error.message}`);
    if (error.fix) warn(`  ${error.fix}`);
    if (error instanceof UsageError) {
      warn(`Run "mirror ${name} --help" for the options.`);
      return EXIT_USAGE;
    }
    return EXIT_FAILED;
  }
}

type Values = Record<string, string | boolean | string[] | undefined>;
interface Context {
  say: (text: string) => void;
  warn: (text: string) => void;
  io: CliIo;
}

const COMMANDS: Record<Command, (values: Values, positionals: string[], context: Context) => Promise<number>> = {
  async build(values, positionals, { say, warn }) {
    noPositionals(positionals);
    const site = required(values, 'site');
    const out = required(values, 'out');
    const version = integer(required(values, 'version'), 'version', 0, 1, Number.MAX_SAFE_INTEGER);
    const created = required(values, 'created');
    const key = await readPrivateKey(values);
    const meta: Record<string, string> = {};
    for (const pair of (values.meta as string[] | undefined) ?? []) {
      const at = pair.indexOf('=');
      if (at <= 0) throw new UsageError(`--meta ${pair}: write it as key=value, for example --meta subset=fr,es.`);
      meta[pair.slice(0, at)] = pair.slice(at + 1);
    }
    const result = await buildBundle({
      siteDir: site,
      outDir: out,
      privateKeyPem: key.pem,
      privateKeyWhere: key.where,
      version,
      created,
      buildId: values['build-id'] as string | undefined,
      buildDate: values['build-date'] as string | undefined,
      base: values.base as string | undefined,
      meta,
      allowTestKey: values['allow-test-key'] === true,
      includeTool: values['no-tool'] !== true,
    });
    if (values['allow-test-key'] === true)
      warn('Warning: this bundle is signed with the TEST key; use it for tests only.');
    say(`Bundle written to ${result.outDir}`);
    say(
      `  ${versionLabel(result.versionId, result.manifest)}: ${result.manifest.fileCount} files, ${formatBytes(result.manifest.totalSize)}`,
    );
    say(`  signed by the key with fingerprint ${result.fingerprint}`);
    return EXIT_OK;
  },

  async keygen(values, positionals, { say }) {
    noPositionals(positionals);
    const result = await writeKeyPair(required(values, 'out'));
    say(`Private key: ${result.privateKeyFile}  (keep it secret; it signs the bundles)`);
    say(`Public key:  ${result.publicKeyFile}  (give it to the field offices)`);
    say(`Fingerprint: ${result.fingerprint}`);
    return EXIT_OK;
  },

  async serve(values, positionals, { say, warn }) {
    const mirrorDir = resolve(onePositional(positionals, '<mirror-dir>'));
    const host = (values.host as string | undefined) ?? '0.0.0.0';
    const port = integer(values.port as string | undefined, 'port', 8080, 0, 65535);
    const fixedBase = values.base === undefined ? undefined : normalizeBase(values.base as string);
    const id = await readCurrentId(mirrorDir);
    if (id === undefined) {
      throw new MirrorError(
        `${mirrorDir} is not a mirror: it has no CURRENT file.`,
        'Give the folder of a mirror or of a bundle made by "mirror build".',
      );
    }
    const stored = await readStoredVersion(mirrorDir, id);
    await warnAboutSignature(mirrorDir, values['public-key'] as string | undefined, stored, warn);
    const base = fixedBase ?? (stored.manifest.base === undefined ? '/' : normalizeBase(stored.manifest.base));
    const server = createMirrorServer({
      mirrorDir,
      base: fixedBase,
      logRequests: values.log === true,
      onLog: (line) => warn(line),
    });
    await new Promise<void>((resolveListen, rejectListen) => {
      server.once('error', (error) => {
        if (hasErrorCode(error, 'EADDRINUSE')) {
          rejectListen(
            new MirrorError(
              `Port ${port} is already in use on ${host}.`,
              'Stop the other program, or choose another port with --port.',
            ),
          );
        } else if (hasErrorCode(error, 'EACCES')) {
          rejectListen(
            new MirrorError(
              `Not allowed to listen on port ${port}.`,
              'Ports below 1024 need administrator rights; use --port 8080.',
            ),
          );
        } else if (hasErrorCode(error, 'EADDRNOTAVAIL')) {
          rejectListen(
            new MirrorError(
              `This computer has no address ${host}.`,
              'Leave out --host to listen on every network of this computer.',
            ),
          );
        } else {
          rejectListen(error);
        }
      });
      server.listen(port, host, () => resolveListen());
    });
    const address = server.address();
    const actualPort = typeof address === 'object' && address !== null ? address.port : port;
    say(`Serving ${mirrorDir}, ${versionLabel(id, stored.manifest)}.`);
    say('Open one of these addresses:');
    for (const url of lanUrls(host, actualPort, base)) say(`  ${url}`);
    say('Press Ctrl+C to stop.');
    await new Promise<void>((resolveStop) => {
      const stop = (): void => {
        server.close(() => resolveStop());
        server.closeAllConnections();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return EXIT_OK;
  },

  async publish(values, positionals, { say, io }) {
    if (positionals.length !== 2)
      throw new UsageError('Give the bundle and the channel folder: mirror publish <bundle-dir> <channel-dir>.');
    const [bundleDir, channelDir] = positionals as [string, string];
    const reporter = createProgressReporter(io.stderr);
    let result;
    try {
      result = await publishToChannel({
        bundleDir,
        channelDir,
        publicKeyFile: values['public-key'] as string | undefined,
        keep: integer(values.keep as string | undefined, 'keep', DEFAULT_CHANNEL_KEEP, 1, 1000),
        onProgress: (done, total) =>
          reporter.update({ phase: 'publishing', filesDone: done, filesTotal: total, bytesDone: 0, bytesTotal: 0 }),
      });
    } finally {
      reporter.finish();
    }
    const version = versionLabel(result.versionId, result.manifest);
    if (result.status === 'already') {
      say(`The channel ${result.channelDir} already offers ${version}.`);
      return EXIT_OK;
    }
    say(`Published ${version} to ${result.channelDir}.`);
    say(`  ${files(result.objectsWritten)} added (${formatBytes(result.objectBytes)} compressed); the others were there.`);
    if (result.pruned.length > 0) say(`  Versions removed from the channel: ${result.pruned.join(', ')}.`);
    say('Put the channel folder on the web server (or upload what is new), then field offices run, in their mirror:');
    say('  node mirror-tool/cli.js sync <web address of the channel folder> .');
    return EXIT_OK;
  },

  async sync(values, positionals, { say, warn, io }) {
    if (positionals.length !== 2)
      throw new UsageError('Give the source and the mirror folder: mirror sync <source> <mirror-dir>.');
    const [source, mirrorDir] = positionals as [string, string];
    const verb = /^https?:\/\//i.test(source) ? 'Downloading' : 'Copying';
    const reporter = createProgressReporter(io.stderr, verb);
    let result: SyncResult;
    try {
      result = await syncMirror({
        source,
        mirrorDir,
        publicKeyFile: values['public-key'] as string | undefined,
        allowDowngrade: values['allow-downgrade'] === true,
        repair: values.repair === true,
        concurrency: integer(values.concurrency as string | undefined, 'concurrency', 4, 1, 64),
        preferHardLinks: values.copy !== true,
        idleTimeoutMs: integer(values.timeout as string | undefined, 'timeout', 60, 1, 3600) * 1000,
        onProgress: reporter.update,
        onNotice: (message) => {
          reporter.finish();
          warn(message);
        },
      });
    } finally {
      reporter.finish();
    }
    for (const line of describeSync(result)) say(line);
    return EXIT_OK;
  },

  async verify(values, positionals, { say }) {
    const report = await verifyMirror({
      mirrorDir: onePositional(positionals, '<mirror-dir>'),
      publicKeyFile: values['public-key'] as string | undefined,
      maxAgeDays: integer(values['max-age'] as string | undefined, 'max-age', DEFAULT_MAX_AGE_DAYS, 0, 36_500),
    });
    say(formatVerifyReport(report));
    return report.problems.length === 0 ? EXIT_OK : EXIT_FAILED;
  },

  async rollback(values, positionals, { say }) {
    const result = await rollbackMirror({
      mirrorDir: onePositional(positionals, '<mirror-dir>'),
      publicKeyFile: values['public-key'] as string | undefined,
      to: values.to as string | undefined,
    });
    say(
      `The mirror now serves version ${result.to} again${result.from === undefined ? '' : ` (instead of ${result.from})`}.`,
    );
    return EXIT_OK;
  },
};

/**
 * The closing report of a sync, in plain words: what was fetched, what was reused, and what crossed the link
 * compared to a full copy.
 *
 * @example
 * describeSync(result)
 * // ['Updated to version 8b1d0e2f3a4c5d6e (number 1796221840 of 2026-12-02 14:30 UTC).', '  3 of 120 files downloaded: 48.2 kB', …]
 */
export function describeSync(result: SyncResult): string[] {
  const version = versionLabel(result.versionId, result.manifest);
  const fetchedVerb = result.sourceKind === 'http' ? 'downloaded' : 'copied from the source';
  const lines: string[] = [];
  if (result.status === 'up-to-date') return [`Already up to date: ${version}.`];
  lines.push(result.status === 'repaired' ? `Repaired ${version}.` : `Updated to ${version}.`);
  lines.push(
    `  ${result.fetched.length} of ${files(result.manifest.fileCount)} ${fetchedVerb}: ${formatBytes(result.fetchedBytes)} (${result.fetchedBytes} bytes)`,
  );
  if (result.patched.length > 0) {
    lines.push(`    (${result.patched.length} of them rebuilt from their old versions here, with deltas: only the changes were sent)`);
  }
  if (result.reused.length > 0) lines.push(`  ${files(result.reused.length)} reused from this mirror`);
  if (result.resumed.length > 0)
    lines.push(`  ${files(result.resumed.length)} kept from the interrupted previous sync`);
  if (result.damagedLocal.length > 0) {
    lines.push(`  ${files(result.damagedLocal.length)} found damaged and replaced: ${result.damagedLocal.join(', ')}`);
  }
  lines.push(
    `  File list: ${result.partsFetched} of ${result.partCount} part${result.partCount === 1 ? '' : 's'} fetched, ` +
      `${formatBytes(result.metadataBytes)} with the signed root${result.usedDeltaPack ? ' and the delta pack' : ''}.`,
  );
  const received = result.receivedBytes;
  const total = result.manifest.totalSize;
  const saved = Math.max(0, total - received);
  lines.push(
    `  In all ${formatBytes(received)} (${received} bytes) ${result.sourceKind === 'http' ? 'downloaded' : 'read from the source'}, ` +
      `file list included; a full copy is ${formatBytes(total)}: ${formatBytes(saved)} saved ` +
      `(${total === 0 ? 0 : Math.round((saved / total) * 100)}%).`,
  );
  if (result.status === 'updated' && result.previousId !== undefined) {
    lines.push(`  The previous version ${result.previousId} is kept: "mirror rollback" goes back to it.`);
  }
  return lines;
}

function files(count: number): string {
  return `${count} file${count === 1 ? '' : 's'}`;
}

async function warnAboutSignature(
  mirrorDir: string,
  publicKeyFile: string | undefined,
  stored: Awaited<ReturnType<typeof readStoredVersion>>,
  warn: (text: string) => void,
): Promise<void> {
  let key;
  try {
    key = await readTrustedKey(mirrorDir, publicKeyFile);
  } catch (error) {
    if (!(error instanceof MirrorError)) throw error;
    warn(`Note: the signature was not checked: ${error.message}`);
    return;
  }
  if (!verifyManifestSignature(stored.manifestBytes, stored.signature, key.pem, key.where)) {
    warn(
      `Warning: the manifest of version ${stored.id} is NOT signed by the trusted key (${keyFingerprint(key.pem)}). Run "mirror verify".`,
    );
  } else if (isTestKey(key.pem)) {
    warn('Warning: this mirror trusts the TEST key, whose private half is public. Use it for tests only.');
  }
}

async function readPrivateKey(values: Values): Promise<{ pem: string; where: string }> {
  const file = values['private-key'] as string | undefined;
  if (file !== undefined) {
    try {
      return { pem: await readFile(file, 'utf8'), where: `the file "${file}"` };
    } catch (error) {
      if (hasErrorCode(error, 'ENOENT', 'EISDIR'))
        throw new MirrorError(`The private key file "${file}" does not exist.`);
      throw error;
    }
  }
  const fromEnvironment = process.env.MIRROR_PRIVATE_KEY;
  if (fromEnvironment) return { pem: fromEnvironment, where: 'the MIRROR_PRIVATE_KEY environment variable' };
  throw new UsageError('Say which key signs the bundle: --private-key <file> (or set MIRROR_PRIVATE_KEY).');
}

function required(values: Values, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required.`);
  return value;
}

function noPositionals(positionals: string[]): void {
  if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
}

function onePositional(positionals: string[], what: string): string {
  if (positionals.length !== 1) throw new UsageError(`Give exactly one ${what}.`);
  return positionals[0]!;
}

function integer(text: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${text}".`);
  }
  return value;
}

async function isMainModule(): Promise<boolean> {
  if (process.argv[1] === undefined) return false;
  try {
    return (await realpath(process.argv[1])) === (await realpath(fileURLToPath(import.meta.url)));
  } catch {
    return false;
  }
}

if (await isMainModule()) {
  process.exitCode = await main(process.argv.slice(2));
}
