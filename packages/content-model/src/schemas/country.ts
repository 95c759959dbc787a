import * as z from 'zod';
import { CountryCodeSchema } from './common.ts';

/**
 * The seven regional offices (since 2024): West and Central Africa (Dakar), East and Horn of Africa (Nairobi),
 * Southern Africa (Pretoria), Middle East and North Africa (Cairo), Asia and the Pacific (Bangkok), Europe and
 * Central Asia (Vienna), the Americas (Panama). Their names and the sentence naming each office's city are UI strings
 * (`regions.<id>`, `regionOffice.<id>`), so that every language writes them whole.
 */
export const regionIds = [
  'west-central-africa',
  'east-horn-africa',
  'southern-africa',
  'middle-east-north-africa',
  'asia-pacific',
  'europe-central-asia',
  'americas',
] as const;

export type RegionId = (typeof regionIds)[number];

/** Kinds of presence: an office of our own, covered by a neighbour's office, or none. */
export const presenceKinds = ['country-office', 'covered', 'none'] as const;

/**
 * A value that may be a stand-in until the office confirms it (`placeholder: true`). Placeholders are never published:
 * not on pages, in structured data, feeds or the search index (see `publishedCountry`); `pnpm content:todo` lists them.
 */
export const maybePlaceholder = <T extends z.ZodType>(value: T) =>
  z.strictObject({
    /** The value. */
    value,
    /** True when the value is a stand-in, not yet confirmed by the office. */
    placeholder: z.boolean().default(false),
  });

/** How to reach an office: postal address, phone, e-mail, each confirmed or still a placeholder. */
export const ContactPointSchema = z.strictObject({
  /** Postal address, one line per line. */
  address: maybePlaceholder(z.array(z.string().min(1)).min(1)).optional(),
  /** Phone number in international form. */
  phone: maybePlaceholder(z.string().regex(/^\+[0-9 ()-]{6,}$/, { error: 'Write the phone number in international form: a + and the country code, then the number, for example +41 22 000 0000.' })).optional(),
  /** E-mail address of the office. */
  email: maybePlaceholder(z.email()).optional(),
});

/** An office: its name, where it is and how to reach it. */
export const OfficeSchema = ContactPointSchema.extend({
  /** Name of the office, for example "IOM Libya — Tripoli". */
  name: z.string().min(1),
});

/** A country's record in content/countries/<code>/country.yaml. */
export const CountrySchema = z
  .strictObject({
    /** ISO 3166-1 alpha-2 code, the same as the folder name in capitals. */
    code: CountryCodeSchema,
    /** The regional office the country belongs to. */
    region: z.enum(regionIds, {
      error: `Write one region identifier: ${regionIds.join(', ')}.`,
    }),
    /** The kind of presence. */
    presence: z.enum(presenceKinds),
    /** For presence "covered": the two-letter code of the country whose office covers this one. */
    coveredBy: CountryCodeSchema.optional(),
    /** Offices in the country (for presence "country-office"). */
    offices: z.array(OfficeSchema).default([]),
    /** Head of office (Chief of Mission). */
    chiefOfMission: maybePlaceholder(z.string().min(1)).optional(),
    /** Programme areas, by identifier (labels in the UI strings, `themes.<id>`). */
    programmes: z.array(z.string().regex(/^[a-z0-9-]+$/)).default([]),
  })
  .superRefine((country, ctx) => {
    if (country.presence === 'covered' && !country.coveredBy) {
      ctx.addIssue({ code: 'custom', path: ['coveredBy'], message: 'A country with presence "covered" names the covering country: add coveredBy: XX.' });
    }
    if (country.presence !== 'covered' && country.coveredBy) {
      ctx.addIssue({ code: 'custom', path: ['coveredBy'], message: 'coveredBy is only for presence "covered": remove it or change presence.' });
    }
  });

/**
 * `content/organisation-contacts.yaml`: how readers reach the organisation where a country office has no confirmed
 * contact of its own: the regional office of the country's region, else headquarters. Their names are UI strings
 * (`regionOffice.<id>`, `contacts.headquarters`), so every language writes them.
 */
export const OrganisationContactsSchema = z.strictObject({
  /** The headquarters' contact. */
  headquarters: ContactPointSchema,
  /** Each regional office's contact, by region identifier. */
  regionalOffices: z.partialRecord(z.enum(regionIds, { error: `Use a region identifier: ${regionIds.join(', ')}.` }), ContactPointSchema).default({}),
});

export type Country = z.output<typeof CountrySchema>;
export type ContactPoint = z.output<typeof ContactPointSchema>;
export type OrganisationContacts = z.output<typeof OrganisationContactsSchema>;
export type CountryInput = z.input<typeof CountrySchema>;
