import type { CountryRecord } from './countries.ts';
import type { ContactPoint, OrganisationContacts, RegionId } from './schemas/country.ts';

/** What a page may show of a contact point: its confirmed values only. */
export interface ConfirmedContact {
  address?: string[] | undefined;
  phone?: string | undefined;
  email?: string | undefined;
}

/** An office as published: its name and its confirmed values. */
export interface PublishedOffice extends ConfirmedContact {
  name: string;
}

/** A country record as published: every value still marked as a placeholder is gone. */
export type PublishedCountry = Omit<CountryRecord, 'offices' | 'chiefOfMission'> & {
  offices: PublishedOffice[];
  chiefOfMission?: string | undefined;
};

/** The organisation's fallback contacts as published: confirmed values only, points with none left out. */
export interface PublishedOrganisationContacts {
  headquarters?: ConfirmedContact | undefined;
  regionalOffices: Partial<Record<RegionId, ConfirmedContact>>;
}

type Maybe<T> = { value: T; placeholder: boolean } | undefined;
const confirmed = <T>(field: Maybe<T>): T | undefined => (field && !field.placeholder ? field.value : undefined);

/**
 * The confirmed values of a contact point, or undefined when it has none: a stand-in phone number or address must
 * never reach a reader, marked or not.
 *
 * @example
 * confirmedContact({ phone: { value: '+218 21 000 0000', placeholder: true }, email: { value: 'a@iom.int', placeholder: false } })
 * // { email: 'a@iom.int' }
 */
export function confirmedContact(point: ContactPoint): ConfirmedContact | undefined {
  const contact: ConfirmedContact = {};
  const address = confirmed(point.address);
  const phone = confirmed(point.phone);
  const email = confirmed(point.email);
  if (address) contact.address = address;
  if (phone) contact.phone = phone;
  if (email) contact.email = email;
  return address || phone || email ? contact : undefined;
}

/** Whether readers can reach an office by any confirmed means. */
export const canBeReached = (contact: ConfirmedContact | undefined): contact is ConfirmedContact => Boolean(contact && (contact.address || contact.phone || contact.email));

/** A country record with its placeholders removed: what the site builds pages, data and search from. */
export function publishedCountry(record: CountryRecord): PublishedCountry {
  const { offices, chiefOfMission, ...rest } = record;
  const chief = confirmed(chiefOfMission);
  return { ...rest, offices: offices.map((office) => ({ name: office.name, ...confirmedContact(office) })), ...(chief ? { chiefOfMission: chief } : {}) };
}

/** The organisation's fallback contacts with their placeholders removed. */
export function publishedOrganisationContacts(contacts: OrganisationContacts | undefined): PublishedOrganisationContacts {
  const regionalOffices: Partial<Record<RegionId, ConfirmedContact>> = {};
  for (const [region, point] of Object.entries(contacts?.regionalOffices ?? {}) as [RegionId, ContactPoint][]) {
    const contact = confirmedContact(point);
    if (contact) regionalOffices[region] = contact;
  }
  return { headquarters: contacts ? confirmedContact(contacts.headquarters) : undefined, regionalOffices };
}

/** Where readers of a country page can turn when the country has no confirmed contact of its own. */
export type FallbackContact =
  | { kind: 'covering-office'; code: string; contact: ConfirmedContact }
  | { kind: 'regional-office'; region: RegionId; contact: ConfirmedContact }
  | { kind: 'headquarters'; contact: ConfirmedContact };

/**
 * The contact a country page gives when its own office has no confirmed way to reach it: the covering office's (for
 * a covered country), else the regional office's, else headquarters'; undefined when the country has a confirmed
 * contact of its own, or when none of these has one either.
 */
export function fallbackContact(
  country: PublishedCountry,
  countriesByCode: ReadonlyMap<string, PublishedCountry>,
  organisation: PublishedOrganisationContacts,
): FallbackContact | undefined {
  if (country.offices.some(canBeReached)) return undefined;
  const covering = country.coveredBy ? countriesByCode.get(country.coveredBy) : undefined;
  const coveringOffice = covering?.offices.find(canBeReached);
  if (covering && coveringOffice) return { kind: 'covering-office', code: covering.code, contact: coveringOffice };
  const regional = organisation.regionalOffices[country.region];
  if (canBeReached(regional)) return { kind: 'regional-office', region: country.region, contact: regional };
  if (canBeReached(organisation.headquarters)) return { kind: 'headquarters', contact: organisation.headquarters };
  return undefined;
}

/** A value still marked as a placeholder, for editors to confirm. */
export interface UnconfirmedValue {
  /** The file it is written in. */
  file: string;
  /** Whose value it is: a country code, `headquarters`, or a region identifier. */
  owner: string;
  /** Dotted path of the field: `offices.0.phone`, `chiefOfMission`, `regionalOffices.americas.email`. */
  field: string;
  value: string;
}

/**
 * Every value still marked as a placeholder, by record and field, in file order: what `pnpm content:todo` lists and
 * `pnpm check:content` counts.
 */
export function unconfirmedValues(countries: readonly CountryRecord[], organisation?: { file: string; contacts: OrganisationContacts }): UnconfirmedValue[] {
  const values: UnconfirmedValue[] = [];
  const point = (file: string, owner: string, prefix: string, contact: ContactPoint) => {
    for (const field of ['address', 'phone', 'email'] as const) {
      const entry = contact[field];
      if (entry?.placeholder) values.push({ file, owner, field: `${prefix}${field}`, value: Array.isArray(entry.value) ? entry.value.join(', ') : entry.value });
    }
  };
  for (const country of countries) {
    if (country.chiefOfMission?.placeholder) values.push({ file: country.file, owner: country.code, field: 'chiefOfMission', value: country.chiefOfMission.value });
    country.offices.forEach((office, index) => point(country.file, country.code, `offices.${index}.`, office));
  }
  if (organisation) {
    point(organisation.file, 'headquarters', 'headquarters.', organisation.contacts.headquarters);
    for (const [region, contact] of Object.entries(organisation.contacts.regionalOffices) as [RegionId, ContactPoint][]) {
      point(organisation.file, region, `regionalOffices.${region}.`, contact);
    }
  }
  return values;
}
