import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFixtureContent } from '../support/fixture-content.ts';
import { appDir } from '../support/paths.ts';

const repoRoot = path.resolve(appDir, '../..');

/** The settings the README documents for `pnpm build` (the paragraph after the Commands table). */
function documentedSettings(): string[] {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const paragraph = readme.slice(readme.indexOf('Environment for `pnpm build`'));
  return [...new Set(paragraph.slice(0, paragraph.indexOf('\n\n')).match(/\bSITE_[A-Z_]+/g))];
}

describe('settings of pnpm build', () => {
  it('every setting the README documents reaches the build through Turbo', () => {
    const turbo = JSON.parse(readFileSync(path.join(repoRoot, 'turbo.json'), 'utf8')) as { tasks: { build: { env?: string[]; passThroughEnv?: string[] } } };
    const passed = new Set([...(turbo.tasks.build.env ?? []), ...(turbo.tasks.build.passThroughEnv ?? [])]);
    const settings = documentedSettings();
    expect(settings).toEqual(expect.arrayContaining(['SITE_CONTENT_DIR', 'SITE_FINAL_DIR', 'SITE_URL', 'SITE_BASE']));
    expect(settings.filter((setting) => !passed.has(setting))).toEqual([]);
  });

  it('SITE_FINAL_DIR, given relative to where pnpm build is typed, gets the site, and dist/ is left alone', () => {
    const content = makeFixtureContent(['ly'], ['2016/iom-unhcr-train-libyan-partners']);
    const typedIn = mkdtempSync(path.join(tmpdir(), 'final-dir-'));
    const dist = path.join(appDir, 'dist');
    const distBefore = existsSync(dist) ? statSync(dist) : undefined;
    const result = spawnSync('pnpm', ['--dir', repoRoot, 'build'], {
      cwd: typedIn,
      env: { ...process.env, SITE_CONTENT_DIR: content, SITE_FINAL_DIR: 'out/site', SITE_URL: 'https://mirror.example.org' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    const built = path.join(typedIn, 'out/site');
    const home = readFileSync(path.join(built, 'en/index.html'), 'utf8');
    // SITE_URL reached the build too: canonical links use it.
    expect(home).toContain('href="https://mirror.example.org/en/"');
    expect(existsSync(path.join(built, 'pagefind/pagefind-entry.json'))).toBe(true);
    // The default output folder was neither replaced nor touched.
    if (distBefore) {
      const distAfter = statSync(dist);
      expect([distAfter.ino, distAfter.mtimeMs]).toEqual([distBefore.ino, distBefore.mtimeMs]);
    } else {
      expect(existsSync(dist)).toBe(false);
    }
  }, 240_000);
});
