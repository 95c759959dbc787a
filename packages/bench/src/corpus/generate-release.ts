import { sourceFingerprint } from '@iom/content-model';
import type { Locale } from '@iom/content-model';
import { slugify } from '@iom/content-model';
import { headquarters } from './country-table.ts';
import { capitalizeFirst, fillFrame, titleCase, type FrameContext } from './fill-frame.ts';
import { englishCountryName, type GeneratedCountry } from './generate-countries.ts';
import { createRandom, type Random } from './random.ts';
import { countWords, planBody, writeBody, type BodyContext } from './release-body.ts';
import { latinNames, textBanks, type TextBank } from './text-banks/index.ts';
import { frontmatterFile } from './yaml-writer.ts';

/** Site languages in locale-table order. */
export const corpusLanguages = ['en', 'fr', 'es', 'ar'] as const satisfies readonly Locale[];

/** Kinds of publication, weighted as in the real newsroom. */
export const typeRates = { 'press-release': 0.6, news: 0.2, statement: 0.08, 'briefing-note': 0.08, story: 0.04 } as const;
/** The language a release is first written in. */
export const sourceLanguageRates = { en: 0.94, fr: 0.05, es: 0.01 } as const;
/** Chance that a release has a translation into each language (other than its source). */
export const translationRates: Readonly<Record<Locale, number>> = { en: 0.9, fr: 0.6, es: 0.45, ar: 0.35 };
const scopeRates = { country: 0.7, regional: 0.2, global: 0.1 } as const;

const firstDay = Date.UTC(2010, 0, 1);
const lastDay = Date.UTC(2026, 11, 31);
const dayMs = 86_400_000;

const frontmatterPartners = ['UNHCR', 'UNICEF', 'WFP', 'WHO', 'OCHA', 'UNFPA', 'UNDP', 'ILO', 'IFRC', 'Norwegian Refugee Council', 'Danish Refugee Council', 'Save the Children'];
const frontmatterFunders = [
  'European Union',
  'Government of Italy',
  'Government of Germany',
  'Government of Japan',
  'United Kingdom',
  'Government of Canada',
  'Government of Sweden',
  'Government of the Netherlands',
  'Central Emergency Response Fund',
  'Government of Switzerland',
  'Government of Norway',
  'World Bank',
];

/** Remembers every slug taken in every language, so that no two pages of a language share a URL. */
export interface SlugRegistry {
  /** Takes the slug of `title` in `lang`; false if another page has it. */
  claim(lang: Locale, title: string): boolean;
}

/**
 * A registry backed by one set per language, using the site's own `slugify`, so a collision here is exactly a
 * collision in the build.
 */
export function createSlugRegistry(): SlugRegistry {
  const taken = new Map<Locale, Set<string>>();
  return {
    claim(lang, title) {
      const slug = slugify(title);
      const set = taken.get(lang) ?? new Set<string>();
      taken.set(lang, set);
      if (!slug || set.has(slug)) return false;
      set.add(slug);
      return true;
    },
  };
}

/** One release: its folder and one file per language. */
export interface GeneratedRelease {
  /** Folder name, the translation key. */
  key: string;
  year: number;
  sourceLang: Locale;
  files: { lang: Locale; path: string; text: string }[];
  /** Words in the source body. */
  words: number;
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();
const regionNames = new Map<Locale, Intl.DisplayNames>();
const monthNames = new Map<Locale, Intl.DateTimeFormat>();

function localeTools(lang: Locale) {
  if (!numberFormats.has(lang)) {
    numberFormats.set(lang, new Intl.NumberFormat(lang));
    regionNames.set(lang, new Intl.DisplayNames([lang], { type: 'region' }));
    monthNames.set(lang, new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' }));
  }
  return { number: numberFormats.get(lang)!, region: regionNames.get(lang)!, month: monthNames.get(lang)! };
}

/** The dateline place as a language writes it; Arabic falls back to the country's name when the town is not known. */
function localPlace(bank: TextBank, place: string, countryCode: string): string {
  const known = bank.places[place];
  if (known) return known;
  return bank.lang === 'ar' ? localeTools('ar').region.of(countryCode) ?? place : place;
}

/** Folds a name to ASCII lower case for an e-mail address: "Christine Petré" → "cpetre". */
export function emailFor(name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z ]/g, '');
  const [first = 'x', ...rest] = ascii.split(' ').filter(Boolean);
  return `${first[0]}${rest.join('')}@iom.int`;
}

/** Folder name: `r000123-` and the first words of the source title, ASCII only. */
export function releaseKey(index: number, title: string): string {
  const words = slugify(title)
    .normalize('NFD')
    .replace(/[^a-z0-9-]/g, '')
    .split('-')
    .filter(Boolean)
    .slice(0, 6);
  return [`r${String(index + 1).padStart(6, '0')}`, ...words].join('-');
}

function pickTitle(bank: TextBank, frames: readonly string[], context: FrameContext, random: Random, slugs: SlugRegistry, index: number): string {
  for (let attempt = 0; attempt < 40; attempt++) {
    const filled = capitalizeFirst(fillFrame(random.pick(frames), bank, context, random));
    const title = bank.titleCase ? titleCase(filled) : filled;
    if (slugs.claim(bank.lang, title)) return title;
  }
  // Practically unreachable (titles carry a random count), but a duplicate slug would fail the build.
  const fallback = `${capitalizeFirst(fillFrame(frames[0]!, bank, context, random))} (${index + 1})`;
  if (!slugs.claim(bank.lang, fallback)) throw new Error(`Could not find a unique title for release ${index + 1} in ${bank.lang}`);
  return fallback;
}

function titleFrames(bank: TextBank, type: string): readonly string[] {
  if (type === 'statement') return bank.titles.statement;
  if (type === 'briefing-note') return bank.titles.briefing;
  if (type === 'story') return bank.titles.story;
  return bank.titles.news;
}

/**
 * Generates release number `index` (from 0) of the corpus: the source file with full frontmatter and, for some
 * languages, translations whose `translationOf.hash` is the source's current fingerprint. Everything is drawn from
 * streams seeded by `seed` and `index`; only title uniqueness depends on earlier releases (through `slugs`).
 *
 * @example
 * const release = generateRelease({ seed: 1, index: 0, countries: generateCountries(1), themes, slugs: createSlugRegistry() });
 * release.files.map((f) => f.path); // ['releases/2019/r000001-iom-assists-1-240-migrants-in-dakar/en.mdx', …]
 */
export function generateRelease(options: {
  seed: number;
  index: number;
  countries: readonly GeneratedCountry[];
  themes: readonly string[];
  slugs: SlugRegistry;
}): GeneratedRelease {
  const { seed, index, countries, themes, slugs } = options;
  const random = createRandom(seed, 'release', index);
  const type = random.weighted(typeRates);
  const scope = random.weighted(scopeRates);
  const sourceLang: Locale = random.weighted(sourceLanguageRates);
  const date = new Date(firstDay + random.int(0, (lastDay - firstDay) / dayMs) * dayMs);
  const isoDate = date.toISOString().slice(0, 10);
  const year = date.getUTCFullYear();

  // A quarter of the releases are about a few countries in the news, as in a real newsroom.
  const served = countries.filter((country) => country.presence !== 'none');
  const frequent = served.filter((_, position) => position % 7 === 0);
  const primary = random.chance(0.25) ? random.pick(frequent) : random.pick(served);
  const sameRegion = served.filter((country) => country.region === primary.region && country.code !== primary.code);
  const others = scope === 'global' ? served.filter((country) => country.code !== primary.code) : sameRegion;
  const releaseCountries = [primary, ...random.sample(others, random.int(0, 2))];
  const regionalOffice = served.find((country) => country.region === primary.region && country.regionalOffice) ?? primary;
  const dateline =
    scope === 'global'
      ? { place: headquarters.place as string, country: headquarters.country as string }
      : scope === 'regional'
        ? { place: regionalOffice.capital, country: regionalOffice.code }
        : { place: primary.capital, country: primary.code };

  const [given, family] = latinNames;
  const contacts = Array.from({ length: random.int(1, 2) }, () => {
    const name = `${random.pick(given)} ${random.pick(family)}`;
    const office = scope === 'global' ? 'IOM Headquarters, Geneva' : `IOM ${englishCountryName(scope === 'regional' ? regionalOffice.code : primary.code)}`;
    return {
      name,
      organisation: 'IOM',
      office,
      phone: `+${random.int(20, 998)} ${random.int(10, 99)} ${random.int(100, 999)} ${random.int(1000, 9999)}`,
      email: emailFor(name),
    };
  });
  const hasSummary = random.chance(0.92);
  const blocks = planBody(random, type);
  const translated = corpusLanguages.filter((lang) => lang !== sourceLang && random.chance(translationRates[lang]));
  const sourceFacts = {
    countries: releaseCountries.map((country) => country.code),
    themes: random.sample(themes, random.int(1, 3)),
    partners: random.sample(frontmatterPartners, random.int(0, 3)),
    funders: random.sample(frontmatterFunders, random.int(0, 3)),
    contacts,
  };

  // Words of each language version: title, summary, body.
  const versions = [sourceLang, ...translated].map((lang) => {
    const bank = textBanks[lang];
    const tools = localeTools(lang);
    const context: BodyContext = {
      place: localPlace(bank, dateline.place, dateline.country),
      country: tools.region.of(primary.code) ?? primary.code,
      year,
      month: tools.month.format(date),
      formatNumber: (value) => tools.number.format(value),
      names: bank.names ?? latinNames,
    };
    const title = pickTitle(bank, titleFrames(bank, type), context, createRandom(seed, 'title', index, lang), slugs, index);
    const words = createRandom(seed, 'words', index, lang);
    const summary = hasSummary ? capitalizeFirst(fillFrame(words.pick(bank.summaries), bank, context, words)) : undefined;
    const body = writeBody(blocks, bank, context, createRandom(seed, 'body', index, lang));
    return { lang, bank, context, title, summary, body };
  });

  const source = versions[0]!;
  const key = releaseKey(index, source.title);
  const folder = `releases/${year}/${key}`;
  const hash = sourceFingerprint({ title: source.title, summary: source.summary, body: source.body });
  const files = versions.map((version) => {
    const isSource = version === source;
    const frontmatter = isSource
      ? { title: version.title, type, scope, date: isoDate, dateline, summary: version.summary, ...sourceFacts }
      : {
          title: version.title,
          summary: version.summary,
          datelinePlace: version.context.place !== dateline.place ? version.context.place : undefined,
          translationOf: { lang: sourceLang, hash },
        };
    return { lang: version.lang, path: `${folder}/${version.lang}.mdx`, text: frontmatterFile(frontmatter, version.body) };
  });
  files.sort((a, b) => corpusLanguages.indexOf(a.lang) - corpusLanguages.indexOf(b.lang));
  return { key, year, sourceLang, files, words: countWords(source.body) };
}
