/**
 * Helpers for the mirror tests: build a fixture bundle with `pnpm mirror` (its script, spawned), run the copy of the
 * mirror tool that a bundle carries (what a field office runs), serve a bundle with it, and damage files on purpose.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { appDir, testOutputDir } from '../support/paths.ts';

export const mirrorCli = path.join(appDir, 'scripts', 'mirror', 'mirror-cli.ts');
/** Where the mirror tests write their bundles (git-ignored). */
export const mirrorTestDir = path.join(testOutputDir, 'mirror');

/** The releases of the fixture: the seed (four languages), a three-country release, and one with photos. */
export const fixtureReleases = ['2016/iom-unhcr-train-libyan-partners', '2017/mediterranean-rescue-partners-meet-in-tunis', '2024/cox-s-bazar-monsoon-volunteers'];
export const fixtureCountries = ['ly', 'tn', 'it', 'mu', 'km', 'bd'];

/**
 * Runs `pnpm mirror` (its script) and throws with its output when it fails. The fixture content is outside the
 * repository, so no commit dates it: `created` is given (one day later for each later bundle of a test).
 */
export function buildBundle(outDir: string, contentDir: string, extra: readonly string[] = [], created = '2024-06-01T00:00:00Z'): string {
  rmSync(outDir, { recursive: true, force: true });
  const env = { ...process.env };
  delete env.MIRROR_PRIVATE_KEY;
  delete env.SOURCE_DATE_EPOCH;
  const result = spawnSync(process.execPath, [mirrorCli, '--out', outDir, '--content', contentDir, '--allow-test-key', '--created', created, ...extra], {
    cwd: appDir,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`pnpm mirror failed (exit ${result.status}):\n${output.slice(-4000)}`);
  return output;
}

/** The id of the version a mirror serves. */
export function currentVersion(mirrorDir: string): string {
  return readFileSync(path.join(mirrorDir, 'CURRENT'), 'utf8').trim();
}

/** The site folder of the version a mirror serves. */
export function currentSite(mirrorDir: string): string {
  return path.join(mirrorDir, 'versions', currentVersion(mirrorDir));
}

/** The manifest of the version a mirror serves: its signed root, with the files of its parts. */
export function currentManifest(mirrorDir: string): { version: number; created: string; meta?: Record<string, string>; totalSize: number; files: { path: string; size: number; sha256: string }[] } {
  const root = JSON.parse(readFileSync(path.join(mirrorDir, 'versions', `${currentVersion(mirrorDir)}.manifest.json`), 'utf8')) as Omit<ReturnType<typeof currentManifest>, 'files'> & { parts: { sha256: string }[] };
  const files = root.parts.flatMap(
    (part) => (JSON.parse(gunzipSync(readFileSync(path.join(mirrorDir, 'parts', `${part.sha256}.json.gz`))).toString('utf8')) as { files: ReturnType<typeof currentManifest>['files'] }).files,
  );
  return { ...root, files };
}

/** Runs the mirror tool a bundle carries (`node mirror-tool/cli.js …`, from `toolMirror`), as a field office does. */
export function runTool(toolMirror: string, args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(toolMirror, 'mirror-tool', 'cli.js'), ...args], { encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the mirror tool a bundle carries without blocking this process (so a server in this process can answer it). */
export function runToolAsync(toolMirror: string, args: readonly string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(toolMirror, 'mirror-tool', 'cli.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('exit', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** A running `mirror serve` of a bundle. */
export interface ServedMirror {
  /** The address it printed, ending in the base: `http://127.0.0.1:41234/iom/`. */
  url: string;
  /** Request log lines (with `log: true`). */
  log: string[];
  stop: () => Promise<void>;
}

/** Serves a mirror with its own tool on 127.0.0.1 and a free port, under `base`. */
export async function serveMirror(mirrorDir: string, options: { base?: string; log?: boolean } = {}): Promise<ServedMirror> {
  const args = [path.join(mirrorDir, 'mirror-tool', 'cli.js'), 'serve', mirrorDir, '--host', '127.0.0.1', '--port', '0'];
  if (options.base) args.push('--base', options.base);
  if (options.log) args.push('--log');
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    const lines = stderr.split('\n');
    stderr = lines.pop()!;
    log.push(...lines);
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`mirror serve did not start:\n${out}\n${log.join('\n')}`)), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /http:\/\/127\.0\.0\.1:\d+\/\S*/.exec(out);
      if (found) {
        clearTimeout(timer);
        resolve(found[0]);
      }
    });
    child.on('exit', (code) => reject(new Error(`mirror serve exited with ${code}:\n${out}\n${log.join('\n')}`)));
  });
  return {
    url,
    log,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Flips one bit of the byte in the middle of a file: same size, different content. */
export function flipByte(file: string): void {
  const bytes = readFileSync(file);
  const at = Math.floor(bytes.length / 2);
  bytes[at] = bytes[at]! ^ 0x01;
  writeFileSync(file, bytes);
}

/** A fresh copy of a bundle, for a test that damages or syncs into it. */
export function copyBundle(from: string, to: string): string {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
  return to;
}
