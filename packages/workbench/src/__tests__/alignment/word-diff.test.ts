import { describe, expect, it } from 'vitest';
import { wordDiff, type DiffPart } from '../../word-diff.ts';

const side = (parts: DiffPart[], kind: 'added' | 'removed') => parts.filter((part) => part.kind !== kind).map((part) => part.text).join('');

describe('a word-level diff of a source change', () => {
  it('marks the words that changed and keeps the rest', () => {
    expect(wordDiff('Four days in Tunis.', 'Five days in Tunis.')).toEqual([
      { kind: 'removed', text: 'Four' },
      { kind: 'added', text: 'Five' },
      { kind: 'same', text: ' days in Tunis.' },
    ]);
  });

  it('gives back both versions exactly, whitespace and all', () => {
    const before = 'The workshop included participants from the Ministry of Defence,\nthe Red Crescent and experts.';
    const after = 'The workshop included  participants from the Ministry of the Interior,\nthe Red Crescent, and experts from the ICRC.';
    const parts = wordDiff(before, after);
    expect(side(parts, 'added')).toBe(before);
    expect(side(parts, 'removed')).toBe(after);
  });

  it('works on right-to-left text as on any other', () => {
    const parts = wordDiff('أنقذ خفر السواحل 300 مهاجر', 'أنقذ خفر السواحل 350 مهاجرًا');
    expect(parts.filter((part) => part.kind === 'added').map((part) => part.text.trim())).toEqual(['350', 'مهاجرًا']);
    expect(side(parts, 'removed')).toBe('أنقذ خفر السواحل 350 مهاجرًا');
  });

  it('reports an unchanged text as one same run, and an empty one as added', () => {
    expect(wordDiff('Same text.', 'Same text.')).toEqual([{ kind: 'same', text: 'Same text.' }]);
    expect(wordDiff('', 'New.')).toEqual([{ kind: 'added', text: 'New.' }]);
  });

  it('falls back to removed-then-added past the size bound, still exact', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `a${i}`).join(' ');
    const after = Array.from({ length: 3000 }, (_, i) => `b${i}`).join(' ');
    const parts = wordDiff(before, after);
    expect(side(parts, 'added')).toBe(before);
    expect(side(parts, 'removed')).toBe(after);
  });
});
