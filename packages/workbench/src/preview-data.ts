import { bodyRenderSettings, formatDate, locales, mediaPrefix, type Locale, type UiStrings } from '@iom/content-model';
import type { InterfaceStrings } from './interface-strings.ts';
import type { PreviewData, Written } from './preview-page.ts';
import { releaseMediaRoute } from './preview-images.ts';
import type { TranslatableEntry } from './release-files.ts';
import { siteStylesheetPath } from './site-stylesheet.ts';

const writtenIn = (lang: Locale): Written => ({ lang: locales[lang].lang, dir: locales[lang].dir });

/**
 * What the editor's script needs to preview one translation as the site shows it: the site's render settings for the
 * language (`bodyRenderSettings` from the site's UI strings `siteStrings`, base `/`, as the workbench serves media at
 * `/media/`), and for a release the type and date as the site writes them, the lead image and where images beside
 * the release are served.
 */
export function previewDataOf(entry: TranslatableEntry, lang: Locale, siteStrings: UiStrings, strings: InterfaceStrings, ui: Locale): PreviewData {
  const render = bodyRenderSettings(siteStrings, '/');
  const written = writtenIn(lang);
  if (entry.kind === 'page') return { kind: 'page', written, render, stylesheet: siteStylesheetPath, typeLabel: '', date: '', dateText: '' };
  const source = entry.source;
  const image = source.image;
  return {
    kind: 'release',
    written,
    render,
    stylesheet: siteStylesheetPath,
    typeLabel: siteStrings[`types.${source.type}`] ?? source.type,
    date: source.date,
    dateText: formatDate(source.date, lang),
    // The site shows a lead image from content/media/ only.
    lead: image && image.src.startsWith(mediaPrefix) ? { src: image.src, credit: image.credit, creditWritten: writtenIn(source.sourceLang) } : undefined,
    filesPath: `${releaseMediaRoute}${entry.id.split('/').map(encodeURIComponent).join('/')}/`,
    contactsNote: source.contacts.length > 0 ? { text: strings.previewContacts, written: writtenIn(ui) } : undefined,
  };
}
