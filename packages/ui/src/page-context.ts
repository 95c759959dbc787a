import { locales, withBase, type ContentIssue, type Locale, type MenuEntry, type Translate } from '@iom/content-model';

/** What every component needs to know about the page it is on. Built once per page by the site. */
export interface PageContext {
  lang: Locale;
  dir: 'ltr' | 'rtl';
  /** UI strings of the page's language. */
  t: Translate;
  /** Turns a root-relative path into a link for this deployment (adds the base, e.g. `/mirror/`). */
  href: (path: string) => string;
  /** Content problems to show on the page (only in `astro dev`; a build with problems fails instead). */
  contentIssues: readonly ContentIssue[];
  /** The main menu in the page's language, from the section pages (content/pages/). */
  menu: readonly MenuEntry[];
}

/**
 * Creates the page context for a language.
 *
 * @example
 * const ctx = createPageContext('ar', t, '/'); ctx.dir // 'rtl'
 */
export function createPageContext(lang: Locale, t: Translate, base: string, contentIssues: readonly ContentIssue[] = [], menu: readonly MenuEntry[] = []): PageContext {
  return { lang, dir: locales[lang].dir, t, href: (path) => withBase(path, base), contentIssues, menu };
}
