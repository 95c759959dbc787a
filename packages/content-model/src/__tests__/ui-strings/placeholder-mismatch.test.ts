import { describe, expect, it } from 'vitest';
import { createTranslate, placeholderMismatch } from '../../ui-strings.ts';

describe('placeholders of a translated UI string', () => {
  it('agree when the sets are equal, in any order and any number of uses', () => {
    expect(placeholderMismatch('Page {page} of {total}', 'Página {total}: {page} ({page})')).toEqual({
      missing: [],
      extra: [],
    });
  });

  it('names a dropped placeholder and a translated one', () => {
    expect(placeholderMismatch('Page {page} of {total}', 'Página {pagina}')).toEqual({
      missing: ['page', 'total'],
      extra: ['pagina'],
    });
  });

  it('checks a right-to-left translation the same way', () => {
    expect(placeholderMismatch('{language} (current page)', '{language} (الصفحة الحالية)')).toEqual({
      missing: [],
      extra: [],
    });
    expect(placeholderMismatch('{language} (current page)', '(الصفحة الحالية)').missing).toEqual(['language']);
  });

  it('uses the pattern t() fills', () => {
    const t = createTranslate({ key: '{a} {b-c} {d}' });
    // `{b-c}` is not a placeholder for t(), so it is not one for the check either.
    expect(t('key', { a: 1, d: 2 })).toBe('1 {b-c} 2');
    expect(placeholderMismatch('{a} {d}', '{a} {b-c} {d}')).toEqual({ missing: [], extra: [] });
  });
});
