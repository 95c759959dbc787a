import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { listFilesSync } from '@iom/files';
import { describe, expect, it } from 'vitest';
import { appDir } from '../support/paths.ts';

/**
 * The rules of the codebase's layout (CONVENTIONS.md, and the package READMEs), checked on the sources: packages
 * reach each other through their names only, the model does not depend on Astro, no module imports itself round a
 * circle, every package says what it is.
 */
const repoRoot = path.resolve(appDir, '../..');
const packageFolders = ['apps/site', ...listFilesSync(path.join(repoRoot, 'packages')).filter((file) => /^[^/]+\/package\.json$/.test(file)).map((file) => `packages/${path.posix.dirname(file)}`)];

/** Source files of a package (code and components, tests included), from the repository root. */
const sourcesOf = (folder: string) =>
  listFilesSync(path.join(repoRoot, folder))
    .filter((file) => /\.(ts|astro)$/.test(file) && !file.endsWith('.d.ts') && !/(^|\/)(node_modules|dist|\.astro|\.test-output|test-keys)\//.test(file))
    .map((file) => `${folder}/${file}`);

/** The specifiers a file imports (static, dynamic with a literal, re-exports), with the type-only ones. */
function specifiers(file: string): string[] {
  const text = readFileSync(path.join(repoRoot, file), 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/(?:^|[\s;{}])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*\(?\s*['"]([^'"]+)['"]/gm)) found.push((match[1] ?? match[2])!);
  return found;
}

const allSources = packageFolders.flatMap(sourcesOf);
const folderOf = (file: string) => packageFolders.find((folder) => file.startsWith(`${folder}/`))!;

/** A relative specifier resolved to a source file of the repository, if it is one. */
function resolveRelative(from: string, specifier: string): string | undefined {
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  for (const candidate of [target, `${target}.ts`, `${target}/index.ts`]) if (existsSync(path.join(repoRoot, candidate)) && /\.(ts|astro)$/.test(candidate)) return candidate;
  return target;
}

describe('the layout of the codebase', () => {
  it('has packages that reach each other by name only, never by a relative path into another package', () => {
    const crossings: string[] = [];
    for (const file of allSources) {
      for (const specifier of specifiers(file)) {
        if (!specifier.startsWith('.')) continue;
        const target = resolveRelative(file, specifier)!;
        if (folderOf(target) !== folderOf(file)) crossings.push(`${file} → ${specifier}`);
      }
    }
    expect(allSources.length).toBeGreaterThan(100);
    expect(crossings).toEqual([]);
  });

  it('keeps Astro out of the content model and the safe-MDX engine, and Node out of the engine', () => {
    const fromAstro = (file: string) => specifiers(file).some((specifier) => specifier === 'astro' || specifier.startsWith('astro/'));
    expect([...sourcesOf('packages/content-model'), ...sourcesOf('packages/safe-mdx')].filter(fromAstro)).toEqual([]);
    // The checker and renderer run in a browser too: no Node built-ins outside its tests.
    const engine = sourcesOf('packages/safe-mdx').filter((file) => !file.includes('/__tests__/'));
    expect(engine.length).toBeGreaterThan(10);
    expect(engine.filter((file) => specifiers(file).some((specifier) => specifier.startsWith('node:')))).toEqual([]);
  });

  it('keeps Astro, the site and its build out of the translator workbench', () => {
    // The workbench must start when the site does not build, and it changes content, not the site (its README).
    const fromSite = (file: string) => specifiers(file).some((specifier) => specifier === 'astro' || specifier.startsWith('astro/') || /^@iom\/(ui|site-build|site)(\/|$)/.test(specifier));
    const workbench = sourcesOf('packages/workbench');
    expect(workbench.length).toBeGreaterThan(5);
    expect(workbench.filter(fromSite)).toEqual([]);
  });

  it('has no import cycle between modules, type-only imports included', () => {
    const graph = new Map(allSources.map((file) => [file, specifiers(file).filter((specifier) => specifier.startsWith('.')).map((specifier) => resolveRelative(file, specifier)!).filter((target) => allSources.includes(target))]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'open') cycles.push([...trail.slice(trail.indexOf(next)), next].join(' → '));
        else if (!state.has(next)) visit(next, [...trail, next]);
      }
      state.set(file, 'done');
    };
    for (const file of allSources) if (!state.has(file)) visit(file, [file]);
    expect(cycles).toEqual([]);
  });

  it('gives every package a README saying what lives there', () => {
    expect(packageFolders.filter((folder) => !existsSync(path.join(repoRoot, folder, 'README.md')))).toEqual([]);
  });
});
