import { locales, type Locale } from '@iom/content-model';

/**
 * `lang` and `dir` for an element whose words are in `textLang` on a page in `pageLang`: both when the languages
 * differ (a screen reader then reads them with the right voice, and the browser isolates their direction, so
 * "Tripoli, Libya" keeps its comma in place on an Arabic page), nothing when they are the same.
 *
 * @example
 * <span {...foreignLanguage('ar', 'en')}>IOM Libya</span>   // <span lang="en" dir="ltr">IOM Libya</span>
 * <span {...foreignLanguage('en', 'en')}>IOM Libya</span>   // <span>IOM Libya</span>
 */
export function foreignLanguage(pageLang: Locale, textLang: Locale): { lang?: string; dir?: 'ltr' | 'rtl' } {
  return textLang === pageLang ? {} : { lang: locales[textLang].lang, dir: locales[textLang].dir };
}
