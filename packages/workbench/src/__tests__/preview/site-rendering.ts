import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { bodyRenderSettings, localeCodes, resolveUiStrings, type Locale, type UiStrings } from '@iom/content-model';
import { prepareFile } from '@iom/content-model/prepare';

/** The site's UI strings of a content folder, resolved as `readSiteContent` resolves them (English fills gaps). */
export function siteStrings(contentDir: string): Record<Locale, UiStrings> {
  const byLocale = Object.fromEntries(localeCodes.map((lang) => [lang, parse(readFileSync(path.join(contentDir, 'i18n', `${lang}.yaml`), 'utf8')) as UiStrings]));
  return resolveUiStrings(byLocale).strings;
}

/**
 * The HTML the site's build gives a body in a language: `prepareFile`, the build's preparer, with the settings the
 * site's content loader passes (`bodyRenderSettings` of the language's UI strings, base `/`). The oracle the
 * preview is compared with.
 */
export function siteRendering(contentDir: string, lang: Locale, body: string): string {
  return siteRenderingOf(contentDir, lang, `content/releases/2016/x/${lang}.mdx`, new TextEncoder().encode(`---\ntitle: "x"\n---\n${body}`));
}

/** The same for a whole file's bytes. */
export function siteRenderingOf(contentDir: string, lang: Locale, file: string, bytes: Uint8Array): string {
  const prepared = prepareFile(file, bytes, bodyRenderSettings(siteStrings(contentDir)[lang], '/'));
  if (prepared.html === undefined) throw new Error(`The site would not render ${file}: ${prepared.issues.map((issue) => issue.message).join(' ')}`);
  return prepared.html;
}
