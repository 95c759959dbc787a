import { locales, placeholderMismatch, type Locale } from '@iom/content-model';
import type { ContentIssue } from '@iom/safe-mdx';
import type { InterfaceStrings } from '../interface-strings.ts';
import { escapeHtml, langAttributes, say } from './html.ts';

/** One key of en.yaml, its English text and the language's text (undefined when missing). */
export interface UiStringRow {
  key: string;
  english: string;
  translation: string | undefined;
}

/** Plain words for a placeholder mismatch, or '' when the placeholders agree. */
export function renderPlaceholderProblem(strings: InterfaceStrings, missing: readonly string[], extra: readonly string[]): string {
  const names = (list: readonly string[]) => list.map((name) => `{${name}}`).join(', ');
  return [missing.length > 0 ? say(strings, 'placeholderMissing', { names: names(missing) }) : '', extra.length > 0 ? say(strings, 'placeholderExtra', { names: names(extra) }) : ''].filter(Boolean).join(' ');
}

/** What the UI strings page offers besides Save. */
export interface StringsEditorOptions {
  /** The content is in a git checkout: the language's file can be committed from the page. */
  canCommit: boolean;
}

/**
 * The UI strings of one language beside English, missing keys first: a translator fills the gaps before polishing.
 * Each input is labelled by its key and written in the language's direction. Below the form, the place where a
 * conflict with the file on disk is shown (filled by the page's script from `renderStringsConflict`).
 */
export function renderStringsEditor(strings: InterfaceStrings, lang: Locale, rows: readonly UiStringRow[], options: StringsEditorOptions = { canCommit: false }): string {
  const missing = rows.filter((row) => row.translation === undefined);
  const done = rows.filter((row) => row.translation !== undefined);
  const row = (item: UiStringRow, index: number) => {
    const id = `s-${index}`;
    const mismatch = item.translation === undefined ? undefined : placeholderMismatch(item.english, item.translation);
    const problem = mismatch ? renderPlaceholderProblem(strings, mismatch.missing, mismatch.extra) : '';
    return `<li class="string-row" data-key="${escapeHtml(item.key)}">
<label for="${id}"><code>${escapeHtml(item.key)}</code></label>
<p class="string-english" lang="en" dir="ltr">${escapeHtml(item.english)}</p>
<input id="${id}" name="${escapeHtml(item.key)}" type="text" ${langAttributes(lang)} value="${escapeHtml(item.translation ?? '')}" aria-describedby="${id}-problem" data-string>
<p id="${id}-problem" class="string-problem" role="status">${problem}</p>
</li>`;
  };
  let index = 0;
  const group = (title: 'stringsMissing' | 'stringsDone', items: readonly UiStringRow[]) =>
    items.length === 0 ? '' : `<h2>${say(strings, title)} (${items.length})</h2>\n<ul class="strings">\n${items.map((item) => row(item, index++)).join('\n')}\n</ul>`;
  return `<h1>${say(strings, 'stringsTitle')}: ${escapeHtml(locales[lang].label)}</h1>
<p>${say(strings, 'stringsIntro')}</p>
<p>${say(strings, 'stringsClearing')}</p>
<p id="strings-counts">${say(strings, 'stringsCounts', { missing: missing.length, done: done.length })}</p>
<form id="strings" class="strings-form">
${group('stringsMissing', missing)}
${group('stringsDone', done)}
<p class="actions"><button type="submit">${say(strings, 'save')}</button>${options.canCommit ? ` <button type="button" id="strings-commit">${say(strings, 'commit')}</button>` : ''} <span id="message" role="status"></span></p>
</form>
<section id="strings-conflict" class="conflict" aria-labelledby="strings-conflict-heading" hidden>
<h2 id="strings-conflict-heading" tabindex="-1">${say(strings, 'conflictHeading')}</h2>
<p>${say(strings, 'conflictExplain')}</p>
<div id="strings-conflict-rows"></div>
<p><button type="button" id="strings-resolve">${say(strings, 'stringsResolve')}</button></p>
</section>
<p><a href="/?lang=${lang}">${say(strings, 'backToQueue')}</a></p>`;
}

/** A key the translator changed that the file on disk also changed since the page opened, to something else. */
export interface UiStringConflict {
  key: string;
  /** The text on disk now; undefined when the key is not in the file. */
  disk: string | undefined;
  /** The translator's text; empty when they cleared it. */
  mine: string;
}

/**
 * The conflicting keys, each with the translator's text beside the text on disk and a choice between them (the
 * translator's by default). An absent text says what the site then shows.
 */
export function renderStringsConflict(strings: InterfaceStrings, lang: Locale, conflicts: readonly UiStringConflict[]): string {
  const text = (id: string, value: string | undefined) =>
    value === undefined || value.trim() === '' ? `<p class="string-absent" id="${id}">${say(strings, 'stringsNotInFile')}</p>` : `<p class="string-version" id="${id}" ${langAttributes(lang)}>${escapeHtml(value)}</p>`;
  const side = (index: number, which: 'mine' | 'disk', value: string | undefined) =>
    `<div><p class="version-label">${say(strings, which === 'mine' ? 'yourVersion' : 'diskVersion')}</p>${text(`c-${index}-${which}`, value)}
<label><input type="radio" name="choice-${index}" value="${which}"${which === 'mine' ? ' checked' : ''} aria-describedby="c-${index}-${which}"> ${say(strings, which === 'mine' ? 'keepMine' : 'useDisk')}</label></div>`;
  return conflicts
    .map(
      (conflict, index) => `<fieldset class="string-conflict" data-key="${escapeHtml(conflict.key)}">
<legend><code>${escapeHtml(conflict.key)}</code></legend>
<div class="conflict-versions">
${side(index, 'mine', conflict.mine)}
${side(index, 'disk', conflict.disk)}
</div>
</fieldset>`,
    )
    .join('\n');
}

/** The page shown instead of the editor when en.yaml or the language's file cannot be read: where, what, and the fix. */
export function renderStringsUnreadable(strings: InterfaceStrings, lang: Locale, issue: ContentIssue): string {
  const where = [issue.file, issue.line, issue.line === undefined ? undefined : issue.column].filter((part) => part !== undefined).join(':');
  return `<h1>${say(strings, 'stringsTitle')}: ${escapeHtml(locales[lang].label)}</h1>
<p>${say(strings, 'stringsUnreadable', { file: issue.file })}</p>
<div class="problems-panel"><p><strong><code>${escapeHtml(where)}</code></strong>${issue.field ? ` <code>${escapeHtml(issue.field)}</code>` : ''}: <span lang="en" dir="ltr">${escapeHtml(issue.message)}</span></p>
<p class="fix">${say(strings, 'fix')} <span lang="en" dir="ltr">${escapeHtml(issue.fix)}</span></p></div>
<p><a href="/?lang=${lang}">${say(strings, 'backToQueue')}</a></p>`;
}
