import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isUiStringLanguage, readUiStringsFile, updateUiStringsFile, uiStringLanguages } from '../../ui-strings-file.ts';

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

describe('clearing a UI string', () => {
  it('removes the key, so the site falls back to English, and keeps the comment written above it', () => {
    expect(updateUiStringsFile(spanish, english, { 'nav.news': '' })).toBe('# Textos de la interfaz en español. Deje los {nombre} como están.\nsite.name: OIM\n# Menú\nsearch.submit: Buscar\n');
    expect(updateUiStringsFile(spanish, english, { 'site.name': '  ' })).toBe('# Textos de la interfaz en español. Deje los {nombre} como están.\n# Menú\nnav.news: Noticias # corto\nsearch.submit: Buscar\n');
    expect(parse(updateUiStringsFile(spanish, english, { 'search.submit': '' }))).toEqual({ 'site.name': 'OIM', 'nav.news': 'Noticias' });
  });

  it('does nothing for a key the file does not have', () => {
    expect(updateUiStringsFile(spanish, english, { 'lang.current': '' })).toBe(spanish);
  });
});

describe('reading a UI strings file for the page', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'iom-strings-'));
  const read = (text: string, strict = false) => {
    writeFileSync(path.join(folder, 'x.yaml'), text);
    return readUiStringsFile(path.join(folder, 'x.yaml'), 'content/i18n/x.yaml', strict);
  };

  it('gives the plain-text values and the text as on disk', () => {
    expect(read('a: "Uno"\r\nb: Dos\r\n')).toEqual({ text: 'a: "Uno"\r\nb: Dos\r\n', values: { a: 'Uno', b: 'Dos' } });
    expect(read('')).toEqual({ text: '', values: {} });
    expect(readUiStringsFile(path.join(folder, 'absent.yaml'), 'content/i18n/absent.yaml')).toEqual({ text: undefined, values: {} });
  });

  it('names the line and the fix of a YAML error, a repeated key, a value that is not text', () => {
    const issueOf = (result: ReturnType<typeof read>) => ('issue' in result ? result.issue : undefined);
    // An unclosed quote is found by YAML at the end of the file; the line named is where it was opened.
    const quote = issueOf(read('a: Uno\nb: "Dos\nc: Tres\n'));
    expect([quote?.file, quote?.line]).toEqual(['content/i18n/x.yaml', 2]);
    expect(quote?.message).toMatch(/^The YAML is not valid: /);
    expect(issueOf(read("a: 'it''s'\nb: 'Dos\n"))?.line).toBe(2);
    const repeated = issueOf(read('a: Uno\na: Dos\n'));
    expect(repeated?.line).toBe(2);
    expect(repeated?.fix).toMatch(/only once/);
    expect(read('a: Uno\nb:\n  c: Tres\n', true)).toMatchObject({ issue: { line: 2, field: 'b', message: 'The text of "b" is not plain text.' } });
    // In a translation, such a value is left out: the page lists the key as missing.
    expect(read('a: Uno\nb:\n', false)).toMatchObject({ values: { a: 'Uno' } });
    expect(read('- a\n- b\n')).toMatchObject({ issue: { message: 'The file is not a list of `key: text` lines.' } });
    rmSync(folder, { recursive: true, force: true });
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
