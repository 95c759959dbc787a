import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { isUiStringLanguage, updateUiStringsFile, uiStringLanguages } from '../../ui-strings-file.ts';

const english = { 'site.name': 'IOM', 'nav.news': 'News', 'lang.current': '{language} (current page)', 'search.submit': 'Search' };

const spanish = `# Textos de la interfaz en español. Deje los {nombre} como están.
site.name: OIM
# Menú
nav.news: Noticias # corto
search.submit: Buscar
`;

describe('writing edited UI strings into a language file', () => {
  it('changes only the edited value and keeps every comment', () => {
    expect(updateUiStringsFile(spanish, english, { 'nav.news': 'Actualidad', 'site.name': 'OIM' })).toBe(spanish.replace('Noticias', 'Actualidad'));
  });

  it('adds a missing key where English puts it, quoted when YAML needs it', () => {
    const updated = updateUiStringsFile(spanish, english, { 'lang.current': '{language} (página actual)' });
    expect(updated).toBe(spanish.replace('search.submit', 'lang.current: "{language} (página actual)"\nsearch.submit'));
  });

  it('writes Arabic text as it is', () => {
    const updated = updateUiStringsFile('site.name: المنظمة\n', english, { 'nav.news': 'الأخبار' });
    expect(updated).toBe('site.name: المنظمة\nnav.news: الأخبار\n');
  });

  it('refuses a key English does not have', () => {
    expect(() => updateUiStringsFile(spanish, english, { 'nav.typo': 'x' })).toThrow(/nav\.typo/);
  });

  it('edits only the languages that are not the source', () => {
    expect(uiStringLanguages).toEqual(['fr', 'es', 'ar']);
    expect(isUiStringLanguage('en')).toBe(false);
    expect(isUiStringLanguage('../en')).toBe(false);
    expect(isUiStringLanguage('ar')).toBe(true);
  });
});

describe('the real strings files, read only', () => {
  const i18n = path.resolve(import.meta.dirname, '../../../../../content/i18n');
  const realEnglish = parse(readFileSync(path.join(i18n, 'en.yaml'), 'utf8')) as Record<string, string>;

  it.each(uiStringLanguages)('%s.yaml comes back byte for byte when nothing is edited or a value is set to itself', (lang) => {
    const text = readFileSync(path.join(i18n, `${lang}.yaml`), 'utf8');
    const own = parse(text) as Record<string, string>;
    expect(updateUiStringsFile(text, realEnglish, {})).toBe(text);
    expect(updateUiStringsFile(text, realEnglish, own)).toBe(text);
  });
});
