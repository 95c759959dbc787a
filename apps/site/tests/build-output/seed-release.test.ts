import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPages, readPage } from '../support/html.ts';
import { appDir, builtSiteDir } from '../support/paths.ts';

const enPath = 'en/news/iom-unhcr-train-libyan-partners-on-saving-lives-at-sea/index.html';
const frPath = 'fr/news/l-oim-et-le-hcr-forment-leurs-partenaires-libyens-au-sauvetage-en-mer/index.html';

/**
 * The release as the organisation published it (tests/fixtures/README.md): its title, the dateline before " - " in
 * the first paragraph, the paragraphs, and the closing sentence that names the press contacts.
 */
function publishedRelease() {
  const lines = readFileSync(path.join(appDir, 'tests/fixtures/iom-press-release-2016-libya.txt'), 'utf8').split('\n');
  const title = 'IOM, UNHCR Train Libyan Partners on Saving Lives at Sea';
  const start = lines.indexOf(title);
  const [first, ...rest] = lines.slice(start + 1).filter((line) => line.trim() !== '');
  const contactLine = rest.pop()!;
  const [dateline, opening] = first!.split(/ - (.*)/s) as [string, string];
  // "… Email: obelbeisi@iom.int or Samer Haddadin at UNHCR Libya, Tel. +21658335115, Email: haddadin@unhcr.org"
  const contacts = [...contactLine.matchAll(/(?:contact|or) ([A-Z][a-z]+ [A-Z][a-z]+) at ([A-Z]+ \w+), Tel\. (\+[0-9 ]+), Email: ([\w.]+@[\w.]+?)(?= or|$)/g)].map(
    ([, name, office, phone, email]) => ({ name, office, phone, email }),
  );
  return { title, dateline, paragraphs: [opening, ...rest], contacts };
}

describe('the seed release in the built site', () => {
  const en = readPage(builtSiteDir, enPath);
  const fr = readPage(builtSiteDir, frPath);

  it('has an English and a French page with the right lang and dir', () => {
    expect(en.querySelector('html')!.getAttribute('lang')).toBe('en');
    expect(en.querySelector('html')!.getAttribute('dir')).toBe('ltr');
    expect(fr.querySelector('html')!.getAttribute('lang')).toBe('fr');
    expect(en.querySelector('h1')!.text).toBe('IOM, UNHCR Train Libyan Partners on Saving Lives at Sea');
    expect(fr.querySelector('h1')!.text).toBe('L’OIM et le HCR forment leurs partenaires libyens au sauvetage en mer');
  });

  it('links each language version to the other', () => {
    const enToFr = en.querySelectorAll('a[hreflang="fr"]').map((a) => a.getAttribute('href'));
    const frToEn = fr.querySelectorAll('a[hreflang="en"]').map((a) => a.getAttribute('href'));
    expect(enToFr).toContain(`/${path.posix.dirname(frPath)}/`);
    expect(frToEn).toContain(`/${path.posix.dirname(enPath)}/`);
  });

  it('prints the dateline and the date in each language', () => {
    expect(en.querySelector('.release__dateline .p-location')!.text).toBe('Libya');
    expect(fr.querySelector('.release__dateline .p-location')!.text).toBe('Libye');
    expect(en.querySelector('time.dt-published')!.getAttribute('datetime')).toBe('2016-09-02');
    expect(en.querySelector('time.dt-published')!.text).toBe('September 2, 2016');
    expect(fr.querySelector('time.dt-published')!.text).toBe('2 septembre 2016');
  });

  it('holds the published text word for word: title, dateline, every paragraph in order', () => {
    const published = publishedRelease();
    expect(published.paragraphs).toHaveLength(8);
    expect(en.querySelector('h1')!.text).toBe(published.title);
    expect(en.querySelector('.release__dateline .p-location')!.text).toBe(published.dateline);
    const paragraphs = en.querySelectorAll('.release__body > p:not(.c-statistic)').map((p) => p.text);
    expect(paragraphs).toEqual(published.paragraphs);
  });

  it('renders the published press contacts as h-cards with phone and e-mail links', () => {
    const published = publishedRelease().contacts;
    expect(published.map((contact) => contact.name)).toEqual(['Othman Belbeisi', 'Samer Haddadin']);
    const cards = en.querySelectorAll('.contacts .h-card');
    expect(cards.map((card) => ({
      name: card.querySelector('.p-name')!.text,
      office: card.querySelector('.p-locality')!.text,
      phone: card.querySelector('a.p-tel')!.text.replace(/\u00a0/g, ' '),
      email: card.querySelector('a.u-email')!.text,
    }))).toEqual(published);
    expect(cards.map((card) => card.querySelector('.p-org')!.text)).toEqual(['IOM', 'UNHCR']);
    expect(cards[0]!.querySelector('a.u-email')!.getAttribute('href')).toBe('mailto:obelbeisi@iom.int');
    expect(cards[0]!.querySelector('a.p-tel')!.getAttribute('href')).toBe('tel:+21629600389');
    expect(cards[1]!.querySelector('a.p-tel')!.getAttribute('href')).toBe('tel:+21658335115');
    expect(fr.querySelector('.contacts h2')!.text).toBe('Contacts presse');
  });

  it('describes itself with its opening words, having no summary of its own', () => {
    const description = en.querySelector('meta[name="description"]')!.getAttribute('content')!;
    expect(description.endsWith('…')).toBe(true);
    expect(publishedRelease().paragraphs[0]!.startsWith(description.slice(0, -1))).toBe(true);
  });

  it('shows a figure the text states, and the published partner and funders', () => {
    expect(en.querySelector('.c-statistic__value')!.text).toBe('10,546');
    expect(publishedRelease().paragraphs.join(' ')).toContain('10,546 migrants and refugees');
    expect(en.querySelector('figure.c-pull-quote')).toBeNull();
    const footer = en.querySelector('.release__footer')!.text;
    expect(footer).toContain('UNHCR');
    expect(footer).toContain("ECHO and US State Department's Bureau of Population, Refugees and Migration (PRM)");
  });

  it('marks the main content for Pagefind and keeps page chrome out of the index', () => {
    expect(en.querySelectorAll('[data-pagefind-body]')).toHaveLength(1);
    expect(en.querySelector('main')!.hasAttribute('data-pagefind-body')).toBe(true);
    expect(en.querySelector('header.site-header')!.getAttribute('data-pagefind-ignore')).toBe('all');
    expect(en.querySelector('footer.site-footer')!.getAttribute('data-pagefind-ignore')).toBe('all');
  });

  it('ships no executable script on the release page (JSON-LD data only)', () => {
    const scripts = en.querySelectorAll('script');
    expect(scripts.map((script) => script.getAttribute('type'))).toEqual(['application/ld+json']);
  });
});

describe('the rest of the foundation', () => {
  it('has a home page and a news index per language', () => {
    for (const lang of ['en', 'fr']) {
      expect(existsSync(path.join(builtSiteDir, lang, 'index.html'))).toBe(true);
      const news = readPage(builtSiteDir, `${lang}/news/index.html`);
      expect(news.querySelectorAll('.release-list__item').length).toBeGreaterThan(0);
    }
  });

  it('lists the seed release on the Libya country page in English and French', () => {
    const libya = readPage(builtSiteDir, 'en/countries/libya/index.html');
    expect(libya.querySelector('h1')!.text).toBe('Libya');
    expect(libya.querySelectorAll('.release-list__title a').map((a) => a.text)).toContain('IOM, UNHCR Train Libyan Partners on Saving Lives at Sea');
    const libye = readPage(builtSiteDir, 'fr/countries/libya/index.html');
    expect(libye.querySelector('h1')!.text).toBe('Libye');
  });

  it('indexes each language separately with Pagefind', () => {
    const entry = JSON.parse(readFileSync(path.join(builtSiteDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages)).toEqual(expect.arrayContaining(['en', 'fr']));
    for (const language of ['en', 'fr']) expect(entry.languages[language]!.page_count).toBeGreaterThan(0);
    expect(readdirSync(path.join(builtSiteDir, 'pagefind')).some((file) => file.startsWith('wasm.'))).toBe(true);
  });

  it('writes every page with a lang attribute from the locale table', () => {
    for (const page of listPages(builtSiteDir)) {
      const lang = readPage(builtSiteDir, page).querySelector('html')!.getAttribute('lang');
      expect(['en', 'fr', 'es', 'ar'], page).toContain(lang);
    }
  });
});
