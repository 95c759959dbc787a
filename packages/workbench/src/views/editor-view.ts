import { locales, type Locale, type StatusState } from '@iom/content-model';
import { siteComponentNames } from '@iom/safe-mdx';
import type { InterfaceStrings } from '../interface-strings.ts';
import type { TranslatableEntry } from '../release-files.ts';
import type { Alignment } from '../section-alignment.ts';
import type { DraftFields } from '../translation-draft.ts';
import type { DiffPart } from '../word-diff.ts';
import { escapeHtml, langAttributes, say } from './html.ts';

/** Paragraph text shown as written (Markdown and components included): the translator works on the source text. */
const block = (text: string | undefined) => (text === undefined ? '' : escapeHtml(text).replace(/\n/g, '<br>'));

const diffHtml = (parts: DiffPart[]) => parts.map((part) => (part.kind === 'same' ? block(part.text) : part.kind === 'added' ? `<ins>${block(part.text)}</ins>` : `<del>${block(part.text)}</del>`)).join('');

/**
 * The source beside the translation, section by section and paragraph by paragraph; for an out-of-date translation,
 * the source sections changed since it was made are flagged, with the word-level change.
 */
export function renderAlignment(strings: InterfaceStrings, sourceLang: Locale, lang: Locale, alignment: Alignment): string {
  const sourceLabel = say(strings, 'sourceColumn', { language: locales[sourceLang].label });
  const translationLabel = say(strings, 'translationColumn', { language: locales[lang].label });
  const sections = alignment.sections
    .map((section, index) => {
      const heading = section.sourceHeading === undefined ? '' : section.sourceHeading || strings.introduction;
      const flag = section.change ? `<p class="change-flag">${say(strings, section.change.kind === 'added' ? 'addedSection' : 'changedSection')}</p>` : '';
      const headingRow = section.sourceHeading || section.translationHeading ? `<tr class="heading-row"><td ${langAttributes(sourceLang)}>${block(section.sourceHeading)}</td><td ${langAttributes(lang)}>${block(section.translationHeading)}</td></tr>` : '';
      const rows = section.paragraphs.map((pair) => `<tr><td ${langAttributes(sourceLang)}>${block(pair.source)}</td><td ${langAttributes(lang)}>${block(pair.translation)}</td></tr>`).join('');
      const change = section.change ? `<div class="source-change"><p class="change-label">${say(strings, 'sourceChange')}</p><p class="diff" ${langAttributes(sourceLang)}>${diffHtml(section.change.diff)}</p></div>` : '';
      return `<section class="pair${section.change ? ` changed` : ''}" aria-labelledby="pair-${index}">
<h3 id="pair-${index}" ${section.sourceHeading ? langAttributes(sourceLang) : ''}>${escapeHtml(heading || String(index + 1))}</h3>${flag}${change}
<table><thead><tr><th scope="col">${sourceLabel}</th><th scope="col">${translationLabel}</th></tr></thead><tbody>${headingRow}${rows}</tbody></table>
</section>`;
    })
    .join('\n');
  const removed = alignment.removed.length
    ? `<section class="pair changed" aria-labelledby="pair-removed"><h3 id="pair-removed">${say(strings, 'removedSections')}</h3>${alignment.removed.map((section) => `<p class="diff" ${langAttributes(sourceLang)}><del>${block([section.heading, section.text].filter(Boolean).join('\n'))}</del></p>`).join('')}</section>`
    : '';
  return sections + removed;
}

/** The line saying where the translation stands. */
export function renderState(strings: InterfaceStrings, state: StatusState, historyKnown = true): string {
  const key = state === 'missing' ? 'statusMissing' : state === 'stale' ? 'statusStale' : 'statusCurrent';
  const unknown = state === 'stale' ? (historyKnown ? ` ${say(strings, 'changesMarked')}` : ` <span class="history-unknown">${say(strings, 'historyUnknown')}</span>`) : '';
  return `<span class="state-${state}">${say(strings, key)}</span>${unknown}`;
}

/** What the editor view is made from. */
export interface EditorView {
  /** A release, or a section page. */
  entry: TranslatableEntry;
  lang: Locale;
  state: StatusState;
  /** Whether the source version an out-of-date translation was made from was found (so changes can be marked). */
  historyKnown: boolean;
  /** Whether the content is in a git checkout, so the file can be committed from here. */
  canCommit: boolean;
  sourceFields: DraftFields;
  draftFields: DraftFields;
  alignmentHtml: string;
  problemsHtml: string;
  /** For a section page under another: that page's title in its source, to say where the page sits in the menu. */
  parentTitle?: string | undefined;
}

/** A fact of the source shown read only: in the source's language, or (`interface`) in the workbench's. */
type Fact = { label: keyof InterfaceStrings; value: string; in?: 'interface' };

/** The facts of the source: a release's date, type, dateline and countries; a section page's place in the menu. */
function factsOf(strings: InterfaceStrings, view: EditorView): Fact[] {
  const { entry } = view;
  const writtenIn: Fact = { label: 'writtenIn', value: locales[entry.source.sourceLang].label };
  if (entry.kind === 'page') {
    const { menu } = entry.source;
    return [{ label: 'menuPosition', value: String(menu.order), in: 'interface' }, menu.parent ? { label: 'menuUnder', value: view.parentTitle ?? menu.parent } : { label: 'menuUnder', value: strings.menuTopLevel, in: 'interface' }, writtenIn];
  }
  const source = entry.source;
  return [
    { label: 'date', value: source.date },
    { label: 'type', value: source.type },
    { label: 'datelinePlace', value: source.dateline.place },
    { label: 'countries', value: source.countries.join(', ') },
    writtenIn,
  ];
}

/**
 * The components the text may use, from safe-mdx's table, to insert at the cursor. Hidden until the editor's script
 * runs: without it there is nothing to insert into.
 */
function componentMenu(strings: InterfaceStrings): string {
  // The tag is isolated left to right (U+2066 … U+2069): an option holds text only, and in Arabic `<Figure>` would
  // otherwise show its angle brackets mirrored.
  const options = siteComponentNames.map((name) => `<option value="${name}">${say(strings, `component${name}` as const)} · \u2066&lt;${name}&gt;\u2069</option>`).join('');
  return `<div id="component-menu" class="component-menu" hidden><label for="component">${say(strings, 'componentMenu')}</label>
<select id="component">${options}</select>
<button type="button" id="insert-component">${say(strings, 'insertComponent')}</button></div>`;
}

/**
 * The live preview: the page as the site shows it, rendered by the editor's script into a frame that runs no script
 * (`sandbox` without `allow-scripts`). Hidden until that script runs, as without it there is nothing to show; the
 * button shows or hides the frame, and says which it does (`aria-expanded`).
 */
function previewPanel(strings: InterfaceStrings): string {
  return `<section id="preview" class="preview" aria-labelledby="preview-heading" hidden>
<div class="preview-bar"><h2 id="preview-heading">${say(strings, 'previewHeading')}</h2>
<button type="button" id="preview-toggle" aria-expanded="true" aria-controls="preview-content" data-show="${say(strings, 'showPreview')}" data-hide="${say(strings, 'hidePreview')}">${say(strings, 'hidePreview')}</button></div>
<div id="preview-content">
<p class="preview-explain">${say(strings, 'previewExplain')}</p>
<p id="preview-stale" class="preview-stale" role="status" data-text="${say(strings, 'previewStale')}"></p>
<iframe id="preview-frame" title="${say(strings, 'previewFrame')}" sandbox="allow-same-origin"></iframe>
</div>
</section>`;
}

/**
 * The editor of one release or section page in one language: the source's facts read only, the translatable fields
 * (a section page has no dateline and no image) and the text (a text box written in the language's direction), the problems, Save and Mark up to date, the place where a
 * conflict is shown, and the source beside the translation.
 */
/*
 * Each <textarea> opens with a line break: HTML drops one line break right after the start tag, so the text's own
 * first line break (a body starts with a blank line) survives, and Save writes back exactly what was there.
 */
export function renderEditor(strings: InterfaceStrings, view: EditorView): string {
  const { entry, lang, sourceFields, draftFields } = view;
  const source = entry.source;
  const src = langAttributes(source.sourceLang);
  const target = langAttributes(lang);
  const hint = (id: string, value: string) => (value ? `<p class="in-source" id="${id}-source" ${src}>${say(strings, 'inSource', { value })}</p>` : '');
  const described = (id: string, value: string) => (value ? ` aria-describedby="${id}-source"` : '');
  const facts = factsOf(strings, view);
  // What only a release has: the dateline's place, and the lead image's words when the source has an image.
  const release = entry.kind === 'release' ? entry.source : undefined;
  return `<p><a href="/?lang=${lang}">${say(strings, 'backToQueue')}</a></p>
<h1>${say(strings, 'editorTitle', { language: locales[lang].label })}: <span ${src}>${escapeHtml(source.title)}</span></h1>
<p id="translation-state" class="translation-state">${renderState(strings, view.state, view.historyKnown)}</p>
<section aria-labelledby="facts-heading" class="facts">
<h2 id="facts-heading">${say(strings, 'factsHeading')}</h2>
<dl>${facts.map((fact) => `<div><dt>${say(strings, fact.label)}</dt><dd${fact.in === 'interface' ? '' : ` ${src}`}>${escapeHtml(fact.value)}</dd></div>`).join('')}</dl>
</section>
<form id="draft" class="draft" method="post" action="#" autocomplete="off" novalidate>
<h2>${say(strings, 'translationHeading')}</h2>
<div class="field"><label for="title">${say(strings, 'title')}</label>
<input id="title" name="title" data-field ${target} value="${escapeHtml(draftFields.title)}"${described('title', sourceFields.title)}>${hint('title', sourceFields.title)}</div>
<div class="field"><label for="summary">${say(strings, 'summary')}</label>
<textarea id="summary" name="summary" data-field rows="3" ${target}${described('summary', sourceFields.summary)}>
${escapeHtml(draftFields.summary)}</textarea>${hint('summary', sourceFields.summary)}</div>
${
  release
    ? `<div class="field"><label for="datelinePlace">${say(strings, 'datelinePlace')}</label>
<input id="datelinePlace" name="datelinePlace" data-field ${target} value="${escapeHtml(draftFields.datelinePlace)}"${described('datelinePlace', release.dateline.place)}>${hint('datelinePlace', release.dateline.place)}</div>`
    : ''
}
${
  release?.image
    ? `<div class="field"><label for="imageAlt">${say(strings, 'imageAlt')}</label>
<input id="imageAlt" name="imageAlt" data-field ${target} value="${escapeHtml(draftFields.imageAlt)}"${described('imageAlt', release.image.alt)}>${hint('imageAlt', release.image.alt)}</div>
<div class="field"><label for="imageCaption">${say(strings, 'imageCaption')}</label>
<input id="imageCaption" name="imageCaption" data-field ${target} value="${escapeHtml(draftFields.imageCaption)}"${described('imageCaption', release.image.caption ?? '')}>${hint('imageCaption', release.image.caption ?? '')}</div>`
    : ''
}
<div class="field field-body"><label for="body" id="body-label">${say(strings, 'text')}</label>
${componentMenu(strings)}
<textarea id="body" name="body" data-field rows="24" spellcheck="true" ${target}>
${escapeHtml(draftFields.body)}</textarea></div>
<div class="actions">
<button type="submit" id="save">${say(strings, 'save')}</button>
<button type="button" id="mark"${view.state === 'missing' ? ' disabled' : ''}>${say(strings, 'markUpToDate')}</button>
${view.canCommit ? `<button type="button" id="commit"${view.state === 'missing' ? ' disabled' : ''}>${say(strings, 'commit')}</button>` : ''}
</div>
<p id="message" role="status"></p>
</form>
<div class="side">
<section aria-labelledby="problems-heading" class="problems-panel">
<h2 id="problems-heading">${say(strings, 'problemsHeading')}</h2>
<div id="problems">${view.problemsHtml}</div>
</section>
${previewPanel(strings)}
</div>
<section id="conflict" class="conflict" aria-labelledby="conflict-heading" hidden>
<h2 id="conflict-heading">${say(strings, 'conflictHeading')}</h2>
<p>${say(strings, 'conflictExplain')}</p>
<div class="conflict-versions">
<div><label for="conflict-mine">${say(strings, 'yourVersion')}</label><textarea id="conflict-mine" rows="16" readonly ${target}></textarea>
<button type="button" id="keep-mine">${say(strings, 'keepMine')}</button></div>
<div><label for="conflict-disk">${say(strings, 'diskVersion')}</label><textarea id="conflict-disk" rows="16" readonly ${target}></textarea>
<button type="button" id="use-disk">${say(strings, 'useDisk')}</button></div>
</div>
</section>
<section aria-labelledby="alignment-heading" class="alignment">
<h2 id="alignment-heading">${say(strings, 'alignmentHeading')}</h2>
<div id="alignment">${view.alignmentHtml}</div>
</section>`;
}
