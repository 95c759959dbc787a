import { describe, expect, it } from 'vitest';
import { parseBenchArgs, parseCorpusArgs, type ParsedArgs } from '../../cli-args.ts';

const errorOf = (parsed: ParsedArgs<unknown>) => (parsed.ok ? undefined : parsed.error);

describe('corpus command line', () => {
  it('takes --releases or --pages, --out, --seed and --force', () => {
    expect(parseCorpusArgs(['--releases', '30', '--out', '/tmp/c'])).toEqual({ ok: true, value: { size: { releases: 30 }, outDir: '/tmp/c', seed: 1, force: false } });
    expect(parseCorpusArgs(['--pages', '20,000', '--out', 'x', '--seed', '7', '--force'])).toEqual({ ok: true, value: { size: { pages: 20000 }, outDir: 'x', seed: 7, force: true } });
  });

  it('explains what is wrong', () => {
    expect(errorOf(parseCorpusArgs(['--releases', '3']))).toMatch(/--out/);
    expect(errorOf(parseCorpusArgs(['--out', 'x']))).toMatch(/--releases N or --pages P/);
    expect(errorOf(parseCorpusArgs(['--out', 'x', '--releases', '3', '--pages', '9']))).toMatch(/not both/);
    expect(errorOf(parseCorpusArgs(['--out', 'x', '--releases', 'many']))).toMatch(/whole number/);
    expect(errorOf(parseCorpusArgs(['--out', 'x', '--releases', '3', '--colour']))).toMatch(/colour/);
  });
});

describe('bench command line', () => {
  it('defaults to 5,000 and 20,000 pages with the incremental rebuild and the preview', () => {
    expect(parseBenchArgs([])).toEqual({ ok: true, value: { sizes: [5000, 20000], outJson: undefined, keep: false, seed: 1, incremental: true, dev: true, search: true } });
  });

  it('adds 80,000 with --with-80k and sorts sizes', () => {
    const parsed = parseBenchArgs(['--sizes', '20k,5000', '--with-80k', '--out-json', 'r.json', '--keep', '--no-incremental', '--no-dev', '--no-search']);
    expect(parsed).toEqual({ ok: true, value: { sizes: [5000, 20000, 80000], outJson: 'r.json', keep: true, seed: 1, incremental: false, dev: false, search: false } });
  });

  it('rejects a size that is not a number', () => {
    expect(errorOf(parseBenchArgs(['--sizes', '5000,lots']))).toMatch(/whole number/);
  });
});
