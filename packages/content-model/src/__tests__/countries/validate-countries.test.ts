import { describe, expect, it } from 'vitest';
import { validateCountries, type CountryFileInput } from '../../countries.ts';
import { countryName } from '../../country-names.ts';

const at = () => ({ line: 3, column: 1 });
const country = (folder: string, data: Record<string, unknown>): CountryFileInput => ({ file: `content/countries/${folder}/country.yaml`, folder, data, fieldPosition: at });
const office = { name: 'IOM Mauritius', address: { value: ['Port Louis'], placeholder: true } };

describe('country records', () => {
  it('accepts an office, and countries covered by it', () => {
    const { countries, issues } = validateCountries([
      country('mu', { code: 'MU', region: 'southern-africa', presence: 'country-office', offices: [office] }),
      country('km', { code: 'KM', region: 'southern-africa', presence: 'covered', coveredBy: 'MU' }),
      country('sc', { code: 'SC', region: 'southern-africa', presence: 'covered', coveredBy: 'MU' }),
    ]);
    expect(issues).toEqual([]);
    expect(countries.map((c) => c.code)).toEqual(['KM', 'MU', 'SC']);
  });

  it('rejects an unknown code, naming the file and field', () => {
    const { issues } = validateCountries([country('xx', { code: 'XX', region: 'americas', presence: 'none' })]);
    expect(issues).toEqual([expect.objectContaining({ file: 'content/countries/xx/country.yaml', line: 3, field: 'code', message: '"XX" is not an ISO 3166 country code.' })]);
  });

  it('rejects a country in two regions (two records)', () => {
    const { issues } = validateCountries([
      country('ly', { code: 'LY', region: 'middle-east-north-africa', presence: 'country-office' }),
      country('ly', { code: 'LY', region: 'west-central-africa', presence: 'country-office' }),
    ]);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toContain('already described in content/countries/ly/country.yaml');
  });

  it('rejects coveredBy pointing nowhere, and a covered country without coveredBy', () => {
    const { issues } = validateCountries([
      country('km', { code: 'KM', region: 'southern-africa', presence: 'covered', coveredBy: 'MU' }),
      country('sc', { code: 'SC', region: 'southern-africa', presence: 'covered' }),
    ]);
    expect(issues.map((issue) => [issue.file, issue.field])).toEqual([
      ['content/countries/sc/country.yaml', 'coveredBy'],
      ['content/countries/km/country.yaml', 'coveredBy'],
    ]);
    expect(issues[1]!.message).toBe('coveredBy names MU, but there is no record for MU in content/countries/.');
  });

  it('rejects an unknown region with the list of regions', () => {
    const { issues } = validateCountries([country('ly', { code: 'LY', region: 'mena', presence: 'country-office' })]);
    expect(issues[0]).toMatchObject({ field: 'region' });
    expect(issues[0]!.message).toBe('The value "mena" of "region" is not valid.');
    expect(issues[0]!.fix).toContain('middle-east-north-africa');
  });
});

describe('country names', () => {
  it('come from CLDR in each language, with the official-name overlay first (right to left included)', () => {
    expect(countryName('LY', 'fr', {})).toBe('Libye');
    expect(countryName('LY', 'ar', {})).toBe('ليبيا');
    expect(countryName('SY', 'en', { SY: { en: 'Syrian Arab Republic' } })).toBe('Syrian Arab Republic');
  });
});
