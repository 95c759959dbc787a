import { sourceFingerprint } from '../content-hash.ts';
import type { Locale } from '../locales.ts';
import type { ReleaseSource } from '../schemas/release.ts';

const quote = (value: string) => JSON.stringify(value);

/**
 * The text of a new translation file: the source's words to translate (title, summary, dateline place, body) and
 * `translationOf` recording the source version. Facts (date, countries, contacts…) stay in the source only.
 *
 * @example
 * newTranslationText({ lang: 'en', data, body }, 'fr') // '---\n# Translate …\ntitle: "…"\n…translationOf:\n  lang: en\n  hash: "4e74…"\n---\n…'
 */
export function newTranslationText(source: { lang: Locale; data: Pick<ReleaseSource, 'title' | 'summary' | 'dateline'>; body: string }, target: Locale): string {
  const hash = sourceFingerprint({ title: source.data.title, summary: source.data.summary, body: source.body });
  const lines = [
    '---',
    `# Translation into ${target} of ${source.lang}.mdx. Translate the title, summary, place and the text below the`,
    '# second --- line. Keep component names (<PullQuote>, <Statistic …/>) and attribute names as they are; translate',
    '# the words inside quotes. Do not edit translationOf: pnpm i18n:done updates it.',
    `title: ${quote(source.data.title)}`,
  ];
  if (source.data.summary) lines.push(`summary: ${quote(source.data.summary)}`);
  lines.push(`datelinePlace: ${quote(source.data.dateline.place)}`, 'translationOf:', `  lang: ${source.lang}`, `  hash: ${quote(hash)}`, '---');
  return `${lines.join('\n')}\n${source.body}`;
}

/**
 * The text of a new translation of a section page: its title, summary and body to translate, and `translationOf`.
 * Where the page sits in the menu stays in the source only.
 */
export function newPageTranslationText(source: { lang: Locale; data: { title: string; summary?: string | undefined }; body: string }, target: Locale): string {
  const hash = sourceFingerprint({ title: source.data.title, summary: source.data.summary, body: source.body });
  const lines = [
    '---',
    `# Translation into ${target} of ${source.lang}.mdx. Translate the title, the summary and the text below the second`,
    '# --- line. Do not edit translationOf: pnpm i18n:done updates it.',
    `title: ${quote(source.data.title)}`,
  ];
  if (source.data.summary) lines.push(`summary: ${quote(source.data.summary)}`);
  lines.push('translationOf:', `  lang: ${source.lang}`, `  hash: ${quote(hash)}`, '---');
  return `${lines.join('\n')}\n${source.body}`;
}

/**
 * Marks a translation as up to date with the current source: rewrites the `hash:` line of `translationOf` only,
 * leaving every other line of the file as the translator wrote it.
 */
export function markTranslationUpdated(text: string, currentFingerprint: string): string {
  const close = text.indexOf('\n---', 3);
  if (!text.startsWith('---') || close < 0) throw new Error('The file has no frontmatter block.');
  const frontmatter = text.slice(0, close);
  const updated = frontmatter.replace(/^(\s+hash:\s*).*$/m, `$1${quote(currentFingerprint)}`);
  if (updated === frontmatter) throw new Error('The file has no translationOf hash line.');
  return updated + text.slice(close);
}
