import { formatBytes, formatCount, formatDuration } from '../format-units.ts';
import type { BenchReport, SizeRun } from './bench-report.ts';
import { benchSearch, browserSearchMethod, formatSearchFigure } from './browser-search.ts';
import { firstSearchApproximation } from './output-stats.ts';

/**
 * Lays out rows as columns padded with spaces. By default the first column is left-aligned and the others
 * right-aligned (figures); `align` overrides that per column.
 *
 * @example
 * formatTable([['', '5,000'], ['wall', '12.3 s']])
 * // '        5,000\nwall   12.3 s'
 */
export function formatTable(rows: readonly (readonly string[])[], options: { align?: readonly ('left' | 'right')[]; gap?: number } = {}): string {
  const gap = options.gap ?? 3;
  const columns = Math.max(0, ...rows.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, column) => Math.max(0, ...rows.map((row) => [...(row[column] ?? '')].length)));
  return rows
    .map((row) =>
      Array.from({ length: columns }, (_, column) => {
        const cell = row[column] ?? '';
        const pad = ' '.repeat(widths[column]! - [...cell].length);
        const align = options.align?.[column] ?? (column === 0 ? 'left' : 'right');
        return align === 'left' ? cell + pad : pad + cell;
      })
        .join(' '.repeat(gap))
        .trimEnd(),
    )
    .join('\n');
}

const unknown = 'unknown';

function phaseRows(runs: readonly SizeRun[]): string[][] {
  const ids: { id: string; label: string }[] = [];
  for (const run of runs) for (const phase of run.phases?.phases ?? []) if (!ids.some((known) => known.id === phase.id)) ids.push({ id: phase.id, label: phase.label });
  const rows: string[][] = [['  startup (Node, Astro, config)', ...runs.map((run) => (run.phases ? formatDuration(run.phases.startupMs) : unknown))]];
  for (const { id, label } of ids) {
    rows.push([
      `  ${label}`,
      ...runs.map((run) => {
        const phase = run.phases?.phases.find((candidate) => candidate.id === id);
        if (!phase || phase.ms === null) return unknown;
        return phase.includes.length ? `${formatDuration(phase.ms)} (+${phase.includes.join(', ')})` : formatDuration(phase.ms);
      }),
    ]);
  }
  rows.push(['  (Pagefind busy, all shards; overlaps the above)', ...runs.map((run) => (run.phases?.pagefindReportedMs == null ? unknown : formatDuration(run.phases.pagefindReportedMs)))]);
  return rows;
}

/**
 * The benchmark report as text: one column per size, then the targets, the incremental rebuild and notes.
 */
export function formatReport(report: BenchReport): string {
  const runs = report.runs;
  const languages = [...new Set(runs.flatMap((run) => (run.pagefind ?? []).map((stats) => stats.lang)))];
  const cell = <T,>(value: T | null | undefined, show: (value: T) => string) => (value === null || value === undefined ? unknown : show(value));
  const rows: string[][] = [
    ['', ...runs.map((run) => `${formatCount(run.size)} pages`)],
    ['corpus release pages (releases)', ...runs.map((run) => `${formatCount(run.corpus.pages)} (${formatCount(run.corpus.releases)})`)],
    ['build', ...runs.map((run) => (run.build.ok ? 'ok' : `FAILED (${run.build.error ?? `exit ${run.build.exitCode ?? run.build.signal}`})`))],
    ['pages written (index.html)', ...runs.map((run) => cell(run.pagesWritten, formatCount))],
    ['wall time', ...runs.map((run) => formatDuration(run.build.wallMs))],
    ...phaseRows(runs),
    ['ms per page written', ...runs.map((run) => cell(run.msPerPage, (value) => value.toFixed(2)))],
    ['peak memory, process tree', ...runs.map((run) => cell(run.peakRssBytes, formatBytes))],
    ['output size (on disk)', ...runs.map((run) => cell(run.output, (output) => `${formatBytes(output.bytes)} (${formatBytes(output.diskBytes)})`))],
    ['output files', ...runs.map((run) => cell(run.output, (output) => formatCount(output.files)))],
    ...languages.map((lang) => [
      `Pagefind index ${lang} (pages, shards)`,
      ...runs.map((run) => cell(run.pagefind?.find((stats) => stats.lang === lang), (stats) => `${formatBytes(stats.bytes)} (${formatCount(stats.pages)}, ${stats.shards})`)),
    ]),
    ...languages.map((lang) => [
      `  ${lang} chunks / fragments`,
      ...runs.map((run) => cell(run.pagefind?.find((stats) => stats.lang === lang), (stats) => `${formatCount(stats.indexChunks)} / ${formatCount(stats.fragments)}`)),
    ]),
    ...languages.map((lang) => [
      `first search ${lang}, estimated (transferred, requests)`,
      ...runs.map((run) => cell(run.firstSearch?.find((estimate) => estimate.lang === lang), (estimate) => `${formatBytes(estimate.totalTransferBytes)}, ${estimate.requests}`)),
    ]),
    [`first search ${benchSearch.lang} "${benchSearch.query}", measured in Chromium`, ...runs.map((run) => (run.browserSearch.status === 'measured' ? formatSearchFigure(run.browserSearch.firstSearch) : 'not measured'))],
    ['  then opening the filters adds', ...runs.map((run) => (run.browserSearch.status === 'measured' ? formatSearchFigure(run.browserSearch.filters) : 'not measured'))],
  ];
  const lines = [formatTable(rows)];
  // The reasons go below the table: an error message would stretch its column.
  for (const run of runs) {
    if (run.browserSearch.status === 'not measured') lines.push(`first search in Chromium not measured at ${formatCount(run.size)} pages: ${run.browserSearch.reason}`);
  }
  lines.push('', 'targets');
  lines.push(formatTable(report.targets.map((target) => [`  ${target.status}`, target.description, target.measured]), { align: ['left', 'left', 'left'] }));
  if (report.incremental) {
    const inc = report.incremental;
    lines.push(
      '',
      `incremental rebuild (${formatCount(inc.size)} pages, appended one sentence to ${inc.file}): ` +
        (inc.ok ? `${formatDuration(inc.wallMs)}, ${(inc.ratio * 100).toFixed(0)} % of the full build (${formatDuration(inc.fullWallMs)}), peak ${formatBytes(inc.peakRssBytes)}` : 'build failed'),
    );
  }
  if (report.dev) {
    const dev = report.dev;
    lines.push(
      '',
      `pnpm dev (${formatCount(dev.size)} pages): ` +
        (dev.ok ? `ready in ${formatDuration(dev.readyMs)}; ${dev.releasePath} first opened in ${formatDuration(dev.firstReleaseMs)}; a saved release shown after ${formatDuration(dev.afterSaveMs)}` : `failed: ${dev.error}`),
    );
  }
  lines.push('', 'notes', `  ${firstSearchApproximation}`, `  ${browserSearchMethod}`, ...report.notes.map((note) => `  ${note}`));
  return lines.join('\n');
}
