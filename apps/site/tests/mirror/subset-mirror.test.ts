/**
 * A subset mirror, `pnpm mirror --lang en,ar --country LY`, built from the fixture: what it holds, and that it never
 * links to what it left out.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkHtml } from '../../scripts/quality/check-html.ts';
import { checkLinks } from '../../scripts/quality/check-links.ts';
import { clearPageCache } from '../../scripts/quality/site-files.ts';
import { checkRelocatable } from '../../scripts/mirror/check-relocatable.ts';
import { listPages } from '../support/html.ts';
import { makeFixtureContent } from '../support/fixture-content.ts';
import { buildBundle, currentManifest, currentSite, fixtureCountries, fixtureReleases, mirrorTestDir, runTool } from './mirror-support.ts';

const bundle = path.join(mirrorTestDir, 'subset-en-ar-ly');
let site: string;
let output: string;

beforeAll(() => {
  output = buildBundle(bundle, makeFixtureContent(fixtureCountries, fixtureReleases), ['--lang', 'en,ar', '--country', 'LY']);
  site = currentSite(bundle);
});

describe('a subset mirror for Libya in English and Arabic', () => {
  it('says what it is building, and records the subset in the signed manifest', () => {
    expect(output).toMatch(/Choosing the content: languages en, ar; countries LY/);
    expect(output).toMatch(/Removing the languages not chosen \(fr, es\)/);
    expect(currentManifest(bundle).meta).toEqual({ countries: 'LY', languages: 'en,ar' });
    const verified = runTool(bundle, ['verify', bundle]);
    expect(verified.status, verified.stdout + verified.stderr).toBe(0);
  });

  it('holds English and Arabic only: no French or Spanish pages, sitemaps, search index or offline index', () => {
    expect(existsSync(path.join(site, 'en', 'index.html'))).toBe(true);
    expect(existsSync(path.join(site, 'ar', 'index.html'))).toBe(true);
    const files = currentManifest(bundle).files.map((file) => file.path);
    const foreign = files.filter(
      (file) =>
        /^(fr|es)\//.test(file) ||
        /^sitemap-(fr|es)\.xml$/.test(file) ||
        /^pagefind\/(.*\/)?(fr|es)_/.test(file) ||
        /^pagefind\/(pagefind|wasm)\.(fr|es)[._]/.test(file),
    );
    expect(foreign).toEqual([]);
    expect(files.filter((file) => file.startsWith('search-offline/'))).toEqual(['search-offline/ar.js', 'search-offline/en.js', 'search-offline/search-offline.js']);
    expect(files.filter((file) => /^pagefind\/pagefind\.[a-z]+_/.test(file)).map((file) => /pagefind\.([a-z]+)_/.exec(file)![1]).sort()).toEqual(['ar', 'en']);
    expect(readFileSync(path.join(site, 'sitemap-index.xml'), 'utf8')).not.toMatch(/sitemap-(fr|es)\.xml/);
  });

  it('holds the releases about Libya and the countries they name, not the others', () => {
    expect(existsSync(path.join(site, 'en/news/iom-unhcr-train-libyan-partners-on-saving-lives-at-sea/index.html'))).toBe(true);
    expect(existsSync(path.join(site, 'en/news/rescue-partners-from-libya-tunisia-and-italy-meet-in-tunis/index.html'))).toBe(true);
    expect(listPages(site).filter((page) => page.includes('monsoon'))).toEqual([]);
    expect(existsSync(path.join(site, 'en/countries/libya/index.html'))).toBe(true);
    expect(existsSync(path.join(site, 'en/countries/tunisia/index.html'))).toBe(true);
    expect(existsSync(path.join(site, 'en/countries/bangladesh/index.html'))).toBe(false);
    expect(existsSync(path.join(site, 'en/countries/comoros/index.html'))).toBe(false);
  });

  it('never links to a page it left out: the link checks find nothing', async () => {
    clearPageCache();
    expect(checkLinks(site, { base: '/', siteOrigin: 'https://www.iom.int' })).toEqual([]);
    clearPageCache();
    expect(await checkRelocatable(site)).toEqual([]);
    const pointingAway: string[] = [];
    for (const page of listPages(site)) {
      const root = parse(readFileSync(path.join(site, page), 'utf8'));
      for (const element of root.querySelectorAll('[href], [src], [action]')) {
        const url = element.getAttribute('href') ?? element.getAttribute('src') ?? element.getAttribute('action')!;
        if (/(^|\/)(fr|es)\//.test(url.replace(/^https?:\/\/(?!www\.iom\.int)[^/]+/, 'external:'))) pointingAway.push(`${page}: ${url}`);
      }
    }
    expect(pointingAway).toEqual([]);
  });

  it('shows French and Spanish as not in this copy in the language switcher of the seed release', () => {
    const page = parse(readFileSync(path.join(site, 'en/news/iom-unhcr-train-libyan-partners-on-saving-lives-at-sea/index.html'), 'utf8'));
    const unavailable = page.querySelectorAll('.language-switcher .language-switcher__unavailable').map((element) => element.textContent);
    expect(unavailable).toEqual(['Français', 'Español']);
    expect(page.querySelector('.language-switcher')!.textContent).toContain('not in this copy of the site');
    expect(page.querySelector('.language-switcher a[hreflang="ar"]')).not.toBeNull();
    const arabic = parse(readFileSync(path.join(site, 'ar/index.html'), 'utf8'));
    expect(arabic.querySelector('.language-switcher')!.textContent).toContain('غير موجودة في هذه النسخة من الموقع');
  });

  it('is valid HTML after pruning and with the offline search added', async () => {
    expect(await checkHtml(site)).toEqual([]);
  });

  it('offers only English and Arabic to the search page', () => {
    const config = parse(readFileSync(path.join(site, 'en/search/index.html'), 'utf8')).querySelector('#search-config')!.textContent;
    expect((JSON.parse(config) as { languages: { code: string }[] }).languages.map((language) => language.code)).toEqual(['en', 'ar']);
  });
});
