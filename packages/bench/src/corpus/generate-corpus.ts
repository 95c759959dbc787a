import type { Locale } from '@iom/content-model';
import { countryYaml, generateCountries } from './generate-countries.ts';
import { createSlugRegistry, generateRelease } from './generate-release.ts';

/** How big a corpus to make: a number of releases, or about a number of pages (one page per release file). */
export type CorpusSize = { releases: number } | { pages: number };

/** What a generated corpus holds. */
export interface CorpusSummary {
  seed: number;
  releases: number;
  /** Release pages: one per release file, all languages. */
  pages: number;
  pagesByLang: Record<Locale, number>;
  sourcesByLang: Record<Locale, number>;
  countries: number;
  /** Words in source bodies, all releases. */
  sourceWords: number;
}

/** One file of the corpus, with its path relative to the corpus folder (always `/`-separated). */
export interface CorpusFile {
  path: string;
  text: string;
}

const zeroByLang = (): Record<Locale, number> => ({ en: 0, fr: 0, es: 0, ar: 0 });

/**
 * Generates the generated part of a corpus (country records and releases; the static files are copied by the
 * writer), file by file, so that 80,000 pages never sit in memory at once. The return value is the summary.
 *
 * Same seed and size, same files, byte for byte. Release `i` does not depend on the size, so `{ pages: 20000 }` is
 * `{ pages: 5000 }` plus more releases.
 *
 * @example
 * const files = [...generateCorpus({ seed: 1, size: { releases: 30 }, themes: ['health'] })];
 * files[0].path; // 'countries/sn/country.yaml'
 */
export function* generateCorpus(options: { seed: number; size: CorpusSize; themes: readonly string[] }): Generator<CorpusFile, CorpusSummary> {
  const { seed, size, themes } = options;
  const countries = generateCountries(seed);
  for (const country of countries) {
    yield { path: `countries/${country.code.toLowerCase()}/country.yaml`, text: countryYaml(country, seed, themes) };
  }
  const summary: CorpusSummary = { seed, releases: 0, pages: 0, pagesByLang: zeroByLang(), sourcesByLang: zeroByLang(), countries: countries.length, sourceWords: 0 };
  const slugs = createSlugRegistry();
  const done = () => ('releases' in size ? summary.releases >= size.releases : summary.pages >= size.pages);
  for (let index = 0; !done(); index++) {
    const release = generateRelease({ seed, index, countries, themes, slugs });
    summary.releases++;
    summary.sourcesByLang[release.sourceLang]++;
    summary.sourceWords += release.words;
    for (const file of release.files) {
      summary.pages++;
      summary.pagesByLang[file.lang]++;
      yield { path: file.path, text: file.text };
    }
  }
  return summary;
}

/**
 * Reads theme identifiers from themes.yaml, a plain YAML list (`- migrant-protection`), without a YAML library.
 *
 * @example
 * themesFromYaml('# Themes\n- health\n- displacement\n') // ['health', 'displacement']
 */
export function themesFromYaml(text: string): string[] {
  return [...text.matchAll(/^-\s+["']?([a-z0-9-]+)["']?\s*(?:#.*)?$/gm)].map((match) => match[1]!);
}

