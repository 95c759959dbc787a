/**
 * Builds the real site from synthetic corpora of several sizes and prints what it took (see README.md):
 *
 *   node packages/bench/src/bench-cli.ts [--sizes 5000,20000] [--with-80k] [--out-json <file>] [--keep] [--seed S] [--no-incremental] [--no-dev] [--no-search]
 *
 * Corpora are cached in .bench/corpus-<pages>/ and reused while the generator is unchanged; built sites go to
 * .bench/site-<pages>/ (removed after measuring unless --keep); build logs to .bench/build-<pages>.log. After each
 * build a first search is measured in Chromium on the built site (unless --no-search).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchReport, IncrementalRun, SizeRun } from './bench/bench-report.ts';
import { benchSearch, firstSearchScript, formatSearchFigure, measureFirstSearchInBrowser, type BrowserSearchRun } from './bench/browser-search.ts';
import { measureDevPreview } from './bench/dev-preview.ts';
import { firstReleaseSource, withEditedFile } from './bench/incremental-edit.ts';
import { measureSiteOutput } from './bench/output-stats.ts';
import { formatReport } from './bench/report-table.ts';
import { runSiteBuild } from './bench/run-site-build.ts';
import { evaluateTargets } from './bench/targets.ts';
import { parseBenchArgs } from './cli-args.ts';
import { generatorFingerprint, markerMatches, readMarker, writeCorpus } from './corpus/write-corpus.ts';
import { formatCount, formatDuration } from './format-units.ts';
import { benchWorkDir, repoContentDir } from './repo-paths.ts';

const usage = 'usage: node packages/bench/src/bench-cli.ts [--sizes 5000,20000] [--with-80k] [--out-json <file>] [--keep] [--seed S] [--no-incremental] [--no-dev] [--no-search]';
const args = parseBenchArgs(process.argv.slice(2));
if (!args.ok) {
  console.error(`${args.error}\n${usage}`);
  process.exit(2);
}
const { sizes, keep, seed, incremental: runIncremental, dev: runDev, search: runSearch } = args.value;
const outJson = path.resolve(args.value.outJson ?? path.join(benchWorkDir, 'results.json'));
const shown = (file: string) => path.relative(process.cwd(), file) || '.';
const benchStarted = performance.now();
mkdirSync(benchWorkDir, { recursive: true });

const report: BenchReport = {
  tool: '@iom/bench',
  startedAt: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryBytes: os.totalmem(), platform: `${os.platform()} ${os.release()}`, node: process.version },
  seed,
  runs: [],
  incremental: null,
  dev: null,
  targets: [],
  notes: [
    'pages written = every index.html outside pagefind/ (release pages plus country, listing, theme and archive pages); ms per page = wall time / pages written.',
    'peak memory = largest sum of VmRSS over the build process and all its descendants (Astro, Vite workers, Pagefind), sampled every 100 ms from /proc.',
    'phases are cut at the first output line of each phase, timestamped as it arrived; "unknown" means the line was not seen.',
    'builds run with ASTRO_TELEMETRY_DISABLED=1; the machine was otherwise not reserved for the benchmark.',
  ],
};

const generator = generatorFingerprint(repoContentDir);
for (const size of sizes) {
  const label = `${formatCount(size)} pages`;
  console.log(`\nbench: ${label}`);
  const corpusDir = path.join(benchWorkDir, `corpus-${size}`);
  const siteDir = path.join(benchWorkDir, `site-${size}`);

  // 1. The corpus, reused when the marker says it is the same one.
  const marker = readMarker(corpusDir);
  let corpus: SizeRun['corpus'];
  if (markerMatches(marker, { seed, size: { pages: size }, generator }) && marker?.summary) {
    corpus = { dir: corpusDir, releases: marker.summary.releases, pages: marker.summary.pages, reused: true, generateMs: null };
    console.log(`  corpus: reusing ${shown(corpusDir)} (${formatCount(corpus.pages)} pages, ${formatCount(corpus.releases)} releases)`);
  } else {
    const started = performance.now();
    console.log(`  corpus: generating ${shown(corpusDir)}…`);
    const written = writeCorpus({ outDir: corpusDir, seed, size: { pages: size }, force: true, repoContentDir });
    corpus = { dir: corpusDir, releases: written.summary.releases, pages: written.summary.pages, reused: false, generateMs: performance.now() - started };
    console.log(`  corpus: ${formatCount(corpus.pages)} pages, ${formatCount(corpus.releases)} releases in ${formatDuration(corpus.generateMs!)}`);
  }

  // 2. The real build.
  console.log(`  build: SITE_CONTENT_DIR=${shown(corpusDir)} SITE_FINAL_DIR=${shown(siteDir)} pnpm build`);
  // From nothing: no content cache and no earlier build, so the figure is that of a first build (a CI run that kept
  // nothing); the incremental rebuild below measures the other case.
  rmSync(siteDir, { recursive: true, force: true });
  const build = await runSiteBuild({ contentDir: corpusDir, finalDir: siteDir, logFile: path.join(benchWorkDir, `build-${size}.log`), label, env: { SITE_CLEAN_CACHE: '1' } });
  console.log(build.ok ? `  built in ${formatDuration(build.wallMs)}; measuring the output…` : `  build FAILED after ${formatDuration(build.wallMs)}: ${build.error} (log: ${shown(build.logFile)})`);

  // 3. The output.
  const output = build.ok ? measureSiteOutput(siteDir) : null;

  // 4. A first search in Chromium on the site just built, before it is removed or rebuilt.
  let browserSearch: BrowserSearchRun;
  if (!build.ok) browserSearch = { status: 'not measured', ...benchSearch, reason: 'build failed' };
  else if (!runSearch) browserSearch = { status: 'not measured', ...benchSearch, reason: 'skipped (--no-search)' };
  else {
    console.log(`  first search: node ${shown(firstSearchScript)} --site ${shown(siteDir)} --lang ${benchSearch.lang} --query ${benchSearch.query} --json`);
    browserSearch = await measureFirstSearchInBrowser({ siteDir });
    console.log(
      browserSearch.status === 'measured'
        ? `  first search: ${formatSearchFigure(browserSearch.firstSearch)}; opening the filters adds ${formatSearchFigure(browserSearch.filters)} (measured in ${formatDuration(browserSearch.ms)})`
        : `  first search not measured: ${browserSearch.reason}`,
    );
  }
  report.runs.push({
    size,
    corpus,
    build: { ok: build.ok, exitCode: build.exitCode, signal: build.signal, wallMs: build.wallMs, ...(build.error ? { error: build.error } : {}), logFile: build.logFile },
    phases: build.phases,
    pagesWritten: output?.pagesWritten ?? null,
    msPerPage: output && output.pagesWritten > 0 ? build.wallMs / output.pagesWritten : null,
    peakRssBytes: build.peakRssBytes,
    memorySamples: build.memorySamples,
    output: output?.output ?? null,
    pagefind: output?.pagefind ?? null,
    firstSearch: output?.firstSearch ?? null,
    browserSearch,
  });
  if (!keep && size !== sizes.at(-1)) rmSync(siteDir, { recursive: true, force: true });
}

// 5. Incremental: edit one release of the largest corpus that built, and build again.
const largest = [...report.runs].reverse().find((run) => run.build.ok);
if (runIncremental && largest) {
  const file = firstReleaseSource(largest.corpus.dir);
  if (file) {
    console.log(`\nbench: incremental rebuild of ${formatCount(largest.size)} pages after appending a sentence to ${file}`);
    const siteDir = path.join(benchWorkDir, `site-${largest.size}`);
    const rebuild = await withEditedFile(largest.corpus.dir, file, () =>
      runSiteBuild({ contentDir: largest.corpus.dir, finalDir: siteDir, logFile: path.join(benchWorkDir, `build-${largest.size}-incremental.log`), label: `${formatCount(largest.size)} pages again` }),
    );
    const incremental: IncrementalRun = {
      size: largest.size,
      file,
      ok: rebuild.ok,
      fullWallMs: largest.build.wallMs,
      wallMs: rebuild.wallMs,
      ratio: rebuild.wallMs / largest.build.wallMs,
      peakRssBytes: rebuild.peakRssBytes,
      phases: rebuild.phases,
    };
    report.incremental = incremental;
    console.log(rebuild.ok ? `  rebuilt in ${formatDuration(rebuild.wallMs)}${rebuild.summary ? ` (${rebuild.summary})` : ''}` : `  rebuild FAILED: ${rebuild.error}`);
  }
}
// 6. The preview translators use (`pnpm dev`) on the same corpus: ready, then a release page after a save.
if (runDev && largest) {
  const file = firstReleaseSource(largest.corpus.dir);
  if (file) {
    console.log(`\nbench: pnpm dev on ${formatCount(largest.size)} pages, then a sentence appended to ${file}`);
    const dev = await measureDevPreview({ size: largest.size, contentDir: largest.corpus.dir, releaseFile: file, logFile: path.join(benchWorkDir, `dev-${largest.size}.log`) });
    report.dev = dev;
    console.log(
      dev.ok
        ? `  ready in ${formatDuration(dev.readyMs)} (first /en/ page); ${dev.releasePath} first opened in ${formatDuration(dev.firstReleaseMs)}; the saved sentence shown after ${formatDuration(dev.afterSaveMs)}`
        : `  preview FAILED: ${dev.error} (see ${shown(path.join(benchWorkDir, `dev-${largest.size}.log`))})`,
    );
  }
}
if (!keep) for (const run of report.runs) rmSync(path.join(benchWorkDir, `site-${run.size}`), { recursive: true, force: true });

// 7. Report.
report.targets = evaluateTargets(report.runs, report.incremental, report.dev);
mkdirSync(path.dirname(outJson), { recursive: true });
writeFileSync(outJson, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\n${formatReport(report)}\n`);
console.log(`bench: done in ${formatDuration(performance.now() - benchStarted)}; figures in ${shown(outJson)}${keep ? `, sites in ${shown(benchWorkDir)}` : ''}`);
process.exit(report.runs.every((run) => run.build.ok) ? 0 : 1);
