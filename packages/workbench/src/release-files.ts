import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { newTranslationFile, sourceChangeSince } from '@iom/content-model/node';
import { prepareFile } from '@iom/content-model/prepare';
import type { Locale, StatusState } from '@iom/content-model';
import type { PageEntry } from './page-index.ts';
import type { ReleaseEntry } from './release-index.ts';
import { readDraftFields, type DraftFields } from './translation-draft.ts';

/** The name of a version of a file, to tell whether it changed on disk since the editor opened it; `missing` when absent. */
export function versionOf(text: string | undefined): string {
  return text === undefined ? 'missing' : createHash('sha256').update(text).digest('hex').slice(0, 16);
}

const readText = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined);

/** The body of the source version whose fingerprint a translation records (`sourceFile` absolute), if history has it. */
export type SourceHistory = (sourceFile: string, translatedFrom: string, sourceText: string) => string | undefined;

/**
 * `SourceHistory` from git (`sourceChangeSince`, as `pnpm i18n:status` uses), remembered per source version: the
 * editor asks on every check as the translator types.
 */
export function gitSourceHistory(gitRoot: string): SourceHistory {
  const known = new Map<string, string | undefined>();
  return (sourceFile, translatedFrom, sourceText) => {
    const key = `${sourceFile}\0${translatedFrom}\0${versionOf(sourceText)}`;
    if (!known.has(key)) known.set(key, sourceChangeSince(gitRoot, sourceFile, translatedFrom, sourceText).translatedBody);
    return known.get(key);
  };
}

/** A release or a section page: what the editor opens. */
export type TranslatableEntry = ReleaseEntry | PageEntry;

/** Everything the editor shows of a release or section page in one language, read from disk now (not from the index). */
export interface EditorFiles {
  sourceFields: DraftFields;
  /** The translation as saved, or as `pnpm i18n:new` would create it when it is missing. */
  draftText: string;
  draftFields: DraftFields | undefined;
  /** `versionOf` the file on disk (`missing` when it is not there yet). */
  version: string;
  state: StatusState;
  /** For an out-of-date translation: the source body it was made from, when git history has it. */
  translatedSourceBody?: string | undefined;
}

/**
 * Reads a release's or section page's source and its translation into `lang` from disk, and works out the translation's state the way
 * the build does (the fingerprint `translationOf` records against the source's now). `history` finds the source
 * version an out-of-date translation was made from.
 */
export function readEditorFiles(entry: TranslatableEntry, lang: Locale, displayRoot: string, history: SourceHistory): EditorFiles | undefined {
  const sourceFile = path.join(displayRoot, entry.source.sourceFile);
  const sourceText = readText(sourceFile);
  const sourceFields = sourceText === undefined ? undefined : readDraftFields(sourceText.replace(/\r\n?/g, '\n'));
  if (sourceText === undefined || !sourceFields) return undefined;
  const sourceFingerprint = prepareFile(entry.source.sourceFile, new TextEncoder().encode(sourceText)).fingerprint;
  const saved = readText(path.join(entry.folder, `${lang}.mdx`));
  const draftText = saved ?? newTranslationFile({ kind: entry.kind, folder: entry.folder }, lang, displayRoot)?.text;
  if (draftText === undefined) return undefined;
  const draftFields = readDraftFields(draftText.replace(/\r\n?/g, '\n'));
  const translatedFrom = saved === undefined ? undefined : translationOfHash(saved);
  const state: StatusState = saved === undefined ? 'missing' : translatedFrom === sourceFingerprint ? 'current' : 'stale';
  const translatedSourceBody = state === 'stale' && translatedFrom ? history(sourceFile, translatedFrom, sourceText) : undefined;
  return { sourceFields, draftText, draftFields, version: versionOf(saved), state, translatedSourceBody };
}

/** The fingerprint a translation's `translationOf` records, if it can be read. */
export function translationOfHash(text: string): string | undefined {
  const frontmatter = prepareFile('translation.mdx', new TextEncoder().encode(text)).frontmatter;
  const translationOf = frontmatter?.translationOf;
  return translationOf && typeof translationOf === 'object' && 'hash' in translationOf && typeof translationOf.hash === 'string' ? translationOf.hash : undefined;
}

/** The source's fingerprint now, as `pnpm i18n:done` would record it. */
export function currentSourceFingerprint(entry: TranslatableEntry, displayRoot: string): string | undefined {
  const text = readText(path.join(displayRoot, entry.source.sourceFile));
  return text === undefined ? undefined : prepareFile(entry.source.sourceFile, new TextEncoder().encode(text)).fingerprint;
}
