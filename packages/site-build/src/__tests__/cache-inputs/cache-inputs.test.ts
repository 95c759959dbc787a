import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cacheInputs } from '../../cache-inputs.ts';
import { declaredFiles, findRepoRoot } from '../../code-digest.ts';

const repoRoot = findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));

interface TurboTask {
  inputs?: string[];
  env?: string[];
  passThroughEnv?: string[];
  dependsOn?: string[];
}

/** Where Turbo looks for the site's build: the workspace packages it depends on, and the task's declared inputs. */
function turboCoverage(turbo: { tasks: Record<string, TurboTask> }) {
  const site = JSON.parse(readFileSync(path.join(repoRoot, 'apps/site/package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const build = turbo.tasks.build!;
  // Workspace packages the site depends on, and theirs: with dependsOn ^build, Turbo hashes their files too.
  const packages = new Set<string>(['apps/site']);
  const queue = Object.entries(site.dependencies ?? {}).filter(([, version]) => version.startsWith('workspace:')).map(([name]) => name);
  while (queue.length) {
    const name = queue.shift()!;
    const folder = `packages/${name.replace('@iom/', '')}`;
    if (packages.has(folder)) continue;
    packages.add(folder);
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, folder, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    queue.push(...Object.entries(manifest.dependencies ?? {}).filter(([, version]) => version.startsWith('workspace:')).map(([name]) => name));
  }
  const rootInputs = (build.inputs ?? []).filter((input) => input.startsWith('$TURBO_ROOT$/')).map((input) => input.slice('$TURBO_ROOT$/'.length).replace(/\/\*\*$/, ''));
  const covered = (file: string) =>
    (build.dependsOn ?? []).includes('^build') && [...packages].some((folder) => file.startsWith(`${folder}/`)) ? true : rootInputs.some((input) => file === input || file.startsWith(`${input}/`));
  return { build, covered };
}

/** Every way turbo.json can disagree with the declaration, in words. */
function disagreements(turbo: { tasks: Record<string, TurboTask> }): string[] {
  const { build, covered } = turboCoverage(turbo);
  const problems: string[] = [];
  for (const name of cacheInputs.outputSettings) if (!(build.env ?? []).includes(name)) problems.push(`${name} changes the output but is not in the build task's env`);
  for (const name of cacheInputs.runSettings) if (!(build.passThroughEnv ?? []).includes(name)) problems.push(`${name} is a setting of the build but Turbo does not pass it through`);
  for (const file of declaredFiles(repoRoot, cacheInputs.siteCode)) if (!covered(file)) problems.push(`${file} changes the output but Turbo does not hash it for the build`);
  return problems;
}

const turbo = JSON.parse(readFileSync(path.join(repoRoot, 'turbo.json'), 'utf8')) as { tasks: Record<string, TurboTask> };

describe('what invalidates caches, declared once', () => {
  it('agrees with turbo.json: every code path, the lockfile and every setting is in the build task’s key', () => {
    expect(declaredFiles(repoRoot, cacheInputs.siteCode)).toContain('pnpm-lock.yaml');
    expect(disagreements(turbo)).toEqual([]);
  });

  it('catches a turbo.json that forgot the lockfile, a setting, or a package', () => {
    const broken = structuredClone(turbo);
    broken.tasks.build!.inputs = (broken.tasks.build!.inputs ?? []).filter((input) => !input.includes('pnpm-lock.yaml'));
    broken.tasks.build!.env = (broken.tasks.build!.env ?? []).filter((name) => name !== 'SITE_SAMPLES');
    broken.tasks.build!.dependsOn = [];
    const problems = disagreements(broken);
    expect(problems).toContain('pnpm-lock.yaml changes the output but Turbo does not hash it for the build');
    expect(problems).toContain('SITE_SAMPLES changes the output but is not in the build task\'s env');
    expect(problems.some((problem) => problem.startsWith('packages/content-model/src/'))).toBe(true);
  });

  it('keys the prepare cache on the parser’s code and the lockfile', () => {
    const files = declaredFiles(repoRoot, cacheInputs.prepareCode);
    expect(files).toContain('pnpm-lock.yaml');
    expect(files.some((file) => file.endsWith('/quick-parse.ts'))).toBe(true);
    expect(files.some((file) => file.includes('__tests__'))).toBe(false);
  });
});
