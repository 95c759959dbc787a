import { localeCodes, type Locale } from '../locales.ts';
import type { ReleasePage } from '../releases.ts';

/** What the status of a text in one language is computed from: a release page, or a section page (no date). */
export type StatusSubject = Pick<ReleasePage, 'key' | 'lang' | 'state' | 'file' | 'sourceLang' | 'sourceFile' | 'title'> & { date?: string | undefined };

/** The state of one release in one language, for translators and coordinators. */
export type StatusState = 'source' | 'current' | 'stale' | 'missing';

/** One row of the translation status: a release in a language. */
export interface TranslationStatusRow {
  key: string;
  lang: Locale;
  state: StatusState;
  /** The language file, when it exists. */
  file?: string | undefined;
  sourceLang: Locale;
  sourceFile: string;
  title: string;
  date: string;
}

/**
 * The translation state of every release in every language: the source, an up-to-date or stale translation, or a
 * missing one. Rows are sorted newest release first, then by locale-table order.
 *
 * @example
 * translationStatus(pages).filter((row) => row.lang === 'fr' && row.state !== 'current' && row.state !== 'source')
 */
export function translationStatus(pages: readonly StatusSubject[]): TranslationStatusRow[] {
  const byKey = new Map<string, StatusSubject[]>();
  for (const page of pages) byKey.set(page.key, [...(byKey.get(page.key) ?? []), page]);
  const rows: TranslationStatusRow[] = [];
  const keys = [...byKey.keys()].sort((a, b) => {
    const dateA = byKey.get(a)![0]!.date ?? '';
    const dateB = byKey.get(b)![0]!.date ?? '';
    return dateB.localeCompare(dateA) || a.localeCompare(b);
  });
  for (const key of keys) {
    const group = byKey.get(key)!;
    const source = group.find((page) => page.state === 'source') ?? group[0]!;
    for (const lang of localeCodes) {
      const page = group.find((candidate) => candidate.lang === lang);
      rows.push({
        key,
        lang,
        state: page ? page.state : 'missing',
        file: page?.file,
        sourceLang: source.sourceLang,
        sourceFile: source.sourceFile,
        title: page?.title ?? source.title,
        date: source.date ?? '',
      });
    }
  }
  return rows;
}

/** Counts per language of each state, for the dashboard and the summary line of `pnpm i18n:status`. */
export function statusCounts(rows: readonly TranslationStatusRow[]): Record<Locale, Record<StatusState, number>> {
  const counts = Object.fromEntries(localeCodes.map((lang) => [lang, { source: 0, current: 0, stale: 0, missing: 0 }])) as Record<Locale, Record<StatusState, number>>;
  for (const row of rows) counts[row.lang][row.state] += 1;
  return counts;
}
