import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const repoContent = path.resolve(import.meta.dirname, '../../../../../content');

/** The releases the workbench tests use: two in four languages (one with a lead image), one with no Spanish or Arabic. */
export const fixtureReleases = { fourLanguages: '2016/iom-unhcr-train-libyan-partners', noSpanish: '2025/moldova-safe-work-helpline', withImage: '2017/mediterranean-rescue-partners-meet-in-tunis' } as const;

/**
 * A temporary copy of a small part of the real content (UI strings, themes, media, section pages, the countries the
 * releases name, two releases), so tests write to a copy and never to `content/`. With `git`, the copy is a git
 * repository with one commit, so the source history a stale translation needs is there.
 */
export function makeFixtureContent(options: { git?: boolean } = {}): { contentDir: string; root: string; remove: () => void } {
  const root = mkdtempSync(path.join(tmpdir(), 'iom-workbench-'));
  const contentDir = path.join(root, 'content');
  mkdirSync(contentDir, { recursive: true });
  for (const item of ['i18n', 'themes.yaml', 'media', 'pages', 'countries/official-names.yaml']) cpSync(path.join(repoContent, item), path.join(contentDir, item), { recursive: true });
  for (const code of ['ly', 'tn', 'it', 'md']) cpSync(path.join(repoContent, 'countries', code), path.join(contentDir, 'countries', code), { recursive: true });
  for (const release of Object.values(fixtureReleases)) cpSync(path.join(repoContent, 'releases', release), path.join(contentDir, 'releases', release), { recursive: true });
  if (options.git) {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'pipe' });
    git('init', '-q');
    // The author of the fixture's commit and of the workbench's Commit, as a translator's git configuration would say.
    git('config', 'user.name', 'Workbench test');
    git('config', 'user.email', 'workbench-test@example.invalid');
    git('add', '-A');
    git('commit', '-q', '-m', 'Fixture content');
  }
  return { contentDir, root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
