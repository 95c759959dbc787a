/**
 * The offline search: what goes into the index (offline-search.ts), how the search page gets it, and the matching
 * rules of the browser script (browser/search-offline.js, run in Node's vm without a document).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { addOfflineSearch, offlineEntry, offlineIndexScript, type OfflineEntry } from '../../scripts/mirror/offline-search.ts';
import type { MirrorStrings } from '../../scripts/mirror/mirror-strings.ts';

interface BrowserApi {
  normalize: (text: string) => string;
  search: (entries: OfflineEntry[], query: string) => OfflineEntry[];
  absolutizePaths: (value: unknown, key: string | undefined, pageUrl: string) => unknown;
}

function loadBrowserScript(): BrowserApi {
  const code = readFileSync(fileURLToPath(new URL('../../scripts/mirror/browser/search-offline.js', import.meta.url)), 'utf8');
  const sandbox: { URL: typeof URL; iomOfflineSearch?: BrowserApi } = { URL };
  vm.runInNewContext(code, sandbox);
  return sandbox.iomOfflineSearch!;
}
const browser = loadBrowserScript();

const entries: OfflineEntry[] = [
  { t: 'IOM, UNHCR Train Libyan Partners on Saving Lives at Sea', u: 'en/news/a/index.html', s: 'A workshop for Libyan partners in Tunis.', d: '2016-09-02' },
  { t: 'Rescue partners meet in Tunis', u: 'en/news/b/index.html', s: 'Libyan, Tunisian and Italian rescuers.', d: '2017-03-01' },
  { t: 'Libya', u: 'en/countries/libya/index.html', s: 'IOM has worked in Libya since 2006.' },
  { t: 'Réfugiés à Tunis : l’OIM forme ses partenaires', u: 'fr/news/c/index.html', s: 'Formation en mer.', d: '2016-09-02' },
  { t: 'المنظمة الدولية للهجرة تدرّب الشركاء الليبيين', u: 'ar/news/د/index.html', s: 'تدريب على الإنقاذ في البحر.', d: '2016-09-02' },
];

describe('matching in the browser script', () => {
  it('ignores case and accents (French, Spanish)', () => {
    expect(browser.normalize('Réfugiés à TUNIS')).toBe('refugies a tunis');
    expect(browser.normalize('Migración, ÑANDÚ')).toBe('migracion nandu');
    expect(browser.search(entries, 'refugies').map((entry) => entry.u)).toEqual(['fr/news/c/index.html']);
    expect(browser.search(entries, 'l’oim').map((entry) => entry.u)).toEqual(['fr/news/c/index.html']);
  });

  it('ignores Arabic tashkeel and tatweel and folds letter forms, right to left text included', () => {
    expect(browser.normalize('الْمُنَظَّمَةُ')).toBe('المنظمه');
    expect(browser.normalize('إنقاذ أرواح آمنة')).toBe('انقاذ ارواح امنه');
    expect(browser.normalize('الهجـــرة')).toBe('الهجره');
    expect(browser.normalize('لیبیا')).toBe('ليبيا');
    expect(browser.search(entries, 'الليبيّين').map((entry) => entry.u)).toEqual(['ar/news/د/index.html']);
    expect(browser.search(entries, 'الانقاذ').map((entry) => entry.u)).toEqual(['ar/news/د/index.html']);
  });

  it('needs every word, in the title or the summary, and ranks title matches first, then newer', () => {
    expect(browser.search(entries, 'libyan tunis').map((entry) => entry.u)).toEqual(['en/news/b/index.html', 'en/news/a/index.html']);
    expect(browser.search(entries, 'libya').map((entry) => entry.u)).toEqual(['en/news/a/index.html', 'en/countries/libya/index.html', 'en/news/b/index.html']);
    expect(browser.search(entries, '   ')).toEqual([]);
    expect(browser.search(entries, 'nothing-like-this')).toEqual([]);
  });

  it('turns the relative paths of the search configuration into absolute ones over http', () => {
    const config = { lang: 'en', bundlePath: '../../pagefind/', siteBase: '../../', languages: [{ code: 'fr', searchPath: '../../fr/search/' }], strings: { x: '../' } };
    expect(browser.absolutizePaths(config, undefined, 'http://10.0.0.5:8080/iom/en/search/index.html?q=a')).toEqual({
      lang: 'en',
      bundlePath: '/iom/pagefind/',
      siteBase: '/iom/',
      languages: [{ code: 'fr', searchPath: '/iom/fr/search/' }],
      strings: { x: '../' },
    });
  });
});

describe('the index', () => {
  it('takes the title, the description and the date of a release', () => {
    const page =
      '<html lang="en"><head><title>X | IOM</title><meta name="description" content="IOM and UNHCR organized a workshop for Libyan partners."></head><body>' +
      '<main data-pagefind-body><article data-pagefind-meta="date:2016-09-02, type:press-release"><h1>Train  Libyan\nPartners</h1><p>Body</p></article></main></body></html>';
    expect(offlineEntry(page, 'en/news/x/index.html')).toEqual({
      lang: 'en',
      entry: { t: 'Train Libyan Partners', u: 'en/news/x/index.html', s: 'IOM and UNHCR organized a workshop for Libyan partners.', d: '2016-09-02' },
    });
  });

  it('summarizes a page without description by its first real paragraph, shortened', () => {
    const long = 'IOM has worked in Libya since 2006. '.repeat(10);
    const page = `<html lang="ar"><body><main data-pagefind-body><h1>ليبيا</h1><p>Region: x</p><p data-pagefind-ignore>${'y'.repeat(80)}</p><p>${long}</p></main></body></html>`;
    const found = offlineEntry(page, 'ar/countries/ليبيا/index.html')!;
    expect(found.lang).toBe('ar');
    expect(found.entry.t).toBe('ليبيا');
    expect(found.entry.s!.length).toBeLessThanOrEqual(241);
    expect(found.entry.s).toMatch(/^IOM has worked in Libya since 2006\..*…$/);
    expect(found.entry.d).toBeUndefined();
  });

  it('leaves out pages Pagefind does not index', () => {
    expect(offlineEntry('<html lang="en"><body><main><h1>Search</h1></main></body></html>', 'en/search/index.html')).toBeUndefined();
  });

  it('is a script that stores the entries in a global (a <script src> loads from disk; fetch does not)', () => {
    const sandbox: { self?: unknown; iomOfflineSearchIndex?: Record<string, OfflineEntry[]> } = {};
    sandbox.self = sandbox;
    vm.runInNewContext(offlineIndexScript('ar', [entries[4]!]), sandbox);
    expect(sandbox.iomOfflineSearchIndex).toEqual({ ar: [entries[4]] });
  });
});

describe('the search page', () => {
  const strings = {
    'mirror.offlineSearch.notice': 'Opened from a disk: run {command}.',
    'mirror.offlineSearch.scope': 'Titles & summaries only.',
    'mirror.offlineSearch.heading': 'Titles and summaries',
    'mirror.offlineSearch.resultCount': '{count} for “{query}”',
    'mirror.offlineSearch.noResults': 'None for “{query}”',
    'mirror.offlineSearch.unavailable': 'Unavailable',
    'mirror.notInCopy': 'not in this copy',
  } satisfies MirrorStrings['en'];
  const page =
    '<html lang="ar" dir="rtl"><head></head><body><header><form action="../../ar/search/index.html"></form></header><main id="main"><h1>البحث</h1>' +
    '<form id="search-form"><input name="q"></form><section class="search-results"></section><script type="application/json" id="search-config">{}</script>' +
    '<script type="module" src="../../_astro/search.js"></script></main></body></html>';

  it('gets the hidden notice after its search form and the script right before the search module', () => {
    const result = addOfflineSearch(page, { from: 'ar/search/index.html', lang: 'ar', strings });
    const order = ['<h1>', 'id="search-form"', 'id="mirror-offline-search"', 'class="search-results"', 'id="search-config"', 'id="mirror-offline-config"', '<script defer src="../../search-offline/search-offline.js">', 'type="module"'];
    const positions = order.map((marker) => result.indexOf(marker));
    expect(positions.every((position) => position !== -1)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(result).toContain('<div id="mirror-offline-search" class="mirror-offline-search" hidden>');
    expect(result).toContain('Opened from a disk: run <code dir="ltr">node mirror-tool/cli.js serve .</code>.');
    expect(result).toContain('Titles &amp; summaries only.');
    const config = JSON.parse(/<script type="application\/json" id="mirror-offline-config">(.*?)<\/script>/.exec(result)![1]!) as Record<string, unknown>;
    expect(config).toMatchObject({ lang: 'ar', root: '../../', index: '../../search-offline/ar.js' });
  });

  it('is added once', () => {
    const once = addOfflineSearch(page, { from: 'ar/search/index.html', lang: 'ar', strings });
    expect(addOfflineSearch(once, { from: 'ar/search/index.html', lang: 'ar', strings })).toBe(once);
  });
});
