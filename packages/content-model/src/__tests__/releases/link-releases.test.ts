import { describe, expect, it } from 'vitest';
import { linkReleases, validateReleaseFile, type ReleaseFileInput, type ValidatedReleaseFile } from '../../releases.ts';
import { sourceFingerprint } from '../../content-hash.ts';
import { listingFor, listingsForEveryLanguage } from '../../listings.ts';

const known = { countries: new Set(['LY', 'TN']), themes: new Set(['search-and-rescue']) };
const sourceBody = 'Body of the release.\n';
const sourceTitle = 'IOM, UNHCR Train Libyan Partners on Saving Lives at Sea';
const fingerprint = sourceFingerprint({ title: sourceTitle, summary: undefined, body: sourceBody });

function input(lang: string, frontmatter: Record<string, unknown>, body = 'Texte.\n', key = 'iom-unhcr-train'): ReleaseFileInput {
  const title = typeof frontmatter.title === 'string' ? frontmatter.title : '';
  const summary = typeof frontmatter.summary === 'string' ? frontmatter.summary : undefined;
  return { file: `content/releases/2016/${key}/${lang}.mdx`, key, year: '2016', lang, frontmatter, fingerprint: sourceFingerprint({ title, summary, body }), fieldPosition: () => ({ line: 2, column: 1 }) };
}
const source = (overrides: Record<string, unknown> = {}, key?: string) =>
  input('en', { title: sourceTitle, date: '2016-09-02', dateline: { place: 'Tripoli', country: 'LY' }, countries: ['LY'], themes: ['search-and-rescue'], ...overrides }, sourceBody, key);

function validate(...inputs: ReleaseFileInput[]): ValidatedReleaseFile[] {
  return inputs.map((file) => {
    const result = validateReleaseFile(file);
    expect(result.issues).toEqual([]);
    return result.file!;
  });
}

describe('a release in English with French (current), Arabic (stale) and no Spanish', () => {
  const files = validate(
    source(),
    input('fr', { title: 'L’OIM et le HCR forment des partenaires libyens', translationOf: { lang: 'en', hash: fingerprint } }),
    input('ar', { title: 'المنظمة الدولية للهجرة تدرب شركاء ليبيين', datelinePlace: 'طرابلس', translationOf: { lang: 'en', hash: '000000000000' } }),
  );
  const { pages, issues } = linkReleases(files, known);

  it('links every language version by folder, with localized slugs', () => {
    expect(issues).toEqual([]);
    expect(pages.map((page) => page.path)).toEqual([
      '/en/news/iom-unhcr-train-libyan-partners-on-saving-lives-at-sea/',
      '/fr/news/l-oim-et-le-hcr-forment-des-partenaires-libyens/',
      '/ar/news/المنظمة-الدولية-للهجرة-تدرب-شركاء-ليبيين/',
    ]);
    for (const page of pages) expect(page.versions.map((version) => version.lang)).toEqual(['en', 'fr', 'ar']);
  });

  it('marks the source, a current translation and a stale one', () => {
    expect(pages.map((page) => [page.lang, page.state])).toEqual([['en', 'source'], ['fr', 'current'], ['ar', 'stale']]);
  });

  it('gives translations the facts of the source and their own words', () => {
    const ar = pages.find((page) => page.lang === 'ar')!;
    expect(ar.date).toBe('2016-09-02');
    expect(ar.countries).toEqual(['LY']);
    expect(ar.dateline).toEqual({ place: 'طرابلس', country: 'LY' });
  });

  it('lists the release in Spanish in its source language, marked foreign, never as a Spanish page', () => {
    const items = listingFor(pages, 'es');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ foreign: true, page: { lang: 'en' } });
    expect(listingFor(pages, 'ar')[0]).toMatchObject({ foreign: false, page: { lang: 'ar' } });
  });
});

describe('the order of a listing', () => {
  it('is newest first, and releases of the same day by folder name in code units, whatever the locale says', () => {
    // A locale-aware order puts "a-…" before "B-…" and "Z-…"; code units put capitals first, on every machine.
    const folders = ['a-second', 'Z-first', 'B-first', 'a-first'];
    const { pages, issues } = linkReleases(validate(...folders.map((key) => source({ title: `Release ${key}`, date: '2016-09-02' }, key)), source({ title: 'Later', date: '2016-10-01' }, 'later')), known);
    expect(issues).toEqual([]);
    expect(listingFor(pages, 'en').map((item) => item.page.key)).toEqual(['later', 'B-first', 'Z-first', 'a-first', 'a-second']);
  });

  it('is the same for every language made at once as made one language at a time', () => {
    const hash = sourceFingerprint({ title: 'Older', summary: undefined, body: sourceBody });
    const files = validate(
      source({ title: 'Older', date: '2016-08-01' }, 'older'),
      input('fr', { title: 'Plus ancien', translationOf: { lang: 'en', hash } }, 'Texte.\n', 'older'),
      input('ar', { title: 'أقدم', translationOf: { lang: 'en', hash } }, 'نص.\n', 'older'),
      source({ title: 'Newer', date: '2016-09-01' }, 'newer'),
      input('fr', { title: 'Note', type: 'briefing-note', date: '2016-08-15', dateline: { place: 'Tunis', country: 'TN' } }, 'Corps.\n', 'french-source'),
    );
    const { pages, issues } = linkReleases(files, known);
    expect(issues).toEqual([]);
    const all = listingsForEveryLanguage(pages);
    for (const lang of ['en', 'fr', 'es', 'ar'] as const) {
      expect(all.get(lang)).toEqual(listingFor(pages, lang));
      expect(all.get(lang)!.every((item, index) => item.page === listingFor(pages, lang)[index]!.page)).toBe(true);
    }
    // Not vacuous: the languages differ in what they show, own versions and foreign ones.
    expect(all.get('fr')!.map((item) => [item.page.key, item.page.lang, item.foreign])).toEqual([['newer', 'en', true], ['french-source', 'fr', false], ['older', 'fr', false]]);
    expect(all.get('es')!.every((item) => item.foreign)).toBe(true);
  });
});

describe('a release first written in French', () => {
  it('takes the French file as the source and English as its translation', () => {
    const fr = input('fr', { title: 'Note d’information sur Tunis', type: 'briefing-note', date: '2016-10-01', dateline: { place: 'Tunis', country: 'TN' } }, 'Corps.\n', 'note');
    const hash = sourceFingerprint({ title: 'Note d’information sur Tunis', summary: undefined, body: 'Corps.\n' });
    const en = input('en', { title: 'Briefing note on Tunis', translationOf: { lang: 'fr', hash } }, 'Body.\n', 'note');
    const { pages, issues } = linkReleases(validate(fr, en), known);
    expect(issues).toEqual([]);
    expect(pages.map((page) => [page.lang, page.state, page.sourceLang])).toEqual([['en', 'current', 'fr'], ['fr', 'source', 'fr']]);
  });
});

describe('content errors a translator sees', () => {
  it('names a mistyped field and suggests the right one', () => {
    const { issues } = validateReleaseFile(input('fr', { titel: 'x', translationOf: { lang: 'en', hash: fingerprint } }));
    expect(issues).toContainEqual(expect.objectContaining({ field: 'titel', message: 'The field "titel" is not known here.', fix: 'Did you mean "title"? Rename it to "title".' }));
    expect(issues).toContainEqual(expect.objectContaining({ field: 'title', message: 'The field "title" is missing.' }));
  });

  it('explains a bad date with an example', () => {
    const { issues } = validateReleaseFile(source({ date: '02/09/2016' }));
    expect(issues).toEqual([
      expect.objectContaining({ file: 'content/releases/2016/iom-unhcr-train/en.mdx', line: 2, field: 'date', fix: 'Write the date as year-month-day with dashes, for example 2016-09-02.' }),
    ]);
  });

  it('rejects an unknown country code and a file named after no language', () => {
    const { issues } = linkReleases(validate(source({ countries: ['XX'] })), known);
    expect(issues).toEqual([expect.objectContaining({ field: 'countries.0', message: '"XX" is not a known country code.' })]);
    expect(validateReleaseFile(input('de', {})).issues[0]!.fix).toBe('Name the file after its language: en.mdx, fr.mdx, es.mdx, ar.mdx.');
  });

  it('fails when two releases would write the same URL', () => {
    const { issues } = linkReleases(validate(source({}, 'one'), source({}, 'two')), known);
    expect(issues).toEqual([expect.objectContaining({ file: 'content/releases/2016/two/en.mdx', field: 'slug' })]);
  });

  it('fails when a folder has two source files', () => {
    const { issues } = linkReleases(validate(source(), input('fr', { title: 'Un titre', date: '2016-09-02', dateline: { place: 'Tripoli', country: 'LY' } })), known);
    expect(issues).toHaveLength(2);
    expect(issues[0]!.fix).toContain('translationOf');
  });
});
