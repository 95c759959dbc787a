import { describe, expect, it } from 'vitest';
import { decodeContentSource, parseContentFile } from '../../mdx/index.ts';

const file = 'content/releases/2016/iom-unhcr-train-libyan-partners/fr.mdx';
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const saveAsUtf8 =
  'Save the file as UTF-8 (in your editor: File › Save with encoding › UTF-8), then check that accented letters still look right.';

describe('files saved on Windows', () => {
  it('accepts a byte order mark and CRLF line endings, and drops both', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('---\r\ntitle: Formation à Tunis\r\n---\r\n\r\n## Contexte\r\n')]);
    expect(decodeContentSource(file, bytes)).toEqual({ text: '---\ntitle: Formation à Tunis\n---\n\n## Contexte\n' });
  });

  it('keeps line numbers as the editor shows them after CRLF is normalised', () => {
    const decoded = decodeContentSource(file, utf8('---\r\ntitle: x\r\n---\r\n\r\nTexte {1}\r\n'));
    if (!('text' in decoded)) throw new Error('expected text');
    const parsed = parseContentFile(file, decoded.text);
    const expression = parsed.tree.children.at(-1);
    expect(expression?.position?.start).toMatchObject({ line: 5 });
  });

  it('accepts old Mac line endings (CR alone)', () => {
    expect(decodeContentSource(file, utf8('a\rb\r'))).toEqual({ text: 'a\nb\n' });
  });
});

describe('files not saved as UTF-8', () => {
  it('rejects Latin-1 bytes with the line and column of the first one, and never replaces them', () => {
    // "Formation à Tunis" on line 2, with "à" saved as the single Latin-1 byte 0xE0.
    const bytes = new Uint8Array([...utf8('---\ntitle: Formation '), 0xe0, ...utf8(' Tunis\n---\n')]);
    expect(decodeContentSource(file, bytes)).toEqual({
      issue: {
        file,
        line: 2,
        column: 18,
        field: 'encoding',
        message:
          'This file is not saved as UTF-8: the character at line 2, column 18 (byte 0xE0) cannot be read. It was probably saved as Latin-1 or Windows-1252, which happens with letters like é, ñ or ü.',
        fix: saveAsUtf8,
      },
    });
  });

  it('counts columns in characters, not bytes, and lines after CRLF', () => {
    // Line 2 starts with two valid two-byte letters ("éé"), then a stray continuation byte.
    const bytes = new Uint8Array([...utf8('ligne\r\néé'), 0x80]);
    const decoded = decodeContentSource(file, bytes);
    expect(decoded).toMatchObject({ issue: { line: 2, column: 3 } });
  });

  it('rejects a sequence cut off at the end of the file', () => {
    expect(decodeContentSource(file, new Uint8Array([0x61, 0xe2, 0x82]))).toMatchObject({ issue: { line: 1, column: 2 } });
  });

  it('rejects encoded surrogates and overlong forms like the browser does', () => {
    expect(decodeContentSource(file, new Uint8Array([0xed, 0xa0, 0x80]))).toMatchObject({ issue: { line: 1, column: 1 } });
    expect(decodeContentSource(file, new Uint8Array([0x61, 0xc0, 0xaf]))).toMatchObject({ issue: { line: 1, column: 2 } });
  });

  it('recognises UTF-16', () => {
    expect(decodeContentSource(file, new Uint8Array([0xff, 0xfe, 0x61, 0x00]))).toEqual({
      issue: {
        file,
        line: 1,
        column: 1,
        field: 'encoding',
        message: 'This file is saved as UTF-16, but content files must be saved as UTF-8.',
        fix: saveAsUtf8,
      },
    });
  });
});
