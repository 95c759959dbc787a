import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLineSplitter, createPhaseTracker, formatTimedLine, parseBuildPhases, parseTimedLog, type TimedLine } from '../../bench/build-phases.ts';

// Output of `node apps/site/scripts/build.ts` (Astro 7.3, Pagefind 1.6) on a 300-page corpus, as the benchmark
// logged it; most of the per-page lines are cut.
const fixture = parseTimedLog(readFileSync(path.join(import.meta.dirname, 'fixtures', 'astro7-build.log'), 'utf8'));
const total = 8_460;
const phase = (report: ReturnType<typeof parseBuildPhases>, id: string) => report.phases.find((candidate) => candidate.id === id)!;

describe('phases of a real build', () => {
  const report = parseBuildPhases(fixture, total);

  it('cuts phases at the first line of each', () => {
    expect(report.startupMs).toBe(1_334);
    expect(phase(report, 'content')).toMatchObject({ startMs: 1_334, ms: 2_928 - 1_334, includes: [] });
    expect(phase(report, 'setup').ms).toBe(2_931 - 2_928);
    expect(phase(report, 'bundle').ms).toBe(3_684 - 2_931);
    expect(phase(report, 'generate').ms).toBe(7_303 - 3_684);
    expect(phase(report, 'finish').ms).toBe(7_306 - 7_303);
    expect(phase(report, 'pagefind').ms).toBe(8_436 - 7_306);
    expect(phase(report, 'swap').ms).toBe(total - 8_436);
  });

  it('accounts for the whole wall time', () => {
    const sum = report.startupMs + report.phases.reduce((total, phase) => total + (phase.ms ?? 0), 0);
    expect(sum).toBe(total);
  });

  it('does not take "✓ Completed in" of the build-info step for the end of page generation', () => {
    expect(phase(report, 'finish').startMs).toBe(7_303);
  });

  it('reads what Pagefind says and counts the page lines', () => {
    expect(report.pagefindReportedMs).toBe(1_050);
    expect(report.pagefindPages).toBe(1_928);
    expect(report.pageLines).toBe(7);
  });
});

describe('the search index of a sharded build', () => {
  it('adds up the pages of every language and reads how long Pagefind was busy', () => {
    const lines = fixture.map((line) =>
      /pagefind: indexed/.test(line.text)
        ? { ...line, text: 'pagefind: indexed ar 3136, en 8378, es 3925, fr 5303 pages: 19 shards indexed, Pagefind busy 124522 ms, done 109744 ms after the build started' }
        : line,
    );
    const report = parseBuildPhases(lines, total);
    expect(report.pagefindPages).toBe(3136 + 8378 + 3925 + 5303);
    expect(report.pagefindReportedMs).toBe(124_522);
    expect(phase(report, 'swap').ms).toBe(total - 8_436);
  });
});

describe('phases when the wording shifts', () => {
  it('reports a phase whose line is missing as unknown, counted in the one before', () => {
    const lines = fixture.filter((line) => !/generating static routes/.test(line.text));
    const report = parseBuildPhases(lines, total);
    expect(phase(report, 'generate')).toMatchObject({ startMs: null, ms: null });
    // Without its start, "✓ Completed in" cannot be trusted either (Astro prints it for several steps).
    expect(phase(report, 'finish').ms).toBeNull();
    expect(phase(report, 'bundle')).toMatchObject({ ms: 7_306 - 2_931, includes: ['generate', 'finish'] });
  });

  it('survives output with no known line at all (a build that failed at once)', () => {
    const report = parseBuildPhases([{ t: 400, text: 'Error: Cannot find module astro' }], 900);
    expect(report.startupMs).toBe(900);
    expect(report.phases.every((phase) => phase.ms === null)).toBe(true);
    expect(report.pagefindReportedMs).toBeNull();
  });

  it('ignores colour codes', () => {
    const report = parseBuildPhases([{ t: 10, text: '\x1b[2m12:00:00\x1b[22m \x1b[34m[content]\x1b[39m Syncing content' }], 20);
    expect(phase(report, 'content').startMs).toBe(10);
  });

  it('tells the phase under way, for progress lines', () => {
    const tracker = createPhaseTracker();
    expect(tracker.current()).toBeUndefined();
    for (const line of fixture.filter((line) => line.t <= 4_000)) tracker.feed(line);
    expect(tracker.current()?.id).toBe('generate');
    expect(tracker.pageLines()).toBe(4);
  });
});

describe('timed lines', () => {
  it('splits chunks into lines stamped when they completed', () => {
    const lines: TimedLine[] = [];
    const splitter = createLineSplitter((line) => lines.push(line));
    splitter.push('a\nb', 10);
    splitter.push('c\r\nd', 20);
    splitter.end(30);
    expect(lines).toEqual([
      { t: 10, text: 'a' },
      { t: 20, text: 'bc' },
      { t: 30, text: 'd' },
    ]);
  });

  it('writes and reads the log format', () => {
    const lines = [{ t: 1_334, text: '[content] Syncing content' }, { t: 3_684, text: ' generating static routes ' }, { t: 3_700, text: '' }];
    expect(parseTimedLog(lines.map(formatTimedLine).join('\n'))).toEqual(lines);
  });
});
