import { describe, expect, it } from 'vitest';
import { generateCountries } from '../../corpus/generate-countries.ts';
import { createSlugRegistry, generateRelease, translationRates } from '../../corpus/generate-release.ts';
import { countWords } from '../../corpus/release-body.ts';

// 1,500 releases: enough for rates to land within a few points of their targets (binomial spread ~1.3 points).
const releases = (() => {
  const countries = generateCountries(1);
  const slugs = createSlugRegistry();
  return Array.from({ length: 1500 }, (_, index) => generateRelease({ seed: 1, index, countries, themes: ['health', 'displacement'], slugs }));
})();
const share = (predicate: (release: (typeof releases)[number]) => boolean) => releases.filter(predicate).length / releases.length;
const field = (text: string, name: string) => new RegExp(`^${name}: "([^"]*)"`, 'm').exec(text)?.[1];

describe('rates of the corpus', () => {
  it('translates into French, Spanish and Arabic at about 60, 45 and 35 per cent', () => {
    for (const lang of ['fr', 'es', 'ar'] as const) {
      const rate = share((release) => release.sourceLang !== lang && release.files.some((file) => file.lang === lang));
      expect(Math.abs(rate - translationRates[lang] * share((release) => release.sourceLang !== lang))).toBeLessThan(0.04);
    }
  });

  it('writes about 2.4 pages per release', () => {
    const pages = releases.reduce((sum, release) => sum + release.files.length, 0);
    expect(pages / releases.length).toBeGreaterThan(2.3);
    expect(pages / releases.length).toBeLessThan(2.5);
  });

  it('writes most sources in English, some in French and a few in Spanish', () => {
    expect(share((release) => release.sourceLang === 'en')).toBeGreaterThan(0.9);
    expect(share((release) => release.sourceLang === 'fr')).toBeGreaterThan(0.03);
    expect(share((release) => release.sourceLang === 'fr')).toBeLessThan(0.07);
    expect(share((release) => release.sourceLang === 'es')).toBeLessThan(0.025);
  });

  it('mixes the kinds of publication like the newsroom', () => {
    const type = (release: (typeof releases)[number]) => field(release.files.find((file) => file.lang === release.sourceLang)!.text, 'type');
    expect(share((release) => type(release) === 'press-release')).toBeCloseTo(0.6, 1);
    expect(share((release) => type(release) === 'news')).toBeCloseTo(0.2, 1);
    expect(share((release) => type(release) === 'story')).toBeLessThan(0.07);
  });

  it('writes release bodies of about 600 to 1,400 words, statements shorter', () => {
    const words = (kind: 'statement' | 'other') =>
      releases
        .filter((release) => (field(release.files.find((file) => file.lang === release.sourceLang)!.text, 'type') === 'statement') === (kind === 'statement'))
        .map((release) => release.words)
        .sort((a, b) => a - b);
    const others = words('other');
    const statements = words('statement');
    expect(others[Math.floor(others.length * 0.05)]).toBeGreaterThan(550);
    expect(others[Math.floor(others.length * 0.95)]).toBeLessThan(1500);
    expect(statements[Math.floor(statements.length / 2)]).toBeLessThan(600);
  });

  it('spreads dates over 2010 to 2026', () => {
    const years = new Set(releases.map((release) => release.year));
    expect(Math.min(...years)).toBe(2010);
    expect(Math.max(...years)).toBe(2026);
  });

  it('uses the components at about their rates', () => {
    const sources = releases.map((release) => release.files.find((file) => file.lang === release.sourceLang)!.text);
    const rate = (pattern: RegExp) => sources.filter((text) => pattern.test(text)).length / sources.length;
    expect(rate(/<Figure /)).toBeCloseTo(0.2, 1);
    expect(rate(/<PullQuote /)).toBeCloseTo(0.3, 1);
    expect(rate(/<Statistic /)).toBeCloseTo(0.3, 1);
  });

  it('counts words without markup', () => {
    expect(countWords('\nTwo words.\n\n<Statistic value="1" label="not counted" />\n\n[a link](https://x.example/y)\n')).toBe(4);
  });
});
