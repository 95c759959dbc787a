import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, main } from '../../cli.ts';
import { versionFolderRef } from '../../mirror-layout.ts';
import {
  CLI,
  TEST_PRIVATE_KEY_FILE,
  mirrorFromBundle,
  siteV1,
  siteV2,
  useFixtureBundles,
  useTempDirs,
  writeSite,
} from '../test-support/fixtures.ts';

const temp = useTempDirs();
const bundles = useFixtureBundles();

/** Runs the CLI in this process, capturing what it writes. */
async function runInProcess(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

/** Runs the CLI as a separate process, as a person would. */
function runProcess(
  command: string,
  args: string[],
  timeoutMs = 15_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [command, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} took more than ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const noStackTrace = (text: string): void => expect(text).not.toMatch(/^\s+at /m);

describe('cli: help and wrong command lines', () => {
  it('lists the commands with --help, and each command has its own help', async () => {
    const help = await runInProcess('--help');
    expect(help.code).toBe(EXIT_OK);
    for (const command of ['build', 'keygen', 'serve', 'publish', 'sync', 'verify', 'rollback'])
      expect(help.stdout).toContain(`  ${command} `);
    const sync = await runInProcess('sync', '--help');
    expect([sync.code, sync.stdout.split('\n')[0]]).toEqual([
      EXIT_OK,
      'Usage: mirror sync <source> <mirror-dir> [options]',
    ]);
  });

  it('exits with 2 and a plain message on a wrong command line', async () => {
    expect((await runInProcess()).code).toBe(EXIT_USAGE);
    const unknown = await runInProcess('upload');
    expect([unknown.code, unknown.stderr.split('\n')[0]]).toEqual([EXIT_USAGE, 'mirror: unknown command "upload".']);
    const missing = await runInProcess('build', '--out', 'x', '--private-key', 'k.pem');
    expect(missing.code).toBe(EXIT_USAGE);
    expect(missing.stderr).toBe('mirror build: --site is required.\nRun "mirror build --help" for the options.\n');
    const option = await runInProcess('verify', '--colour', 'x');
    expect(option.code).toBe(EXIT_USAGE);
    expect(option.stderr).toContain("Unknown option '--colour'");
    const port = await runInProcess('serve', 'x', '--port', 'eighty');
    expect(port.stderr).toContain('--port must be a whole number from 0 to 65535, not "eighty".');
  });

  it('exits with 1 and a sentence, not a stack trace, when a command fails', async () => {
    const root = await temp.make();
    const verify = await runInProcess('verify', join(root, 'nothing-here'), '--public-key', join(root, 'nope.pem'));
    expect(verify.code).toBe(EXIT_FAILED);
    expect(verify.stderr).toBe(`mirror verify: The public key file "${join(root, 'nope.pem')}" does not exist.\n`);
    const build = await runInProcess(
      'build',
      '--site',
      root,
      '--out',
      join(root, 'out'),
      '--private-key',
      TEST_PRIVATE_KEY_FILE,
      '--version',
      '1',
      '--created',
      '2024-06-01T00:00:00Z',
    );
    expect(build.code).toBe(EXIT_FAILED);
    expect(build.stderr).toContain('is the committed TEST key');
    noStackTrace(build.stderr);
  });
});

// Spawned processes are slower on a busy machine; these bounds are generous so the tests fail only when stuck.
const SPAWN_TIMEOUT_MS = 30_000;

describe('cli: end to end, as headquarters and a field office use it', () => {
  it(
    'keygen, build, verify, sync, verify again; the bundled copy of the tool works on its own',
    async () => {
      const root = await temp.make();
      await writeSite(join(root, 'site-v1'), siteV1);
      await writeSite(join(root, 'site-v2'), siteV2);

      const keygen = await runProcess(CLI, ['keygen', '--out', join(root, 'keys')]);
      expect(keygen.code).toBe(0);
      expect(keygen.stdout).toMatch(/Fingerprint: ([0-9a-f]{4} ){7}[0-9a-f]{4}\n/);
      const privateKey = join(root, 'keys', 'mirror-private-key.pem');

      const build = (version: string): Promise<{ code: number | null; stdout: string; stderr: string }> =>
        runProcess(CLI, [
          'build',
          '--site',
          join(root, `site-${version}`),
          '--out',
          join(root, `bundle-${version}`),
          '--private-key',
          privateKey,
          '--version',
          version === 'v1' ? '1' : '2',
          '--created',
          '2024-06-01T00:00:00Z',
          '--build-id',
          version,
          '--meta',
          'subset=en,fr,ar',
        ]);
      const [v1, v2] = await Promise.all([build('v1'), build('v2')]);
      expect([v1.code, v2.code]).toEqual([0, 0]);
      expect(v1.stdout).toContain(`Bundle written to ${join(root, 'bundle-v1')}`);
      expect(v1.stderr).toBe('');

      // The field office receives bundle v1 on a USB stick and uses the tool that came with it.
      const mirror = await mirrorFromBundle(join(root, 'bundle-v1'), join(root, 'usb'));
      const tool = join(mirror, 'mirror-tool', 'cli.js');
      const verified = await runProcess(tool, ['verify', mirror]);
      expect([verified.code, verified.stdout]).toEqual([0, expect.stringContaining('Mirror OK: version')]);

      const synced = await runProcess(tool, ['sync', join(root, 'bundle-v2'), mirror]);
      expect(synced.code).toBe(0);
      expect(synced.stdout).toContain('Updated to version');
      expect(synced.stdout).toContain('5 of 23 files copied from the source');
      expect(synced.stdout).toMatch(/a full copy is [\d.]+ kB: [\d.]+ kB saved \(\d+%\)/);
      expect(synced.stderr).toMatch(/^Copying: \d+\/5 files/m); // progress, on stderr, one line at a time in a pipe

      const current = (await readFile(join(mirror, 'CURRENT'), 'utf8')).trim();
      await writeFile(join(mirror, versionFolderRef(current), 'fr', 'index.html'), 'damaged');
      const damaged = await runProcess(CLI, ['verify', mirror]);
      expect(damaged.code).toBe(1);
      expect(damaged.stdout).toContain('damaged  fr/index.html: expected');
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    'a tampered source fails with exit code 1 and a plain message naming the file',
    async () => {
      const root = await temp.make();
      const { v1, v2 } = await bundles();
      const mirror = await mirrorFromBundle(v1.outDir, join(root, 'mirror'));
      const source = await mirrorFromBundle(v2.outDir, join(root, 'source'));
      await writeFile(
        join(source, versionFolderRef(v2.versionId), 'index.html'),
        siteV2['index.html']!.toString().toUpperCase(),
      );
      const result = await runProcess(CLI, ['sync', source, mirror]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('mirror sync: The file "index.html" in the source folder');
      expect(result.stderr).toContain(`The mirror was not changed: it still serves version ${v1.versionId}.`);
      noStackTrace(result.stderr);
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    'serve prints the address, serves the site, and stops cleanly',
    async () => {
      const { v1 } = await bundles();
      const child = spawn(process.execPath, [CLI, 'serve', v1.outDir, '--host', '127.0.0.1', '--port', '0'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      try {
        const url = await new Promise<string>((resolve, reject) => {
          let stdout = '';
          const timer = setTimeout(() => reject(new Error(`serve printed no address: ${stdout}`)), 10_000);
          child.stdout.on('data', (chunk: Buffer) => {
            stdout += chunk.toString();
            const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
            if (match) {
              clearTimeout(timer);
              resolve(match[1]!);
            }
          });
        });
        const response = await fetch(`${url}fr/`);
        expect([response.status, await response.text()]).toEqual([200, siteV1['fr/index.html']]);
      } finally {
        child.kill('SIGTERM');
      }
      expect(await exited).toBe(0);
    },
    SPAWN_TIMEOUT_MS,
  );
});
