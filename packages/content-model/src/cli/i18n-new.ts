/**
 * `pnpm i18n:new <release or page folder> <lang>`: creates `<lang>.mdx` in a release or section page folder from its source, with the right
 * frontmatter, ready to translate. Refuses to overwrite an existing file.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isLocale, localeCodes } from '../locales.ts';
import { decodeContentSource, parseContentFile } from '@iom/safe-mdx';
import { validateReleaseFile, isSourceFile } from '../releases.ts';
import { SitePageSourceSchema } from '../schemas/site-page.ts';
import { mayBeSource, newPageTranslationText, newTranslationText } from '../translation/translation-file.ts';
import { contentLocation, resolveTranslatableFolder } from './content-location.ts';

const fail = (message: string): never => {
  console.error(message);
  process.exit(2);
};
const [folderArg, langArg] = process.argv.slice(2);
if (!folderArg || !langArg) fail('Usage: pnpm i18n:new <release or page folder> <language>\n  for example: pnpm i18n:new 2016/iom-unhcr-train-libyan-partners es, or pnpm i18n:new pages/who-we-are es');
const lang = isLocale(langArg) ? langArg : fail(`Unknown language "${langArg}". Use one of: ${localeCodes.join(', ')}.`);
const { contentDir, displayRoot } = contentLocation();
const { kind, folder } = resolveTranslatableFolder(contentDir, folderArg!) ?? fail(`No release or page folder "${folderArg}" in ${path.relative(process.cwd(), contentDir) || 'content'}/releases or /pages.`);
const target = path.join(folder, `${lang}.mdx`);
const shown = (file: string) => path.relative(displayRoot, file);
if (existsSync(target)) fail(`${shown(target)} already exists. To mark it as updated after translating: pnpm i18n:done ${folderArg} ${lang}`);

for (const code of localeCodes) {
  const file = path.join(folder, `${code}.mdx`);
  if (!existsSync(file)) continue;
  const decoded = decodeContentSource(shown(file), readFileSync(file));
  if ('issue' in decoded) continue;
  const parsed = parseContentFile(shown(file), decoded.text);
  if (kind === 'page') {
    const page = mayBeSource(parsed.frontmatter) ? SitePageSourceSchema.safeParse(parsed.frontmatter) : undefined;
    if (!page?.success) continue;
    writeFileSync(target, newPageTranslationText({ lang: code, data: page.data, body: parsed.body }, lang));
    console.log(`Created ${shown(target)} from ${shown(file)}. Translate it, then check it with: pnpm check:content`);
    process.exit(0);
  }
  const result = validateReleaseFile({ file: shown(file), key: path.basename(folder), year: path.basename(path.dirname(folder)), lang: code, frontmatter: parsed.frontmatter, fieldPosition: parsed.fieldLines, fingerprint: '' });
  if (result.file && isSourceFile(result.file)) {
    writeFileSync(target, newTranslationText({ lang: code, data: result.file.data, body: parsed.body }, lang));
    console.log(`Created ${shown(target)} from ${shown(file)}. Translate it, then check it with: pnpm check:content`);
    process.exit(0);
  }
}
fail(`No valid source file in ${shown(folder)}: fix it first (pnpm check:content).`);
