import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { changedSections, sectionsOf, type Locale } from '@iom/content-model';
import type { SourceHistory, TranslatableEntry } from './release-files.ts';
import type { ChangeSize } from './translatable-index.ts';
import { readDraftFields } from './translation-draft.ts';

/** Words: runs of letters and digits. Markdown link targets and component names and attribute names are not words. */
export function countWords(text: string): number {
  const prose = text.replace(/\]\([^)]*\)/g, ']').replace(/<\/?[A-Z][\w.]*/g, ' ').replace(/\b[\w-]+=(?=["'{])/g, ' ');
  return prose.match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/**
 * The change between the source body a translation was made from and the source body now, counted by section as
 * `changedSections` (and so `pnpm i18n:status` and the editor) matches them: by heading, whitespace ignored.
 *
 * @example
 * sourceChange('Intro.\n\n## Aid\n\nFood.', 'Intro.\n\n## Aid\n\nFood and water.\n\n## Next\n\nMore.')
 * // { kind: 'changed', sections: 2, of: 3, removed: 0, words: 5 }
 */
export function sourceChange(translatedBody: string, currentBody: string): Extract<ChangeSize, { kind: 'changed' }> {
  const changes = changedSections(translatedBody, currentBody);
  const touched = new Set([...changes.changed, ...changes.added]);
  const now = sectionsOf(currentBody);
  // `changedSections` names the untitled opening section `(introduction)`.
  const touchedSections = now.filter((section) => touched.has(section.heading || '(introduction)'));
  return { kind: 'changed', sections: touchedSections.length, of: now.length, removed: changes.removed.length, words: touchedSections.reduce((sum, section) => sum + countWords(`${section.heading} ${section.text}`), 0) };
}

/** A queue entry in one language, as the queue lists it. */
export interface QueueItem {
  entry: TranslatableEntry;
  lang: Locale;
  state: 'missing' | 'stale';
}

/** Counts how much work queue entries are, remembering each answer by the source's fingerprint. */
export interface ChangeSizes {
  /**
   * The size of each item, in order: counted now while `budgetMs` lasts (remembered answers cost nothing), `pending`
   * after; the pending ones are then counted in the background, one at a time, for the next request.
   */
  sizesOf: (items: readonly QueueItem[], budgetMs: number) => ChangeSize[];
  /** Resolves when the background counting has nothing left to do (tests). */
  settled: () => Promise<void>;
}

/**
 * The sizes of queue entries, computed from the files on disk and `history` (the editor's `SourceHistory`, so the
 * git history read for the queue serves the editor too). Remembered by source file, source fingerprint and, for an
 * out-of-date translation, the fingerprint it records: a changed source or translation is counted again.
 */
export function changeSizes(displayRoot: string, history: SourceHistory): ChangeSizes {
  const known = new Map<string, ChangeSize>();
  const waiting = new Map<string, QueueItem>();
  let idle: Promise<void> = Promise.resolve();
  let wake: (() => void) | undefined;

  const keyOf = (item: QueueItem) => {
    const { source } = item.entry;
    return item.state === 'stale' ? `${source.sourceFile}\0${source.sourceFingerprint}\0${item.entry.translatedFrom[item.lang] ?? ''}` : `${source.sourceFile}\0${source.sourceFingerprint}`;
  };

  const count = (item: QueueItem): ChangeSize => {
    const file = path.join(displayRoot, item.entry.source.sourceFile);
    const text = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    const fields = text === undefined ? undefined : readDraftFields(text.replace(/\r\n?/g, '\n'));
    if (text === undefined || !fields) return { kind: 'unknown' };
    if (item.state !== 'stale') return { kind: 'source', words: countWords(`${fields.title} ${fields.summary} ${fields.body}`) };
    const translatedFrom = item.entry.translatedFrom[item.lang];
    const translatedBody = translatedFrom === undefined ? undefined : history(file, translatedFrom, text);
    return translatedBody === undefined ? { kind: 'unknown' } : sourceChange(translatedBody, fields.body);
  };

  // One item per turn of the event loop: the git calls are synchronous, and requests keep being answered between them.
  const drain = () => {
    const next = waiting.entries().next();
    if (next.done) {
      wake?.();
      wake = undefined;
      return;
    }
    const [key, item] = next.value;
    waiting.delete(key);
    if (!known.has(key)) known.set(key, count(item));
    setImmediate(drain);
  };

  return {
    sizesOf: (items, budgetMs) => {
      const start = performance.now();
      const sizes = items.map((item): ChangeSize => {
        const key = keyOf(item);
        const remembered = known.get(key);
        if (remembered) return remembered;
        if (performance.now() - start >= budgetMs) {
          waiting.set(key, item);
          return { kind: 'pending' };
        }
        const size = count(item);
        known.set(key, size);
        return size;
      });
      if (waiting.size > 0 && !wake) {
        idle = new Promise((resolve) => (wake = resolve));
        setImmediate(drain);
      }
      return sizes;
    },
    settled: () => idle,
  };
}
