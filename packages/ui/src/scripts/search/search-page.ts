/**
 * The search page's script: the thin shell around the pure modules of this folder. It reads the page's config block
 * and the URL, runs Pagefind as the reader types or filters, keeps the URL in step (history.replaceState, so a search
 * can be shared), and renders results with DOM nodes (text only, no HTML strings: the page keeps a strict CSP).
 *
 * Without this script the page is a plain form that submits the same parameters; with it, results appear.
 */
import { formatDate } from '@iom/content-model/formatting';
import type { Locale } from '@iom/content-model';
import { facetLabel, format, readSearchConfig, type SearchConfig, type SearchLanguage } from './search-config.ts';
import { facetNames, isActiveSearch, readSearchState, toPagefindQuery, writeSearchState, type FacetName, type PagefindQuery, type SearchState } from './search-state.ts';
import { isRealMatch, toSearchHit, type LanguageGroup, type SearchHit } from './search-results.ts';
import { excerptLength, loadPagefind, type PagefindModule, type PagefindResult, type PagefindResponse } from './pagefind-client.ts';
import { bundleIndexNames, openShardedIndex, type ShardedIndex } from './sharded-index.ts';

/** Results shown at first and added by "Show more": each needs one small request for its excerpt. */
const pageSize = 10;
/** Results shown per other language (the rest is one link away, on that language's search page). */
const perOtherLanguage = 5;
/** Pause in typing before searching: fewer requests on a slow connection, fewer announcements for screen readers. */
const typingDelay = 300;

const config: SearchConfig = readSearchConfig(document);
const own = config.languages.find((language) => language.code === config.lang)!;
const codes = config.languages.map((language) => language.code);

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = byId<HTMLFormElement>('search-form');
const input = byId<HTMLInputElement>('search-q');
const filtersBox = byId<HTMLDetailsElement>('search-filters');
const heading = byId<HTMLHeadingElement>('search-results-heading');
const status = byId<HTMLParagraphElement>('search-status');
const list = byId<HTMLOListElement>('search-list');
const other = byId<HTMLDivElement>('search-other');
const more = byId<HTMLButtonElement>('search-more');
const selects = Object.fromEntries(facetNames.map((name) => [name, form.elements.namedItem(name) as HTMLSelectElement])) as Record<FacetName, HTMLSelectElement>;
const sortSelect = form.elements.namedItem('sort') as HTMLSelectElement;

let pagefindModule: Promise<PagefindModule> | undefined;
let mainInstance: Promise<ShardedIndex> | undefined;
/** The page's language as Pagefind keys its index. */
const ownIndex = own.lang.toLowerCase();
/** The bundle's index names (every language's shards), read once. */
let indexNames: Promise<string[]> | undefined;
/**
 * Loading the filter data, needed for the counts next to filter values: started only when the reader opens the
 * filters (or they open with the page), since on a large site the filter data weighs more than the results.
 */
let filterData: Promise<unknown> | undefined;
/** The search on screen while its filter values have no counts yet: counted when the reader opens the filters. */
let uncounted: { searchId: number; query: PagefindQuery; state: SearchState } | undefined;
/** Each search gets a number; a search that finishes after a newer one started is dropped. */
let latest = 0;
let typingTimer: ReturnType<typeof setTimeout> | undefined;
let pending: { results: PagefindResult[]; shown: number } = { results: [], shown: 0 };

/** The page language's index: all its shards (see sharded-index.ts). */
function instance(): Promise<ShardedIndex> {
  if (!mainInstance) {
    pagefindModule = loadPagefind(config.bundlePath);
    indexNames = bundleIndexNames(config.bundlePath);
    mainInstance = Promise.all([pagefindModule, indexNames]).then(([pagefind, names]) =>
      openShardedIndex(pagefind, { bundlePath: config.bundlePath, baseUrl: config.siteBase, excerptLength, names, pageLang: ownIndex, langs: [ownIndex] }),
    );
    mainInstance.catch(() => {
      // Let a later search try again (the connection may come back).
      pagefindModule = undefined;
      indexNames = undefined;
      mainInstance = undefined;
      filterData = undefined;
    });
  }
  return mainInstance;
}

// --- state ⇄ form -------------------------------------------------------------------------------------------------

function stateFromForm(): SearchState {
  const data = new FormData(form);
  const params = new URLSearchParams();
  for (const [key, value] of data) if (typeof value === 'string') params.append(key, value);
  return readSearchState(params);
}

function fillForm(state: SearchState): void {
  input.value = state.q;
  for (const name of facetNames) {
    const select = selects[name];
    const value = state.filters[name] ?? '';
    // A shared link may name a value this page has no option for (content added since): keep it, by its id.
    if (value && ![...select.options].some((option) => option.value === value)) select.add(new Option(facetLabel(config.labels, name, value), value));
    select.value = value;
  }
  sortSelect.value = state.sort === 'relevance' ? '' : state.sort;
  if (Object.keys(state.filters).length > 0 || state.sort !== 'relevance') filtersBox.open = true;
}

function updateUrl(state: SearchState): void {
  const url = `${window.location.pathname}${writeSearchState(state)}${window.location.hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) window.history.replaceState(null, '', url);
}

/** Shows how many results each value of a filter would give; values with none are disabled (not hidden). */
function updateOptionCounts(response: PagefindResponse | undefined, state: SearchState): void {
  for (const name of facetNames) {
    // Counts of a filter that is set would only say how many pages have two values of it: show plain labels there,
    // as when Pagefind has no counts (its filter data is not loaded yet).
    const counts = response && !state.filters[name] ? response.filters[name] : undefined;
    for (const option of selects[name].options) {
      if (!option.value) continue;
      const label = facetLabel(config.labels, name, option.value);
      const count = counts?.[option.value] ?? 0;
      option.text = counts ? format(config.strings.optionCount, { label, count }) : label;
      option.disabled = counts !== undefined && count === 0 && !option.selected;
    }
  }
}

// --- rendering ----------------------------------------------------------------------------------------------------

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** One result: a heading with a real link, the type and date, the excerpt with matched words marked. */
function renderHit(hit: SearchHit, headingLevel: 'h3' | 'h4', foreign: SearchLanguage | undefined): HTMLLIElement {
  const item = element('li', 'search-result');
  if (foreign) {
    item.lang = foreign.lang;
    item.dir = foreign.dir;
  }
  const title = element(headingLevel, 'search-result__title');
  const link = element('a', undefined, hit.title);
  link.href = hit.url;
  title.append(link);
  item.append(title);

  const details = [hit.type ? facetLabel(config.labels, 'type', hit.type) : hit.kind === 'country' ? config.strings.countryPage : undefined, hit.date ? formatDate(hit.date, config.lang as Locale) : undefined].filter(Boolean);
  if (details.length) {
    const meta = element('p', 'search-result__meta', details.join(' · '));
    // The type and date are written in the page's language, even inside a result in another language.
    if (foreign) {
      meta.lang = own.lang;
      meta.dir = own.dir;
    }
    item.append(meta);
  }
  if (hit.excerpt.length) {
    const excerpt = element('p', 'search-result__excerpt');
    for (const part of hit.excerpt) excerpt.append(part.mark ? element('mark', undefined, part.text) : document.createTextNode(part.text));
    item.append(excerpt);
  }
  return item;
}

async function loadHits(results: PagefindResult[]): Promise<SearchHit[]> {
  const fragments = await Promise.all(results.map((result) => result.data()));
  return fragments.map((fragment) => toSearchHit(fragment, config.siteBase, codes));
}

/** Adds results to the list (the next page unless given); returns the first new link, for focus after "Show more". */
async function showNextPage(searchId: number, loaded?: SearchHit[]): Promise<HTMLAnchorElement | undefined> {
  const next = pending.results.slice(pending.shown, pending.shown + pageSize);
  const hits = loaded ?? (await loadHits(next));
  if (searchId !== latest) return undefined;
  const items = hits.map((hit) => renderHit(hit, 'h3', undefined));
  list.append(...items);
  pending.shown += next.length;
  more.hidden = pending.shown >= pending.results.length;
  return items[0]?.querySelector('a') ?? undefined;
}

function renderOtherLanguages(state: SearchState, groups: LanguageGroup[]): void {
  const parts = [format(config.strings.noResults, { query: state.q, language: own.name })];
  const names = groups.map((group) => format(config.strings.languageCount, { language: languageOf(group.lang).name, count: group.count }));
  parts.push(groups.length ? format(config.strings.otherLanguages, { list: listFormat(names) }) : config.strings.noResultsAnywhere);
  status.textContent = parts.join(' ');

  for (const group of groups) {
    const language = languageOf(group.lang);
    const section = element('section', 'search-other__group');
    const title = element('h3', 'search-other__title', format(config.strings.languageCount, { language: language.name, count: group.count }));
    title.id = `search-other-${group.lang}`;
    section.setAttribute('aria-labelledby', title.id);
    const items = element('ol', 'search-results__list');
    items.append(...group.hits.map((hit) => renderHit(hit, 'h4', language)));
    section.append(title, items);
    if (group.count > group.hits.length) {
      const all = element('a', 'search-other__all', format(config.strings.allInLanguage, { count: group.count, language: language.name }));
      all.href = `${language.searchPath}${writeSearchState(state)}`;
      all.hreflang = language.lang;
      const paragraph = element('p', 'search-other__all-line');
      paragraph.append(all);
      section.append(paragraph);
    }
    other.append(section);
  }
}

const languageOf = (code: string) => config.languages.find((language) => language.code === code) ?? own;

function listFormat(items: string[]): string {
  return typeof Intl.ListFormat === 'function' ? new Intl.ListFormat(own.lang, { type: 'unit' }).format(items) : items.join(', ');
}

function clearResults(): void {
  list.replaceChildren();
  other.replaceChildren();
  more.hidden = true;
  pending = { results: [], shown: 0 };
}

// --- searching ----------------------------------------------------------------------------------------------------

/** Runs the search in the form; `focusResults` after an explicit submit, so that Tab goes on into the results. */
async function run(focusResults = false): Promise<void> {
  clearTimeout(typingTimer);
  const searchId = ++latest;
  const state = stateFromForm();
  updateUrl(state);
  if (!isActiveSearch(state)) {
    clearResults();
    heading.hidden = true;
    status.textContent = '';
    updateOptionCounts(undefined, state);
    return;
  }
  const query = toPagefindQuery(state);
  list.setAttribute('aria-busy', 'true');
  try {
    const pagefind = await instance();
    const response = await pagefind.search(query.term, query.options, ownIndex);
    if (searchId !== latest || !response) return;
    const firstPage = await loadHits(response.results.slice(0, pageSize));
    if (searchId !== latest) return;
    clearResults();
    heading.hidden = false;
    updateOptionCounts(response, state);
    // Pages that only match by Pagefind's longest-prefix fallback are no results (see isRealMatch).
    const found = query.term === null || firstPage.some((hit) => isRealMatch(hit.excerpt, query.term!));
    if (!found) {
      const { searchOtherLanguages } = await import('./other-languages.ts');
      const groups = await searchOtherLanguages(await pagefindModule!, await indexNames!, config, query, perOtherLanguage);
      if (searchId !== latest) return;
      renderOtherLanguages(state, groups);
    } else {
      pending = { results: response.results, shown: 0 };
      await showNextPage(searchId, firstPage);
      const count = response.results.length;
      status.textContent = query.term === null ? format(config.strings.filterCount, { count }) : format(config.strings.resultCount, { query: state.q, count });
    }
    if (focusResults) heading.focus();
    uncounted = Object.keys(response.filters).length === 0 ? { searchId, query, state } : undefined;
    if (uncounted && filtersBox.open) void countFilterValues(pagefind);
  } catch (error) {
    if (searchId !== latest) return;
    clearResults();
    heading.hidden = true;
    status.textContent = config.strings.unavailable;
    console.error(error);
  } finally {
    if (searchId === latest) list.removeAttribute('aria-busy');
  }
}

/**
 * Adds the counts next to the filter values of the search on screen once Pagefind's filter data is loaded: fetched
 * when the filters are open, after the first results so that they are not delayed; then the same search again (its
 * index chunks are already loaded) gives the counts.
 */
async function countFilterValues(pagefind: ShardedIndex): Promise<void> {
  const target = uncounted;
  if (!target || target.searchId !== latest) return;
  filterData ??= pagefind.filters();
  try {
    await filterData;
    if (target.searchId !== latest) return;
    const counted = await pagefind.search(target.query.term, target.query.options, ownIndex);
    if (target.searchId === latest && counted) {
      updateOptionCounts(counted, target.state);
      uncounted = undefined;
    }
  } catch {
    filterData = undefined; // Counts are a help, not a must: the filters work without them.
  }
}

// --- events -------------------------------------------------------------------------------------------------------

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void run(true);
});
input.addEventListener('input', () => {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => void run(), typingDelay);
});
// Start fetching Pagefind as soon as the reader shows an intent to search, not before: the page may be opened and
// left, and on a metered connection every kilobyte counts.
input.addEventListener('focus', () => void instance().catch(() => undefined), { once: true });
for (const select of [...Object.values(selects), sortSelect]) select.addEventListener('change', () => void run());
filtersBox.addEventListener('toggle', () => {
  if (filtersBox.open && uncounted) void instance().then(countFilterValues, () => undefined);
});

more.addEventListener('click', () => {
  void showNextPage(latest).then((first) => first?.focus());
});

/** The `/` shortcut (announced next to the box): focus the search box, unless the reader is typing somewhere. */
document.addEventListener('keydown', (event) => {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
  // `/` as typed, or the key that has it on a US layout when the layout gives a non-Latin letter there (ظ on an
  // Arabic keyboard), so that Arabic readers do not have to switch layouts.
  const slash = event.key === '/' || (event.code === 'Slash' && !/^[\x20-\x7e]$/.test(event.key));
  if (!slash || isEditable(event.target)) return;
  event.preventDefault();
  input.focus();
  input.select();
});

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type);
}

// --- start --------------------------------------------------------------------------------------------------------

for (const needsScript of document.querySelectorAll<HTMLElement>('[data-search-needs-script]')) needsScript.removeAttribute('data-search-needs-script');
const initial = readSearchState(window.location.search);
fillForm(initial);
if (isActiveSearch(initial)) void run();
