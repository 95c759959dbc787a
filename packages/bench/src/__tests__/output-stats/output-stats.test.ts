import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countPages, firstSearchEstimate, listSiteFiles, measureSiteOutput, pagefindByLanguage, sumSizes, type PagefindEntry, type SiteFile } from '../../bench/output-stats.ts';

// The layout Pagefind 1.6 writes (checked on a real build), for English and Arabic; Arabic in two shards (the site's
// undated pages, and a run of months: apps/site/scripts/search-index), which share the language's wasm.
const entry: PagefindEntry = {
  version: '1.6.0',
  languages: {
    ar: { hash: 'ar_118658a99d', wasm: 'ar', page_count: 1 },
    'ar-x-201609': { hash: 'ar-x-201609_77aa11bb22cc33d', wasm: 'ar', page_count: 1 },
    en: { hash: 'en_cd63ffc5a6', wasm: 'en', page_count: 3 },
  },
};
const file = (filePath: string, bytes: number): SiteFile => ({ path: filePath, bytes, diskBytes: Math.ceil(bytes / 4096) * 4096 });
const files: SiteFile[] = [
  file('index.html', 300),
  file('404.html', 200),
  file('en/index.html', 5_000),
  file('en/news/a/index.html', 9_000),
  file('ar/news/ب/index.html', 9_500),
  file('_astro/site.css', 12_000),
  file('pagefind/pagefind.js', 47_000),
  file('pagefind/pagefind-worker.js', 43_000),
  file('pagefind/pagefind-ui.js', 126_000),
  file('pagefind/pagefind-entry.json', 285),
  file('pagefind/wasm.en.pagefind', 60_000),
  file('pagefind/wasm.ar.pagefind', 61_000),
  file('pagefind/wasm.unknown.pagefind', 55_000),
  file('pagefind/pagefind.en_cd63ffc5a6.pf_meta', 900),
  file('pagefind/pagefind.ar_118658a99d.pf_meta', 700),
  file('pagefind/pagefind.ar-x-201609_77aa11bb22cc33d.pf_meta', 300),
  file('pagefind/index/en_1.pf_index', 10_000),
  file('pagefind/index/en_2.pf_index', 30_000),
  file('pagefind/index/en_3.pf_index', 20_000),
  file('pagefind/index/ar_1.pf_index', 8_000),
  file('pagefind/index/ar-x-201609_1.pf_index', 4_000),
  file('pagefind/fragment/en_a.pf_fragment', 1_000),
  file('pagefind/fragment/en_b.pf_fragment', 3_000),
  file('pagefind/fragment/en_c.pf_fragment', 2_000),
  file('pagefind/fragment/ar_a.pf_fragment', 1_500),
  file('pagefind/fragment/ar-x-201609_b.pf_fragment', 2_500),
  file('pagefind/index.html', 10),
];

describe('sizes of a built site', () => {
  it('counts pages as index.html files outside pagefind/', () => {
    expect(countPages(files)).toBe(4);
  });

  it('sums bytes as stored and as allocated on disk', () => {
    expect(sumSizes([file('a', 10), file('b', 5000)])).toEqual({ bytes: 5010, diskBytes: 4096 + 8192, files: 2 });
  });

  it('sizes the Pagefind index per language, right-to-left included', () => {
    const [ar, en] = pagefindByLanguage(files, entry);
    // Both Arabic shards together, their one wasm counted once.
    expect(ar).toEqual({ lang: 'ar', pages: 2, shards: 2, metaBytes: 1_000, wasmBytes: 61_000, indexChunks: 2, indexBytes: 12_000, fragments: 2, fragmentBytes: 4_000, bytes: 1_000 + 61_000 + 12_000 + 4_000 });
    expect(en).toMatchObject({ lang: 'en', pages: 3, shards: 1, indexChunks: 3, indexBytes: 60_000, fragments: 3, fragmentBytes: 6_000 });
  });

  it('estimates a first search from the median chunk and five median fragments', () => {
    const en = firstSearchEstimate(files, entry, 'en');
    expect(en.parts.map((part) => part.what)).toEqual(['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json', 'wasm.en.pagefind', 'pf_meta', 'median index chunk', '3 median fragments']);
    expect(en.totalBytes).toBe(47_000 + 43_000 + 285 + 60_000 + 900 + 20_000 + 3 * 2_000);
    expect(en.requests).toBe(3 + 1 + 1 + 1 + 3);
  });

  it('for a language in shards, counts every shard’s metadata and median chunk, the wasm once', () => {
    const ar = firstSearchEstimate(files, entry, 'ar', (part) => Math.round(part.bytes / 4));
    expect(ar.parts.map((part) => part.what)).toEqual(['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json', 'wasm.ar.pagefind', 'pf_meta of 2 shards', 'median index chunk of 2 shards', '2 median fragments']);
    // Text files count gzipped; Pagefind's own files are compressed already and count as stored.
    expect(ar.totalTransferBytes).toBe(Math.round(47_000 / 4) + Math.round(43_000 / 4) + Math.round(285 / 4) + 61_000 + 700 + 300 + 8_000 + 4_000 + 2 * 2_000);
    expect(ar.requests).toBe(3 + 1 + 2 + 2 + 2);
  });

  it('never fails on a site without an index', () => {
    const estimate = firstSearchEstimate([file('index.html', 10)], { languages: {} }, 'en');
    expect(estimate.totalBytes).toBe(0);
  });

  it('measures a folder on disk', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-site-'));
    mkdirSync(path.join(dir, 'ar', 'news', 'x'), { recursive: true });
    mkdirSync(path.join(dir, 'pagefind', 'index'), { recursive: true });
    writeFileSync(path.join(dir, 'ar', 'news', 'x', 'index.html'), '<html lang="ar" dir="rtl"></html>');
    writeFileSync(path.join(dir, 'pagefind', 'pagefind-entry.json'), JSON.stringify({ languages: { ar: { hash: 'ar_1', wasm: 'ar', page_count: 1 } } }));
    writeFileSync(path.join(dir, 'pagefind', 'pagefind.js'), 'x'.repeat(1000));
    writeFileSync(path.join(dir, 'pagefind', 'index', 'ar_1.pf_index'), 'abc');
    expect(listSiteFiles(dir).map((f) => f.path).sort()).toEqual(['ar/news/x/index.html', 'pagefind/index/ar_1.pf_index', 'pagefind/pagefind-entry.json', 'pagefind/pagefind.js']);
    const measured = measureSiteOutput(dir);
    expect(measured.pagesWritten).toBe(1);
    expect(measured.pagefind?.[0]).toMatchObject({ lang: 'ar', indexChunks: 1, indexBytes: 3 });
    // 1,000 repeated characters gzip to a few dozen bytes.
    expect(measured.firstSearch?.[0]?.parts.find((part) => part.what === 'pagefind.js')?.transferBytes).toBeLessThan(100);
    rmSync(dir, { recursive: true, force: true });
  });
});
