import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../support/build-site.ts';
import { appDir } from '../support/paths.ts';

const repoContent = path.resolve(appDir, '../../content');
const work = mkdtempSync(path.join(tmpdir(), 'iom-content-errors-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the real content with some files added, and an output folder that already holds a "good" site. */
function scenario(name: string, files: Record<string, string>) {
  const contentDir = path.join(work, name, 'content');
  cpSync(repoContent, contentDir, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(contentDir, file)), { recursive: true });
    writeFileSync(path.join(contentDir, file), text);
  }
  const outDir = path.join(work, name, 'dist');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'index.html'), 'previous good site');
  return { contentDir, outDir };
}

describe('a slug collision', () => {
  it('fails the build naming both files, and leaves the previous site in place', () => {
    const seedTitle = 'IOM, UNHCR Train Libyan Partners on Saving Lives at Sea';
    const { contentDir, outDir } = scenario('collision', {
      'releases/2017/copy-of-the-seed/en.mdx': `---\ntitle: "${seedTitle}"\ndate: 2017-01-05\ndateline:\n  place: Tripoli\n  country: LY\n---\n\nA second release with the same title.\n`,
    });
    const { status, output } = buildSite(outDir, { SITE_CONTENT_DIR: contentDir });
    expect(status).not.toBe(0);
    expect(output).toContain('content/releases/2017/copy-of-the-seed/en.mdx');
    expect(output).toContain('/en/news/iom-unhcr-train-libyan-partners-on-saving-lives-at-sea/, which content/releases/2016/iom-unhcr-train-libyan-partners/en.mdx already uses');
    expect(output).toContain('Fix: Give one of the two a different slug');
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('previous good site');
    expect(existsSync(`${outDir}.staging`)).toBe(false);
  });
});
