import { describe, expect, it } from 'vitest';
import {
  conjunctionLength,
  foldArabicLetters,
  normalizeArabicForIndex,
  normalizeArabicHtml,
  normalizeArabicQuery,
  restoreArabicDisplay,
  separateArabicConjunctions,
  stripArabicMarks,
} from '../../scripts/search/arabic-normalize.ts';

describe('a conjunction attached to an alef-initial word', () => {
  it('is separated before the article ال, a hamza on alef, or (for و) a long plain-alef word', () => {
    expect(conjunctionLength('والمفوضية')).toBe(1);
    expect(conjunctionLength('فالحكومة')).toBe(1);
    expect(conjunctionLength('وأكد')).toBe(1);
    expect(conjunctionLength('وإذا')).toBe(1);
    expect(conjunctionLength('واستمر')).toBe(1);
  });

  it('keeps its own tashkeel with it', () => {
    expect(conjunctionLength('وَالْمُفَوَّضِيَّة')).toBe(2);
  });

  it('is left alone in short words where و or ف belongs to the word', () => {
    for (const word of ['واحد', 'والد', 'والي', 'واقع', 'فاطمة', 'فأس', 'وأد']) expect(conjunctionLength(word), word).toBe(0);
  });

  it('is left alone when the stemmer already removes it (no alef after it)', () => {
    for (const word of ['وللمنظمة', 'وبالمساعدة', 'ومكتبة', 'المنظمة']) expect(conjunctionLength(word), word).toBe(0);
  });

  it('is separated in running text and only there, keeping punctuation and Latin text as they are', () => {
    expect(separateArabicConjunctions('المنظمة الدولية للهجرة والمفوضية، وأكد (IOM) ', ' ')).toBe('المنظمة الدولية للهجرة و المفوضية، و أكد (IOM) ');
    expect(separateArabicConjunctions('والمفوضية', '')).toBe('المفوضية');
  });
});

describe('letters typed or copied in other forms', () => {
  it('folds Persian yeh and keheh, and presentation forms', () => {
    expect(foldArabicLetters('لیبیا')).toBe('ليبيا');
    expect(foldArabicLetters('کرامة')).toBe('كرامة');
    expect(foldArabicLetters('ﻻجئين')).toBe('لاجئين');
  });

  it('removes tashkeel and tatweel, not letters', () => {
    expect(stripArabicMarks('الْمُنَظَّمَةُ الدَّوْلِيَّةُ')).toBe('المنظمة الدولية');
    expect(stripArabicMarks('المنظـــمة')).toBe('المنظمة');
  });
});

describe('index time and query time', () => {
  it('meet: a query with diacritics and a conjunction becomes a word of the normalized page', () => {
    const indexed = normalizeArabicForIndex('تدرّب المنظمة الدولية للهجرة والمفوضية الشركاء').split(' ');
    expect(indexed).toContain(normalizeArabicQuery('وَالْمُفَوَّضِيَّةُ'));
    expect(indexed).toContain(normalizeArabicQuery('المفوضية'));
  });

  it('keeps tashkeel in the indexed copy, so excerpts show the text as written', () => {
    expect(normalizeArabicForIndex('تدرّبان والمفوضية')).toBe('تدرّبان و المفوضية');
  });

  it('leaves queries in other scripts untouched, apart from spaces', () => {
    expect(normalizeArabicQuery('  search   and rescue ')).toBe('search and rescue');
    expect(normalizeArabicQuery('sauvetage en mer')).toBe('sauvetage en mer');
  });

  it('normalizes the text of an HTML page and never its tags or attributes', () => {
    const html = '<html lang="ar"><body><h1 title="والمفوضية">المنظمة والمفوضية</h1><a href="/ar/news/والمفوضية/">وأكد</a><!-- والمفوضية --></body></html>';
    expect(normalizeArabicHtml(html)).toBe(
      '<html lang="ar"><body><h1 title="والمفوضية">المنظمة و المفوضية</h1><a href="/ar/news/والمفوضية/">و أكد</a><!-- والمفوضية --></body></html>',
    );
  });
});

describe('showing indexed text again', () => {
  it('joins the separated conjunctions, also in front of a highlight', () => {
    expect(restoreArabicDisplay('المنظمة الدولية للهجرة و المفوضية تدرّبان')).toBe('المنظمة الدولية للهجرة والمفوضية تدرّبان');
    expect(restoreArabicDisplay('للهجرة و <mark>المفوضية</mark>')).toBe('للهجرة و<mark>المفوضية</mark>');
    expect(restoreArabicDisplay(normalizeArabicForIndex('البحث والإنقاذ، وأكد المدير'))).toBe('البحث والإنقاذ، وأكد المدير');
  });

  it('leaves lone letters that the index-time rule does not separate', () => {
    expect(restoreArabicDisplay('و هو')).toBe('و هو');
    expect(restoreArabicDisplay('Tunis و Tripoli')).toBe('Tunis و Tripoli');
  });
});
