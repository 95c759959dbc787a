import type { z } from 'zod';
import type { ContentIssue } from '@iom/safe-mdx';
import { frontmatterIssues, type FieldPosition } from './frontmatter-issues.ts';
import { isLocale, localeCodes, type Locale } from './locales.ts';
import {
  ReleaseSourceSchema,
  ReleaseTranslationSchema,
  type ReleaseSource,
  type ReleaseTranslation,
} from './schemas/release.ts';
import { slugify } from './slugs.ts';
import { paths } from './urls.ts';

/** One release file as read from `content/releases/<year>/<key>/<lang>.mdx`, before validation. */
export interface ReleaseFileInput {
  /** Path shown to people, from the repository root. */
  file: string;
  /** The folder name: the translation key shared by all languages of the release. */
  key: string;
  /** The year folder. */
  year: string;
  /** The file name without `.mdx`. */
  lang: string;
  /** Parsed YAML frontmatter, not yet validated. */
  frontmatter: unknown;
  /** Where a frontmatter field is in the file. */
  fieldPosition: (path: string) => FieldPosition;
  /** Fingerprint of this file's title, summary and body (see `sourceFingerprint`). */
  fingerprint: string;
}

/** A validated release file: either the source (first written) or a translation. */
export type ValidatedReleaseFile =
  | { kind: 'source'; input: ReleaseFileInput; lang: Locale; data: ReleaseSource }
  | { kind: 'translation'; input: ReleaseFileInput; lang: Locale; data: ReleaseTranslation };

/** Type guard for the source file of a release. */
export const isSourceFile = (file: ValidatedReleaseFile): file is Extract<ValidatedReleaseFile, { kind: 'source' }> =>
  file.kind === 'source';

/** Example lines shown when a field is missing or wrong. */
const examples: Record<string, string> = {
  title: 'title: "IOM, UNHCR Train Libyan Partners on Saving Lives at Sea"',
  date: 'date: 2016-09-02',
  updated: 'updated: 2016-09-05',
  dateline: 'dateline: { place: Tripoli, country: LY }',
  'dateline.place': 'place: Tripoli',
  'dateline.country': 'country: LY',
  type: 'type: press-release   (or news, statement, briefing-note, story)',
  scope: 'scope: country   (or global, regional)',
  'countries.*': 'countries: [LY, TN]',
  'contacts.*.name': 'name: Joel Millman',
  'contacts.*.organisation': 'organisation: IOM',
  'contacts.*.email': 'email: press@iom.int',
  'translationOf.lang': 'lang: en',
  'translationOf.hash': 'hash: 3f2a9c0d1b7e (copy it from the source with pnpm i18n:new)',
  'image.alt': 'alt: "Rescue boat crew practising first aid on deck"',
};

/**
 * Validates one release file's frontmatter: a file with `translationOf` is a translation, any other is the source.
 * Returns the validated file or the issues, each naming the file, line and field.
 */
export function validateReleaseFile(input: ReleaseFileInput): { file?: ValidatedReleaseFile; issues: ContentIssue[] } {
  if (!isLocale(input.lang)) {
    return {
      issues: [
        {
          file: input.file,
          message: `The file name "${input.lang}.mdx" is not a language of the site.`,
          fix: `Name the file after its language: ${localeCodes.map((code) => `${code}.mdx`).join(', ')}.`,
        },
      ],
    };
  }
  const frontmatter = input.frontmatter;
  if (typeof frontmatter !== 'object' || frontmatter === null || Array.isArray(frontmatter)) {
    return {
      issues: [
        {
          file: input.file,
          line: 1,
          message: 'The file has no frontmatter (the block between two --- lines at the top).',
          fix: 'Start the file with ---, the fields (title: …, date: …), and another --- line.',
        },
      ],
    };
  }
  const isTranslation = 'translationOf' in frontmatter;
  const schema: z.ZodType = isTranslation ? ReleaseTranslationSchema : ReleaseSourceSchema;
  const result = schema.safeParse(frontmatter, { reportInput: true });
  if (!result.success) {
    return { issues: frontmatterIssues(input.file, schema, result.error, input.fieldPosition, examples) };
  }
  return isTranslation
    ? { file: { kind: 'translation', input, lang: input.lang, data: result.data as ReleaseTranslation }, issues: [] }
    : { file: { kind: 'source', input, lang: input.lang, data: result.data as ReleaseSource }, issues: [] };
}

/** Translation state of one language version of a release. */
export type TranslationState = 'source' | 'current' | 'stale';

/** A link from one language version to another. */
export interface LanguageVersion {
  lang: Locale;
  slug: string;
  title: string;
  /** Root-relative path, without the site's base. */
  path: string;
}

/** One page of the site: a release in one language, with everything a route needs to render it. */
export interface ReleasePage extends Omit<ReleaseSource, 'slug'> {
  /** `<key>/<lang>`, unique. */
  id: string;
  key: string;
  lang: Locale;
  file: string;
  slug: string;
  path: string;
  /** Publication year, from the date. */
  year: number;
  /** The language the release was first written in. */
  sourceLang: Locale;
  /** Path of the source file, for "read the original" links. */
  sourceFile: string;
  state: TranslationState;
  /** Current fingerprint of the source. */
  sourceFingerprint: string;
  /** Fingerprint recorded by this translation (equal to sourceFingerprint when current). */
  translatedFrom?: string | undefined;
  /** All language versions that exist, this one included, in locale-table order. */
  versions: LanguageVersion[];
}

/**
 * Links validated files into pages: one source per folder, translations inherit its facts, slugs are unique.
 * `unreadableSources` names the folders whose source file could not be validated (its problems are reported
 * already): their translations are left unchecked instead of each being reported as having no source.
 */
export function linkReleases(
  files: readonly ValidatedReleaseFile[],
  known: { countries: ReadonlySet<string>; themes: ReadonlySet<string> },
  unreadableSources: ReadonlySet<string> = new Set(),
  memo?: ReleaseLinkMemo,
): { pages: ReleasePage[]; issues: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  const byKey = new Map<string, ValidatedReleaseFile[]>();
  for (const file of files) {
    const group = byKey.get(file.input.key) ?? [];
    group.push(file);
    byKey.set(file.input.key, group);
  }
  const pages: ReleasePage[] = [];
  for (const [key, group] of byKey) {
    // A folder's pages depend on its files, on whether its related folders exist and on whether its source was
    // unreadable: when none of these changed, the last link stands.
    const context = [unreadableSources.has(key), ...group.flatMap((file) => (file.kind === 'source' ? file.data.related.map((related) => byKey.has(related)) : []))].join();
    const remembered = memo?.get(key);
    if (remembered && remembered.context === context && remembered.files.length === group.length && remembered.files.every((file, index) => file === group[index])) {
      pages.push(...remembered.pages);
      issues.push(...remembered.issues);
      continue;
    }
    const linked = linkReleaseFolder(key, group, known, unreadableSources, byKey);
    memo?.set(key, { files: group, context, ...linked });
    pages.push(...linked.pages);
    issues.push(...linked.issues);
  }
  if (memo) for (const key of memo.keys()) if (!byKey.has(key)) memo.delete(key);
  issues.push(...urlCollisions(pages));
  return { pages, issues };
}

/**
 * What `linkReleases` remembers between calls with the same `known` countries and themes: each folder's files (by
 * identity), what else its link depended on, and what it gave. Pass the same map to each call, a new one when
 * `known` changes.
 */
export type ReleaseLinkMemo = Map<string, { files: readonly ValidatedReleaseFile[]; context: string; pages: ReleasePage[]; issues: ContentIssue[] }>;

/** Links the files of one release folder: its source's facts checked, one page per language. */
function linkReleaseFolder(
  key: string,
  group: readonly ValidatedReleaseFile[],
  known: { countries: ReadonlySet<string>; themes: ReadonlySet<string> },
  unreadableSources: ReadonlySet<string>,
  byKey: ReadonlyMap<string, unknown>,
): { pages: ReleasePage[]; issues: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  const pages: ReleasePage[] = [];
  const sources = group.filter(isSourceFile);
  if (sources.length === 0 && unreadableSources.has(key)) return { pages, issues };
  if (sources.length !== 1) {
    for (const file of sources.length === 0 ? group : sources) {
      issues.push({
        file: file.input.file,
        message:
          sources.length === 0
            ? `The release "${key}" has no source file: every language file is marked as a translation.`
            : `The release "${key}" has ${sources.length} source files (${sources.map((s) => `${s.lang}.mdx`).join(', ')}); only the language it was first written in is the source.`,
        fix:
          sources.length === 0
            ? 'Remove translationOf from the file the release was first written in.'
            : 'In every other language file, add translationOf (run pnpm i18n:new to create translations).',
      });
    }
    return { pages, issues };
  }
  const source = sources[0]!;
  const data = source.data;
  for (const [field, values, knownSet] of [
    ['countries', data.countries, known.countries],
    ['themes', data.themes, known.themes],
  ] as const) {
    values.forEach((value, index) => {
      if (!knownSet.has(value)) {
        issues.push({
          file: source.input.file,
          ...source.input.fieldPosition(`${field}.${index}`),
          field: `${field}.${index}`,
          message: `"${value}" is not a known ${field === 'countries' ? 'country code' : 'theme'}.`,
          fix: field === 'countries' ? 'Use a two-letter code that has a folder in content/countries/, for example LY.' : `Use one of: ${[...knownSet].sort().join(', ')}.`,
        });
      }
    });
  }
  data.related.forEach((related, index) => {
    if (!byKey.has(related)) {
      issues.push({
        file: source.input.file,
        ...source.input.fieldPosition(`related.${index}`),
        field: `related.${index}`,
        message: `"${related}" is not the folder name of a release.`,
        fix: 'Write the folder name of the related release exactly, for example iom-unhcr-train-libyan-partners.',
      });
    }
  });
  if (!known.countries.has(data.dateline.country)) {
    issues.push({
      file: source.input.file,
      ...source.input.fieldPosition('dateline.country'),
      field: 'dateline.country',
      message: `"${data.dateline.country}" is not a known country code.`,
      fix: 'Use a two-letter code that has a folder in content/countries/, for example LY.',
    });
  }
  const fingerprint = source.input.fingerprint;
  const ordered = [...group].sort((a, b) => localeCodes.indexOf(a.lang) - localeCodes.indexOf(b.lang));
  const versions: LanguageVersion[] = ordered.map((file) => {
    const slug = file.data.slug ?? slugify(file.data.title);
    return { lang: file.lang, slug, title: file.data.title, path: paths.release(file.lang, slug) };
  });
  for (const file of ordered) {
    const version = versions.find((v) => v.lang === file.lang)!;
    if (!version.slug) {
      issues.push({
        file: file.input.file,
        ...file.input.fieldPosition('title'),
        field: 'title',
        message: 'No URL slug can be made from this title.',
        fix: 'Add a slug line, for example slug: saving-lives-at-sea.',
      });
      continue;
    }
    const { slug: _ignored, ...shared } = data;
    const page: ReleasePage = {
      ...shared,
      id: `${key}/${file.lang}`,
      key,
      lang: file.lang,
      file: file.input.file,
      slug: version.slug,
      path: version.path,
      year: Number(data.date.slice(0, 4)),
      sourceLang: source.lang,
      sourceFile: source.input.file,
      state: 'source',
      sourceFingerprint: fingerprint,
      versions,
    };
    if (file.kind === 'translation') {
      if (file.data.translationOf.lang !== source.lang) {
        issues.push({
          file: file.input.file,
          ...file.input.fieldPosition('translationOf.lang'),
          field: 'translationOf.lang',
          message: `This translation says it was made from "${file.data.translationOf.lang}", but the source of this release is ${source.lang}.mdx.`,
          fix: `Write lang: ${source.lang}.`,
        });
      }
      page.title = file.data.title;
      page.summary = file.data.summary ?? data.summary;
      page.dateline = { ...data.dateline, place: file.data.datelinePlace ?? data.dateline.place };
      if (data.image) {
        page.image = { ...data.image, alt: file.data.imageAlt ?? data.image.alt, caption: file.data.imageCaption ?? data.image.caption };
      }
      page.translatedFrom = file.data.translationOf.hash;
      page.state = file.data.translationOf.hash === fingerprint ? 'current' : 'stale';
    }
    pages.push(page);
  }
  return { pages, issues };
}

/** Two pages that would write the same URL are an error: both files are named. */
export function urlCollisions(pages: readonly { path: string; file: string }[]): ContentIssue[] {
  const seen = new Map<string, string>();
  const issues: ContentIssue[] = [];
  for (const page of pages) {
    const other = seen.get(page.path);
    if (other) {
      issues.push({
        file: page.file,
        field: 'slug',
        message: `This page would be written at ${page.path}, which ${other} already uses.`,
        fix: 'Give one of the two a different slug: add a line such as slug: my-distinct-title to its frontmatter.',
      });
    } else {
      seen.set(page.path, page.file);
    }
  }
  return issues;
}
