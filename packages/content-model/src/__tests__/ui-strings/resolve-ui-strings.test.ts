import { describe, expect, it } from 'vitest';
import { createTranslate, resolveUiStrings } from '../../ui-strings.ts';
import { formatDate, formatList, languageName, listSeparators } from '../../formatting.ts';
import { locales, localeCodes } from '../../locales.ts';

describe('UI strings with a missing Arabic key', () => {
  const { strings, missing, unknown } = resolveUiStrings({
    en: { 'nav.news': 'News', 'news.page': 'Page {page} of {total}' },
    fr: { 'nav.news': 'Actualités', 'news.page': 'Page {page} sur {total}', 'nav.typo': 'x' },
    es: { 'nav.news': 'Noticias', 'news.page': 'Página {page} de {total}' },
    ar: { 'nav.news': 'الأخبار' },
  });

  it('falls back to English and reports the missing key', () => {
    expect(strings.ar['news.page']).toBe('Page {page} of {total}');
    expect(missing).toEqual([{ lang: 'ar', key: 'news.page' }]);
  });

  it('reports keys English does not have', () => {
    expect(unknown).toEqual([{ lang: 'fr', key: 'nav.typo' }]);
  });

  it('fills placeholders and throws on a key no language has', () => {
    const t = createTranslate(strings.fr);
    expect(t('news.page', { page: 2, total: 5 })).toBe('Page 2 sur 5');
    expect(() => t('nav.nope')).toThrow('Unknown UI string "nav.nope"');
  });
});

describe('the locale table', () => {
  it('has four languages, Arabic right to left', () => {
    expect(localeCodes).toEqual(['en', 'fr', 'es', 'ar']);
    expect(locales.ar.dir).toBe('rtl');
    expect(localeCodes.filter((code) => locales[code].dir === 'rtl')).toEqual(['ar']);
  });

  it('formats dates with each language’s month names, never shifting the day', () => {
    expect(formatDate('2016-09-02', 'en')).toBe('September 2, 2016');
    expect(formatDate('2016-09-02', 'fr')).toBe('2 septembre 2016');
    expect(formatDate('2016-09-02', 'es')).toBe('2 de septiembre de 2016');
    expect(formatDate('2016-09-02', 'ar')).toContain('سبتمبر');
  });

  it('joins lists as each language writes them, Arabic with و attached to the next item', () => {
    expect(formatList(['Libya', 'Tunisia', 'Italy'], 'en')).toBe('Libya, Tunisia, and Italy');
    expect(formatList(['Libye', 'Tunisie', 'Italie'], 'fr')).toBe('Libye, Tunisie et Italie');
    expect(formatList(['ليبيا', 'تونس', 'إيطاليا'], 'ar')).toBe('ليبيا وتونس وإيطاليا');
    expect(listSeparators(1, 'en')).toEqual([]);
    expect(listSeparators(2, 'es')).toEqual([' y ']);
  });

  it('names languages in the reader’s language', () => {
    expect(languageName('en', 'fr')).toBe('anglais');
    expect(languageName('fr', 'ar')).toBe('الفرنسية');
  });
});
