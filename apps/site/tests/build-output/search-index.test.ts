import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeArabicQuery } from '@iom/ui/scripts/search/arabic-normalize';
import type { PagefindModule } from '@iom/ui/scripts/search/pagefind-client';
import { ignoreOtherLanguages, prepareForIndex, searchCopy, splitPagefindAttributes } from '@iom/site-build/search-index';
import { listPages, readPage } from '../support/html.ts';
import { builtSiteDir } from '../support/paths.ts';
import { serveStatic } from '../support/static-server.ts';

interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

/** Pagefind's files are gzip with a `pagefind_dcd` signature in front of the JSON. */
function readPagefindFile(file: string): unknown {
  const data = gunzipSync(readFileSync(file));
  return JSON.parse(data.subarray('pagefind_dcd'.length).toString('utf8')) as unknown;
}

/**
 * Every page Pagefind stored, by the index its fragment file is filed under (`en_3f2a….pf_fragment`,
 * `en-x-201609_…` for a shard of releases) and that index's language.
 */
function readFragments(siteDir: string): { lang: string; index: string; fragment: Fragment }[] {
  const folder = path.join(siteDir, 'pagefind', 'fragment');
  return readdirSync(folder).flatMap((file) => {
    const index = file.split('_')[0]!;
    const lang = index.split('-')[0]!;
    const data = readPagefindFile(path.join(folder, file)) as Fragment | Record<string, Fragment>;
    // Above Pagefind's maxFragments a file holds a group of fragments, by hash.
    const fragments = 'url' in data && typeof data.url === 'string' ? [data as Fragment] : Object.values(data as Record<string, Fragment>);
    return fragments.map((fragment) => ({ lang, index, fragment }));
  });
}

const entry = JSON.parse(readFileSync(path.join(builtSiteDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
const fragments = readFragments(builtSiteDir);
const pages = listPages(builtSiteDir).map((file) => ({ file, root: readPage(builtSiteDir, file) }));
const langOf = (url: string) => decodeURI(url).split('/')[1];

describe('one index per language, in shards', () => {
  it('holds exactly the four languages, each with as many pages as the built HTML marks with data-pagefind-body', () => {
    const expected: Record<string, number> = {};
    for (const { root } of pages) {
      if (!root.querySelector('[data-pagefind-body]')) continue;
      const lang = root.querySelector('html')!.getAttribute('lang')!;
      expected[lang] = (expected[lang] ?? 0) + 1;
    }
    const counted: Record<string, number> = {};
    for (const [name, index] of Object.entries(entry.languages)) counted[name.split('-')[0]!] = (counted[name.split('-')[0]!] ?? 0) + index.page_count;
    expect(Object.keys(counted).sort()).toEqual(['ar', 'en', 'es', 'fr']);
    expect(counted).toEqual(expected);
  });

  it('files undated pages under the language’s own index and releases under runs of months', () => {
    for (const { index, fragment } of fragments) {
      const date = fragment.meta.date;
      if (date === undefined) expect(index, fragment.url).toMatch(/^[a-z]{2}$/);
      else expect(index, fragment.url).toMatch(/^[a-z]{2}-x-\d{6}$/);
      // A run named after its first month holds nothing older.
      if (date !== undefined) expect(date.slice(0, 7).replace('-', '') >= index.slice(-6), fragment.url).toBe(true);
    }
  });

  it('files every page under its own language only: an untranslated release is in its own language’s index alone', () => {
    for (const { lang, fragment } of fragments) expect(langOf(fragment.url), fragment.url).toBe(lang);
    // Releases exist in a language only where a translation was written: each release page's <html lang> is the
    // language of its URL, so the indexes cannot hold a release in a language it was not written in.
    for (const { file, root } of pages.filter((page) => /^[a-z]{2}\/news\/[^/]+\/index\.html$/.test(page.file) && page.root.querySelector('article.release'))) {
      expect(root.querySelector('html')!.getAttribute('lang'), file).toBe(file.slice(0, 2));
    }
  });

  it('leaves passages in another language out of a page’s index (the English summary on the French home page)', () => {
    const foreign = readPage(builtSiteDir, 'fr/index.html').querySelectorAll('main [lang="en"] .release-list__title');
    const home = fragments.find(({ fragment }) => fragment.url === '/fr/')!.fragment;
    for (const title of foreign) expect(home.content).not.toContain(title.text.trim());
  });
});

describe('page chrome stays out of the index', () => {
  it('has none of the footer, skip link, language switcher or screen-reader-only text of any page (navigation labels may also be headings)', () => {
    const chrome = new Map<string, Set<string>>();
    for (const { root } of pages) {
      const lang = root.querySelector('html')!.getAttribute('lang')!;
      const texts = chrome.get(lang) ?? new Set<string>();
      for (const element of root.querySelectorAll('.skip-link, .visually-hidden, .site-footer p, .language-switcher li')) {
        const text = element.text.replace(/\s+/g, ' ').trim();
        if (text.length >= 8) texts.add(text);
      }
      chrome.set(lang, texts);
    }
    expect(chrome.get('en')!.size).toBeGreaterThan(3);
    for (const { lang, fragment } of fragments) {
      for (const text of chrome.get(lang) ?? []) expect(fragment.content, `${fragment.url} holds "${text}"`).not.toContain(text);
    }
  });
});

describe('filters, meta and sort of the seed release', () => {
  const seed = fragments.find(({ fragment }) => fragment.url === '/en/news/iom-unhcr-train-libyan-partners-on-saving-lives-at-sea/')!.fragment;

  it('are stored by stable identifier, one value per filter key (not one "kind" filter holding the whole list)', () => {
    expect(seed.filters).toMatchObject({ kind: ['release'], type: ['press-release'], year: ['2016'], country: ['LY'], region: ['middle-east-north-africa'] });
    expect(seed.filters.theme).toEqual(expect.arrayContaining(['migrant-protection', 'search-and-rescue', 'capacity-building']));
    expect(seed.meta).toMatchObject({ date: '2016-09-02', type: 'press-release', title: 'IOM, UNHCR Train Libyan Partners on Saving Lives at Sea' });
  });

  it('are the same identifiers in the Arabic version, whose text is indexed normalized', () => {
    const arabic = fragments.find(({ lang, fragment }) => lang === 'ar' && fragment.filters.year?.[0] === '2016' && fragment.filters.country?.includes('LY'))!.fragment;
    expect(arabic.filters).toMatchObject({ kind: ['release'], type: ['press-release'], country: ['LY'] });
    // "والمفوضية" is indexed as "و المفوضية", so that a search for "المفوضية" finds it.
    expect(arabic.content).toContain('و المفوضية');
    expect(arabic.content).not.toContain('والمفوضية');
  });
});

describe('the search page of each language', () => {
  for (const lang of ['en', 'fr', 'es', 'ar']) {
    const root = readPage(builtSiteDir, `${lang}/search/index.html`);

    it(`${lang}: runs one external module script and nothing inline (a strict CSP holds)`, () => {
      const scripts = root.querySelectorAll('script');
      const executable = scripts.filter((script) => (script.getAttribute('type') ?? 'module') === 'module');
      expect(executable.map((script) => script.getAttribute('src'))).toEqual([expect.stringMatching(/^\/_astro\/[^/]+\.js$/)]);
      expect(executable[0]!.text.trim()).toBe('');
      expect(scripts.filter((script) => script.getAttribute('type') === 'application/json').map((script) => script.id)).toEqual(['search-config']);
      expect(root.querySelectorAll('[style], style')).toHaveLength(0);
      expect(root.querySelectorAll('*').filter((element) => Object.keys(element.attributes).some((name) => /^on/i.test(name)))).toHaveLength(0);
    });
  }

  it('embeds the labels of filter identifiers in its own language, and Pagefind’s address', () => {
    const config = (lang: string) => JSON.parse(readPage(builtSiteDir, `${lang}/search/index.html`).querySelector('#search-config')!.text) as {
      bundlePath: string;
      labels: Record<string, Record<string, string>>;
    };
    expect(config('fr').labels.country!.LY).toBe('Libye');
    expect(config('ar').labels.country!.LY).toBe('ليبيا');
    expect(config('es').labels.type!['press-release']).toBe('Comunicado de prensa');
    expect(config('ar').bundlePath).toBe('/pagefind/');
    const select = readPage(builtSiteDir, 'fr/search/index.html').querySelector('#search-country option[value="LY"]')!;
    expect(select.text).toBe('Libye');
  });
});

describe('preparing a page for Pagefind', () => {
  it('splits a filter list into references Pagefind reads, keeping escaped commas in values', () => {
    expect(splitPagefindAttributes('<article data-pagefind-filter="kind:release, country:LY, country:TN" data-pagefind-sort="date:2016-09-02">')).toBe(
      '<article data-pagefind-filter="kind[data-pf-filter-0], country[data-pf-filter-1], country[data-pf-filter-2]" data-pf-filter-0="release" data-pf-filter-1="LY" data-pf-filter-2="TN" data-pagefind-sort="date:2016-09-02">',
    );
    expect(splitPagefindAttributes('<p data-pagefind-meta="note:a\\, b, type:news">')).toBe('<p data-pagefind-meta="note[data-pf-meta-0], type[data-pf-meta-1]" data-pf-meta-0="a, b" data-pf-meta-1="news">');
    expect(splitPagefindAttributes('<img data-pagefind-meta="image[src], image_alt[alt]">')).toBe('<img data-pagefind-meta="image[src], image_alt[alt]">');
  });

  it('hands Pagefind only the indexed part: <html lang dir> and the body, without ignored subtrees that hold no Pagefind attribute', () => {
    const page =
      '<!doctype html><html lang="ar" dir="rtl"><head><title>x</title></head><body><header data-pagefind-ignore="all">menu</header>' +
      '<main data-pagefind-body><article data-pagefind-filter="kind:release"><p class="stale" data-pagefind-ignore>قديم <a href="/en/">en</a></p><h1>عنوان</h1>' +
      '<div data-pagefind-ignore><span data-pagefind-meta="note:kept">ملاحظة</span></div><footer data-pagefind-ignore="all"><section><h2>r</h2></section></footer></article></main>' +
      '<footer>site</footer></body></html>';
    expect(searchCopy(page)).toBe(
      '<!doctype html><html lang="ar" dir="rtl"><body><main data-pagefind-body><article data-pagefind-filter="kind:release"><h1>عنوان</h1>' +
        '<div data-pagefind-ignore><span data-pagefind-meta="note:kept">ملاحظة</span></div></article></main></body></html>',
    );
    // A page without a marked body is left whole (Pagefind indexes such pages only when no page of the site marks one).
    expect(searchCopy('<html lang="en"><body><p>x</p></body></html>')).toBe('<html lang="en"><body><p>x</p></body></html>');
  });

  it('ignores elements in another language than the page, void elements included', () => {
    expect(ignoreOtherLanguages('<li lang="en" dir="ltr"><p lang="fr">x</p><img lang="es" alt="y" /></li><p lang="fr-CA">z</p>', 'fr')).toBe(
      '<li lang="en" dir="ltr" data-pagefind-ignore><p lang="fr">x</p><img lang="es" alt="y"  data-pagefind-ignore/></li><p lang="fr-CA">z</p>',
    );
  });
});

// Recall of Arabic search, measured on a small corpus: the same pages indexed as they are (Pagefind alone) and as the
// build prepares them, queried with the query as typed and as the search page normalizes it.
const corpus: Record<string, string> = {
  training: 'درّبت المنظمة الدولية للهجرة والمفوضية السامية للأمم المتحدة لشؤون اللاجئين ضباطاً من خفر السواحل الليبي على البحث والإنقاذ.',
  hospital: 'وأكد المدير أن الإسعافات الأولية أولوية، واستمر التدريب أربعة أيام في مستشفى طرابلس. وقال مسؤول في البعثة إن الفرق جاهزة.',
  funding: 'فالحكومة الإيطالية موّلت المشروع مع الاتحاد الأوروبي لحماية المهاجرين في مدرسة الشاطئ.',
  other: 'تونس مدينة ساحلية يزورها كثير من السياح كل عام.',
};
/** [what is varied, query, page it must find]. */
const recallCases: [string, string, string][] = [
  ['tashkeel', 'الْمُنَظَّمَة', 'training'],
  ['tashkeel', 'التَّدْرِيب', 'hospital'],
  ['tashkeel', 'الْإِسْعَافَات', 'hospital'],
  ['ة/ه', 'الدوليه', 'training'],
  ['ة/ه', 'مدرسه', 'funding'],
  ['ة/ه, و on the page', 'المفوضيه', 'training'],
  ['ى/ي', 'مستشفي', 'hospital'],
  ['alef forms', 'الاسعافات', 'hospital'],
  ['alef forms', 'الايطالية', 'funding'],
  ['prefix ال', 'منظمة', 'training'],
  ['prefix ب', 'بالمنظمة', 'training'],
  ['prefix ل', 'للمهاجرين', 'funding'],
  ['prefix و', 'والمنظمة', 'training'],
  ['prefix و on the page', 'المفوضية', 'training'],
  ['prefix و on the page', 'مفوضية', 'training'],
  ['prefix و on the page', 'الإنقاذ', 'training'],
  ['prefix و on the page', 'أكد', 'hospital'],
  ['prefix و on the page', 'استمر', 'hospital'],
  ['prefix ف on the page', 'الحكومة', 'funding'],
  ['Persian keyboard', 'کثیر', 'other'],
  ['Persian keyboard', 'السیاح', 'other'],
];
/** Variants still missed after normalization (documented in packages/ui/src/scripts/search/README.md). */
const knownGaps: [string, string, string][] = [['hamza seat', 'مسئول', 'hospital']];

describe('Arabic recall before and after normalization', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'search-recall-'));
  const searchers: Record<'before' | 'after', (query: string) => Promise<string[]>> = {} as never;
  const servers: Awaited<ReturnType<typeof serveStatic>>[] = [];

  async function buildIndex(name: 'before' | 'after', prepare: (html: string) => string): Promise<void> {
    const { index } = await pagefind.createIndex({});
    for (const [page, text] of Object.entries(corpus)) {
      const html = `<html lang="ar" dir="rtl"><body><main data-pagefind-body><h1>${page}</h1><p>${text}</p></main></body></html>`;
      await index!.addHTMLFile({ url: `/ar/${page}/`, content: prepare(html) });
    }
    await index!.writeFiles({ outputPath: path.join(work, name, 'pagefind') });
    await pagefind.close();
    const server = await serveStatic(path.join(work, name));
    servers.push(server);
    // Pagefind's browser API runs in Node too (on the main thread); the bundle's only language is Arabic, so that is
    // the index it picks. A query string makes each bundle its own module instance.
    const api = (await import(`${pathToFileURL(path.join(work, name, 'pagefind', 'pagefind.js')).href}?${name}`)) as PagefindModule;
    const instance = api.createInstance({ basePath: `${server.url}pagefind/`, baseUrl: '/' });
    searchers[name] = async (query) => {
      const response = await instance.search(name === 'after' ? normalizeArabicQuery(query) : query);
      return Promise.all((response?.results ?? []).map(async (result) => (await result.data()).url.split('/')[2]!));
    };
  }

  beforeAll(async () => {
    await buildIndex('before', (html) => html);
    await buildIndex('after', prepareForIndex);
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('finds every variant after normalization, and more than Pagefind alone', async () => {
    const rows: string[] = [];
    const found = { before: 0, after: 0 };
    for (const [variant, query, page] of recallCases) {
      const before = (await searchers.before(query)).includes(page);
      const after = (await searchers.after(query)).includes(page);
      found.before += Number(before);
      found.after += Number(after);
      rows.push(`${variant.padEnd(22)} ${query.padEnd(16)} ${before ? 'found' : 'MISSED'.padEnd(6)} → ${after ? 'found' : 'MISSED'}`);
    }
    console.log(`Arabic recall, Pagefind alone → with normalization: ${found.before}/${recallCases.length} → ${found.after}/${recallCases.length}\n${rows.join('\n')}`);
    expect(found.after).toBe(recallCases.length);
    expect(found.before).toBeLessThan(found.after);
  });

  it('still misses the known gaps (update the README if Pagefind starts finding them)', async () => {
    for (const [, query, page] of knownGaps) expect(await searchers.after(query), query).not.toContain(page);
  });
});
