/**
 * Phases of a site build, read from its output. Each output line is timestamped by the benchmark as it arrives; a
 * phase starts at the first line that matches its marker and ends where the next phase that was seen starts. Markers
 * are loose patterns, so a small change in Astro's wording does not break the benchmark: a phase whose marker is not
 * seen is reported as unknown and its time is counted in the phase before it (which says so in `includes`).
 */

/** One line of build output and when it arrived, in ms since the build was started. */
export interface TimedLine {
  t: number;
  text: string;
}

/** A phase and the pattern of the line that starts it. */
export interface PhaseSpec {
  id: string;
  label: string;
  start: RegExp;
  /** A phase that must have been seen first: the marker is too common to trust earlier (Astro prints "✓ Completed in" for several steps). */
  after?: string;
}

/**
 * The phases of the site build (@iom/site-build's orchestrator), in order. Astro 7 prints (after the content loader's own lines):
 * `[content] Syncing content` … `[content] Synced content`, `[types] Generated`, `[build] Collecting build info…`,
 * `[build] Building static entrypoints…`, `[vite] ✓ built in …`, ` generating static routes `, one line per page,
 * `✓ Completed in …`, `[build] N page(s) built in …`, `[build] Complete!`; the script indexes pages for search while Astro
 * renders them, finishes what is left once Astro has exited and prints `pagefind: indexed ar 3136, en 8378 … pages:
 * N shards indexed, Pagefind busy X ms, …`, then swaps the folders (or updates the output folder in place) and prints
 * `build: site written to …` (or `build: site updated in …`).
 */
export const sitePhases: readonly PhaseSpec[] = [
  { id: 'content', label: 'content sync', start: /Syncing content|\[content\]/i },
  { id: 'setup', label: 'types and build setup', start: /Synced content|\[types\]|Collecting build info/i },
  { id: 'bundle', label: 'bundling (Vite)', start: /Building (?:static|server|client) entrypoints|building client|\[vite\] .*built in/i },
  { id: 'generate', label: 'page generation', start: /generating static routes/i },
  { id: 'finish', label: 'Astro finishing', start: /✓ Completed in|Completed in \d/i, after: 'generate' },
  // No line marks the start of indexing: it begins when Astro has exited, right after its last line.
  { id: 'pagefind', label: 'search index, after Astro exits', start: /\[build\] Complete!|page\(s\) built in/i },
  { id: 'swap', label: 'into place (swap, or update)', start: /^pagefind: indexed/i },
];

/** What a phase took. */
export interface PhaseTiming {
  id: string;
  label: string;
  /** Offset of its first line, or null when its marker was not seen. */
  startMs: number | null;
  /** Duration, or null (unknown) when its marker was not seen. */
  ms: number | null;
  /** Phases whose markers were missing and whose time is therefore counted in this one. */
  includes: string[];
}

/** The result of reading a build's output. */
export interface PhaseReport {
  /** From spawning the build to the first phase's marker: Node, Astro and Vite starting up and loading config. */
  startupMs: number;
  phases: PhaseTiming[];
  /** What Pagefind says it took, from `pagefind: indexed N pages in X ms`. */
  pagefindReportedMs: number | null;
  /** Pages Pagefind says it indexed. */
  pagefindPages: number | null;
  /** Lines Astro printed for written pages (`├─ /en/… (+3ms)`). */
  pageLines: number;
}

/** Escape codes for colours, which Astro may print even into a pipe. */
const ansi = /\x1b\[[0-9;]*[A-Za-z]/g;

/**
 * Reads phases from output as it arrives: `feed` each line, `current` tells the phase under way (for progress),
 * `finish` gives the report. Feeding is cheap (at most one pattern test per line beyond the page-line test).
 *
 * @example
 * const tracker = createPhaseTracker();
 * tracker.feed({ t: 900, text: '11:39:23 [content] Syncing content' });
 * tracker.current(); // { id: 'content', label: 'content sync', … }
 * tracker.finish(8600).phases[0]; // { id: 'content', startMs: 900, ms: 7700, includes: [] }
 */
export function createPhaseTracker(specs: readonly PhaseSpec[] = sitePhases) {
  const starts: (number | null)[] = specs.map(() => null);
  let next = 0;
  let currentIndex = -1;
  let pagefindReportedMs: number | null = null;
  let pagefindPages: number | null = null;
  let pageLines = 0;

  return {
    feed(line: TimedLine): void {
      const text = line.text.replace(ansi, '').trim();
      if (/^\S*\s*[├└]─/.test(text) || /^\d\d:\d\d:\d\d\s+[├└]─/.test(text)) {
        pageLines++;
        return;
      }
      // `pagefind: indexed ar 3136, en 8378 pages: 19 shards indexed, Pagefind busy 124522 ms, …` (the build
      // script's), or `pagefind: indexed 8378 pages in 5000 ms` (an earlier one's).
      const shards = /pagefind: indexed (.*?) pages: .*Pagefind busy (\d+) ms/i.exec(text);
      const single = /pagefind: indexed ([\d,]+) pages in ([\d.]+)\s*ms/i.exec(text);
      if (shards) {
        pagefindPages = [...shards[1]!.matchAll(/\d[\d,]*/g)].reduce((sum, match) => sum + Number(match[0].replace(/,/g, '')), 0);
        pagefindReportedMs = Number(shards[2]);
      } else if (single) {
        pagefindPages = Number(single[1]!.replace(/,/g, ''));
        pagefindReportedMs = Number(single[2]);
      }
      // Look ahead for any later phase's marker, so a missing marker does not stop the phases after it.
      for (let index = next; index < specs.length; index++) {
        const spec = specs[index]!;
        if (spec.after !== undefined && starts[specs.findIndex((other) => other.id === spec.after)] == null) continue;
        if (spec.start.test(text)) {
          starts[index] = line.t;
          currentIndex = index;
          next = index + 1;
          break;
        }
      }
    },
    /** The phase under way, or undefined before the first marker. */
    current(): PhaseSpec | undefined {
      return currentIndex >= 0 ? specs[currentIndex] : undefined;
    },
    pageLines: () => pageLines,
    finish(totalMs: number): PhaseReport {
      const phases: PhaseTiming[] = specs.map((spec, index) => {
        const startMs = starts[index] ?? null;
        if (startMs === null) return { id: spec.id, label: spec.label, startMs: null, ms: null, includes: [] };
        const includes: string[] = [];
        let end = totalMs;
        for (let later = index + 1; later < specs.length; later++) {
          const laterStart = starts[later];
          if (laterStart !== null && laterStart !== undefined) {
            end = laterStart;
            break;
          }
          includes.push(specs[later]!.id);
        }
        return { id: spec.id, label: spec.label, startMs, ms: Math.max(0, end - startMs), includes };
      });
      const first = starts.find((start) => start !== null);
      return { startupMs: first ?? totalMs, phases, pagefindReportedMs, pagefindPages, pageLines };
    },
  };
}

/**
 * Reads phases from a whole captured output.
 *
 * @example
 * parseBuildPhases([{ t: 900, text: '[content] Syncing content' }, { t: 8000, text: 'pagefind: indexed 3 pages in 20 ms' }], 8600)
 */
export function parseBuildPhases(lines: readonly TimedLine[], totalMs: number, specs: readonly PhaseSpec[] = sitePhases): PhaseReport {
  const tracker = createPhaseTracker(specs);
  for (const line of lines) tracker.feed(line);
  return tracker.finish(totalMs);
}

/**
 * Splits a stream of chunks into lines, each stamped with the time its last chunk arrived. Keeps the unfinished
 * end of a chunk for the next one.
 *
 * @example
 * const split = createLineSplitter((line) => lines.push(line));
 * split.push('a\nb', 10); split.push('c\n', 20); // lines: { t: 10, text: 'a' }, { t: 20, text: 'bc' }
 */
export function createLineSplitter(onLine: (line: TimedLine) => void) {
  let rest = '';
  return {
    push(chunk: string, t: number): void {
      const parts = (rest + chunk).split(/\r?\n/);
      rest = parts.pop() ?? '';
      for (const text of parts) onLine({ t, text });
    },
    end(t: number): void {
      if (rest) onLine({ t, text: rest });
      rest = '';
    },
  };
}

/**
 * A line as the benchmark writes it to a build log: its arrival time in seconds, then the text.
 *
 * @example
 * formatTimedLine({ t: 1334, text: '[content] Syncing content' }) // '[   1.334 s] [content] Syncing content'
 */
export function formatTimedLine(line: TimedLine): string {
  return `[${(line.t / 1000).toFixed(3).padStart(8)} s] ${line.text}`;
}

/**
 * Reads a build log written with `formatTimedLine` back into lines (to re-read phases from a saved log).
 *
 * @example
 * parseTimedLog('[   1.334 s] [content] Syncing content\n') // [{ t: 1334, text: '[content] Syncing content' }]
 */
export function parseTimedLog(text: string): TimedLine[] {
  const lines: TimedLine[] = [];
  for (const raw of text.split('\n')) {
    const match = /^\[\s*([\d.]+) s\] ?(.*)$/.exec(raw);
    if (match) lines.push({ t: Math.round(Number(match[1]) * 1000), text: match[2]! });
  }
  return lines;
}
