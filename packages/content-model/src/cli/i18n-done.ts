/**
 * `pnpm i18n:done <release or page folder> <lang>`: marks a translation as up to date with the current source, after the
 * translator has brought it in line. Only the `hash:` line of `translationOf` changes.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { isLocale, localeCodes } from '../locales.ts';
import { readSiteContent } from '../read-site-content.ts';
import { markTranslationUpdated } from '../translation/translation-file.ts';
import { contentLocation, resolveTranslatableFolder } from './content-location.ts';

const [folderArg, lang] = process.argv.slice(2);
const fail = (message: string): never => {
  console.error(message);
  process.exit(2);
};
if (!folderArg || !lang) fail('Usage: pnpm i18n:done <release or page folder> <language>\n  for example: pnpm i18n:done 2016/iom-unhcr-train-libyan-partners fr, or pnpm i18n:done pages/who-we-are fr');
if (!isLocale(lang)) fail(`Unknown language "${lang}". Use one of: ${localeCodes.join(', ')}.`);
const { contentDir, displayRoot } = contentLocation();
const { folder } = resolveTranslatableFolder(contentDir, folderArg!) ?? fail(`No release or page folder "${folderArg}".`);
const target = path.join(folder, `${lang}.mdx`);
const shown = path.relative(displayRoot, target);
if (!existsSync(target)) fail(`${shown} does not exist. Create it with: pnpm i18n:new ${folderArg} ${lang}`);
const { content } = await readSiteContent({ contentDir, displayRoot });
const versions: { file: string; key: string; state: string; sourceFingerprint: string; sourceFile: string }[] = [...content.releases, ...content.pages];
const page = versions.find((candidate) => candidate.file === shown.split(path.sep).join('/'));
if (!page) fail(`${shown} could not be read; run pnpm check:content to see why.`);
if (page!.state === 'source') fail(`${shown} is the source, not a translation.`);
const source = { file: page!.sourceFile };
const fingerprint = page!.sourceFingerprint;
writeFileSync(target, markTranslationUpdated(readFileSync(target, 'utf8'), fingerprint));
console.log(page!.state === 'current' ? `${shown} was already up to date.` : `${shown} is now marked as up to date with ${source.file}.`);
