import * as z from 'zod';
import { CountryCodeSchema, IsoDateSchema, LocaleSchema, SlugSchema } from './common.ts';

/** The kinds of publication in the newsroom. */
export const releaseTypes = ['press-release', 'news', 'statement', 'briefing-note', 'story'] as const;
/** How far a release reaches. */
export const releaseScopes = ['global', 'regional', 'country'] as const;

/** A press contact, shown in the contacts block at the end of a release. */
export const ContactSchema = z.strictObject({
  /** Full name, for example "Joel Millman". */
  name: z.string().min(1),
  /** Organisation, for example "IOM" or "UNHCR". */
  organisation: z.string().min(1),
  /** Office or duty station, for example "IOM Libya" or "Geneva". */
  office: z.string().min(1).optional(),
  /** Phone number in international form, for example "+41 79 103 8720". */
  phone: z.string().regex(/^\+?[0-9 ().-]{6,}$/, { error: 'Write the phone number with digits, spaces and an optional leading +, for example +41 79 103 8720.' }).optional(),
  /** E-mail address. */
  email: z.email({ error: 'Write a full e-mail address, for example press@iom.int.' }).optional(),
});

/** Where the release was written: the place and its country, printed before the first paragraph. */
export const DatelineSchema = z.strictObject({
  /** Town or city as readers of this language write it, for example "Tripoli". */
  place: z.string().min(1),
  /** Two-letter country code, for example LY. */
  country: CountryCodeSchema,
});

/** The lead image of a release. */
export const ReleaseImageSchema = z.strictObject({
  /** The image in content/media/, written from /media/: /media/2016/rescue-boat.jpg. */
  src: z.string().regex(/^\/media\/\S+\.(jpe?g|png|webp|avif)$/i, { error: 'Write the path of a photo in content/media/, starting with /media/, for example /media/2016/rescue-boat.jpg.' }),
  /** What the image shows, for readers who cannot see it. Required. */
  alt: z.string().min(1, { error: 'Describe what the image shows in a short sentence.' }),
  /** Caption printed under the image. */
  caption: z.string().optional(),
  /** Credit, for example "© IOM 2016 / Muse Mohammed". */
  credit: z.string().optional(),
});

/** A document attached to a release: a report, a factsheet, a map. */
export const AttachmentSchema = z.strictObject({
  /** What the document is, for example "Full report (PDF, 2.1 MB)". */
  title: z.string().min(1),
  /** Where it is: a path on this site (/media/reports/x.pdf) or an https:// address. */
  href: z.string().regex(/^(https?:\/\/|\/)[^\s]*$/i, { error: 'Write a path starting with / (a file in content/media/) or an address starting with https://.' }),
});

/**
 * Frontmatter of the file a release was first written in (its source). The source carries the facts that do not
 * change between languages (dates, countries, contacts); translations carry only what is written in words.
 */
export const ReleaseSourceSchema = z.strictObject({
  /** Headline, as it appears on the page and in listings. */
  title: z.string().min(1, { error: 'Write the headline.' }).max(200),
  /** URL slug in this language; derived from the title when left out. */
  slug: SlugSchema.optional(),
  /** Kind of publication. */
  type: z.enum(releaseTypes).default('press-release'),
  /** How far the release reaches. */
  scope: z.enum(releaseScopes).default('country'),
  /** Publication date, YYYY-MM-DD. */
  date: IsoDateSchema,
  /** Date of the last substantive update, YYYY-MM-DD. */
  updated: IsoDateSchema.optional(),
  /** Dateline: place and country. */
  dateline: DatelineSchema,
  /** One or two sentences for listings, feeds and search results. */
  summary: z.string().min(1).max(600).optional(),
  /** Countries the release is about (two-letter codes); it is listed on each country's page. */
  countries: z.array(CountryCodeSchema).default([]),
  /** Themes, by identifier (see content/themes.yaml). */
  themes: z.array(z.string().regex(/^[a-z0-9-]+$/)).default([]),
  /** Partner organisations named in the release, for example UNHCR. */
  partners: z.array(z.string().min(1)).default([]),
  /** Funders of the work described. */
  funders: z.array(z.string().min(1)).default([]),
  /** Press contacts, shown at the end of the release. */
  contacts: z.array(ContactSchema).default([]),
  /** Lead image. */
  image: ReleaseImageSchema.optional(),
  /** Documents attached to the release. */
  attachments: z.array(AttachmentSchema).default([]),
  /** Translation keys (folder names) of related releases. */
  related: z.array(z.string()).default([]),
  /** True for demonstration content that is not a real release. */
  sample: z.boolean().default(false),
});

/** Which version of the source a translation was made from. */
export const TranslationOfSchema = z.strictObject({
  /** Language code of the source file, for example en. */
  lang: LocaleSchema,
  /** Fingerprint of the source when it was translated (written by `pnpm i18n:new` and `pnpm i18n:done`). */
  hash: z.string().regex(/^[0-9a-f]{12}$/, { error: 'The hash is 12 characters 0-9 a-f, written by pnpm i18n:new; do not edit it by hand.' }),
});

/** Frontmatter of a translation: only what is written in words, plus which source version it translates. */
export const ReleaseTranslationSchema = z.strictObject({
  /** Headline in this language. */
  title: z.string().min(1, { error: 'Write the headline.' }).max(200),
  /** URL slug in this language; derived from the title when left out. */
  slug: SlugSchema.optional(),
  /** Summary in this language. */
  summary: z.string().min(1).max(600).optional(),
  /** The place of the dateline as this language writes it, for example "Tripoli" or "طرابلس". */
  datelinePlace: z.string().min(1).optional(),
  /** Alternative text and caption of the lead image in this language. */
  imageAlt: z.string().min(1).optional(),
  imageCaption: z.string().min(1).optional(),
  /** Which source version this translation was made from. */
  translationOf: TranslationOfSchema,
});

export type ReleaseSource = z.output<typeof ReleaseSourceSchema>;
export type ReleaseSourceInput = z.input<typeof ReleaseSourceSchema>;
export type ReleaseTranslation = z.output<typeof ReleaseTranslationSchema>;
export type ReleaseTranslationInput = z.input<typeof ReleaseTranslationSchema>;
export type Contact = z.output<typeof ContactSchema>;
export type ReleaseType = (typeof releaseTypes)[number];
