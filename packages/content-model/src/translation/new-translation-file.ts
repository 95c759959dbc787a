import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeContentSource, parseContentFile } from '@iom/safe-mdx';
import type { TranslatableFolder } from '../cli/content-location.ts';
import { localeCodes, type Locale } from '../locales.ts';
import { isSourceFile, validateReleaseFile } from '../releases.ts';
import { SitePageSourceSchema } from '../schemas/site-page.ts';
import { newPageTranslationText, newTranslationText } from './translation-file.ts';
import { mayBeSource } from './translation-of.ts';

/**
 * The text `pnpm i18n:new` writes for a missing translation of a release or section page: found from the folder's
 * valid source file (the first language of the locale table that has one). `from` is the source file, shown from
 * `displayRoot`. `undefined` when the folder has no valid source. Writes nothing: the caller decides where and how.
 *
 * @example
 * newTranslationFile({ kind: 'release', folder: 'content/releases/2016/iom-unhcr-train-libyan-partners' }, 'es', '.')
 * // { text: '---\n# Translation into es of en.mdx…', from: 'content/releases/2016/iom-unhcr-train-libyan-partners/en.mdx' }
 */
export function newTranslationFile({ kind, folder }: TranslatableFolder, lang: Locale, displayRoot: string): { text: string; from: string } | undefined {
  const shown = (file: string) => path.relative(displayRoot, file);
  for (const code of localeCodes) {
    const file = path.join(folder, `${code}.mdx`);
    if (!existsSync(file)) continue;
    const decoded = decodeContentSource(shown(file), readFileSync(file));
    if ('issue' in decoded) continue;
    const parsed = parseContentFile(shown(file), decoded.text);
    if (kind === 'page') {
      const page = mayBeSource(parsed.frontmatter) ? SitePageSourceSchema.safeParse(parsed.frontmatter) : undefined;
      if (!page?.success) continue;
      return { text: newPageTranslationText({ lang: code, data: page.data, body: parsed.body }, lang), from: shown(file) };
    }
    const result = validateReleaseFile({ file: shown(file), key: path.basename(folder), year: path.basename(path.dirname(folder)), lang: code, frontmatter: parsed.frontmatter, fieldPosition: parsed.fieldLines, fingerprint: '' });
    if (result.file && isSourceFile(result.file)) return { text: newTranslationText({ lang: code, data: result.file.data, body: parsed.body }, lang), from: shown(file) };
  }
  return undefined;
}
