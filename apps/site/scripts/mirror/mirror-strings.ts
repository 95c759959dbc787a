/**
 * The UI strings the mirror steps write into pages (the offline search notice, "not in this copy of the site"),
 * read from `content/i18n/<lang>.yaml` like every other UI string, under keys starting with `mirror.`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { localeCodes, type Locale } from '@iom/content-model';
import { resolveUiStrings, type UiStrings } from '@iom/content-model';

/** Every key the mirror steps use. English must have them all; another language lacking one shows the English. */
export const mirrorStringKeys = [
  'mirror.offlineSearch.notice',
  'mirror.offlineSearch.scope',
  'mirror.offlineSearch.heading',
  'mirror.offlineSearch.resultCount',
  'mirror.offlineSearch.noResults',
  'mirror.offlineSearch.unavailable',
  'mirror.notInCopy',
] as const;

export type MirrorStringKey = (typeof mirrorStringKeys)[number];
export type MirrorStrings = Record<Locale, Record<MirrorStringKey, string>>;

/**
 * Picks the mirror strings out of every language's UI strings, English filling the gaps. Throws, naming the file and
 * the keys, when English lacks one (there would be nothing to show).
 *
 * @example
 * pickMirrorStrings({ en: { 'mirror.notInCopy': 'not in this copy', … }, fr: {} }, 'content/i18n')
 * // { en: { 'mirror.notInCopy': 'not in this copy', … }, fr: { 'mirror.notInCopy': 'not in this copy', … }, … }
 */
export function pickMirrorStrings(byLocale: Partial<Record<Locale, UiStrings>>, i18nFolder: string): MirrorStrings {
  const missing = mirrorStringKeys.filter((key) => typeof byLocale.en?.[key] !== 'string');
  if (missing.length) {
    throw new Error(
      `${path.join(i18nFolder, 'en.yaml')} has no text for ${missing.join(', ')}. The offline mirror writes these into its pages: add them (see apps/site/scripts/mirror/README.md for the English text).`,
    );
  }
  const { strings } = resolveUiStrings(byLocale);
  const result = {} as MirrorStrings;
  for (const lang of localeCodes) {
    result[lang] = Object.fromEntries(mirrorStringKeys.map((key) => [key, strings[lang][key]!])) as Record<MirrorStringKey, string>;
  }
  return result;
}

/** Reads the mirror strings of every language from `<contentDir>/i18n/`. */
export async function readMirrorStrings(contentDir: string): Promise<MirrorStrings> {
  const folder = path.join(contentDir, 'i18n');
  const byLocale: Partial<Record<Locale, UiStrings>> = {};
  for (const lang of localeCodes) {
    let text: string;
    try {
      text = await readFile(path.join(folder, `${lang}.yaml`), 'utf8');
    } catch {
      continue;
    }
    const data: unknown = parse(text);
    if (data && typeof data === 'object') {
      byLocale[lang] = Object.fromEntries(Object.entries(data).filter(([, value]) => typeof value === 'string'));
    }
  }
  return pickMirrorStrings(byLocale, folder);
}
