import { formatBytes, formatDuration } from '../format-units.ts';
import { formatSearchFigure, type BrowserSearchRun } from './browser-search.ts';
import type { DevPreviewRun } from './dev-preview.ts';
import type { IncrementalRun, SizeRun, TargetResult } from './bench-report.ts';

const GiB = 1024 ** 3;

/**
 * The performance targets, with their limits: the build's memory and scaling, what editors and translators wait
 * for at 20,000 pages (the scale issue withdrew the 60-s full-build target and the 15 % rebuild ratio for these), and
 * what a reader's first English search downloads (bytes as transferred, in kB of 1,000 bytes as the issue states them).
 */
export const targetLimits = {
  memory20k: 2 * GiB,
  scaling80k: 1.25,
  memory80k: 4 * GiB,
  editRebuild20k: 10_000,
  devReady20k: 10_000,
  devAfterSave20k: 500,
  searchBytes20k: 150_000,
  searchRequests20k: 12,
  searchBytes80k: 200_000,
} as const;

type RunFigures = Pick<SizeRun, 'size' | 'build' | 'msPerPage' | 'peakRssBytes'> & { browserSearch?: BrowserSearchRun };

/**
 * Checks the measured figures against the targets. A target whose size was not run is "not measured"; a failed
 * build fails its targets whatever its figures.
 *
 * @example
 * evaluateTargets([{ size: 20000, build: { ok: true, wallMs: 45_000, … }, msPerPage: 2, peakRssBytes: 1.5 * 1024 ** 3 }], null)
 * // [{ id: '20k-memory', status: 'PASS', measured: '1.50 GiB', … }, { id: '80k-scaling', status: 'not measured', … }, …]
 *
 * A first search that was not measured (`--no-search`, no Chromium) is "not measured", with the reason as its figure.
 */
export function evaluateTargets(
  runs: readonly RunFigures[],
  incremental: Pick<IncrementalRun, 'size' | 'ok' | 'ratio' | 'wallMs' | 'fullWallMs'> | null,
  dev: Pick<DevPreviewRun, 'size' | 'ok' | 'readyMs' | 'afterSaveMs'> | null = null,
): TargetResult[] {
  const run = (size: number) => runs.find((candidate) => candidate.size === size);
  const results: TargetResult[] = [];
  const add = (id: string, description: string, measure: () => { value: string; pass: boolean } | { notMeasured: string } | undefined, needs: (RunFigures | undefined)[]) => {
    if (needs.some((needed) => needed === undefined)) {
      results.push({ id, description, measured: '–', status: 'not measured' });
      return;
    }
    if (needs.some((needed) => !needed!.build.ok)) {
      results.push({ id, description, measured: 'build failed', status: 'FAIL' });
      return;
    }
    const measured = measure();
    if (measured === undefined) results.push({ id, description, measured: 'unknown', status: 'not measured' });
    else if ('notMeasured' in measured) results.push({ id, description, measured: measured.notMeasured, status: 'not measured' });
    else results.push({ id, description, measured: measured.value, status: measured.pass ? 'PASS' : 'FAIL' });
  };
  // Called only once `add` has found the run, built.
  const search = (figures: RunFigures | undefined, pass: (search: { bytes: number; requests: number }) => boolean) => () => {
    const measured = figures!.browserSearch;
    if (measured === undefined) return { notMeasured: 'no browser measure in this run' };
    if (measured.status === 'not measured') return { notMeasured: measured.reason };
    return { value: formatSearchFigure(measured.firstSearch), pass: pass(measured.firstSearch) };
  };

  const r5 = run(5_000);
  const r20 = run(20_000);
  const r80 = run(80_000);
  add(
    '20k-memory',
    '20,000 pages: peak memory under 2 GiB',
    () => (r20!.peakRssBytes === null ? undefined : { value: formatBytes(r20!.peakRssBytes), pass: r20!.peakRssBytes < targetLimits.memory20k }),
    [r20],
  );
  add(
    '80k-scaling',
    '80,000 pages: ms per page at most 1.25 × the 5,000-page figure',
    () => {
      if (r80!.msPerPage === null || r5!.msPerPage === null) return undefined;
      const factor = r80!.msPerPage / r5!.msPerPage;
      return { value: `${r80!.msPerPage.toFixed(2)} vs ${r5!.msPerPage.toFixed(2)} ms (× ${factor.toFixed(2)})`, pass: factor <= targetLimits.scaling80k };
    },
    [r80, r5],
  );
  add(
    '80k-memory',
    '80,000 pages: peak memory under 4 GiB',
    () => (r80!.peakRssBytes === null ? undefined : { value: formatBytes(r80!.peakRssBytes), pass: r80!.peakRssBytes < targetLimits.memory80k }),
    [r80],
  );
  add(
    'search-20k',
    '20,000 pages: a first English search (migrants) at most 150 kB in at most 12 requests',
    search(r20, ({ bytes, requests }) => bytes <= targetLimits.searchBytes20k && requests <= targetLimits.searchRequests20k),
    [r20],
  );
  add('search-80k', '80,000 pages: a first English search (migrants) at most 200 kB', search(r80, ({ bytes }) => bytes <= targetLimits.searchBytes80k), [r80]);
  const edit = incremental?.size === 20_000 ? incremental : null;
  results.push({
    id: 'edit-20k',
    description: '20,000 pages: rebuild after editing one release at most 10 s',
    measured: edit === null ? '–' : edit.ok ? `${formatDuration(edit.wallMs)} (${(edit.ratio * 100).toFixed(0)} % of ${formatDuration(edit.fullWallMs)})` : 'build failed',
    status: edit === null ? 'not measured' : edit.ok && edit.wallMs <= targetLimits.editRebuild20k ? 'PASS' : 'FAIL',
  });
  const preview = dev?.size === 20_000 ? dev : null;
  for (const [id, description, value, limit] of [
    ['dev-ready-20k', '20,000 pages: pnpm dev ready (first /en/ page) in at most 10 s', preview?.readyMs, targetLimits.devReady20k],
    ['dev-save-20k', '20,000 pages: pnpm dev shows a saved release in at most 0.5 s', preview?.afterSaveMs, targetLimits.devAfterSave20k],
  ] as const) {
    results.push({
      id,
      description,
      measured: preview === null ? '–' : preview.ok ? formatDuration(value!) : 'preview failed',
      status: preview === null ? 'not measured' : preview.ok && value! <= limit ? 'PASS' : 'FAIL',
    });
  }
  return results;
}
