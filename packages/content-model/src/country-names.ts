import type { Locale } from './locales.ts';
import { slugify } from './slugs.ts';

/** Official names that differ from the common names `Intl.DisplayNames` gives, per country and language. */
export type OfficialNames = Readonly<Record<string, Partial<Record<Locale, string>>>>;

const displayNames = new Map<string, Intl.DisplayNames>();

/**
 * A country's name in a language: the official-name overlay first (content/countries/official-names.yaml), then
 * the CLDR name that `Intl.DisplayNames` knows. No hand-typed list of names per language.
 *
 * @example
 * countryName('LY', 'fr', {}) // 'Libye'
 * countryName('SY', 'en', { SY: { en: 'Syrian Arab Republic' } }) // 'Syrian Arab Republic'
 */
export function countryName(code: string, lang: Locale, overlay: OfficialNames): string {
  const official = overlay[code]?.[lang];
  if (official) return official;
  const key = `${lang}|${code}`;
  const known = cldrNames.get(key);
  if (known !== undefined) return known;
  let names = displayNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' });
    displayNames.set(lang, names);
  }
  const name = names.of(code) ?? code;
  cldrNames.set(key, name);
  return name;
}

// Every page names its countries, every listing item too: a lookup instead of an Intl call each time.
const cldrNames = new Map<string, string>();

/**
 * Whether a code is an assigned ISO 3166-1 alpha-2 country code known to CLDR (`ZZ`, `XX` and other unassigned codes are
 * not).
 */
export function isKnownCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code)) return false;
  const name = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }).of(code);
  return name !== undefined && name !== code && name !== 'Unknown Region';
}

/**
 * The URL slug of a country's pages, the same in every language: from its English name (official overlay first).
 *
 * @example
 * countrySlug('LY', {}) // 'libya'
 */
export function countrySlug(code: string, overlay: OfficialNames): string {
  return slugify(countryName(code, 'en', overlay)) || code.toLowerCase();
}
