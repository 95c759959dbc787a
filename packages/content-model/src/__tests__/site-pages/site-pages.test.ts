import { describe, expect, it } from 'vitest';
import { sourceFingerprint } from '../../content-hash.ts';
import { linkSitePages, menuFor, validateSitePageFile, type SitePageInput } from '../../site-pages.ts';

const at = () => ({ line: 3, column: 3 });
function input(key: string, lang: string, frontmatter: Record<string, unknown>, body = 'Text.\n'): SitePageInput {
  const title = typeof frontmatter.title === 'string' ? frontmatter.title : '';
  return { file: `content/pages/${key}/${lang}.mdx`, key, lang, frontmatter, fieldPosition: at, fingerprint: sourceFingerprint({ title, summary: undefined, body }) };
}
const hash = (title: string) => sourceFingerprint({ title, summary: undefined, body: 'Text.\n' });

const pages = [
  input('who-we-are', 'en', { title: 'Who we are', menu: { order: 1 } }),
  input('who-we-are', 'ar', { title: 'من نحن', translationOf: { lang: 'en', hash: hash('Who we are') } }),
  input('our-work', 'en', { title: 'Our Work', menu: { order: 2 } }),
  input('our-work', 'ar', { title: 'عملنا', translationOf: { lang: 'en', hash: '000000000000' } }),
  input('partnerships', 'en', { title: 'Partnerships', menu: { order: 2, parent: 'our-work' } }),
  input('what-we-do', 'en', { title: 'What We Do', menu: { order: 1, parent: 'our-work' }, sample: true }),
  input('what-we-do', 'ar', { title: 'ماذا نفعل', translationOf: { lang: 'en', hash: hash('What We Do') } }),
];

describe('section pages, linked', () => {
  const { pages: linked, issues } = linkSitePages(pages);

  it('have paths under their parent, states against the source, and the source’s menu place', () => {
    expect(issues).toEqual([]);
    const find = (key: string, lang: string) => linked.find((page) => page.key === key && page.lang === lang)!;
    expect(find('what-we-do', 'ar')).toMatchObject({ path: '/ar/our-work/what-we-do/', state: 'current', sample: true, menu: { order: 1, parent: 'our-work' } });
    expect(find('our-work', 'ar')).toMatchObject({ path: '/ar/our-work/', state: 'stale' });
    expect(find('who-we-are', 'en').versions.map((version) => version.lang)).toEqual(['en', 'ar']);
  });

  it('give a menu of two levels in order, right to left in Arabic, with the source’s title where not translated', () => {
    expect(menuFor(linked, 'ar').map((entry) => [entry.title, entry.children.map((child) => child.title)])).toEqual([
      ['من نحن', []],
      ['عملنا', ['ماذا نفعل', 'Partnerships']],
    ]);
    expect(menuFor(linked, 'fr')[1]!.children.map((child) => child.path)).toEqual(['/fr/our-work/what-we-do/', '/fr/our-work/partnerships/']);
  });
});

describe('section pages with mistakes', () => {
  it('name the file, line and field of a parent that is missing, or that is itself under another page', () => {
    const { issues } = linkSitePages([
      ...pages,
      input('deep', 'en', { title: 'Deep', menu: { order: 1, parent: 'partnerships' } }),
      input('lost', 'en', { title: 'Lost', menu: { order: 1, parent: 'who-we-were' } }),
    ]);
    expect(issues).toEqual([
      expect.objectContaining({ file: 'content/pages/deep/en.mdx', line: 3, field: 'menu.parent', message: '"partnerships" is itself under another page: the menu has two levels only.' }),
      expect.objectContaining({ file: 'content/pages/lost/en.mdx', field: 'menu.parent', message: 'There is no page "who-we-were" to sit under (no folder content/pages/who-we-were/ with a source file).' }),
    ]);
  });

  it('report a missing menu place in the source, and not its translations', () => {
    const { issues } = linkSitePages([input('who-we-are', 'en', { title: 'Who we are' }), pages[1]!]);
    expect(issues).toEqual([expect.objectContaining({ file: 'content/pages/who-we-are/en.mdx', field: 'menu' })]);
  });
});

describe('one section page file, validated alone (as the translator workbench checks a draft)', () => {
  it('accepts a translation and tells it from the source', () => {
    expect(validateSitePageFile(pages[1]!).file?.kind).toBe('translation');
    expect(validateSitePageFile(pages[0]!).file?.kind).toBe('source');
  });

  it('refuses a release field or a menu place in a translation, and a file named after no language, by field', () => {
    const dateline = validateSitePageFile(input('who-we-are', 'fr', { title: 'Qui nous sommes', datelinePlace: 'Genève', translationOf: { lang: 'en', hash: hash('Who we are') } }));
    expect(dateline.file).toBeUndefined();
    expect(dateline.issues.map((issue) => issue.file)).toEqual(['content/pages/who-we-are/fr.mdx']);
    expect(validateSitePageFile(input('who-we-are', 'ar', { title: 'من نحن', menu: { order: 1 }, translationOf: { lang: 'en', hash: hash('Who we are') } })).issues).toHaveLength(1);
    expect(validateSitePageFile(input('who-we-are', 'de', { title: 'Wer wir sind', menu: { order: 1 } })).issues[0]!.message).toContain('"de.mdx" is not a language');
  });

  it('gives linkSitePages the same problems it reports file by file', () => {
    const broken = [input('who-we-are', 'en', { title: '', menu: { order: 1 } }), input('who-we-are', 'ar', { title: 'من نحن', translationOf: { lang: 'en', hash: hash('Who we are') } })];
    expect(linkSitePages(broken).issues).toEqual(validateSitePageFile(broken[0]!).issues);
  });
});
