import { defaultLocale, localeCodes, type Locale } from './locales.ts';

/** UI strings of one language: flat keys such as `nav.whoWeAre`, as written in `content/i18n/<lang>.yaml`. */
export type UiStrings = Readonly<Record<string, string>>;

/** A UI string missing in a language, reported at build time and replaced by the English text. */
export interface MissingString {
  lang: Locale;
  key: string;
}

/**
 * Completes each language's strings with the default language's: a key missing in French falls back to English and
 * is reported. Keys that English does not have are reported too (they are probably typos).
 *
 * @example
 * resolveUiStrings({ en: { 'nav.home': 'Home', 'nav.news': 'News' }, fr: { 'nav.home': 'Accueil' } })
 * // strings.fr = { 'nav.home': 'Accueil', 'nav.news': 'News' }, missing = [{ lang: 'fr', key: 'nav.news' }]
 */
export function resolveUiStrings(byLocale: Partial<Record<Locale, UiStrings>>): {
  strings: Record<Locale, UiStrings>;
  missing: MissingString[];
  unknown: MissingString[];
} {
  const base = byLocale[defaultLocale] ?? {};
  const missing: MissingString[] = [];
  const unknown: MissingString[] = [];
  const strings = {} as Record<Locale, UiStrings>;
  for (const lang of localeCodes) {
    const own = byLocale[lang] ?? {};
    for (const key of Object.keys(base)) if (!(key in own)) missing.push({ lang, key });
    for (const key of Object.keys(own)) if (!(key in base)) unknown.push({ lang, key });
    strings[lang] = { ...base, ...own };
  }
  return { strings, missing, unknown };
}

/** `{name}` in a UI string: the one pattern `t()` fills and `placeholderMismatch` compares. */
const placeholderPattern = /\{(\w+)\}/g;

/** The placeholders a translation lacks or adds compared with the English text; both empty when they agree. */
export interface PlaceholderMismatch {
  missing: string[];
  extra: string[];
}

/**
 * Compares the sets of `{name}` placeholders of a translation and its English text. `t()` fills only the names the
 * site passes, so a translated `{nombre}` would reach readers as written and a dropped `{total}` would lose a number.
 *
 * @example
 * placeholderMismatch('Page {page} of {total}', 'Página {pagina} de {total}')
 * // { missing: ['page'], extra: ['pagina'] }
 */
export function placeholderMismatch(english: string, translation: string): PlaceholderMismatch {
  const names = (text: string) => new Set(Array.from(text.matchAll(placeholderPattern), (match) => match[1] ?? ''));
  const wanted = names(english);
  const found = names(translation);
  return {
    missing: [...wanted].filter((name) => !found.has(name)),
    extra: [...found].filter((name) => !wanted.has(name)),
  };
}

/** Looks up a UI string; `{name}` placeholders are replaced from `values`. */
export type Translate = (key: string, values?: Readonly<Record<string, string | number>>) => string;

/**
 * Makes `t()` for one language. An unknown key is a programming error and throws, so that a typo in a component
 * fails the build instead of printing a key to readers.
 *
 * @example
 * const t = createTranslate({ 'news.page': 'Page {page} of {total}' });
 * t('news.page', { page: 2, total: 5 }) // 'Page 2 of 5'
 */
export function createTranslate(strings: UiStrings): Translate {
  return (key, values) => {
    const template = strings[key];
    if (template === undefined) throw new Error(`Unknown UI string "${key}": add it to content/i18n/en.yaml.`);
    if (!values) return template;
    return template.replace(placeholderPattern, (whole, name: string) => (name in values ? String(values[name]) : whole));
  };
}
