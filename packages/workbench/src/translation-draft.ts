import type { Locale } from '@iom/content-model';
import { checkContentFile, validateReleaseFile, validateSitePageFile, type CheckedFile } from '@iom/content-model/check';
import { locateFrontmatter, type ContentIssue } from '@iom/safe-mdx';
import { isMap, parseDocument } from 'yaml';

/*
 * This module runs in the editor's script too (bundled for the browser): it imports no Node built-in, and of
 * content-model only what `@iom/content-model/check` exports.
 */

/**
 * The words of a translation that the editor shows as fields: what `ReleaseTranslationSchema` lets a translator
 * write. A section page has only the title and summary (`pageFieldNames`); its other fields stay empty.
 */
export interface DraftFields {
  title: string;
  summary: string;
  datelinePlace: string;
  /** The lead image's alternative text and caption in this language (when the source has an image). */
  imageAlt: string;
  imageCaption: string;
  /** Everything after the frontmatter's closing `---` line. */
  body: string;
}

/** The translatable fields of a release the editor writes, by frontmatter name. An empty value removes the (optional) field. */
export const fieldNames = ['title', 'summary', 'datelinePlace', 'imageAlt', 'imageCaption'] as const;

/** What `SitePageTranslationSchema` lets a translator write: a section page has no dateline and no lead image. */
export const pageFieldNames = ['title', 'summary'] as const satisfies readonly FieldName[];

/** A translatable field's frontmatter name. */
export type FieldName = (typeof fieldNames)[number];

/**
 * The fields of a translation file's text. `undefined` when its frontmatter block is missing or is not a YAML map:
 * then the editor cannot show fields (the check names the problem).
 *
 * @example
 * readDraftFields('---\ntitle: "Hola"\ntranslationOf: { lang: en, hash: "0123456789ab" }\n---\n\nTexto.\n')
 * // { title: 'Hola', summary: '', datelinePlace: '', imageAlt: '', imageCaption: '', body: '\nTexto.\n' }
 */
export function readDraftFields(text: string): DraftFields | undefined {
  const block = locateFrontmatter(text);
  if (block === undefined || block === 'unclosed') return undefined;
  const document = parseDocument(block.yaml);
  if (document.errors.length > 0 || !isMap(document.contents)) return undefined;
  const value = (name: string) => {
    const found: unknown = document.get(name);
    return typeof found === 'string' ? found : typeof found === 'number' || typeof found === 'boolean' ? String(found) : '';
  };
  return { title: value('title'), summary: value('summary'), datelinePlace: value('datelinePlace'), imageAlt: value('imageAlt'), imageCaption: value('imageCaption'), body: text.slice(block.bodyOffset) };
}

/**
 * The text of a translation file with the translator's fields put in: `base` (the file on disk, or what `pnpm i18n:new`
 * would write) keeps its comments, its `translationOf` and any other field; only the fields that changed are
 * rewritten, so an unchanged field never reformats the file. Only the fields in `names` are written (a section
 * page's are `pageFieldNames`). Returns `undefined` when `base` has no readable frontmatter.
 *
 * @example
 * composeTranslation(base, { ...readDraftFields(base)!, title: 'Nuevo título' })
 */
export function composeTranslation(base: string, fields: DraftFields, names: readonly FieldName[] = fieldNames): string | undefined {
  const block = locateFrontmatter(base);
  const current = readDraftFields(base);
  if (block === undefined || block === 'unclosed' || current === undefined) return undefined;
  const changed = names.filter((name) => fields[name] !== current[name]);
  if (changed.length === 0) return base.slice(0, block.bodyOffset) + fields.body;
  const document = parseDocument(block.yaml);
  for (const name of changed) {
    if (fields[name].trim() === '') document.delete(name);
    else document.set(name, fields[name]);
  }
  // lineWidth 0: a long title stays on one line, as translators and `pnpm i18n:new` write it.
  return `---\n${document.toString({ lineWidth: 0 })}---\n${fields.body}`;
}

/** Where a translation file is, for its messages and its validation: a release's, or a section page's. */
export type DraftPlace =
  | {
      kind: 'release';
      /** The file as messages name it, from the content folder's parent: `content/releases/2016/<key>/es.mdx`. */
      file: string;
      year: string;
      key: string;
      lang: Locale;
    }
  | {
      kind: 'page';
      /** `content/pages/<key>/es.mdx`. */
      file: string;
      key: string;
      lang: Locale;
    };

/**
 * How a file's text is checked: `checkContentFile` (the browser's, remark only) or `prepareFile` (the build's and
 * `pnpm check:content`'s, which also renders and fingerprints). Both report the same issues.
 */
export type FileCheck = (file: string, bytes: Uint8Array) => CheckedFile & { fingerprint?: string };

/**
 * The problems of a translation file's text, from the same code `pnpm check:content` and the build run on it: the
 * safe-MDX check of the body and the translation frontmatter schema (`validateReleaseFile`, or
 * `validateSitePageFile` for a section page). The server passes `prepareFile`, the authority on Save; the editor's
 * script uses the default, `checkContentFile`, as the translator types. Links between files (a source exists, slugs
 * are unique) are checked by `pnpm check:content` only.
 *
 * @example
 * draftProblems({ kind: 'page', file: 'content/pages/who-we-are/fr.mdx', key: 'who-we-are', lang: 'fr' }, text) // [] for a good file
 */
export function draftProblems(place: DraftPlace, text: string, check: FileCheck = checkContentFile): ContentIssue[] {
  const checked = check(place.file, new TextEncoder().encode(text));
  if (checked.issues.length > 0) return checked.issues;
  const fieldPosition = (field: string) => checked.positions[field];
  // A translation's own fingerprint is not validated (only a source's is compared), so the browser's check has none.
  const fingerprint = checked.fingerprint ?? '';
  const validated =
    place.kind === 'release'
      ? validateReleaseFile({ file: place.file, key: place.key, year: place.year, lang: place.lang, frontmatter: checked.frontmatter, fieldPosition, fingerprint })
      : validateSitePageFile({ file: place.file, key: place.key, lang: place.lang, frontmatter: checked.frontmatter, fieldPosition, fingerprint });
  if (validated.issues.length > 0) return validated.issues;
  if (validated.file?.kind !== 'translation') return [{ file: place.file, line: 1, message: 'This file has no translationOf, so the build would read it as a second source.', fix: 'Keep the translationOf lines that pnpm i18n:new wrote.' }];
  return [];
}

/** The line of the body (1-based, as the text box counts) where a file line falls, or `undefined` in the frontmatter. */
export function bodyLine(text: string, fileLine: number): number | undefined {
  const block = locateFrontmatter(text);
  const bodyStart = block === undefined || block === 'unclosed' ? 1 : text.slice(0, block.bodyOffset).split('\n').length;
  return fileLine >= bodyStart ? fileLine - bodyStart + 1 : undefined;
}
