import { formatBytes, formatDuration } from '../format-units.ts';
import type { IncrementalRun, SizeRun, TargetResult } from './bench-report.ts';

const GiB = 1024 ** 3;

/** The performance targets of the site build, with their limits. */
export const targetLimits = {
  wall20k: 60_000,
  memory20k: 2 * GiB,
  scaling80k: 1.25,
  memory80k: 4 * GiB,
  incremental: 0.15,
} as const;

type RunFigures = Pick<SizeRun, 'size' | 'build' | 'msPerPage' | 'peakRssBytes'>;

/**
 * Checks the measured figures against the targets. A target whose size was not run is "not measured"; a failed
 * build fails its targets whatever its figures.
 *
 * @example
 * evaluateTargets([{ size: 20000, build: { ok: true, wallMs: 45_000, … }, msPerPage: 2, peakRssBytes: 1.5 * 1024 ** 3 }], null)
 * // [{ id: '20k-wall', status: 'PASS', measured: '45.0 s', … }, { id: '20k-memory', status: 'PASS', … }, { id: '80k-scaling', status: 'not measured', … }, …]
 */
export function evaluateTargets(runs: readonly RunFigures[], incremental: Pick<IncrementalRun, 'ok' | 'ratio' | 'wallMs' | 'fullWallMs'> | null): TargetResult[] {
  const run = (size: number) => runs.find((candidate) => candidate.size === size);
  const results: TargetResult[] = [];
  const add = (id: string, description: string, measure: () => { value: string; pass: boolean } | undefined, needs: (RunFigures | undefined)[]) => {
    if (needs.some((needed) => needed === undefined)) {
      results.push({ id, description, measured: '–', status: 'not measured' });
      return;
    }
    if (needs.some((needed) => !needed!.build.ok)) {
      results.push({ id, description, measured: 'build failed', status: 'FAIL' });
      return;
    }
    const measured = measure();
    results.push(measured === undefined ? { id, description, measured: 'unknown', status: 'not measured' } : { id, description, measured: measured.value, status: measured.pass ? 'PASS' : 'FAIL' });
  };

  const r5 = run(5_000);
  const r20 = run(20_000);
  const r80 = run(80_000);
  add('20k-wall', '20,000 pages: full build under 60 s', () => ({ value: formatDuration(r20!.build.wallMs), pass: r20!.build.wallMs < targetLimits.wall20k }), [r20]);
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
  if (incremental === null) {
    results.push({ id: 'incremental', description: 'rebuild after editing one release under 15 % of the full build', measured: '–', status: 'not measured' });
  } else {
    results.push({
      id: 'incremental',
      description: 'rebuild after editing one release under 15 % of the full build',
      measured: incremental.ok ? `${formatDuration(incremental.wallMs)} = ${(incremental.ratio * 100).toFixed(0)} % of ${formatDuration(incremental.fullWallMs)}` : 'build failed',
      status: incremental.ok && incremental.ratio < targetLimits.incremental ? 'PASS' : 'FAIL',
    });
  }
  return results;
}
