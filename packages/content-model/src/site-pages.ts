import type { ContentIssue } from '@iom/safe-mdx';
import { frontmatterIssues, type FieldPosition } from './frontmatter-issues.ts';
import { isLocale, localeCodes, type Locale } from './locales.ts';
import type { TranslationState } from './releases.ts';
import { SitePageSourceSchema, SitePageTranslationSchema, type SitePageSource, type SitePageTranslation } from './schemas/site-page.ts';
import { mayBeSource } from './translation/translation-of.ts';
import { paths } from './urls.ts';

/** One file of a section page, `content/pages/<key>/<lang>.mdx`, before validation. */
export interface SitePageInput {
  file: string;
  /** The folder name: the page's key and URL segment. */
  key: string;
  /** The file name without `.mdx`. */
  lang: string;
  frontmatter: unknown;
  fieldPosition: (path: string) => FieldPosition;
  /** Fingerprint of the file's title, summary and body (see `sourceFingerprint`). */
  fingerprint: string;
}

/** A section page in one language, with what the menu, the route and the translation tools need. */
export interface SitePage {
  /** `<key>/<lang>` (bodies are kept under `page:<key>/<lang>`). */
  id: string;
  key: string;
  lang: Locale;
  file: string;
  title: string;
  summary?: string | undefined;
  /** Where it sits in the menu (from the source). */
  menu: SitePageSource['menu'];
  /** Demonstration text (marked in the source). */
  sample: boolean;
  path: string;
  sourceLang: Locale;
  sourceFile: string;
  state: TranslationState;
  sourceFingerprint: string;
  /** Fingerprint recorded by this translation (equal to sourceFingerprint when current). */
  translatedFrom?: string | undefined;
  /** Every language version that exists, this one included, in locale-table order. */
  versions: { lang: Locale; title: string; path: string }[];
}

const examples = {
  title: 'title: "Who we are"',
  'menu.order': 'order: 1',
  'menu.parent': 'parent: our-work',
  'translationOf.hash': 'hash: 3f2a9c0d1b7e (copy it from the source with pnpm i18n:new)',
};

/** One section page file whose frontmatter is valid: the source (where it sits in the menu) or a translation. */
export type ValidatedSitePageFile =
  | { kind: 'source'; input: SitePageInput; lang: Locale; data: SitePageSource }
  | { kind: 'translation'; input: SitePageInput; lang: Locale; data: SitePageTranslation };

/**
 * Validates one section page file's frontmatter: a file with `translationOf` is a translation
 * (`SitePageTranslationSchema`), any other is the source (`SitePageSourceSchema`). Returns the validated file or
 * the issues, each naming the file, line and field. Links between files (one source, the menu's parents) are
 * `linkSitePages`'s.
 *
 * @example
 * validateSitePageFile({ file: 'content/pages/who-we-are/fr.mdx', key: 'who-we-are', lang: 'fr', frontmatter, fieldPosition, fingerprint }).issues // []
 */
export function validateSitePageFile(input: SitePageInput): { file?: ValidatedSitePageFile; issues: ContentIssue[] } {
  if (!isLocale(input.lang)) {
    return { issues: [{ file: input.file, message: `The file name "${input.lang}.mdx" is not a language of the site.`, fix: `Name the file after its language: ${localeCodes.map((code) => `${code}.mdx`).join(', ')}.` }] };
  }
  const isTranslation = !mayBeSource(input.frontmatter);
  const schema = isTranslation ? SitePageTranslationSchema : SitePageSourceSchema;
  const result = schema.safeParse(input.frontmatter ?? {}, { reportInput: true });
  if (!result.success) return { issues: frontmatterIssues(input.file, schema, result.error, input.fieldPosition, examples) };
  return isTranslation
    ? { file: { kind: 'translation', input, lang: input.lang, data: result.data as SitePageTranslation }, issues: [] }
    : { file: { kind: 'source', input, lang: input.lang, data: result.data as SitePageSource }, issues: [] };
}

/**
 * Validates and links the section pages: one source per folder (the file without translationOf), translations
 * current or stale against the source's fingerprint, a parent that is a top-level page (the menu has two levels).
 * `unreadableSources` names the folders whose source could not be read (its problems are reported already).
 *
 * @example
 * linkSitePages(inputs).pages.find((page) => page.key === 'what-we-do' && page.lang === 'fr')?.path // '/fr/our-work/what-we-do/'
 */
export function linkSitePages(inputs: readonly SitePageInput[], unreadableSources: ReadonlySet<string> = new Set()): { pages: SitePage[]; issues: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  const unreadable = new Set(unreadableSources);
  type Valid = ValidatedSitePageFile;
  const valid: Valid[] = [];
  for (const input of inputs) {
    const validated = validateSitePageFile(input);
    issues.push(...validated.issues);
    if (validated.file) valid.push(validated.file);
    // A source that fails its schema makes its folder unreadable (a file named after no language does not).
    else if (isLocale(input.lang) && mayBeSource(input.frontmatter)) unreadable.add(input.key);
  }
  const byKey = Map.groupBy(valid, (file) => file.input.key);
  const sources = new Map<string, Extract<Valid, { kind: 'source' }>>();
  for (const [key, group] of byKey) {
    const found = group.filter((file): file is Extract<Valid, { kind: 'source' }> => file.kind === 'source');
    if (found.length === 0 && unreadable.has(key)) continue;
    if (found.length !== 1) {
      for (const file of found.length ? found : group) {
        issues.push({
          file: file.input.file,
          message: found.length ? `The page "${key}" has ${found.length} files without translationOf; only the language it was first written in is the source.` : `The page "${key}" has no source file: every language file is marked as a translation.`,
          fix: 'Keep translationOf in translations only (pnpm i18n:new creates them).',
        });
      }
      continue;
    }
    sources.set(key, found[0]!);
  }
  // The menu has two levels: a parent must be a page, and a top-level one.
  for (const [key, source] of sources) {
    const parent = source.data.menu.parent;
    if (parent === undefined) continue;
    const where = { file: source.input.file, ...source.input.fieldPosition('menu.parent'), field: 'menu.parent' };
    if (parent === key || !sources.has(parent)) {
      issues.push({ ...where, message: parent === key ? 'A page cannot sit under itself in the menu.' : `There is no page "${parent}" to sit under (no folder content/pages/${parent}/ with a source file).`, fix: `Write the folder name of a top-level page, one of: ${[...sources.keys()].filter((other) => other !== key && !sources.get(other)!.data.menu.parent).join(', ')}; or remove parent for a top-level page.` });
      sources.delete(key);
    } else if (sources.get(parent)!.data.menu.parent) {
      issues.push({ ...where, message: `"${parent}" is itself under another page: the menu has two levels only.`, fix: `Put the page under a top-level page, for example parent: ${sources.get(parent)!.data.menu.parent}.` });
      sources.delete(key);
    }
  }
  const pages: SitePage[] = [];
  for (const [key, source] of sources) {
    const group = [...byKey.get(key)!].sort((a, b) => localeCodes.indexOf(a.lang) - localeCodes.indexOf(b.lang));
    const pathOf = (lang: Locale) => paths.sitePage(lang, key, source.data.menu.parent);
    const versions = group.map((file) => ({ lang: file.lang, title: file.data.title, path: pathOf(file.lang) }));
    for (const file of group) {
      if (file.kind === 'translation' && file.data.translationOf.lang !== source.lang) {
        issues.push({ file: file.input.file, ...file.input.fieldPosition('translationOf.lang'), field: 'translationOf.lang', message: `This translation says it was made from "${file.data.translationOf.lang}", but the source of this page is ${source.lang}.mdx.`, fix: `Write lang: ${source.lang}.` });
      }
      pages.push({
        id: `${key}/${file.lang}`,
        key,
        lang: file.lang,
        file: file.input.file,
        title: file.data.title,
        summary: file.data.summary,
        menu: source.data.menu,
        sample: source.data.sample,
        path: pathOf(file.lang),
        sourceLang: source.lang,
        sourceFile: source.input.file,
        state: file.kind === 'source' ? 'source' : file.data.translationOf.hash === source.input.fingerprint ? 'current' : 'stale',
        sourceFingerprint: source.input.fingerprint,
        translatedFrom: file.kind === 'translation' ? file.data.translationOf.hash : undefined,
        versions,
      });
    }
  }
  return { pages, issues };
}

/** An entry of the main menu: a top-level page with its pages under it, each in the reader's language if it has one. */
export interface MenuEntry {
  key: string;
  title: string;
  path: string;
  children: MenuEntry[];
}

/**
 * The main menu in a language, from the section pages: top-level pages by `menu.order`, each with the pages under
 * it. A page not written in `lang` appears with its source's title (its route shows the source, marked as such).
 * `pathOf` lets the site give a page another route (Where we work is the countries page).
 *
 * @example
 * menuFor(pages, 'ar').map((entry) => entry.title) // ['من نحن', 'عملنا', …]
 */
export function menuFor(pages: readonly SitePage[], lang: Locale, pathOf: (page: SitePage, lang: Locale) => string = (page, l) => paths.sitePage(l, page.key, page.menu.parent)): MenuEntry[] {
  const inLang = new Map<string, SitePage>();
  for (const page of pages) {
    const known = inLang.get(page.key);
    if (page.lang === lang || (!known && page.state === 'source')) inLang.set(page.key, page);
  }
  const entry = (page: SitePage): MenuEntry => ({ key: page.key, title: page.title, path: pathOf(page, lang), children: [] });
  const byOrder = (a: SitePage, b: SitePage) => a.menu.order - b.menu.order || a.key.localeCompare(b.key);
  const all = [...inLang.values()];
  return all
    .filter((page) => !page.menu.parent)
    .sort(byOrder)
    .map((page) => ({ ...entry(page), children: all.filter((child) => child.menu.parent === page.key).sort(byOrder).map(entry) }));
}
