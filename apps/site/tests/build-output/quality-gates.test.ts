import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkHtml } from '../../scripts/quality/check-html.ts';
import { checkInventory } from '../../scripts/quality/check-inventory.ts';
import { checkLinks } from '../../scripts/quality/check-links.ts';
import { checkPageWeight } from '../../scripts/quality/page-weight.ts';
import { clearPageCache, listSiteFiles } from '../../scripts/quality/site-files.ts';
import { buildSite, siteBuildScript } from '../support/build-site.ts';
import { makeFixtureContent } from '../support/fixture-content.ts';
import { appDir, builtSiteDir } from '../support/paths.ts';

const repoContent = path.resolve(appDir, '../../content');
const site = { base: '/', siteOrigin: 'https://www.iom.int' };
const work = mkdtempSync(path.join(tmpdir(), 'iom-quality-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the built site to break on purpose, proving each check can fail. */
function brokenCopy(name: string, breakIt: (dir: string) => void): string {
  const dir = path.join(work, name);
  cpSync(builtSiteDir, dir, { recursive: true });
  breakIt(dir);
  clearPageCache();
  return dir;
}
const seedEn = 'en/news/iom-unhcr-train-libyan-partners-on-saving-lives-at-sea/index.html';
const edit = (dir: string, file: string, change: (html: string) => string) => writeFileSync(path.join(dir, file), change(readFileSync(path.join(dir, file), 'utf8')));

describe('links', () => {
  it('every internal link, anchor and asset of the built site resolves; no external link outside content', () => {
    expect(checkLinks(builtSiteDir, site)).toEqual([]);
  });

  it('catches a missing page, a missing anchor, a missing stylesheet and an external link in the header', () => {
    const dir = brokenCopy('links', (copy) => {
      rmSync(path.join(copy, 'fr/countries/libya'), { recursive: true });
      edit(copy, seedEn, (html) => html.replace('<a class="skip-link" href="#main">', '<a class="skip-link" href="#nowhere">').replace('<nav class="site-nav"', '<a href="https://tracker.example.org/">x</a><nav class="site-nav"'));
      const css = listSiteFiles(copy, '.css')[0]!;
      rmSync(path.join(copy, css));
    });
    const problems = checkLinks(dir, site);
    const about = (text: string) => problems.filter((problem) => `${problem.url} ${problem.problem}`.includes(text));
    expect(about('/fr/countries/libya/').length).toBeGreaterThan(0);
    expect(about('no element with id "nowhere"')).toHaveLength(1);
    expect(about('.css').length).toBeGreaterThan(0);
    expect(about('tracker.example.org')).toEqual([expect.objectContaining({ page: seedEn, problem: expect.stringContaining("outside content") as string })]);
  });
});

describe('valid HTML', () => {
  it('every page of the build is valid HTML', async () => {
    expect(await checkHtml(builtSiteDir)).toEqual([]);
  }, 120_000);

  it('catches invalid markup', async () => {
    const dir = path.join(work, 'html');
    cpSync(path.join(builtSiteDir, 'en/news'), path.join(dir, 'en/news'), { recursive: true });
    edit(dir, seedEn, (html) => html.replace('<main', '<div><p><main').replace('<img', '<img onerror="x"'));
    const problems = await checkHtml(dir);
    expect(problems.filter((problem) => problem.page === seedEn).length).toBeGreaterThan(0);
  }, 120_000);
});

describe('nothing lost', () => {
  it('every content file has exactly its page, and every release and country page comes from content', async () => {
    expect(await checkInventory(builtSiteDir, repoContent)).toEqual([]);
  });

  it('catches a missing release page, a page with the wrong headline and a page no content explains', async () => {
    const dir = brokenCopy('inventory', (copy) => {
      rmSync(path.join(copy, 'ar/news'), { recursive: true });
      edit(copy, seedEn, (html) => html.replace('<h1 class="p-name">IOM, UNHCR', '<h1 class="p-name">IOM and UNHCR'));
      cpSync(path.join(copy, path.dirname(seedEn)), path.join(copy, 'en/news/an-orphan-page'), { recursive: true });
    });
    const problems = await checkInventory(dir, repoContent);
    expect(problems.some((problem) => problem.item.endsWith('iom-unhcr-train-libyan-partners/ar.mdx') && problem.problem.startsWith('no page at'))).toBe(true);
    expect(problems.some((problem) => problem.problem.includes('does not show the headline'))).toBe(true);
    expect(problems).toContainEqual({ item: 'en/news/an-orphan-page/index.html', problem: 'the output has this release page, but no content file explains it' });
  });
});

describe('page weight budget', () => {
  it('holds release pages and CSS to the budget, and ships script only on the search page', () => {
    const { weights, overBudget } = checkPageWeight(builtSiteDir);
    expect(overBudget).toEqual([]);
    const release = weights.find((weight) => weight.page === seedEn)!;
    expect(release.js).toBe(0);
    expect(release.html).toBeGreaterThan(1000);
    expect(release.css).toBeGreaterThan(1000);
  });

  it('catches a script on a release page and an oversized page', () => {
    const dir = brokenCopy('weight', (copy) => {
      edit(copy, seedEn, (html) => html.replace('</body>', `<script>${'x'.repeat(10)}</script><!--${'padding '.repeat(10_000)}--></body>`));
    });
    const { overBudget } = checkPageWeight(dir);
    expect(overBudget.filter((line) => line.startsWith(seedEn))).toHaveLength(2);
  });
});

/** SHA-256 of every file of a folder, by path. */
function treeHashes(dir: string): Map<string, string> {
  return new Map(listSiteFiles(dir).map((file) => [file, createHash('sha256').update(readFileSync(path.join(dir, file))).digest('hex')]));
}
function treeDifferences(a: string, b: string): string[] {
  const left = treeHashes(a);
  const right = treeHashes(b);
  return [...new Set([...left.keys(), ...right.keys()])].filter((file) => left.get(file) !== right.get(file)).sort();
}

describe('reproducible and atomic builds', () => {
  const content = makeFixtureContent();

  it('gives byte-identical output for two clean builds of the same content', () => {
    const first = path.join(work, 'repro-1');
    const second = path.join(work, 'repro-2');
    expect(buildSite(first, { SITE_CONTENT_DIR: content }).status).toBe(0);
    // A clean second build: SITE_CLEAN_CACHE drops the cache the first one left.
    expect(buildSite(second, { SITE_CONTENT_DIR: content, SITE_CLEAN_CACHE: '1' }).status).toBe(0);
    expect(listSiteFiles(first).length).toBeGreaterThan(100);
    expect(treeDifferences(first, second)).toEqual([]);
    // The comparison itself can fail: one changed byte is found.
    appendFileSync(path.join(second, 'en/index.html'), ' ');
    expect(treeDifferences(first, second)).toEqual(['en/index.html']);
  }, 180_000);

  it('leaves the previous site untouched when a build is killed midway', async () => {
    const outDir = path.join(work, 'killed');
    expect(buildSite(outDir, { SITE_CONTENT_DIR: content }).status).toBe(0);
    const before = treeHashes(outDir);
    const child = spawn(process.execPath, [siteBuildScript], {
      cwd: appDir,
      env: { ...process.env, SITE_CONTENT_DIR: content, SITE_FINAL_DIR: outDir },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the build never reached page generation:\n${output}`)), 120_000);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (/generating static routes|\/en\/news\//.test(output)) {
          clearTimeout(timer);
          process.kill(-child.pid!, 'SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((resolve) => child.on('exit', resolve));
    expect(treeHashes(outDir)).toEqual(before);
    expect(existsSync(`${outDir}.incoming-${child.pid}`)).toBe(false);
  }, 240_000);
});
