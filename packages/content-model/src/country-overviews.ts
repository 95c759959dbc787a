import type { ContentIssue } from '@iom/safe-mdx';
import { frontmatterIssues, type FieldPosition } from './frontmatter-issues.ts';
import { isLocale, localeCodes, type Locale } from './locales.ts';
import { CountryOverviewSchema } from './schemas/country-overview.ts';
import type { TranslationState } from './releases.ts';
import { mayBeSource } from './translation/translation-of.ts';

/** A country overview file before validation. */
export interface CountryOverviewInput {
  file: string;
  /** Country code (from the folder, in capitals). */
  code: string;
  lang: string;
  frontmatter: unknown;
  fieldPosition: (path: string) => FieldPosition;
  /** Fingerprint of the file's body (see `sourceFingerprint`). */
  fingerprint: string;
}

/** A country overview in one language, linked to its source. */
export interface CountryOverview {
  code: string;
  lang: Locale;
  file: string;
  state: TranslationState;
  sourceLang: Locale;
  /** Demonstration text (marked in the source), not the office's own. */
  sample: boolean;
}

/**
 * Validates and links country overviews: one source per country (the file without translationOf), translations
 * current or stale against the source's fingerprint (its body). `unreadableSources` names the countries whose
 * source file could not be read (its problems are reported already): their translations are left unchecked.
 */
export function linkCountryOverviews(
  inputs: readonly CountryOverviewInput[],
  knownCountries: ReadonlySet<string>,
  unreadableSources: ReadonlySet<string> = new Set(),
): { overviews: CountryOverview[]; issues: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  const unreadable = new Set(unreadableSources);
  const valid: (CountryOverviewInput & { lang: Locale; translationOf?: { lang: string; hash: string } | undefined; sample: boolean })[] = [];
  for (const input of inputs) {
    if (!isLocale(input.lang)) {
      issues.push({ file: input.file, message: `The file name "${input.lang}.mdx" is not a language of the site.`, fix: `Name the file after its language: ${localeCodes.map((code) => `${code}.mdx`).join(', ')}.` });
      continue;
    }
    if (!knownCountries.has(input.code)) {
      issues.push({ file: input.file, message: `There is no country record for this folder.`, fix: 'Add country.yaml to the folder, or move the overview to the folder of its country.' });
      continue;
    }
    const result = CountryOverviewSchema.safeParse(input.frontmatter ?? {}, { reportInput: true });
    if (!result.success) {
      issues.push(...frontmatterIssues(input.file, CountryOverviewSchema, result.error, input.fieldPosition));
      if (mayBeSource(input.frontmatter)) unreadable.add(input.code);
      continue;
    }
    valid.push({ ...input, lang: input.lang, translationOf: result.data.translationOf, sample: result.data.sample });
  }
  const overviews: CountryOverview[] = [];
  for (const code of new Set(valid.map((input) => input.code))) {
    const group = valid.filter((input) => input.code === code);
    const sources = group.filter((input) => !input.translationOf);
    if (sources.length === 0 && unreadable.has(code)) continue;
    if (sources.length !== 1) {
      for (const input of sources.length ? sources : group) {
        issues.push({ file: input.file, message: sources.length ? 'This country has more than one overview without translationOf; only the language it was first written in is the source.' : 'Every overview of this country is marked as a translation; one must be the source.', fix: 'Keep translationOf in translations only (pnpm i18n:new creates them).' });
      }
      continue;
    }
    const source = sources[0]!;
    const fingerprint = source.fingerprint;
    for (const input of group) {
      overviews.push({
        code,
        lang: input.lang,
        file: input.file,
        sourceLang: source.lang,
        sample: source.sample,
        state: input === source ? 'source' : input.translationOf!.hash === fingerprint ? 'current' : 'stale',
      });
    }
  }
  return { overviews, issues };
}
