/**
 * `pnpm i18n:new <release or page folder> <lang>`: creates `<lang>.mdx` in a release or section page folder from its source, with the right
 * frontmatter, ready to translate. Refuses to overwrite an existing file.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isLocale, localeCodes } from '../locales.ts';
import { newTranslationFile } from '../translation/new-translation-file.ts';
import { contentLocation, resolveTranslatableFolder } from './content-location.ts';

const fail = (message: string): never => {
  console.error(message);
  process.exit(2);
};
const [folderArg, langArg] = process.argv.slice(2);
if (!folderArg || !langArg) fail('Usage: pnpm i18n:new <release or page folder> <language>\n  for example: pnpm i18n:new 2016/iom-unhcr-train-libyan-partners es, or pnpm i18n:new pages/who-we-are es');
const lang = isLocale(langArg) ? langArg : fail(`Unknown language "${langArg}". Use one of: ${localeCodes.join(', ')}.`);
const { contentDir, displayRoot } = contentLocation();
const translatable = resolveTranslatableFolder(contentDir, folderArg!) ?? fail(`No release or page folder "${folderArg}" in ${path.relative(process.cwd(), contentDir) || 'content'}/releases or /pages.`);
const target = path.join(translatable.folder, `${lang}.mdx`);
const shown = (file: string) => path.relative(displayRoot, file);
if (existsSync(target)) fail(`${shown(target)} already exists. To mark it as updated after translating: pnpm i18n:done ${folderArg} ${lang}`);

const created = newTranslationFile(translatable, lang, displayRoot) ?? fail(`No valid source file in ${shown(translatable.folder)}: fix it first (pnpm check:content).`);
writeFileSync(target, created.text);
console.log(`Created ${shown(target)} from ${created.from}. Translate it, then check it with: pnpm check:content`);
