/**
 * `pnpm mirror --out <dir> [options]`: the command line of mirror-build.ts. Run `pnpm mirror --help`.
 *
 * Exit codes as the mirror tool's: 0 done, 1 failed, 2 wrong command line. Failures are one or two plain sentences,
 * never a stack trace (except for bugs).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildMirror, MirrorBuildError, repoRoot, type SigningKey } from './mirror-build.ts';
import { parseSelection, SubsetError } from './subset-content.ts';

const help = `Usage: pnpm mirror --out <dir> [options]

Builds the site and makes a signed mirror bundle of it in <dir>, for field offices to keep on a
machine or a USB stick, serve on their network, open from disk, and update with "mirror sync".

  --out <dir>            where to write the bundle (a folder that does not exist yet, or an empty one)
  --private-key <file>   the Ed25519 private key that signs it (or the PEM text in MIRROR_PRIVATE_KEY);
                         make one with: pnpm mirror:keygen --out <folder outside the repository>
  --lang <codes>         only these languages, e.g. --lang en,ar (default: all: en, fr, es, ar)
  --country <codes>      only releases about these countries, e.g. --country LY,TN (default: all)
  --content <dir>        build from this content folder (default: SITE_CONTENT_DIR, else content/)
  --created <time>       when the content was made, e.g. 2026-12-02T14:30:00Z (default: SOURCE_DATE_EPOCH, else
                         the time of the git commit if nothing is uncommitted; never the clock of the build)
  --version <n>          the version number, which must grow from bundle to bundle: field offices refuse a
                         lower one (default: the seconds of --created, so each later commit is higher)
  --build-id <id>        recorded in the manifest (default: the git commit if nothing is uncommitted, else a
                         hash of the site; never the clock, so the same site gives the same bundle)
  --build-date <date>    recorded in the manifest (default: none)
  --base <path>          the sub-path "mirror serve" uses by default, e.g. /iom/ (the site works under any)
  --channel <dir>        also add the bundle to this update channel folder (made when missing), which field
                         offices sync from over the internet once it is on a web server
  --allow-test-key       sign with the committed TEST key when no key is given: tests and demos ONLY
  --keep-work            keep the temporary work folder (to look into a failure)

Examples:
  pnpm mirror --out /media/usb/iom-mirror --private-key ~/iom-mirror-keys/mirror-private-key.pem
  pnpm mirror --out ~/iom-mirror-2026-12-02 --channel /srv/www/iom-mirror --private-key ~/iom-mirror-keys/mirror-private-key.pem
  pnpm mirror --out /tmp/iom-libya --lang en,ar --country LY --private-key ~/iom-mirror-keys/mirror-private-key.pem`;

/** Paths on the command line are the user's: pnpm runs scripts from the repository root, INIT_CWD is where they typed. */
function fromUser(file: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

function usage(message: string): number {
  console.error(`mirror: ${message}\nRun "pnpm mirror --help" for the options.`);
  return 2;
}

/**
 * Runs `pnpm mirror` with these arguments; returns the exit code.
 *
 * @example
 * process.exitCode = await main(['--out', '/tmp/iom-mirror', '--allow-test-key']);
 */
export async function main(argv: readonly string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        out: { type: 'string' },
        'private-key': { type: 'string' },
        lang: { type: 'string' },
        country: { type: 'string' },
        content: { type: 'string' },
        created: { type: 'string' },
        version: { type: 'string' },
        'build-id': { type: 'string' },
        'build-date': { type: 'string' },
        base: { type: 'string' },
        channel: { type: 'string' },
        'allow-test-key': { type: 'boolean' },
        'keep-work': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return usage((error as Error).message);
  }
  if (values.help) {
    console.log(help);
    return 0;
  }
  if (!values.out) return usage('say where to write the bundle: --out <dir>.');

  let key: SigningKey;
  if (values['private-key']) {
    const file = fromUser(values['private-key']);
    if (!existsSync(file)) return usage(`the private key file ${file} does not exist.`);
    key = { kind: 'file', file };
  } else if (process.env.MIRROR_PRIVATE_KEY) {
    key = { kind: 'environment' };
  } else if (values['allow-test-key']) {
    key = { kind: 'test' };
  } else {
    return usage(
      'say which key signs the bundle: --private-key <file>, or the PEM text in MIRROR_PRIVATE_KEY.\n' +
        '  No key yet? Make one, outside the repository: pnpm mirror:keygen --out ~/iom-mirror-keys',
    );
  }

  let selection;
  try {
    selection = parseSelection(values.lang, values.country);
  } catch (error) {
    if (error instanceof SubsetError) return usage(error.message);
    throw error;
  }
  const contentDir = values.content ? fromUser(values.content) : path.resolve(process.env.SITE_CONTENT_DIR ?? path.join(repoRoot, 'content'));
  if (!existsSync(path.join(contentDir, 'i18n'))) return usage(`${contentDir} is not a content folder (it has no i18n/ folder).`);

  if (values.version !== undefined && !/^[1-9]\d{0,15}$/.test(values.version)) {
    return usage(`--version must be a whole number of 1 or more, not "${values.version}".`);
  }
  const outDir = fromUser(values.out);
  console.log(`Mirror of ${contentDir} → ${outDir}`);
  if (key.kind === 'test') console.log('Signing with the TEST key (packages/mirror/test-keys): for tests and demonstrations only. Field offices must never trust it.');
  try {
    const summary = await buildMirror({
      outDir,
      contentDir,
      selection,
      key,
      version: values.version === undefined ? undefined : Number(values.version),
      created: values.created,
      buildId: values['build-id'],
      buildDate: values['build-date'],
      base: values.base,
      channelDir: values.channel ? fromUser(values.channel) : undefined,
      siteOrigin: process.env.SITE_URL ?? 'https://www.iom.int',
      keepWork: values['keep-work'],
      say: (line) => console.log(line),
    });
    const megabytes = (summary.bytes / 1e6).toFixed(1);
    console.log('');
    console.log(`Mirror bundle written to ${summary.outDir}`);
    console.log(`  ${summary.pages} pages in ${summary.languages.join(', ')}; countries: ${summary.countries === 'all' ? 'all' : summary.countries.join(', ')}`);
    console.log(`  ${summary.files} files, ${megabytes} MB; version ${summary.versionId}, build ${summary.buildId}`);
    console.log(`  version number ${summary.version}, made ${summary.created} (from ${summary.versionFrom})`);
    console.log(`  signed with ${summary.keyDescription}`);
    console.log(`  key fingerprint: ${summary.fingerprint} (field offices check it against the one you announce)`);
    if (summary.channel) console.log(summary.channel.replace(/^/gm, '  '));
    console.log('');
    console.log('Copy the folder to the field office (USB stick, network). There, from inside the folder:');
    console.log('  node mirror-tool/cli.js verify .     checks every file against the signature');
    console.log('  node mirror-tool/cli.js serve .      serves it on the office network');
    console.log('  or open index.html from disk.');
    return 0;
  } catch (error) {
    if (error instanceof MirrorBuildError || error instanceof SubsetError) {
      console.error(`\nmirror: ${error.message}`);
      if (error instanceof MirrorBuildError && error.details) console.error(error.details.replace(/^/gm, '  '));
      return 1;
    }
    throw error;
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
