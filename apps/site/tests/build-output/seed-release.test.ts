import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPages, readPage } from '../support/html.ts';
import { builtSiteDir } from '../support/paths.ts';

const enPath = 'en/news/iom-unhcr-train-libyan-partners-on-saving-lives-at-sea/index.html';
const frPath = 'fr/news/l-oim-et-le-hcr-forment-leurs-partenaires-libyens-au-sauvetage-en-mer/index.html';

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
    expect(en.querySelector('.release__dateline')!.text).toContain('Tripoli');
    expect(en.querySelector('time.dt-published')!.getAttribute('datetime')).toBe('2016-09-02');
    expect(en.querySelector('time.dt-published')!.text).toBe('September 2, 2016');
    expect(fr.querySelector('time.dt-published')!.text).toBe('2 septembre 2016');
  });

  it('renders the press contacts as h-cards with phone and e-mail links', () => {
    const cards = en.querySelectorAll('.contacts .h-card');
    expect(cards.map((card) => card.querySelector('.p-name')!.text)).toEqual(['Othman Belbeisi', 'Christine Petré']);
    expect(cards[0]!.querySelector('a.u-email')!.getAttribute('href')).toBe('mailto:obelbeisi@iom.int');
    expect(cards[0]!.querySelector('a.p-tel')!.getAttribute('href')).toBe('tel:+21629600389');
    expect(fr.querySelector('.contacts h2')!.text).toBe('Contacts presse');
  });

  it('renders the allowed components of the body, with partners and funders', () => {
    expect(en.querySelector('.c-statistic__value')!.text).toBe('24');
    expect(en.querySelector('figure.c-pull-quote blockquote')!.text).toContain('Saving lives at sea is the first duty');
    expect(en.querySelector('.release__footer')!.text).toContain('UNHCR');
    expect(en.querySelector('.release__footer')!.text).toContain('European Union');
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
