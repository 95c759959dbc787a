import { locales, placeholderMismatch, type Locale } from '@iom/content-model';
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

/**
 * The UI strings of one language beside English, missing keys first: a translator fills the gaps before polishing.
 * Each input is labelled by its key and written in the language's direction.
 */
export function renderStringsEditor(strings: InterfaceStrings, lang: Locale, rows: readonly UiStringRow[]): string {
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
<p id="strings-counts">${say(strings, 'stringsCounts', { missing: missing.length, done: done.length })}</p>
<form id="strings" class="strings-form">
${group('stringsMissing', missing)}
${group('stringsDone', done)}
<p><button type="submit">${say(strings, 'save')}</button> <span id="message" role="status"></span></p>
</form>
<p><a href="/?lang=${lang}">${say(strings, 'backToQueue')}</a></p>`;
}
