/**
 * Subset mirrors, first half: a copy of the content folder holding only what a field office asked for, which the
 * site is then built from (SITE_CONTENT_DIR). Pages of the countries left out are then never made, so nothing can
 * link to them; languages are pruned after the build (prune-languages.ts explains why).
 *
 * What the copy keeps:
 * - releases tagged with at least one chosen country (all releases when no country is chosen), in EVERY language
 *   they exist in. Languages are not filtered here: a release whose French file was left out would be built as "not
 *   translated into French", which is false; built complete and then pruned, its page says "French: not in this copy
 *   of the site" instead (and a translation is only valid next to its source anyway);
 * - the chosen countries, the countries covering them (`coveredBy`), and every country the kept releases name (in
 *   `countries` or the dateline), with the countries covering those: the build checks that each code a release
 *   names has a record;
 * - everything that is not a release or a country (UI strings, themes, media, official names) as it is.
 */
import { cp, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { isLocale, localeCodes, type Locale } from '@iom/content-model';
import { readSiteContent } from '@iom/content-model/node';

/** What a subset mirror holds; `undefined` means all. */
export interface SubsetSelection {
  languages?: readonly Locale[] | undefined;
  /** Two-letter country codes, upper case. */
  countries?: readonly string[] | undefined;
}

/** The facts about a release page that choosing needs (a subset of content-model's ReleasePage). */
export interface ReleaseFacts {
  key: string;
  lang: string;
  /** Path of the file from the content folder: `releases/2016/x/fr.mdx`. */
  file: string;
  sourceFile: string;
  countries: readonly string[];
  dateline?: { country?: string | undefined } | undefined;
}

/** The facts about a country that choosing needs. */
export interface CountryFacts {
  code: string;
  coveredBy?: string | undefined;
}

/** What goes into the subset content folder. */
export interface SubsetPlan {
  /** Release files to copy, as paths from the content folder, sorted. */
  releaseFiles: string[];
  /** Country codes whose folders are copied, sorted. */
  countries: string[];
  /** How many releases (all languages together) are kept. */
  releaseCount: number;
}

/** A selection that cannot be honoured, said in plain words. */
export class SubsetError extends Error {
  override name = 'SubsetError';
}

/**
 * Parses `--lang en,fr` and `--country ly,TN` values; undefined stays undefined (all).
 *
 * @example
 * parseSelection('en, ar', 'ly,tn') // { languages: ['en', 'ar'], countries: ['LY', 'TN'] }
 * parseSelection('de', undefined) // throws SubsetError: "de" is not a language of the site (en, fr, es, ar).
 */
export function parseSelection(languages: string | undefined, countries: string | undefined): SubsetSelection {
  const list = (value: string) => value.split(',').map((item) => item.trim()).filter(Boolean);
  const selection: SubsetSelection = {};
  if (languages !== undefined) {
    const codes = list(languages).map((item) => item.toLowerCase());
    const unknown = codes.filter((code) => !isLocale(code));
    if (unknown.length) throw new SubsetError(`${unknown.map((code) => `"${code}"`).join(', ')} ${unknown.length === 1 ? 'is not a language' : 'are not languages'} of the site (${localeCodes.join(', ')}). Write for example --lang en,fr.`);
    if (codes.length === 0) throw new SubsetError(`--lang names no language. Write for example --lang en,fr (the site has ${localeCodes.join(', ')}).`);
    // In locale-table order, each once.
    selection.languages = localeCodes.filter((code) => codes.includes(code));
  }
  if (countries !== undefined) {
    const codes = [...new Set(list(countries).map((item) => item.toUpperCase()))];
    const malformed = codes.filter((code) => !/^[A-Z]{2}$/.test(code));
    if (malformed.length) throw new SubsetError(`${malformed.map((code) => `"${code}"`).join(', ')}: countries are written as two-letter codes, for example --country LY,TN.`);
    if (codes.length === 0) throw new SubsetError('--country names no country. Write for example --country LY,TN.');
    selection.countries = codes.sort();
  }
  return selection;
}

/**
 * Chooses the release files and countries of a subset (see the module comment; `selection.languages` does not
 * change what is chosen). Throws a SubsetError naming any
 * chosen country that has no record.
 *
 * @example
 * planSubset({ releases, countries }, { languages: ['ar'], countries: ['LY'] })
 * // { releaseFiles: ['releases/2016/x/ar.mdx', 'releases/2016/x/en.mdx', 'releases/2016/x/fr.mdx'], countries: ['LY'], releaseCount: 1 }
 */
export function planSubset(content: { releases: readonly ReleaseFacts[]; countries: readonly CountryFacts[] }, selection: SubsetSelection): SubsetPlan {
  const byCode = new Map(content.countries.map((country) => [country.code, country]));
  const chosen = selection.countries;
  if (chosen) {
    const unknown = chosen.filter((code) => !byCode.has(code));
    if (unknown.length) {
      throw new SubsetError(`The content has no country ${unknown.join(', ')} (no folder content/countries/${unknown[0]!.toLowerCase()}/). Check the codes: two letters, for example LY for Libya.`);
    }
  }
  const keptKeys = new Set(
    content.releases.filter((release) => !chosen || release.countries.some((code) => chosen.includes(code))).map((release) => release.key),
  );
  const files = new Set<string>();
  const countries = new Set<string>(chosen ?? content.countries.map((country) => country.code));
  for (const release of content.releases) {
    if (!keptKeys.has(release.key)) continue;
    files.add(release.file);
    files.add(release.sourceFile);
    for (const code of release.countries) countries.add(code);
    if (release.dateline?.country) countries.add(release.dateline.country);
  }
  // Covering countries, until nothing new is added (a covering country is never itself covered, but do not rely on it).
  for (let grew = true; grew; ) {
    grew = false;
    for (const code of [...countries]) {
      const cover = byCode.get(code)?.coveredBy;
      if (cover && !countries.has(cover)) {
        countries.add(cover);
        grew = true;
      }
    }
  }
  return { releaseFiles: [...files].sort(), countries: [...countries].filter((code) => byCode.has(code)).sort(), releaseCount: keptKeys.size };
}

/**
 * Writes the subset content folder for `selection` into `outDir` (which must not exist) from `contentDir`.
 *
 * @example
 * await writeSubsetContent('content', '/tmp/iom-subset/content', { languages: ['en', 'ar'], countries: ['LY'] })
 */
export async function writeSubsetContent(contentDir: string, outDir: string, selection: SubsetSelection): Promise<SubsetPlan> {
  const { content } = await readSiteContent({ contentDir, displayRoot: contentDir });
  const plan = planSubset(
    {
      releases: content.releases.map((release) => ({
        key: release.key,
        lang: release.lang,
        file: release.file,
        sourceFile: release.sourceFile,
        countries: release.countries,
        dateline: release.dateline,
      })),
      countries: content.countries.map((country) => ({ code: country.code, coveredBy: country.coveredBy })),
    },
    selection,
  );
  await mkdir(outDir, { recursive: true });
  for (const entry of await readdir(contentDir, { withFileTypes: true })) {
    if (entry.name === 'releases' || entry.name === 'countries') continue;
    await cp(path.join(contentDir, entry.name), path.join(outDir, entry.name), { recursive: true });
  }
  // Countries: the chosen folders, and the files directly in countries/ (official names).
  await mkdir(path.join(outDir, 'countries'), { recursive: true });
  for (const entry of await readdir(path.join(contentDir, 'countries'), { withFileTypes: true })) {
    if (entry.isDirectory() && !plan.countries.includes(entry.name.toUpperCase())) continue;
    await cp(path.join(contentDir, 'countries', entry.name), path.join(outDir, 'countries', entry.name), { recursive: true });
  }
  await mkdir(path.join(outDir, 'releases'), { recursive: true });
  for (const file of plan.releaseFiles) {
    await mkdir(path.dirname(path.join(outDir, file)), { recursive: true });
    await cp(path.join(contentDir, file), path.join(outDir, file));
  }
  return plan;
}
