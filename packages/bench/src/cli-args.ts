import { parseArgs } from 'node:util';
import type { CorpusSize } from './corpus/generate-corpus.ts';

/** A parsed command line, or what is wrong with it in one sentence. */
export type ParsedArgs<T> = { ok: true; value: T } | { ok: false; error: string };

/** Options of `corpus-cli.ts`. */
export interface CorpusArgs {
  size: CorpusSize;
  outDir: string;
  seed: number;
  force: boolean;
}

/** Options of `bench-cli.ts`. */
export interface BenchArgs {
  /** Sizes in pages, smallest first. */
  sizes: number[];
  outJson: string | undefined;
  /** Keep the built sites in .bench/ (they are removed after measuring otherwise). */
  keep: boolean;
  seed: number;
  /** Skip the incremental rebuild. */
  incremental: boolean;
  /** Skip the measure of the preview (`pnpm dev`) on the largest corpus. */
  dev: boolean;
  /** Skip the first search measured in Chromium after each build. */
  search: boolean;
}

function positiveInteger(name: string, text: string | undefined): number | string {
  if (text === undefined) return `--${name} needs a value`;
  const value = Number(text.replace(/[_,]/g, ''));
  return Number.isInteger(value) && value > 0 ? value : `--${name} must be a whole number above 0, not "${text}"`;
}

/**
 * Parses `--releases N | --pages P --out <dir> [--seed S] [--force]`.
 *
 * @example
 * parseCorpusArgs(['--pages', '5000', '--out', '/tmp/c']) // { ok: true, value: { size: { pages: 5000 }, outDir: '/tmp/c', seed: 1, force: false } }
 */
export function parseCorpusArgs(argv: readonly string[]): ParsedArgs<CorpusArgs> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { releases: { type: 'string' }, pages: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' }, force: { type: 'boolean' } },
      strict: true,
    }).values;
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  if (!parsed.out) return { ok: false, error: '--out <dir> is required: the folder to write the corpus into' };
  if ((parsed.releases === undefined) === (parsed.pages === undefined)) return { ok: false, error: 'give either --releases N or --pages P (not both)' };
  const count = parsed.releases !== undefined ? positiveInteger('releases', parsed.releases) : positiveInteger('pages', parsed.pages);
  if (typeof count === 'string') return { ok: false, error: count };
  const seed = parsed.seed === undefined ? 1 : positiveInteger('seed', parsed.seed);
  if (typeof seed === 'string') return { ok: false, error: seed };
  return {
    ok: true,
    value: { size: parsed.releases !== undefined ? { releases: count } : { pages: count }, outDir: parsed.out, seed, force: parsed.force ?? false },
  };
}

/**
 * Parses `[--sizes 5000,20000] [--with-80k] [--out-json <file>] [--keep] [--seed S] [--no-incremental] [--no-dev] [--no-search]`.
 *
 * @example
 * parseBenchArgs(['--sizes', '5000', '--with-80k']) // sizes [5000, 80000]
 */
export function parseBenchArgs(argv: readonly string[]): ParsedArgs<BenchArgs> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        sizes: { type: 'string' },
        'with-80k': { type: 'boolean' },
        'out-json': { type: 'string' },
        keep: { type: 'boolean' },
        seed: { type: 'string' },
        'no-incremental': { type: 'boolean' },
        'no-dev': { type: 'boolean' },
        'no-search': { type: 'boolean' },
      },
      strict: true,
    }).values;
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  const sizes: number[] = [];
  for (const part of (parsed.sizes ?? '5000,20000').split(',').filter(Boolean)) {
    const size = positiveInteger('sizes', part.trim().replace(/k$/i, '000'));
    if (typeof size === 'string') return { ok: false, error: size };
    sizes.push(size);
  }
  if (parsed['with-80k']) sizes.push(80_000);
  if (sizes.length === 0) return { ok: false, error: '--sizes needs at least one size, for example --sizes 5000' };
  const seed = parsed.seed === undefined ? 1 : positiveInteger('seed', parsed.seed);
  if (typeof seed === 'string') return { ok: false, error: seed };
  return {
    ok: true,
    value: {
      sizes: [...new Set(sizes)].sort((a, b) => a - b),
      outJson: parsed['out-json'],
      keep: parsed.keep ?? false,
      seed,
      incremental: !parsed['no-incremental'],
      dev: !parsed['no-dev'],
      search: !parsed['no-search'],
    },
  };
}
