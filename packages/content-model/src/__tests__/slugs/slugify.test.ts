import { describe, expect, it } from 'vitest';
import { maxSlugLength, slugify } from '../../slugs.ts';
import { urlCollisions } from '../../releases.ts';

describe('slugify', () => {
  it('lowercases English titles and joins words with dashes', () => {
    expect(slugify('IOM, UNHCR Train Libyan Partners on Saving Lives at Sea')).toBe('iom-unhcr-train-libyan-partners-on-saving-lives-at-sea');
  });

  it('drops French accents and apostrophes but keeps the words', () => {
    expect(slugify('L’OIM et le HCR forment leurs partenaires libyens au sauvetage en mer')).toBe(
      'l-oim-et-le-hcr-forment-leurs-partenaires-libyens-au-sauvetage-en-mer',
    );
    expect(slugify('Déplacés à Zaouïa : œuvre et été')).toBe('deplaces-a-zaouia-oeuvre-et-ete');
  });

  it('keeps Arabic words readable, without diacritics or tatweel (right to left)', () => {
    expect(slugify('المنظمةُ الدوليةُ للهجرة تدرّب شركاء ليبيين')).toBe('المنظمة-الدولية-للهجرة-تدرب-شركاء-ليبيين');
    expect(slugify('الـــهجرة')).toBe('الهجرة');
  });

  it('removes bidi control characters so two visually equal titles give one slug', () => {
    const withControls = '\u202BSaving\u200F lives\u2066 at sea\u2069';
    expect(slugify(withControls)).toBe('saving-lives-at-sea');
  });

  it('NFC-normalizes: decomposed and composed input give the same slug', () => {
    expect(slugify('Cafe\u0301 ouvert')).toBe(slugify('Café ouvert'));
  });

  it('caps the length at a word boundary', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(maxSlugLength);
    expect(slug.endsWith('-')).toBe(false);
    expect(slugify('x'.repeat(200))).toHaveLength(maxSlugLength);
  });

  it('returns an empty slug for a title with no letters or digits', () => {
    expect(slugify('— … —')).toBe('');
  });
});

describe('urlCollisions', () => {
  it('reports the second page that would write the same URL, naming both files', () => {
    const issues = urlCollisions([
      { path: '/en/news/a/', file: 'content/releases/2016/x/en.mdx' },
      { path: '/en/news/a/', file: 'content/releases/2017/y/en.mdx' },
      { path: '/fr/news/a/', file: 'content/releases/2017/y/fr.mdx' },
    ]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'content/releases/2017/y/en.mdx', field: 'slug' });
    expect(issues[0]!.message).toContain('content/releases/2016/x/en.mdx');
  });
});
