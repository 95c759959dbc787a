import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { orchestratorScript } from '@iom/site-build';
import { appDir } from './paths.ts';

/** The build orchestrator (@iom/site-build), as `pnpm build` runs it. */
export const siteBuildScript = fileURLToPath(orchestratorScript);

/** Runs the real site build (@iom/site-build) into `outDir` with extra environment; returns its exit code and output. */
export function buildSite(outDir: string, env: Record<string, string> = {}): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [siteBuildScript], {
    cwd: appDir,
    env: { ...process.env, SITE_FINAL_DIR: outDir, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}
