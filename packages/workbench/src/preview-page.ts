import type { PrepareRender } from '@iom/content-model/check';
import { escapeHtml } from './views/html-text.ts';

/*
 * The live preview's page: what the editor page hands its script about the page being translated, and the HTML the
 * preview shows. Runs in the browser (the editor's script) and on the server (tests), with no Node built-in and only
 * types from content-model's `.`.
 */

/** `lang` and `dir` of a text, as the locale table gives them. */
export interface Written {
  lang: string;
  dir: 'ltr' | 'rtl';
}

/** What the preview needs that the fields do not say: from the source, the site's UI strings and the workbench's. */
export interface PreviewData {
  kind: 'release' | 'page';
  /** The translation's language: the preview's `<html lang dir>`. */
  written: Written;
  /** How the site renders bodies in this language (`bodyRenderSettings`, with the base `/`). */
  render: PrepareRender;
  /** The site's stylesheet, served by the workbench. */
  stylesheet: string;
  /** A release's type as the site names it in this language (`types.<type>`); empty for a page. */
  typeLabel: string;
  /** A release's date (`YYYY-MM-DD`) and how the site writes it in this language; empty for a page. */
  date: string;
  dateText: string;
  /** A release's lead image (`/media/…`, as the site serves it), its credit in the source's language. */
  lead?: { src: string; credit?: string | undefined; creditWritten: Written } | undefined;
  /** Where images named beside the release (`./photo.jpg`) are served by the workbench: `/release-media/<year>/<folder>/`. */
  filesPath?: string | undefined;
  /** When the source has press contacts: the note shown where the site shows them, in the interface's language. */
  contactsNote?: { text: string; written: Written } | undefined;
}

/** The translation's words the preview shows besides the text. */
export interface PreviewFields {
  title: string;
  summary: string;
  datelinePlace: string;
  imageAlt: string;
  imageCaption: string;
}

const attributes = (written: Written) => `lang="${escapeHtml(written.lang)}" dir="${written.dir}"`;

/**
 * The preview's document before anything is rendered into it: the language's `<html lang dir>`, the site's
 * stylesheet, and an empty `<main>` (the site's pages put the article there). Given to the frame as `srcdoc`.
 */
export function previewDocument(data: PreviewData, title: string): string {
  return `<!doctype html>
<html ${attributes(data.written)}>
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${escapeHtml(data.stylesheet)}">
</head>
<body>
<main id="main"></main>
</body>
</html>`;
}

/**
 * The article as the site's page shows it (ReleaseArticle's header, lead image and body, or SitePageArticle's title
 * and body), with the same elements and classes, around `body`, the HTML the site's renderer gave. What only the
 * site knows (the contacts block, the lists of countries and themes, other languages) is left out; where the source
 * has contacts, a note stands where the site puts them.
 *
 * @example
 * previewArticle(data, { title: 'Título', summary: '', datelinePlace: 'Trípoli', imageAlt: '', imageCaption: '' }, '<p>Texto</p>')
 */
export function previewArticle(data: PreviewData, fields: PreviewFields, body: string): string {
  if (data.kind === 'page') return `<article class="site-page"><h1>${escapeHtml(fields.title)}</h1><div class="site-page__body">${body}</div></article>`;
  const note = data.contactsNote ? `<div class="contacts" ${attributes(data.contactsNote.written)}><p>${escapeHtml(data.contactsNote.text)}</p></div>` : '';
  const marker = data.render.contactsMarker;
  const [before, after] = marker && body.includes(marker) ? body.split(marker, 2) : [body, undefined];
  const summary = fields.summary ? `<p class="release__summary p-summary">${escapeHtml(fields.summary)}</p>` : '';
  const lead = data.lead;
  const credit = lead?.credit ? ` <span class="c-figure__credit" ${attributes(lead.creditWritten)}>${escapeHtml(lead.credit)}</span>` : '';
  const caption = fields.imageCaption || credit ? `<figcaption>${escapeHtml(fields.imageCaption)}${credit}</figcaption>` : '';
  const figure = lead ? `<figure class="release__lead"><img class="u-photo" src="${escapeHtml(lead.src)}" alt="${escapeHtml(fields.imageAlt)}">${caption}</figure>` : '';
  return `<article class="release h-entry">
<header class="release__header">
<p class="release__type">${escapeHtml(data.typeLabel)}</p>
<h1 class="p-name">${escapeHtml(fields.title)}</h1>
<p class="release__dateline"><span class="p-location">${escapeHtml(fields.datelinePlace)}</span> – <time class="dt-published" datetime="${escapeHtml(data.date)}">${escapeHtml(data.dateText)}</time></p>
${summary}
</header>
${figure}
<div class="release__body e-content">${before}${after === undefined ? '' : note + after}</div>
${after === undefined ? note : ''}
</article>`;
}
