import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readSiteContent } from '../../read-site-content.ts';

const repoContent = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../content');
const work = mkdtempSync(path.join(tmpdir(), 'one-mistake-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A small copy of the repository's content (Libya with its overview, the seed release in four languages). */
function contentCopy(name: string): string {
  const dir = path.join(work, name, 'content');
  for (const part of ['i18n', 'themes.yaml', 'countries/official-names.yaml', 'countries/ly', 'releases/2016/iom-unhcr-train-libyan-partners']) {
    cpSync(path.join(repoContent, part), path.join(dir, part), { recursive: true });
  }
  return dir;
}

async function issuesOf(contentDir: string) {
  const { issues } = await readSiteContent({ contentDir, displayRoot: path.dirname(contentDir) });
  return issues;
}

function edit(file: string, change: (text: string) => string): void {
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

const seed = 'releases/2016/iom-unhcr-train-libyan-partners';

describe('a release whose source file has a mistake', () => {
  it('in its body: reports that mistake only, not each translation as having no source', async () => {
    const dir = contentCopy('body');
    edit(path.join(dir, seed, 'en.mdx'), (text) => text.replace('Some 2,731 deaths', 'Some {2731} deaths'));
    const issues = await issuesOf(dir);
    expect(issues.map((issue) => issue.file)).toEqual([`content/${seed}/en.mdx`]);
    expect(issues[0]!.line).toBeGreaterThan(1);
  });

  it('in its frontmatter: reports that field only', async () => {
    const dir = contentCopy('frontmatter');
    edit(path.join(dir, seed, 'en.mdx'), (text) => text.replace('date: 2016-09-02', 'date: 2 September 2016'));
    const issues = await issuesOf(dir);
    expect(issues.map((issue) => [issue.file, issue.field])).toEqual([[`content/${seed}/en.mdx`, 'date']]);
  });

  it('still tells translators when no file is the source at all', async () => {
    const dir = contentCopy('no-source');
    rmSync(path.join(dir, seed, 'en.mdx'));
    const issues = await issuesOf(dir);
    expect(issues.map((issue) => issue.file).sort()).toEqual(['ar', 'es', 'fr'].map((lang) => `content/${seed}/${lang}.mdx`));
    for (const issue of issues) expect(issue.message).toContain('has no source file');
  });
});

describe('a country overview whose source has a mistake', () => {
  it('reports that mistake only, not the translations', async () => {
    const dir = contentCopy('overview');
    edit(path.join(dir, 'countries/ly/en.mdx'), (text) => `${text}\n<script>alert(1)</script>\n`);
    const issues = await issuesOf(dir);
    expect(issues.map((issue) => issue.file)).toEqual(['content/countries/ly/en.mdx']);
  });
});
