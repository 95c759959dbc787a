import { countryTable, type CountryEntry } from './country-table.ts';
import { createRandom } from './random.ts';
import { latinNames } from './text-banks/index.ts';
import { toYaml } from './yaml-writer.ts';

/** A country record of the corpus. */
export interface GeneratedCountry extends CountryEntry {
  presence: 'country-office' | 'covered' | 'none';
  coveredBy?: string;
}

/** Share of countries (other than regional-office hosts) by kind of presence. */
export const presenceRates = { 'country-office': 0.8, covered: 0.15, none: 0.05 } as const;

const englishNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** A country's name in English, from CLDR (what the site shows too). */
export function englishCountryName(code: string): string {
  return englishNames.of(code) ?? code;
}

/**
 * Decides every country's presence: the host of each regional office has an office; of the others most have one,
 * some are covered by an office country of the same region, a few have no presence.
 *
 * @example
 * generateCountries(1).find((c) => c.code === 'SN') // { code: 'SN', region: 'west-central-africa', presence: 'country-office', … }
 */
export function generateCountries(seed: number): GeneratedCountry[] {
  const random = createRandom(seed, 'countries');
  const countries: GeneratedCountry[] = countryTable().map((entry) => ({
    ...entry,
    presence: entry.regionalOffice ? 'country-office' : random.weighted(presenceRates),
  }));
  for (const country of countries) {
    if (country.presence !== 'covered') continue;
    const offices = countries.filter((other) => other.region === country.region && other.presence === 'country-office');
    country.coveredBy = random.pick(offices).code;
  }
  return countries;
}

const streets = ['Avenue de la Paix', 'Independence Avenue', 'Rue des Nations Unies', 'Airport Road', 'Main Street', 'Boulevard de la République', 'Calle de la Amistad', 'Sharia Al Nasr'];

/**
 * The `country.yaml` of one country, in the format of content/countries/<code>/country.yaml. Contact details are
 * placeholders (`placeholder: true`), as in the real records until an office confirms them.
 */
export function countryYaml(country: GeneratedCountry, seed: number, themes: readonly string[]): string {
  const random = createRandom(seed, 'country', country.code);
  const name = englishCountryName(country.code);
  const [given, family] = latinNames;
  const record = {
    code: country.code,
    region: country.region,
    presence: country.presence,
    coveredBy: country.coveredBy,
    offices:
      country.presence === 'country-office'
        ? [
            {
              name: `IOM ${name}`,
              address: { value: [`${random.int(1, 250)} ${random.pick(streets)}`, `${country.capital}, ${name}`], placeholder: true },
              phone: { value: `+${random.int(20, 998)} ${random.int(10, 99)} ${random.int(100, 999)} ${random.int(1000, 9999)}`, placeholder: true },
              email: { value: `iom${country.code.toLowerCase()}@iom.int`, placeholder: true },
            },
          ]
        : undefined,
    chiefOfMission: country.presence === 'country-office' ? { value: `${random.pick(given)} ${random.pick(family)}`, placeholder: true } : undefined,
    programmes: country.presence === 'none' ? undefined : random.sample(themes, random.int(2, 4)),
  };
  return `# ${name}. Bench data written by @iom/bench; every contact detail is a placeholder.\n${toYaml(record)}`;
}
