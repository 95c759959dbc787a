import type { ContentIssue } from '@iom/safe-mdx';
import { isKnownCountryCode } from './country-names.ts';
import { frontmatterIssues, type FieldPosition } from './frontmatter-issues.ts';
import { CountrySchema, type Country } from './schemas/country.ts';

/** One country record as read from `content/countries/<code>/country.yaml`. */
export interface CountryFileInput {
  file: string;
  /** The folder name, lowercase code. */
  folder: string;
  data: unknown;
  fieldPosition: (path: string) => FieldPosition;
}

/** A validated country with its file, for error messages later. */
export interface CountryRecord extends Country {
  file: string;
}

const examples = {
  code: 'code: LY',
  region: 'region: middle-east-north-africa',
  presence: 'presence: country-office   (or covered, none)',
  coveredBy: 'coveredBy: MU',
};

/**
 * Validates all country records together: each against the schema, its code against ISO 3166 and its folder name,
 * codes unique, and `coveredBy` pointing at a country that has an office of its own.
 */
export function validateCountries(inputs: readonly CountryFileInput[]): { countries: CountryRecord[]; issues: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  const countries: CountryRecord[] = [];
  const byCode = new Map<string, CountryFileInput>();
  for (const input of inputs) {
    const result = CountrySchema.safeParse(input.data, { reportInput: true });
    if (!result.success) {
      issues.push(...frontmatterIssues(input.file, CountrySchema, result.error, input.fieldPosition, examples));
      continue;
    }
    const country = result.data;
    if (!isKnownCountryCode(country.code)) {
      issues.push({ file: input.file, ...input.fieldPosition('code'), field: 'code', message: `"${country.code}" is not an ISO 3166 country code.`, fix: 'Write the two-letter code of the country, for example LY for Libya.' });
      continue;
    }
    if (input.folder !== country.code.toLowerCase()) {
      issues.push({ file: input.file, ...input.fieldPosition('code'), field: 'code', message: `The code ${country.code} does not match the folder name "${input.folder}".`, fix: `Put the file in content/countries/${country.code.toLowerCase()}/, or correct the code.` });
      continue;
    }
    const earlier = byCode.get(country.code);
    if (earlier) {
      issues.push({ file: input.file, ...input.fieldPosition('code'), field: 'code', message: `The country ${country.code} is already described in ${earlier.file}; a country belongs to one region and has one record.`, fix: 'Keep one record for the country and delete the other.' });
      continue;
    }
    byCode.set(country.code, input);
    countries.push({ ...country, file: input.file });
  }
  const valid = new Map(countries.map((country) => [country.code, country]));
  for (const country of countries) {
    if (!country.coveredBy) continue;
    const input = byCode.get(country.code)!;
    const office = valid.get(country.coveredBy);
    if (!office) {
      issues.push({ file: country.file, ...input.fieldPosition('coveredBy'), field: 'coveredBy', message: `coveredBy names ${country.coveredBy}, but there is no record for ${country.coveredBy} in content/countries/.`, fix: `Add content/countries/${country.coveredBy.toLowerCase()}/country.yaml, or name the country whose office covers this one.` });
    } else if (office.presence !== 'country-office') {
      issues.push({ file: country.file, ...input.fieldPosition('coveredBy'), field: 'coveredBy', message: `coveredBy names ${country.coveredBy}, which has no office of its own (presence: ${office.presence}).`, fix: 'Name the country whose office actually covers this one.' });
    }
  }
  return { countries: countries.sort((a, b) => a.code.localeCompare(b.code)), issues };
}
