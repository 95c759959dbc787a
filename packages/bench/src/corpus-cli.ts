/**
 * Writes a synthetic corpus in the real content format (see README.md):
 *
 *   node packages/bench/src/corpus-cli.ts --releases N --out <dir> [--seed S] [--force]
 *   node packages/bench/src/corpus-cli.ts --pages P --out <dir> [--seed S] [--force]
 *
 * Then build the site from it: SITE_CONTENT_DIR=<dir> pnpm build
 */
import path from 'node:path';
import { parseCorpusArgs } from './cli-args.ts';
import { CorpusFolderError, writeCorpus } from './corpus/write-corpus.ts';
import { formatBytes, formatCount, formatDuration } from './format-units.ts';
import { repoContentDir } from './repo-paths.ts';

const usage = 'usage: node packages/bench/src/corpus-cli.ts (--releases N | --pages P) --out <dir> [--seed S] [--force]';

const args = parseCorpusArgs(process.argv.slice(2));
if (!args.ok) {
  console.error(`${args.error}\n${usage}`);
  process.exit(2);
}
const { size, outDir, seed, force } = args.value;
const started = performance.now();
const target = 'releases' in size ? `${formatCount(size.releases)} releases` : `about ${formatCount(size.pages)} pages`;
console.log(`corpus: writing ${target} (seed ${seed}) to ${path.resolve(outDir)}`);
try {
  const result = writeCorpus({
    outDir: path.resolve(outDir),
    seed,
    size,
    force,
    repoContentDir,
    onProgress: ({ releases, pages }) => console.log(`  ${formatCount(pages)} pages (${formatCount(releases)} releases)… ${formatDuration(performance.now() - started)}`),
  });
  const { summary } = result;
  const byLang = Object.entries(summary.pagesByLang)
    .map(([lang, count]) => `${lang} ${formatCount(count)}`)
    .join(', ');
  const sources = Object.entries(summary.sourcesByLang)
    .filter(([, count]) => count > 0)
    .map(([lang, count]) => `${lang} ${formatCount(count)}`)
    .join(', ');
  console.log(`corpus: ${formatCount(summary.pages)} pages (${byLang})`);
  console.log(`        ${formatCount(summary.releases)} releases (sources: ${sources}), ${(summary.pages / summary.releases).toFixed(2)} pages per release`);
  console.log(`        ${formatCount(summary.countries)} countries, ${formatCount(Math.round(summary.sourceWords / summary.releases))} words per source body on average`);
  console.log(`        ${formatCount(result.files)} files, ${formatBytes(result.bytes)} of releases and countries, in ${formatDuration(performance.now() - started)}`);
} catch (error) {
  if (error instanceof CorpusFolderError) {
    console.error(`corpus: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
