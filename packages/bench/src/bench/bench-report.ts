import type { BrowserSearchRun } from './browser-search.ts';
import type { DevPreviewRun } from './dev-preview.ts';
import type { PhaseReport } from './build-phases.ts';
import type { FirstSearchPart, PagefindLanguageStats } from './output-stats.ts';

/** Everything measured for one corpus size; the JSON written to results.json holds a list of these. */
export interface SizeRun {
  /** Size asked for, in release pages (the corpus has this many pages, give or take the last release). */
  size: number;
  corpus: { dir: string; releases: number; pages: number; reused: boolean; generateMs: number | null };
  build: { ok: boolean; exitCode: number | null; signal: string | null; wallMs: number; error?: string; logFile: string };
  phases: PhaseReport | null;
  /** `index.html` files written, release pages and every other page (countries, listings, themes…). */
  pagesWritten: number | null;
  /** Wall time divided by pages written. */
  msPerPage: number | null;
  /** Largest sum of VmRSS over the build's process tree, sampled every 100 ms. */
  peakRssBytes: number | null;
  memorySamples: number;
  output: { bytes: number; diskBytes: number; files: number } | null;
  pagefind: PagefindLanguageStats[] | null;
  /** An estimate from file sizes, per language (see `firstSearchApproximation`). */
  firstSearch: { lang: string; totalBytes: number; totalTransferBytes: number; requests: number; parts: FirstSearchPart[] }[] | null;
  /** The first English search measured in Chromium on the built site (apps/site's report-first-search.ts), or why not. */
  browserSearch: BrowserSearchRun;
}

/** The rebuild after editing one release (an update build: see apps/site/scripts/update-build). */
export interface IncrementalRun {
  size: number;
  /** The edited file, relative to the corpus folder. */
  file: string;
  ok: boolean;
  fullWallMs: number;
  wallMs: number;
  /** wallMs / fullWallMs. */
  ratio: number;
  peakRssBytes: number;
  phases: PhaseReport | null;
}

export type TargetStatus = 'PASS' | 'FAIL' | 'not measured';

/** One performance target and how the run did against it. */
export interface TargetResult {
  id: string;
  description: string;
  measured: string;
  status: TargetStatus;
}

/** The whole benchmark: what results.json holds. */
export interface BenchReport {
  tool: '@iom/bench';
  startedAt: string;
  machine: { cpus: number; cpuModel: string; memoryBytes: number; platform: string; node: string };
  seed: number;
  runs: SizeRun[];
  incremental: IncrementalRun | null;
  /** The preview (`pnpm dev`) on the largest corpus, see dev-preview.ts. */
  dev: DevPreviewRun | null;
  targets: TargetResult[];
  notes: string[];
}
