import path from 'node:path';
import { localeCodes, statusCounts, translationStatus, type Locale, type ReleasePage, type StatusState } from '@iom/content-model';

/** One release as the workbench knows it: where its folder is, its source, and its state in every language. */
export interface ReleaseEntry {
  /** `<year>/<folder>`: how the workbench's addresses and requests name a release (as `pnpm i18n:new` does). */
  id: string;
  /** The release's folder, absolute. Files are found from here and a language code only, never from a request's path. */
  folder: string;
  /** The source version: the facts, the source language and file. */
  source: ReleasePage;
  states: Record<Locale, StatusState>;
}

/** The releases, newest first, by id; read once at start and kept up to date with the workbench's own writes. */
export interface ReleaseIndex {
  entries: ReleaseEntry[];
  byId: Map<string, ReleaseEntry>;
}

/**
 * Indexes the releases read by `readSiteContent`, with the translation status `pnpm i18n:status` computes
 * (`translationStatus`), in its order: newest first.
 */
export function buildReleaseIndex(releases: readonly ReleasePage[], displayRoot: string): ReleaseIndex {
  const sources = new Map(releases.filter((page) => page.state === 'source').map((page) => [page.key, page]));
  const byId = new Map<string, ReleaseEntry>();
  const entries: ReleaseEntry[] = [];
  for (const row of translationStatus(releases)) {
    const source = sources.get(row.key);
    if (!source) continue;
    let entry = entries.at(-1);
    if (entry?.source !== source) {
      const folder = path.dirname(path.join(displayRoot, source.sourceFile));
      entry = { id: `${path.basename(path.dirname(folder))}/${path.basename(folder)}`, folder, source, states: Object.fromEntries(localeCodes.map((lang) => [lang, 'missing'])) as Record<Locale, StatusState> };
      entries.push(entry);
      byId.set(entry.id, entry);
    }
    entry.states[row.lang] = row.state;
  }
  return { entries, byId };
}

/** What the queue shows for one language: one page of the releases to translate or update, and the counts. */
export interface QueuePage {
  items: { entry: ReleaseEntry; state: 'missing' | 'stale' }[];
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

/**
 * The release a request names, when it is one the index knows and `lang` is a language it can be translated into
 * (any language of the site but its source). The only way from a request to a file.
 */
export function translatableRelease(index: ReleaseIndex, id: unknown, lang: unknown): { entry: ReleaseEntry; lang: Locale; file: string } | undefined {
  if (typeof id !== 'string' || typeof lang !== 'string') return undefined;
  const entry = index.byId.get(id);
  const target = localeCodes.find((code) => code === lang);
  if (!entry || !target || target === entry.source.sourceLang) return undefined;
  return { entry, lang: target, file: path.join(entry.folder, `${target}.mdx`) };
}
