import path from 'node:path';
import { localeCodes, translationStatus, type Locale, type StatusState, type StatusSubject } from '@iom/content-model';

/**
 * How much work a queue entry is. For an out-of-date translation (`changed`): the sections of the source that changed
 * or are new since the version it was made from, out of how many, how many were removed, and the words of the
 * changed and new sections (what the translator re-reads). For a missing translation (`source`): the words of the
 * source. `unknown` when the version translated is not in git history (or there is no git): it changed, by how much
 * cannot be told. `pending` when it was not counted in the time a queue page may spend.
 */
export type ChangeSize =
  | { kind: 'changed'; sections: number; of: number; removed: number; words: number }
  | { kind: 'source'; words: number }
  | { kind: 'unknown' }
  | { kind: 'pending' };

/** What the workbench knows of one text with language versions (a release or a section page), read at start. */
export interface IndexEntry<Kind extends string, Source> {
  kind: Kind;
  /** How the workbench's addresses and requests name it: `<year>/<folder>` for a release, the key for a page. */
  id: string;
  /** Its folder, absolute. Files are found from here and a language code only, never from a request's path. */
  folder: string;
  /** The source version: the facts, the source language and file. */
  source: Source;
  states: Record<Locale, StatusState>;
  /** The source fingerprint each translation records (`translationOf.hash`), by language: what it was made from. */
  translatedFrom: Partial<Record<Locale, string>>;
}

/** Entries in `translationStatus`'s order (newest release first), by id; kept up to date with the workbench's own writes. */
export interface TranslatableIndex<Entry> {
  entries: Entry[];
  byId: Map<string, Entry>;
}

/**
 * Indexes texts read by `readSiteContent` with the translation status `pnpm i18n:status` computes
 * (`translationStatus`), in its order. `entryOf` makes the entry of a source, given its folder (absolute).
 */
export function indexTranslations<Source extends StatusSubject & { translatedFrom?: string | undefined }, Entry extends IndexEntry<string, Source>>(
  subjects: readonly Source[],
  displayRoot: string,
  entryOf: (source: Source, folder: string, states: Record<Locale, StatusState>) => Entry,
): TranslatableIndex<Entry> {
  const sources = new Map(subjects.filter((subject) => subject.state === 'source').map((subject) => [subject.key, subject]));
  const recorded = new Map(subjects.filter((subject) => subject.translatedFrom !== undefined).map((subject) => [`${subject.key}/${subject.lang}`, subject.translatedFrom!]));
  const byId = new Map<string, Entry>();
  const entries: Entry[] = [];
  for (const row of translationStatus(subjects)) {
    const source = sources.get(row.key);
    if (!source) continue;
    let entry = entries.at(-1);
    if (entry?.source !== source) {
      entry = entryOf(source, path.dirname(path.join(displayRoot, source.sourceFile)), Object.fromEntries(localeCodes.map((lang) => [lang, 'missing'])) as Record<Locale, StatusState>);
      entries.push(entry);
      byId.set(entry.id, entry);
    }
    entry.states[row.lang] = row.state;
    const from = recorded.get(`${row.key}/${row.lang}`);
    if (from !== undefined) entry.translatedFrom[row.lang] = from;
  }
  return { entries, byId };
}

/**
 * The entry a request names, when the index knows it and `lang` is a language it can be translated into (any
 * language of the site but its source), with the file that translation is: built from the entry's folder and the
 * locale table's code, never from the request's text. The only way from a request to a file.
 */
export function translatableEntry<Entry extends IndexEntry<string, { sourceLang: Locale }>>(index: TranslatableIndex<Entry>, id: unknown, lang: unknown): { entry: Entry; lang: Locale; file: string } | undefined {
  if (typeof id !== 'string' || typeof lang !== 'string') return undefined;
  const entry = index.byId.get(id);
  const target = localeCodes.find((code) => code === lang);
  if (!entry || !target || target === entry.source.sourceLang) return undefined;
  return { entry, lang: target, file: path.join(entry.folder, `${target}.mdx`) };
}
