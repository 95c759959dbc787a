import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { orchestratorScript } from '@iom/site-build';
import { formatBytes, formatCount } from '../format-units.ts';
import { siteAppDir } from '../repo-paths.ts';
import { createLineSplitter, createPhaseTracker, formatTimedLine, type PhaseReport, type TimedLine } from './build-phases.ts';
import { sampleTreeMemory } from './process-tree-memory.ts';

/** What one run of the site build did. */
export interface SiteBuildResult {
  ok: boolean;
  exitCode: number | null;
  signal: string | null;
  wallMs: number;
  /** Why it failed, from its last lines. */
  error?: string;
  phases: PhaseReport;
  peakRssBytes: number;
  memorySamples: number;
  /** Every output line with its time, for a look after the fact. */
  logFile: string;
  /** What the build said it did: `full build (…)`, or for an update the files it changed. */
  summary?: string | undefined;
}

/**
 * Runs the real site build (@iom/site-build's orchestrator, as `pnpm build` does) on a content folder, timestamping each output line,
 * sampling the memory of its process tree, and printing a progress line every few seconds. The output goes to
 * `logFile`, not the terminal: a large build prints a line per page.
 */
export function runSiteBuild(options: {
  contentDir: string;
  finalDir: string;
  logFile: string;
  /** Shown in progress lines, e.g. "20,000 pages". */
  label: string;
  progressEveryMs?: number;
  print?: (line: string) => void;
  /** More environment for the build (`SITE_CLEAN_CACHE: '1'` for a build from nothing). */
  env?: Record<string, string>;
}): Promise<SiteBuildResult> {
  const print = options.print ?? ((line: string) => console.log(line));
  mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = createWriteStream(options.logFile);
  const tracker = createPhaseTracker();
  const lastLines: string[] = [];
  const said: string[] = [];
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const onLine = (line: TimedLine) => {
    tracker.feed(line);
    log.write(`${formatTimedLine(line)}\n`);
    lastLines.push(line.text);
    const mode = /^build: (full build.*|updating.*|\d+ files added.*)$/.exec(line.text.trim());
    if (mode) said.push(mode[1]!);
    if (lastLines.length > 30) lastLines.shift();
  };

  const child = spawn(process.execPath, [fileURLToPath(orchestratorScript)], {
    cwd: siteAppDir,
    env: {
      ...process.env,
      SITE_CONTENT_DIR: options.contentDir,
      SITE_FINAL_DIR: options.finalDir,
      // No telemetry request during a measurement (and no first-run notice in the output).
      ASTRO_TELEMETRY_DISABLED: '1',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // No pid means the spawn failed ('error' follows); pid 0 would be the whole machine's tree, so sample nothing.
  const sampler = child.pid === undefined ? { current: () => 0, peak: () => 0, stop: () => ({ peakBytes: 0, samples: 0 }) } : sampleTreeMemory(child.pid);
  const splitters = [child.stdout, child.stderr].map((stream) => {
    const splitter = createLineSplitter(onLine);
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => splitter.push(chunk, elapsed()));
    return splitter;
  });
  const ticker = setInterval(() => {
    const phase = tracker.current()?.label ?? 'starting';
    const pages = tracker.pageLines();
    print(`  building ${options.label}… ${Math.round(elapsed() / 1000)} s, ${formatBytes(sampler.current())} (${phase}${pages ? `, ${formatCount(pages)} routes written` : ''})`);
  }, options.progressEveryMs ?? 5000);

  return new Promise((resolve) => {
    let settled = false;
    let exitedAt: number | undefined;
    const settle = (exitCode: number | null, signal: string | null, spawnError?: Error) => {
      if (settled) return;
      settled = true;
      // Wall time ends when the build process exits, even if a stray grandchild holds its output open longer.
      const wallMs = exitedAt ?? elapsed();
      clearInterval(ticker);
      const memory = sampler.stop();
      for (const splitter of splitters) splitter.end(wallMs);
      log.end();
      const ok = exitCode === 0 && !spawnError;
      const failure = lastLines.find((line) => /build failed:/.test(line)) ?? lastLines.filter((line) => line.trim()).at(-1);
      resolve({
        ok,
        exitCode,
        signal,
        wallMs,
        ...(ok ? {} : { error: spawnError?.message ?? failure?.trim() ?? 'no output' }),
        phases: tracker.finish(wallMs),
        peakRssBytes: memory.peakBytes,
        memorySamples: memory.samples,
        logFile: options.logFile,
        summary: said.length ? said.join('; ') : undefined,
      });
    };
    // Settle on 'close' (not 'exit'): all output has been read by then, so the last lines are in the log.
    child.on('exit', () => (exitedAt = elapsed()));
    child.on('close', (code, signal) => settle(code, signal));
    child.on('error', (error) => settle(null, null, error));
  });
}
