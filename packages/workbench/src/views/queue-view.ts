import { isUiStringLanguage } from '../ui-strings-file.ts';
import { formatNumber, localeCodes, locales, type Locale } from '@iom/content-model';
import type { ChangeSize } from '../translatable-index.ts';
import type { InterfaceStrings } from '../interface-strings.ts';
import type { PageEntry } from '../page-index.ts';
import type { QueueFilter, QueuePage } from '../release-index.ts';
import type { StatusState } from '@iom/content-model';
import { escapeHtml, langAttributes, say } from './html.ts';

/** What the queue can be narrowed to: the countries releases are about and the themes, with their names. */
export interface QueueChoices {
  countries: { code: string; name: string }[];
  themes: { id: string; name: string }[];
  filter: QueueFilter;
}

const choice = (id: string, label: string, all: string, items: { value: string; name: string }[], selected: string | undefined) =>
  `<label for="${id}">${label}</label>
<select id="${id}" name="${id}"><option value="">${all}</option>${items.map((item) => `<option value="${escapeHtml(item.value)}"${item.value === selected ? ' selected' : ''}>${escapeHtml(item.name)}</option>`).join('')}</select>`;

/** The section pages missing or out of date in a language, and the counts (see `pageQueue`), with how much work each is. */
export interface PageQueue {
  items: { entry: PageEntry; state: 'missing' | 'stale'; size?: ChangeSize | undefined }[];
  counts: Record<StatusState, number>;
}

/** How much work an entry is, in words of the interface language (see `ChangeSize`). */
export function renderChangeSize(strings: InterfaceStrings, ui: Locale, size: ChangeSize): string {
  const number = (value: number) => formatNumber(value, ui);
  switch (size.kind) {
    case 'source':
      return say(strings, 'sizeSource', { words: number(size.words) });
    case 'unknown':
      return say(strings, 'sizeUnknown');
    case 'pending':
      return say(strings, 'sizePending');
    case 'changed': {
      const parts = [size.sections > 0 ? say(strings, 'sizeChanged', { sections: number(size.sections), of: number(size.of), words: number(size.words) }) : '', size.removed > 0 ? say(strings, 'sizeRemoved', { removed: number(size.removed) }) : ''].filter(Boolean);
      return parts.length > 0 ? parts.join(' · ') : say(strings, 'sizeOutsideText');
    }
  }
}

/**
 * One entry of a queue: a link named by the source's title (nothing else, so its accessible name stays the title),
 * its state, the language it is written in and how much work it is.
 */
const queueItem = (strings: InterfaceStrings, ui: Locale, href: string, source: { title: string; sourceLang: Locale }, state: 'missing' | 'stale', size: ChangeSize | undefined, date?: string) =>
  `<li class="queue-item state-${state}"><a href="${escapeHtml(href)}" ${langAttributes(source.sourceLang)}>${escapeHtml(source.title)}</a>
<span class="meta">${date ? `<time datetime="${escapeHtml(date)}">${escapeHtml(date)}</time> · ` : ''}<span class="state">${say(strings, state === 'missing' ? 'stateMissing' : 'stateStale')}</span> · ${escapeHtml(locales[source.sourceLang].label)}${size ? ` · <span class="size">${renderChangeSize(strings, ui, size)}</span>` : ''}</span></li>`;

/**
 * The section pages group of the queue: a heading, the counts, and every page to translate or update, in the
 * menu's order (a handful: no pages of the list).
 */
function renderPageGroup(strings: InterfaceStrings, ui: Locale, lang: Locale, pages: PageQueue): string {
  const items = pages.items.map(({ entry, state, size }) => queueItem(strings, ui, `/edit?page=${encodeURIComponent(entry.id)}&lang=${lang}`, entry.source, state, size)).join('\n');
  return `<section aria-labelledby="section-pages-heading" class="queue-group">
<h2 id="section-pages-heading">${say(strings, 'sectionPages')}</h2>
<p class="counts" id="page-counts">${say(strings, 'sectionPagesCounts', pages.counts)}</p>
${items ? `<ol class="queue" aria-describedby="page-counts">\n${items}\n</ol>` : `<p>${say(strings, 'noSectionPages')}</p>`}
</section>`;
}

/**
 * The queue: the language to work in, the country and theme to narrow it to (a plain form, so it needs no script),
 * then two groups, each under its heading: the section pages missing or out of date (when `pages` is given), and
 * the counts and one page of the releases missing or out of date, newest first. Each entry is a link named by the
 * source's title, followed by how much work it is when `size` is given.
 */
export function renderQueue(strings: InterfaceStrings, ui: Locale, lang: Locale, queue: QueuePage, choices: QueueChoices, pages?: PageQueue): string {
  const options = localeCodes.map((code) => `<option value="${code}"${code === lang ? ' selected' : ''}>${escapeHtml(locales[code].label)}</option>`).join('');
  const { filter } = choices;
  const kept = `${filter.country ? `&amp;country=${encodeURIComponent(filter.country)}` : ''}${filter.theme ? `&amp;theme=${encodeURIComponent(filter.theme)}` : ''}`;
  const { counts } = queue;
  const items = queue.items
    .map(({ entry, state, size }) => queueItem(strings, ui, `/edit?release=${encodeURIComponent(entry.id)}&lang=${lang}`, entry.source, state, size, entry.source.date))
    .join('\n');
  const link = (page: number, key: 'previousPage' | 'nextPage', rel: string) => `<a href="/?lang=${lang}${kept}&amp;page=${page}" rel="${rel}">${say(strings, key)}</a>`;
  const pagination =
    queue.pages > 1
      ? `<nav class="pagination" aria-label="${say(strings, 'pages')}">${queue.page > 1 ? link(queue.page - 1, 'previousPage', 'prev') : ''}
<span>${say(strings, 'pageOf', { page: queue.page, pages: queue.pages })}</span>${queue.page < queue.pages ? link(queue.page + 1, 'nextPage', 'next') : ''}</nav>`
      : '';
  return `<h1>${say(strings, 'queueTitle')}</h1>
<form method="get" action="/" class="language-choice">
<label for="lang">${say(strings, 'language')}</label>
<select id="lang" name="lang">${options}</select>
${choice('country', say(strings, 'country'), say(strings, 'allCountries'), choices.countries.map((country) => ({ value: country.code, name: country.name })), filter.country)}
${choice('theme', say(strings, 'theme'), say(strings, 'allThemes'), choices.themes.map((theme) => ({ value: theme.id, name: theme.name })), filter.theme)}
<button type="submit">${say(strings, 'show')}</button>
</form>
${isUiStringLanguage(lang) ? `<p><a href="/strings?lang=${lang}">${say(strings, 'stringsLink')}</a></p>` : ''}
${pages ? renderPageGroup(strings, ui, lang, pages) : ''}
<section aria-labelledby="releases-heading" class="queue-group">
<h2 id="releases-heading">${say(strings, 'releases')}</h2>
<p class="counts" id="counts">${say(strings, 'counts', counts)}</p>
${items ? `<ol class="queue" aria-describedby="counts">\n${items}\n</ol>` : `<p>${say(strings, 'nothingToDo')}</p>`}
${pagination}
</section>`;
}
