import { locales, type Locale } from './locales.ts';

const dateFormats = new Map<string, Intl.DateTimeFormat>();
// A site of 20,000 pages formats the same few thousand dates, names and separators hundreds of thousands of times
// (every listing item, every page): each Intl call costs microseconds, a lookup nanoseconds.
const formattedDates = new Map<string, string>();
const namesOfLanguages = new Map<string, string>();
const separatorsByCount = new Map<string, readonly string[]>();

/**
 * Formats a `YYYY-MM-DD` date for readers of a language, with the month names and digits that language uses.
 * Computed in UTC so the day never shifts with the build machine's time zone.
 *
 * @example
 * formatDate('2016-09-02', 'en') // 'September 2, 2016'
 * formatDate('2016-09-02', 'fr') // '2 septembre 2016'
 */
export function formatDate(date: string, lang: Locale): string {
  const key = `${lang}|${date}`;
  const known = formattedDates.get(key);
  if (known !== undefined) return known;
  let format = dateFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(locales[lang].lang, { dateStyle: 'long', timeZone: 'UTC' });
    dateFormats.set(lang, format);
  }
  const formatted = format.format(new Date(`${date}T00:00:00Z`));
  formattedDates.set(key, formatted);
  return formatted;
}

/** Formats a number for readers of a language. */
export function formatNumber(value: number, lang: Locale): string {
  return new Intl.NumberFormat(locales[lang].lang).format(value);
}

/** The name of a language as readers of another language write it, for example `anglais` for en in fr. */
export function languageName(of: Locale, inLang: Locale): string {
  const key = `${of}|${inLang}`;
  const known = namesOfLanguages.get(key);
  if (known !== undefined) return known;
  let names = languageNames.get(inLang);
  if (!names) {
    names = new Intl.DisplayNames([locales[inLang].lang], { type: 'language' });
    languageNames.set(inLang, names);
  }
  const name = names.of(locales[of].lang) ?? of;
  namesOfLanguages.set(key, name);
  return name;
}

// Building an Intl.DisplayNames costs far more than a lookup, and listings ask for a name on every item.
const languageNames = new Map<Locale, Intl.DisplayNames>();

const listFormats = new Map<Locale, Intl.ListFormat>();

/**
 * The words and punctuation between the items of a list, as readers of a language write it: "A, B and C" in
 * English, "A، وB" style joins in Arabic. For lists whose items are links, where `Intl.ListFormat` cannot format the
 * items themselves.
 *
 * @example
 * listSeparators(3, 'en') // [', ', ', and ']
 */
export function listSeparators(count: number, lang: Locale): string[] {
  if (count < 2) return [];
  const key = `${lang}|${count}`;
  const known = separatorsByCount.get(key);
  if (known) return [...known];
  let format = listFormats.get(lang);
  if (!format) {
    format = new Intl.ListFormat(locales[lang].lang, { type: 'conjunction', style: 'long' });
    listFormats.set(lang, format);
  }
  const parts = format.formatToParts(Array.from({ length: count }, (_, index) => String(index)));
  const separators: string[] = [];
  let pending = '';
  let seenElement = false;
  for (const part of parts) {
    if (part.type === 'literal') pending += part.value;
    else {
      if (seenElement) separators.push(pending);
      pending = '';
      seenElement = true;
    }
  }
  separatorsByCount.set(key, separators);
  return [...separators];
}

/** Plain-text items joined as readers of a language write a list. */
export function formatList(items: readonly string[], lang: Locale): string {
  const separators = listSeparators(items.length, lang);
  return items.map((item, index) => (index === 0 ? item : `${separators[index - 1]}${item}`)).join('');
}
