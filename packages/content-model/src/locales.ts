/**
 * The one locale table. Routes, hreflang, the language switcher, the Pagefind language, date formatting and the UI
 * string files all derive from it: adding a language is one entry here plus its strings in `content/i18n/`.
 */
export interface LocaleConfig {
  /** The language's own name for itself, shown in the language switcher. */
  label: string;
  /** BCP 47 tag, used for `<html lang>`, hreflang, `Intl` formatting and the Pagefind index. */
  lang: string;
  /** Writing direction, used for `<html dir>`. */
  dir: 'ltr' | 'rtl';
  /** Locale in the form OpenGraph expects (`og:locale`), language_TERRITORY. */
  ogLocale: string;
}

export const locales = {
  en: { label: 'English', lang: 'en', dir: 'ltr', ogLocale: 'en_GB' },
  fr: { label: 'Français', lang: 'fr', dir: 'ltr', ogLocale: 'fr_FR' },
  es: { label: 'Español', lang: 'es', dir: 'ltr', ogLocale: 'es_ES' },
  ar: { label: 'العربية', lang: 'ar', dir: 'rtl', ogLocale: 'ar_AR' },
} as const satisfies Record<string, LocaleConfig>;

/** A locale code used in URLs and content file names: `en`, `fr`, `es`, `ar`. */
export type Locale = keyof typeof locales;

/** All locale codes in table order. */
export const localeCodes = Object.keys(locales) as Locale[];

/** The locale of `x-default` and of UI strings that a translation does not have yet. */
export const defaultLocale: Locale = 'en';

/** Type guard: is `value` one of the site's locale codes? */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && Object.hasOwn(locales, value);
}
