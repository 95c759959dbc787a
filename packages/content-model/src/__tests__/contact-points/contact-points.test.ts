import { describe, expect, it } from 'vitest';
import { fallbackContact, publishedCountry, publishedOrganisationContacts, unconfirmedValues, type PublishedCountry } from '../../contact-points.ts';
import type { CountryRecord } from '../../countries.ts';
import { CountrySchema, OrganisationContactsSchema, type CountryInput } from '../../schemas/country.ts';

const record = (input: CountryInput): CountryRecord => ({ ...CountrySchema.parse(input), file: `content/countries/${input.code.toLowerCase()}/country.yaml` });
const stand = <T>(value: T) => ({ value, placeholder: true });
const real = <T>(value: T) => ({ value });

const libya = record({
  code: 'LY',
  region: 'middle-east-north-africa',
  presence: 'country-office',
  offices: [{ name: 'IOM Libya', address: stand(['Hay Al Andalus', 'Tripoli, Libya']), phone: stand('+218 21 000 0000'), email: real('libya@example.org') }],
  chiefOfMission: stand('A Name'),
});
const tunisia = record({ code: 'TN', region: 'middle-east-north-africa', presence: 'country-office', offices: [{ name: 'IOM Tunisia', phone: stand('+216 0 000 000') }] });
const comoros = record({ code: 'KM', region: 'southern-africa', presence: 'covered', coveredBy: 'MU' });
const mauritius = record({ code: 'MU', region: 'southern-africa', presence: 'country-office', offices: [{ name: 'IOM Mauritius', phone: real('+230 000 0000') }] });
const byCode = new Map<string, PublishedCountry>([libya, tunisia, comoros, mauritius].map((country) => [country.code, publishedCountry(country)]));

describe('a country record as published', () => {
  it('keeps confirmed values and drops every placeholder, the Chief of Mission included', () => {
    expect(publishedCountry(libya)).toMatchObject({ code: 'LY', offices: [{ name: 'IOM Libya', email: 'libya@example.org' }] });
    const text = JSON.stringify(publishedCountry(libya));
    for (const value of ['Hay Al Andalus', 'Tripoli, Libya', '+218 21 000 0000', 'A Name']) expect(text).not.toContain(value);
    expect(publishedCountry(libya)).not.toHaveProperty('chiefOfMission');
  });
});

describe('where readers turn when a country has no confirmed contact', () => {
  const organisation = (input: unknown) => publishedOrganisationContacts(OrganisationContactsSchema.parse(input));
  const withBoth = organisation({
    headquarters: { email: real('hq@example.org'), phone: stand('+41 0 000 00 00') },
    regionalOffices: { 'middle-east-north-africa': { phone: real('+20 0 000 0000') }, 'southern-africa': { email: stand('ro@example.org') } },
  });

  it('nowhere, when the country can be reached itself', () => {
    expect(fallbackContact(byCode.get('LY')!, byCode, withBoth)).toBeUndefined();
  });

  it('the covering office, for a covered country whose neighbour has a confirmed contact', () => {
    expect(fallbackContact(byCode.get('KM')!, byCode, withBoth)).toEqual({ kind: 'covering-office', code: 'MU', contact: { name: 'IOM Mauritius', phone: '+230 000 0000' } });
  });

  it('the regional office, with its confirmed values only', () => {
    expect(fallbackContact(byCode.get('TN')!, byCode, withBoth)).toEqual({ kind: 'regional-office', region: 'middle-east-north-africa', contact: { phone: '+20 0 000 0000' } });
  });

  it('headquarters, when the regional office has nothing confirmed', () => {
    const noRegion = organisation({ headquarters: { email: real('hq@example.org') }, regionalOffices: { 'middle-east-north-africa': { phone: stand('+20 0 000 0000') } } });
    expect(fallbackContact(byCode.get('TN')!, byCode, noRegion)).toEqual({ kind: 'headquarters', contact: { email: 'hq@example.org' } });
  });

  it('nothing, when no one has a confirmed contact: the page then only says so', () => {
    const nothing = organisation({ headquarters: { email: stand('hq@example.org') } });
    expect(fallbackContact(byCode.get('TN')!, byCode, nothing)).toBeUndefined();
  });
});

describe('what is left to confirm', () => {
  it('lists every placeholder by record and field, countries first, then the organisation', () => {
    const organisation = { file: 'content/organisation-contacts.yaml', contacts: OrganisationContactsSchema.parse({ headquarters: { phone: stand('+41 0 000 00 00') }, regionalOffices: { americas: { email: stand('ro@example.org') } } }) };
    expect(unconfirmedValues([libya, mauritius], organisation)).toEqual([
      { file: 'content/countries/ly/country.yaml', owner: 'LY', field: 'chiefOfMission', value: 'A Name' },
      { file: 'content/countries/ly/country.yaml', owner: 'LY', field: 'offices.0.address', value: 'Hay Al Andalus, Tripoli, Libya' },
      { file: 'content/countries/ly/country.yaml', owner: 'LY', field: 'offices.0.phone', value: '+218 21 000 0000' },
      { file: 'content/organisation-contacts.yaml', owner: 'headquarters', field: 'headquarters.phone', value: '+41 0 000 00 00' },
      { file: 'content/organisation-contacts.yaml', owner: 'americas', field: 'regionalOffices.americas.email', value: 'ro@example.org' },
    ]);
  });
});
