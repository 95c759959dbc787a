import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSiteContent } from '@iom/content-model/node';
import { buildSite } from '../support/build-site.ts';
import { listPages, readPage } from '../support/html.ts';
import { appDir, builtSiteDir } from '../support/paths.ts';
import { publishedTexts } from '../support/site-text.ts';

const repoContent = path.resolve(appDir, '../../content');
const { content } = await readSiteContent({ contentDir: repoContent, displayRoot: path.dirname(repoContent) });
const samples = content.releases.filter((page) => page.sample);
const sampleOverviews = content.overviews.filter((overview) => overview.sample);

describe('the default build', () => {
  it('keeps sample releases and overviews, each with its visible notice', () => {
    expect(samples.length).toBeGreaterThan(10);
    for (const page of samples) expect(readPage(builtSiteDir, `${page.path.slice(1)}index.html`).querySelector('.release__sample'), page.path).not.toBeNull();
    expect(sampleOverviews.map((overview) => overview.code)).toContain('LY');
    expect(readPage(builtSiteDir, 'en/countries/libya/index.html').querySelector('.country__overview .release__sample')!.text).toBe('Sample text for demonstration; not a description written by the office.');
  });
});

describe('a build with SITE_SAMPLES=exclude', () => {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'no-samples-')), 'dist');
  beforeAll(() => {
    const { status, output } = buildSite(out, { SITE_SAMPLES: 'exclude' });
    expect(status, output).toBe(0);
  }, 240_000);

  it('has no page of a sample release, and still the real ones', () => {
    const pages = new Set(listPages(out));
    for (const page of samples) expect(pages.has(`${page.path.slice(1)}index.html`), page.path).toBe(false);
    expect(pages.has('en/news/iom-unhcr-train-libyan-partners-on-saving-lives-at-sea/index.html')).toBe(true);
  });

  it('names or links no sample release anywhere: listings, feeds, sitemaps, search', () => {
    const traces = samples.flatMap((page) => [page.slug, encodeURI(page.slug), JSON.stringify(page.title).slice(1, -1)]);
    const found: string[] = [];
    for (const { file, text } of publishedTexts(out)) for (const trace of traces) if (text.includes(trace)) found.push(`${file}: ${trace}`);
    expect(found).toEqual([]);
  });

  it('shows no sample overview on a country page', () => {
    expect(readPage(out, 'en/countries/libya/index.html').querySelector('.country__overview')).toBeNull();
  });

  it('counts only real releases on the translation dashboard', () => {
    const sourceCount = (site: string) => {
      const rows = readPage(site, 'en/translations/index.html').querySelector('table.dashboard')!.querySelectorAll('tbody tr');
      return rows.reduce((sum, row) => sum + Number(row.querySelectorAll('td')[0]!.text), 0);
    };
    expect(sourceCount(out)).toBe(content.releases.filter((page) => page.state === 'source' && !page.sample).length);
    expect(sourceCount(builtSiteDir)).toBe(content.releases.filter((page) => page.state === 'source').length);
  });
});
