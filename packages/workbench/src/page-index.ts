import { statusCounts, type Locale, type SitePage, type StatusState } from '@iom/content-model';
import { indexTranslations, translatableEntry, type ChangeSize, type IndexEntry, type TranslatableIndex } from './translatable-index.ts';

/** One section page as the workbench knows it: its id is its key (the folder name under `content/pages/`). */
export type PageEntry = IndexEntry<'page', SitePage>;

/** The section pages read at start, by key; kept up to date with the workbench's own writes. */
export type PageIndex = TranslatableIndex<PageEntry>;

/** Indexes the section pages read by `readSiteContent`, with the status `pnpm i18n:status` computes for them. */
export function buildPageIndex(pages: readonly SitePage[], displayRoot: string): PageIndex {
  const index = indexTranslations(pages, displayRoot, (source, folder, states): PageEntry => ({ kind: 'page', id: source.key, folder, source, states, translatedFrom: {} }));
  // In the menu's order (top-level pages by order, each followed by the pages under it), as a reader meets them.
  const place = (entry: PageEntry) => {
    const parent = entry.source.menu.parent ? index.byId.get(entry.source.menu.parent) : undefined;
    return parent ? [parent.source.menu.order, entry.source.menu.order] : [entry.source.menu.order, 0];
  };
  index.entries.sort((a, b) => {
    const [a1, a2] = place(a);
    const [b1, b2] = place(b);
    return a1! - b1! || (a.source.menu.parent ?? a.id).localeCompare(b.source.menu.parent ?? b.id) || a2! - b2! || a.id.localeCompare(b.id);
  });
  return index;
}

/** The section pages missing or out of date in `lang`, in the menu's order, and the counts: a handful, so no pages. */
export function pageQueue(index: PageIndex, lang: Locale): { items: { entry: PageEntry; state: 'missing' | 'stale'; size?: ChangeSize | undefined }[]; counts: Record<StatusState, number> } {
  const counts = statusCounts(index.entries.map((entry) => ({ key: entry.id, lang, state: entry.states[lang], sourceLang: entry.source.sourceLang, sourceFile: entry.source.sourceFile, title: entry.source.title, date: '' })))[lang];
  const items = index.entries.filter((entry) => entry.states[lang] === 'missing' || entry.states[lang] === 'stale').map((entry) => ({ entry, state: entry.states[lang] as 'missing' | 'stale' }));
  return { items, counts };
}

/**
 * The section page a request names by its key, when it can be translated into `lang` (see `translatableEntry`):
 * `content/pages/<key>/<lang>.mdx`, `<key>` one the index read at start.
 */
export function translatablePage(index: PageIndex, key: unknown, lang: unknown): { entry: PageEntry; lang: Locale; file: string } | undefined {
  return translatableEntry(index, key, lang);
}
