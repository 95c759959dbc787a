import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appDir, builtSiteDir } from '../support/paths.ts';

const seedPage = 'en/news/iom-unhcr-train-libyan-partners-on-saving-lives-at-sea/index.html';

describe('pnpm report:weight on a large site', () => {
  it('measures thousands of release pages in a small, fixed heap', () => {
    // 3,000 copies of a real release page with the site's assets: a heap that holds a few hundred parsed pages at
    // most, so a report that kept every page it measured runs out of memory here.
    const site = mkdtempSync(path.join(tmpdir(), 'weight-'));
    cpSync(path.join(builtSiteDir, '_astro'), path.join(site, '_astro'), { recursive: true });
    const html = readFileSync(path.join(builtSiteDir, seedPage));
    const pages = 3000;
    for (let index = 0; index < pages; index++) {
      mkdirSync(path.join(site, `en/news/copy-${index}`), { recursive: true });
      writeFileSync(path.join(site, `en/news/copy-${index}/index.html`), html);
    }
    const result = spawnSync(process.execPath, ['--max-old-space-size=64', path.join(appDir, 'scripts/quality/report-weight.ts'), site], { encoding: 'utf8' });
    rmSync(site, { recursive: true, force: true });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(`(${pages} pages, ${pages} release pages)`);
    expect(result.stdout).toMatch(/release HTML {6}median \d+\.\d KB/);
    expect(result.stdout).toContain('Within budget.');
  }, 120_000);
});
