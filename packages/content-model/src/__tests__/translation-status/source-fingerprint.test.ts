import { describe, expect, it } from 'vitest';
import { sourceFingerprint } from '../../content-hash.ts';

// Translations record the fingerprint of the source they translate, so it must never change for a given text; and
// every content file is fingerprinted by pnpm check:content, so it must take linear time on any text.

describe('the fingerprint of a source', () => {
  it('is what translations recorded, whatever white space ends the lines', () => {
    // Values of the first implementation (two regular expressions), kept as they were.
    expect(sourceFingerprint({ title: 'Rescue training in Tripoli', summary: undefined, body: '\nIntro.  \n\n## Next\t\nText\n\n\n' })).toBe('de4d693187a2');
    expect(sourceFingerprint({ title: 'Title ', summary: 'Summary\t', body: 'Line\u2028 with a separator  \r\nand CR \n' })).toBe('1645856d9ccf');
    expect(sourceFingerprint({ title: '', summary: '', body: '' })).toBe('238da466846f');
  });

  it('ignores spaces at line ends and blank lines at the end', () => {
    const plain = sourceFingerprint({ title: 'T', body: 'One\nTwo' });
    expect(sourceFingerprint({ title: 'T ', body: 'One \t\nTwo\n\n\n' })).toBe(plain);
    expect(sourceFingerprint({ title: 'T', body: 'One\n\nTwo' })).not.toBe(plain);
  });

  it('returns on a megabyte of spaces or line feeds inside the text', () => {
    const body = `a${' '.repeat(500_000)}b${'\n'.repeat(500_000)}c`;
    expect(sourceFingerprint({ title: 'T', body })).toMatch(/^[0-9a-f]{12}$/);
  });
});
