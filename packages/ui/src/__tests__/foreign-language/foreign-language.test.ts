import { describe, expect, it } from 'vitest';
import { foreignLanguage } from '../../foreign-language.ts';

describe('marking words written in another language than the page', () => {
  it('marks English words on an Arabic page with their language and left-to-right direction', () => {
    expect(foreignLanguage('ar', 'en')).toEqual({ lang: 'en', dir: 'ltr' });
  });

  it('marks Arabic words on a French page as right to left', () => {
    expect(foreignLanguage('fr', 'ar')).toEqual({ lang: 'ar', dir: 'rtl' });
  });

  it('adds nothing when the words are in the language of the page', () => {
    expect(foreignLanguage('es', 'es')).toEqual({});
  });
});
