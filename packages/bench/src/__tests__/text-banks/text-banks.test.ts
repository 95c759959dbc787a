import { describe, expect, it } from 'vitest';
import { slugify } from '@iom/content-model';
import { fillFrame, titleCase, wrapText, type FrameContext } from '../../corpus/fill-frame.ts';
import { createRandom, mulberry32 } from '../../corpus/random.ts';
import { textBanks } from '../../corpus/text-banks/index.ts';

const context = (lang: string): FrameContext => ({
  place: lang === 'ar' ? 'طرابلس' : 'Tripoli',
  country: lang === 'ar' ? 'ليبيا' : 'Libya',
  year: 2016,
  month: lang === 'ar' ? 'سبتمبر' : 'September',
  formatNumber: (value) => new Intl.NumberFormat(lang).format(value),
});

describe('text banks', () => {
  for (const bank of Object.values(textBanks)) {
    describe(bank.lang, () => {
      const frames = [
        ...bank.sentences,
        ...bank.linkSentences,
        ...Object.values(bank.titles).flat(),
        ...bank.summaries,
        ...bank.listItems,
        ...bank.statisticLabels,
        ...bank.quotes,
        ...bank.roles,
        ...bank.figureAlts,
        ...bank.figureCaptions,
      ];

      it('fills every frame: no slot left, nothing the safe-MDX check rejects', () => {
        const random = createRandom(1, bank.lang);
        for (const frame of frames) {
          for (let draw = 0; draw < 5; draw++) {
            const text = fillFrame(frame, bank, context(bank.lang), random);
            expect(text).not.toMatch(/[{}<>"]/);
          }
        }
      });

      it('holds a count in every title, so that titles keep apart', () => {
        for (const frame of Object.values(bank.titles).flat()) expect(frame).toContain('{n}');
      });

      it('has as many headings as the body planner uses', () => {
        expect(bank.headings.length).toBe(14);
      });

      it('gives slugs in the language’s script', () => {
        const title = fillFrame(bank.titles.news[0]!, bank, context(bank.lang), createRandom(2));
        expect(slugify(title)).toMatch(bank.lang === 'ar' ? /\p{Script=Arabic}/u : /^[a-z0-9-]+$/);
      });
    });
  }

  it('applies contractions after filling (French "au Caire")', () => {
    const text = fillFrame('Réunion à {place}.', textBanks.fr, { ...context('fr'), place: 'Le Caire' }, createRandom(1));
    expect(text).toBe('Réunion au Caire.');
  });

  it('throws on an unknown slot rather than write a brace into content', () => {
    expect(() => fillFrame('{nope}', textBanks.en, context('en'), createRandom(1))).toThrow(/Unknown slot/);
  });
});

describe('text helpers', () => {
  it('title-cases English headlines', () => {
    expect(titleCase('IOM assists 1,240 displaced families in Tripoli')).toBe('IOM Assists 1,240 Displaced Families in Tripoli');
  });

  it('wraps without starting a line with a list marker or a digit', () => {
    const wrapped = wrapText('aaaa bbbb 1. cccc - dddd # eeee', 9);
    for (const line of wrapped.split('\n')) expect(line).not.toMatch(/^[\d\-#]/);
    expect(wrapped.replace(/\n/g, ' ')).toBe('aaaa bbbb 1. cccc - dddd # eeee');
    expect(wrapText('أ ب ت ث', 3)).toBe('أ ب\nت ث');
  });

  it('draws the same numbers for the same seed on every machine', () => {
    const next = mulberry32(42);
    expect([next(), next()]).toEqual([0.6011037519201636, 0.44829055899754167]);
  });
});
