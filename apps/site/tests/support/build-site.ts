import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { appDir } from './paths.ts';

/** Runs the real site build (scripts/build.ts) into `outDir` with extra environment; returns its exit code and output. */
export function buildSite(outDir: string, env: Record<string, string> = {}): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [path.join(appDir, 'scripts', 'build.ts')], {
    cwd: appDir,
    env: { ...process.env, SITE_FINAL_DIR: outDir, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}
