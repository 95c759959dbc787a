import { readFileSync, statSync } from 'node:fs';
import { listFilesSync } from '@iom/files';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** A file of the built site: path relative to the site folder (`/`-separated), size in bytes, and disk usage. */
export interface SiteFile {
  path: string;
  bytes: number;
  /** Bytes allocated on disk (whole blocks), which is what `du` reports. */
  diskBytes: number;
}

/** `pagefind/pagefind-entry.json`: the languages of the index. */
export interface PagefindEntry {
  version?: string;
  languages: Record<string, { hash: string; wasm?: string | null; page_count: number }>;
}

/** The index of one language: all its shards (the site splits each language's index, see apps/site/scripts/search-index). */
export interface PagefindLanguageStats {
  lang: string;
  pages: number;
  /** Pagefind indexes the language is split into. */
  shards: number;
  /** All files of the language: meta, index chunks, fragments, wasm. */
  bytes: number;
  metaBytes: number;
  wasmBytes: number;
  indexChunks: number;
  indexBytes: number;
  fragments: number;
  fragmentBytes: number;
}

/**
 * Lists every file under `dir` with its size (the impure part; the rest of this module works on the list).
 */
export function listSiteFiles(dir: string): SiteFile[] {
  return listFilesSync(dir, { missing: 'throw' }).map((file) => {
    const stat = statSync(path.join(dir, file));
    return { path: file, bytes: stat.size, diskBytes: stat.blocks * 512 };
  });
}

/** Reads the entry file of a built site's Pagefind index, or undefined when there is none. */
export function readPagefindEntry(siteDir: string): PagefindEntry | undefined {
  try {
    return JSON.parse(readFileSync(path.join(siteDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
  } catch {
    return undefined;
  }
}

/**
 * Pages written: `index.html` files outside pagefind/ (the site writes every page as a folder with an index.html).
 *
 * @example
 * countPages([{ path: 'en/news/x/index.html', … }, { path: 'pagefind/index.html', … }, { path: '404.html', … }]) // 1
 */
export function countPages(files: readonly SiteFile[]): number {
  return files.filter((file) => !file.path.startsWith('pagefind/') && (file.path === 'index.html' || file.path.endsWith('/index.html'))).length;
}

/**
 * Total size of a set of files, as stored and as allocated on disk.
 *
 * @example
 * sumSizes([{ path: 'a', bytes: 10, diskBytes: 4096 }]) // { bytes: 10, diskBytes: 4096, files: 1 }
 */
export function sumSizes(files: readonly SiteFile[]): { bytes: number; diskBytes: number; files: number } {
  return files.reduce((sum, file) => ({ bytes: sum.bytes + file.bytes, diskBytes: sum.diskBytes + file.diskBytes, files: sum.files + 1 }), { bytes: 0, diskBytes: 0, files: 0 });
}

/** The language of a Pagefind index name: `en` for `en` and for a shard `en-x-201609`. */
export const languageOfIndex = (name: string) => name.split('-')[0]!;

/** The index names of each language in an entry, in the entry's order. */
function indexesByLanguage(entry: PagefindEntry): Map<string, string[]> {
  const byLanguage = new Map<string, string[]>();
  for (const name of Object.keys(entry.languages)) byLanguage.set(languageOfIndex(name), [...(byLanguage.get(languageOfIndex(name)) ?? []), name]);
  return byLanguage;
}

/** The files of one Pagefind index: Pagefind 1.x prefixes them with the index name (`en_`, `en-x-201609_`). */
function indexFiles(files: readonly SiteFile[], name: string, folder: 'index' | 'fragment'): SiteFile[] {
  return files.filter((file) => file.path.startsWith(`pagefind/${folder}/${name}_`));
}

/**
 * Size of the Pagefind index of each language, all its shards together. Pagefind 1.x names files by index:
 * `pagefind/pagefind.<hash>.pf_meta` (hash from the entry, e.g. `en_cd63ffc5a6`), `pagefind/index/<name>_<hash>.pf_index`,
 * `pagefind/fragment/<name>_<hash>.pf_fragment`; the language's `pagefind/wasm.<lang>.pagefind` is shared by its shards.
 *
 * @example
 * pagefindByLanguage(files, { languages: { ar: { hash: 'ar_118658a99d', wasm: 'ar', page_count: 1 } } })
 * // [{ lang: 'ar', pages: 1, shards: 1, indexChunks: 1, fragments: 1, bytes: …, … }]
 */
export function pagefindByLanguage(files: readonly SiteFile[], entry: PagefindEntry): PagefindLanguageStats[] {
  return [...indexesByLanguage(entry)].map(([lang, names]) => {
    const infos = names.map((name) => entry.languages[name]!);
    const meta = files.filter((file) => infos.some((info) => file.path === `pagefind/pagefind.${info.hash}.pf_meta`));
    const wasmNames = new Set(infos.map((info) => info.wasm ?? 'unknown'));
    const wasm = files.filter((file) => [...wasmNames].some((name) => file.path === `pagefind/wasm.${name}.pagefind`));
    const chunks = names.flatMap((name) => indexFiles(files, name, 'index'));
    const fragments = names.flatMap((name) => indexFiles(files, name, 'fragment'));
    const size = (list: SiteFile[]) => sumSizes(list).bytes;
    return {
      lang,
      pages: infos.reduce((sum, info) => sum + info.page_count, 0),
      shards: names.length,
      bytes: size(meta) + size(wasm) + size(chunks) + size(fragments),
      metaBytes: size(meta),
      wasmBytes: size(wasm),
      indexChunks: chunks.length,
      indexBytes: size(chunks),
      fragments: fragments.length,
      fragmentBytes: size(fragments),
    };
  });
}

/** One file counted in the first-search estimate. */
export interface FirstSearchPart {
  what: string;
  bytes: number;
  /** Size after gzip where a server would compress it (JS, JSON); Pagefind's own files are gzipped already. */
  transferBytes: number;
}

/** How the first-search figure is approximated; printed with the figures. */
export const firstSearchApproximation =
  'first search ≈ pagefind.js + pagefind-worker.js + pagefind-entry.json + the language’s wasm + for each of its shards its pf_meta and its median index chunk + 5 median fragments ' +
  '(a one-word query loads, in every shard, the chunk holding its word; the first page of results loads about 5 fragments). JS and JSON counted gzipped; Pagefind’s binary files are gzipped already.';

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}

/**
 * Bytes a reader downloads for a first one-word search in `lang` (see `firstSearchApproximation`). `gzipSizeOf`
 * gives the compressed size of a text file (by path); it defaults to the stored size.
 *
 * @example
 * firstSearchEstimate(files, entry, 'ar').totalTransferBytes // ≈ 120_000 for a small site
 */
export function firstSearchEstimate(
  files: readonly SiteFile[],
  entry: PagefindEntry,
  lang: string,
  gzipSizeOf: (file: SiteFile) => number = (file) => file.bytes,
): { lang: string; parts: FirstSearchPart[]; totalBytes: number; totalTransferBytes: number; requests: number } {
  const names = indexesByLanguage(entry).get(lang) ?? [];
  const byPath = new Map(files.map((file) => [file.path, file]));
  const parts: FirstSearchPart[] = [];
  let requests = 0;
  const text = (what: string, filePath: string) => {
    const file = byPath.get(filePath);
    if (file) parts.push({ what, bytes: file.bytes, transferBytes: gzipSizeOf(file) });
    if (file) requests++;
  };
  const binary = (what: string, bytes: number, count = 1) => {
    parts.push({ what, bytes, transferBytes: bytes });
    requests += count;
  };
  text('pagefind.js', 'pagefind/pagefind.js');
  text('pagefind-worker.js', 'pagefind/pagefind-worker.js');
  text('pagefind-entry.json', 'pagefind/pagefind-entry.json');
  const wasmName = names.map((name) => entry.languages[name]!.wasm).find((name) => name) ?? 'unknown';
  const wasm = byPath.get(`pagefind/wasm.${wasmName}.pagefind`);
  if (wasm) binary(`wasm.${wasmName}.pagefind`, wasm.bytes);
  let metaBytes = 0;
  let chunkBytes = 0;
  for (const name of names) {
    metaBytes += byPath.get(`pagefind/pagefind.${entry.languages[name]!.hash}.pf_meta`)?.bytes ?? 0;
    chunkBytes += median(indexFiles(files, name, 'index').map((file) => file.bytes));
  }
  if (names.length) {
    binary(names.length > 1 ? `pf_meta of ${names.length} shards` : 'pf_meta', metaBytes, names.length);
    binary(names.length > 1 ? `median index chunk of ${names.length} shards` : 'median index chunk', chunkBytes, names.length);
  }
  const fragments = names.flatMap((name) => indexFiles(files, name, 'fragment')).map((file) => file.bytes);
  if (fragments.length) binary(`${Math.min(5, fragments.length)} median fragments`, median(fragments) * Math.min(5, fragments.length), Math.min(5, fragments.length));
  return {
    lang,
    parts,
    totalBytes: parts.reduce((sum, part) => sum + part.bytes, 0),
    totalTransferBytes: parts.reduce((sum, part) => sum + part.transferBytes, 0),
    requests,
  };
}

/** Gzip size of a file of a built site (for the JS and JSON of the first-search estimate). */
export function gzipSizeIn(siteDir: string): (file: SiteFile) => number {
  return (file) => gzipSync(readFileSync(path.join(siteDir, ...file.path.split('/')))).length;
}

/** Everything measured on a built site folder. */
export interface SiteOutputFigures {
  pagesWritten: number;
  output: { bytes: number; diskBytes: number; files: number };
  pagefind: PagefindLanguageStats[] | null;
  firstSearch: ReturnType<typeof firstSearchEstimate>[] | null;
}

/** Measures a built site: pages, sizes, the Pagefind index per language and the first-search estimate. */
export function measureSiteOutput(siteDir: string): SiteOutputFigures {
  const files = listSiteFiles(siteDir);
  const entry = readPagefindEntry(siteDir);
  const gzipSize = gzipSizeIn(siteDir);
  return {
    pagesWritten: countPages(files),
    output: sumSizes(files),
    pagefind: entry ? pagefindByLanguage(files, entry) : null,
    firstSearch: entry ? [...indexesByLanguage(entry).keys()].map((lang) => firstSearchEstimate(files, entry, lang, gzipSize)) : null,
  };
}
