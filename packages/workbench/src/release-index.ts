import path from 'node:path';
import { statusCounts, type Locale, type ReleasePage, type StatusState } from '@iom/content-model';
import { indexTranslations, translatableEntry, type ChangeSize, type IndexEntry, type TranslatableIndex } from './translatable-index.ts';

/** One release as the workbench knows it: its id is `<year>/<folder>` (as `pnpm i18n:new` names it). */
export type ReleaseEntry = IndexEntry<'release', ReleasePage>;

/** The releases, newest first, by id; read once at start and kept up to date with the workbench's own writes. */
export type ReleaseIndex = TranslatableIndex<ReleaseEntry>;

/**
 * Indexes the releases read by `readSiteContent`, with the translation status `pnpm i18n:status` computes
 * (`translationStatus`), in its order: newest first.
 */
export function buildReleaseIndex(releases: readonly ReleasePage[], displayRoot: string): ReleaseIndex {
  return indexTranslations(releases, displayRoot, (source, folder, states): ReleaseEntry => ({ kind: 'release', id: `${path.basename(path.dirname(folder))}/${path.basename(folder)}`, folder, source, states, translatedFrom: {} }));
}

/** What the queue shows for one language: one page of the releases to translate or update, and the counts. */
export interface QueuePage {
  /** `size` (how much work each is) is added by the server, for the entries shown only. */
  items: { entry: ReleaseEntry; state: 'missing' | 'stale'; size?: ChangeSize | undefined }[];
  counts: Record<StatusState, number>;
  /** 1-based, clamped to the pages there are. */
  page: number;
  pages: number;
}

/** Which releases the queue shows: those about a country (ISO code, as in `countries:`) and with a theme, when given. */
export interface QueueFilter {
  country?: string | undefined;
  theme?: string | undefined;
}

/**
 * The releases missing or out of date in `lang`, newest first, one page of `pageSize`, among those the filter keeps
 * (the counts too). A filter over the index in memory: no file is read, so a queue of any length opens at once.
 */
export function queuePage(index: ReleaseIndex, lang: Locale, page: number, pageSize = 50, filter: QueueFilter = {}): QueuePage {
  const kept = index.entries.filter((entry) => (!filter.country || entry.source.countries.includes(filter.country)) && (!filter.theme || entry.source.themes.includes(filter.theme)));
  const todo = kept.filter((entry) => entry.states[lang] === 'missing' || entry.states[lang] === 'stale');
  const pages = Math.max(1, Math.ceil(todo.length / pageSize));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pages);
  const counts = statusCounts(kept.map((entry) => ({ key: entry.id, lang, state: entry.states[lang], sourceLang: entry.source.sourceLang, sourceFile: entry.source.sourceFile, title: entry.source.title, date: entry.source.date })))[lang];
  return {
    items: todo.slice((current - 1) * pageSize, current * pageSize).map((entry) => ({ entry, state: entry.states[lang] as 'missing' | 'stale' })),
    counts,
    page: current,
    pages,
  };
}

/** The release a request names, when it can be translated into `lang` (see `translatableEntry`). */
export function translatableRelease(index: ReleaseIndex, id: unknown, lang: unknown): { entry: ReleaseEntry; lang: Locale; file: string } | undefined {
  return translatableEntry(index, id, lang);
}
