import { describe, expect, it } from 'vitest';
import type { BenchReport, SizeRun } from '../../bench/bench-report.ts';
import type { BrowserSearchRun } from '../../bench/browser-search.ts';
import { formatReport, formatTable } from '../../bench/report-table.ts';
import { evaluateTargets } from '../../bench/targets.ts';
import { formatBytes, formatDuration } from '../../format-units.ts';

const GiB = 1024 ** 3;
const run = (size: number, wallMs: number, msPerPage: number | null, peakRssBytes: number | null, ok = true) => ({
  size,
  build: { ok, exitCode: ok ? 0 : 1, signal: null, wallMs, logFile: 'x.log' },
  msPerPage,
  peakRssBytes,
});
const tally = (bytes: number, requests: number) => ({ bytes, requests, byKind: [{ kind: 'index chunks', bytes, requests, distinct: requests }] });
const searched = (bytes: number, requests: number): BrowserSearchRun => ({ status: 'measured', lang: 'en', query: 'migrants', firstSearch: tally(bytes, requests), filters: tally(184_100, 81), ms: 9_000 });
const notSearched = (reason: string): BrowserSearchRun => ({ status: 'not measured', lang: 'en', query: 'migrants', reason });
const withSearch = (size: number, browserSearch: BrowserSearchRun, ok = true) => ({ ...run(size, 60_000, 2, GiB, ok), browserSearch });
const status = (results: ReturnType<typeof evaluateTargets>, id: string) => results.find((result) => result.id === id)?.status;

describe('targets', () => {
  it('passes and fails the 20k memory target on its limit', () => {
    expect(status(evaluateTargets([run(20_000, 59_000, 2, 1.9 * GiB)], null), '20k-memory')).toBe('PASS');
    expect(status(evaluateTargets([run(20_000, 59_000, 2, 2.1 * GiB)], null), '20k-memory')).toBe('FAIL');
  });

  it('compares ms per page at 80k with 5k', () => {
    const results = evaluateTargets([run(5_000, 10_000, 2, GiB), run(80_000, 200_000, 2.4, 3 * GiB)], null);
    expect(status(results, '80k-scaling')).toBe('PASS');
    expect(results.find((result) => result.id === '80k-scaling')?.measured).toBe('2.40 vs 2.00 ms (× 1.20)');
    expect(status(evaluateTargets([run(5_000, 10_000, 2, GiB), run(80_000, 200_000, 2.6, 3 * GiB)], null), '80k-scaling')).toBe('FAIL');
    expect(status(evaluateTargets([run(80_000, 200_000, 2.6, 3 * GiB)], null), '80k-scaling')).toBe('not measured');
  });

  it('fails the targets of a build that failed, whatever its figures', () => {
    expect(status(evaluateTargets([run(20_000, 1_000, null, 10, false)], null), '20k-memory')).toBe('FAIL');
  });

  it('says what was not measured and when a figure is unknown', () => {
    const results = evaluateTargets([run(5_000, 10_000, null, null)], null);
    expect(results.map((result) => result.status)).toEqual(Array.from({ length: 8 }, () => 'not measured'));
    expect(status(evaluateTargets([run(20_000, 10_000, 1, null)], null), '20k-memory')).toBe('not measured');
  });

  it('judges a first search at 20,000 pages by its bytes and its requests, each on its limit', () => {
    const at20k = (search: BrowserSearchRun, ok = true) => evaluateTargets([withSearch(20_000, search, ok)], null).find((result) => result.id === 'search-20k');
    expect(at20k(searched(150_000, 12))).toMatchObject({ status: 'PASS', measured: '150.0 kB in 12 requests' });
    expect(at20k(searched(150_001, 12))?.status).toBe('FAIL');
    expect(at20k(searched(120_000, 13))?.status).toBe('FAIL');
    expect(at20k(searched(389_700, 60))).toMatchObject({ status: 'FAIL', measured: '389.7 kB in 60 requests' });
    expect(at20k(searched(1, 1), false)).toMatchObject({ status: 'FAIL', measured: 'build failed' });
  });

  it('judges a first search at 80,000 pages by its bytes only', () => {
    const at80k = (search: BrowserSearchRun) => status(evaluateTargets([withSearch(80_000, search)], null), 'search-80k');
    expect(at80k(searched(200_000, 40))).toBe('PASS');
    expect(at80k(searched(200_001, 12))).toBe('FAIL');
    expect(status(evaluateTargets([withSearch(20_000, searched(1, 1))], null), 'search-80k')).toBe('not measured');
  });

  it('gives the reason as the figure of a first search that was not measured', () => {
    const results = evaluateTargets([withSearch(20_000, notSearched('skipped (--no-search)')), withSearch(80_000, notSearched('browserType.launch: Executable doesn’t exist'))], null);
    expect(results.find((result) => result.id === 'search-20k')).toMatchObject({ status: 'not measured', measured: 'skipped (--no-search)' });
    expect(results.find((result) => result.id === 'search-80k')).toMatchObject({ status: 'not measured', measured: 'browserType.launch: Executable doesn’t exist' });
    expect(status(evaluateTargets([run(20_000, 60_000, 2, GiB)], null), 'search-20k')).toBe('not measured');
  });

  it('judges an editor’s rebuild at 20,000 pages by its wall time, and other sizes not at all', () => {
    expect(status(evaluateTargets([], { size: 20_000, ok: true, ratio: 0.1, wallMs: 9_900, fullWallMs: 99_000 }), 'edit-20k')).toBe('PASS');
    expect(status(evaluateTargets([], { size: 20_000, ok: true, ratio: 0.1, wallMs: 10_100, fullWallMs: 101_000 }), 'edit-20k')).toBe('FAIL');
    expect(status(evaluateTargets([], { size: 20_000, ok: false, ratio: 0.01, wallMs: 500, fullWallMs: 50_000 }), 'edit-20k')).toBe('FAIL');
    expect(status(evaluateTargets([], { size: 5_000, ok: true, ratio: 0.1, wallMs: 3_000, fullWallMs: 30_000 }), 'edit-20k')).toBe('not measured');
  });

  it('judges the preview at 20,000 pages: ready in 10 s, a saved release shown in 0.5 s', () => {
    const preview = (readyMs: number, afterSaveMs: number, ok = true) => evaluateTargets([], null, { size: 20_000, ok, readyMs, afterSaveMs });
    expect(status(preview(9_000, 400), 'dev-ready-20k')).toBe('PASS');
    expect(status(preview(9_000, 400), 'dev-save-20k')).toBe('PASS');
    expect(status(preview(17_600, 400), 'dev-ready-20k')).toBe('FAIL');
    expect(status(preview(9_000, 700), 'dev-save-20k')).toBe('FAIL');
    expect(status(preview(1, 1, false), 'dev-save-20k')).toBe('FAIL');
    expect(status(evaluateTargets([], null, null), 'dev-ready-20k')).toBe('not measured');
  });
});

describe('the printed report', () => {
  it('aligns columns: labels left, figures right', () => {
    expect(formatTable([['', '5,000'], ['wall time', '9.1 s'], ['pages', '12']])).toBe('            5,000\nwall time   9.1 s\npages          12');
    expect(formatTable([['a', 'bb'], ['ccc', 'd']], { align: ['left', 'left'] })).toBe('a     bb\nccc   d');
  });

  it('prints every figure, "unknown" for what is missing, targets and notes', () => {
    const measured: SizeRun = {
      size: 5_000,
      corpus: { dir: '.bench/corpus-5000', releases: 2_075, pages: 5_001, reused: true, generateMs: null },
      build: { ok: true, exitCode: 0, signal: null, wallMs: 78_400, logFile: '.bench/build-5000.log' },
      phases: {
        startupMs: 1_300,
        phases: [
          { id: 'content', label: 'content sync', startMs: 1_300, ms: 29_000, includes: [] },
          { id: 'generate', label: 'page generation', startMs: null, ms: null, includes: [] },
        ],
        pagefindReportedMs: 10_700,
        pagefindPages: 8_651,
        pageLines: 8_651,
      },
      pagesWritten: 8_651,
      msPerPage: 9.06,
      peakRssBytes: 1.52 * GiB,
      memorySamples: 780,
      output: { bytes: 400 * 1024 ** 2, diskBytes: 450 * 1024 ** 2, files: 20_000 },
      pagefind: [{ lang: 'ar', pages: 741, shards: 2, bytes: 3 * 1024 ** 2, metaBytes: 1, wasmBytes: 1, indexChunks: 20, indexBytes: 1, fragments: 741, fragmentBytes: 1 }],
      firstSearch: [{ lang: 'ar', parts: [], totalBytes: 300_000, totalTransferBytes: 200_000, requests: 13 }],
      browserSearch: searched(389_700, 60),
    };
    const failed: SizeRun = { ...measured, size: 20_000, build: { ...measured.build, ok: false, exitCode: 1, error: 'build failed: content' }, phases: null, pagesWritten: null, msPerPage: null, peakRssBytes: 2 * GiB, output: null, pagefind: null, firstSearch: null, browserSearch: notSearched('build failed') };
    const unmeasured: SizeRun = { ...measured, size: 80_000, browserSearch: notSearched('browserType.launch: Executable doesn’t exist at /usr/bin/chromium') };
    const report: BenchReport = {
      tool: '@iom/bench',
      startedAt: '2026-01-01T00:00:00.000Z',
      machine: { cpus: 2, cpuModel: 'x', memoryBytes: 1, platform: 'linux', node: 'v24' },
      seed: 1,
      runs: [measured, failed, unmeasured],
      incremental: null,
      dev: { size: 20_000, ok: true, readyMs: 17_600, releasePath: '/en/news/x/', firstReleaseMs: 900, afterSaveMs: 450 },
      targets: evaluateTargets([measured, failed, unmeasured], null),
      notes: ['a note'],
    };
    const text = formatReport(report);
    expect(text).toContain('5,000 pages');
    expect(text).toContain('FAILED (build failed: content)');
    expect(text).toMatch(/content sync\s+29\.0 s\s+unknown/);
    expect(text).toMatch(/page generation\s+unknown/);
    expect(text).toMatch(/peak memory, process tree\s+1\.52 GiB\s+2\.00 GiB/);
    expect(text).toMatch(/Pagefind index ar \(pages, shards\)\s+3\.0 MiB \(741, 2\)\s+unknown/);
    expect(text).toMatch(/first search ar, estimated \(transferred, requests\)\s+195 KiB, 13\s+unknown\s+195 KiB, 13\n/);
    expect(text).toMatch(/first search en "migrants", measured in Chromium\s+389\.7 kB in 60 requests\s+not measured\s+not measured\n/);
    expect(text).toMatch(/ then opening the filters adds\s+184\.1 kB in 81 requests\s+not measured\s+not measured\n/);
    expect(text).toContain('first search in Chromium not measured at 20,000 pages: build failed\n');
    expect(text).toContain('first search in Chromium not measured at 80,000 pages: browserType.launch: Executable doesn’t exist at /usr/bin/chromium\n');
    expect(text).toMatch(/not measured\s+80,000 pages: a first English search \(migrants\) at most 200 kB\s+browserType\.launch: Executable doesn’t exist/);
    expect(text).toMatch(/FAIL\s+20,000 pages: a first English search \(migrants\) at most 150 kB in at most 12 requests\s+build failed/);
    expect(text).toMatch(/FAIL\s+20,000 pages: peak memory under 2 GiB\s+build failed/);
    expect(text).toContain('pnpm dev (20,000 pages): ready in 17.6 s; /en/news/x/ first opened in 900 ms; a saved release shown after 450 ms');
    expect(text).toContain('first search ≈');
    expect(text).toContain('first search measured = every request');
    expect(text).toContain('a note');
  });
});

describe('units', () => {
  it('prints binary sizes and durations', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(2.5 * GiB)).toBe('2.50 GiB');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(12_340)).toBe('12.3 s');
    expect(formatDuration(125_000)).toBe('2 min 05 s');
  });
});
