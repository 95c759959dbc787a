import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../support/build-site.ts';
import { appDir, builtSiteDir } from '../support/paths.ts';
import { readPage } from '../support/html.ts';

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
    const staging = /build: staging in (\S+)/.exec(output)![1]!;
    expect(existsSync(staging)).toBe(false);
  });
});

describe('unsafe and broken content', () => {
  const broken = {
    'releases/2018/unsafe/en.mdx': [
      '---',
      'titel: "A release with every mistake"',
      'date: 2018-13-01',
      'dateline:',
      '  place: Tripoli',
      '  country: LY',
      '---',
      'import Danger from "../danger.js"',
      '',
      'Total: {1 + 1} people.',
      '',
      '<script>alert(1)</script>',
      '',
      '<Callout onClick="steal()">Hello</Callout>',
      '',
      '[click](javascript:alert(1))',
      '',
      '<Figur src="/a.jpg" alt="x" />',
      '',
    ].join('\n'),
    'releases/2018/latin1/en.mdx': Buffer.from('---\ntitle: "Caf\xe9"\n---\n', 'latin1').toString('latin1'),
  };

  const expected = [
    'content/releases/2018/unsafe/en.mdx:2:1  titel: The field "titel" is not known here.',
    'Did you mean "title"?',
    'content/releases/2018/unsafe/en.mdx:3',
    'content/releases/2018/unsafe/en.mdx:8:1',
    'content/releases/2018/unsafe/en.mdx:10:8',
    'content/releases/2018/unsafe/en.mdx:12:1',
    'content/releases/2018/unsafe/en.mdx:14:',
    'content/releases/2018/unsafe/en.mdx:16:1',
    'content/releases/2018/unsafe/en.mdx:18:1',
    'content/releases/2018/latin1/en.mdx:2',
  ];

  it('is rejected by pnpm check:content with every problem listed (file, line, fix)', () => {
    const { contentDir } = scenario('unsafe-check', {});
    for (const [file, text] of Object.entries(broken)) {
      mkdirSync(path.dirname(path.join(contentDir, file)), { recursive: true });
      writeFileSync(path.join(contentDir, file), file.includes('latin1') ? Buffer.from(text, 'latin1') : text);
    }
    const result = spawnSync(process.execPath, [path.resolve(appDir, '../../packages/content-model/src/cli/check-content.ts')], {
      cwd: appDir,
      env: { ...process.env, SITE_CONTENT_DIR: contentDir },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    for (const text of expected) expect(result.stderr).toContain(text);
    expect(result.stderr).toContain('Fix:');
    expect(result.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace
  });

  it('fails the build with the same messages, leaving the previous site', () => {
    const { contentDir, outDir } = scenario('unsafe-build', {});
    for (const [file, text] of Object.entries(broken)) {
      mkdirSync(path.dirname(path.join(contentDir, file)), { recursive: true });
      writeFileSync(path.join(contentDir, file), file.includes('latin1') ? Buffer.from(text, 'latin1') : text);
    }
    const { status, output } = buildSite(outDir, { SITE_CONTENT_DIR: contentDir });
    expect(status).not.toBe(0);
    for (const text of expected) expect(output).toContain(text);
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('previous good site');
  });
});

describe('editing the English source of a translated release', () => {
  it('marks the French translation stale on its page, on the dashboard and in i18n:status', () => {
    const seed = 'releases/2016/iom-unhcr-train-libyan-partners/en.mdx';
    const { contentDir, outDir } = scenario('stale', {});
    const file = path.join(contentDir, seed);
    writeFileSync(file, readFileSync(file, 'utf8').replace('Some 2,731 deaths have been recorded.\n', 'Some 2,731 deaths have been recorded.\n\nA new paragraph added after translation.\n'));
    const { status, output } = buildSite(outDir, { SITE_CONTENT_DIR: contentDir });
    expect(status, output).toBe(0);

    const fr = readPage(outDir, 'fr/news/l-oim-et-le-hcr-forment-leurs-partenaires-libyens-au-sauvetage-en-mer/index.html');
    const notice = fr.querySelector('.release__stale')!;
    expect(notice.text).toContain('Cette traduction n’est peut-être plus à jour');
    expect(notice.querySelector('a')!.getAttribute('href')).toBe('/en/news/iom-unhcr-train-libyan-partners-on-saving-lives-at-sea/');

    const staleFrench = (siteDir: string) => {
      const dashboard = readPage(siteDir, 'en/translations/index.html');
      const frRow = dashboard.querySelectorAll('table.dashboard tbody tr').find((row) => row.querySelector('th')?.text === 'Français')!;
      return Number(frRow.querySelectorAll('td')[2]!.text);
    };
    expect(staleFrench(outDir)).toBe(staleFrench(builtSiteDir) + 1);

    const status2 = spawnSync(process.execPath, [path.resolve(appDir, '../../packages/content-model/src/cli/i18n-status.ts'), '--json', '--lang', 'fr'], {
      cwd: appDir,
      env: { ...process.env, SITE_CONTENT_DIR: contentDir },
      encoding: 'utf8',
    });
    const report = JSON.parse(status2.stdout) as { languages: { fr: { stale: { file: string; markUpdated: string }[] } } };
    expect(report.languages.fr.stale).toContainEqual(
      expect.objectContaining({ file: 'content/releases/2016/iom-unhcr-train-libyan-partners/fr.mdx', markUpdated: 'pnpm i18n:done 2016/iom-unhcr-train-libyan-partners fr' }),
    );
  });
});
