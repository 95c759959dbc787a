import { describe, expect, it } from 'vitest';
import { decodeContentSource, parseContentFile } from '../../index.ts';

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

describe('invisible control characters', () => {
  const controlFix = (line: number, column: number) =>
    `Delete the invisible character at line ${line}, column ${column} (put the cursor just after it and press Backspace). It usually comes from copying text out of a PDF or a word processor.`;

  it('rejects a NUL character in the body with its line and column', () => {
    expect(decodeContentSource(file, utf8('---\ntitle: Formation\n---\n\nDes mi\0grants.\n'))).toEqual({
      issue: {
        file,
        line: 5,
        column: 7,
        field: 'encoding',
        message: 'Line 5, column 7 holds an invisible control character (U+0000, NUL), which a content file cannot contain.',
        fix: controlFix(5, 7),
      },
    });
  });

  it('reports the first one and counts the others', () => {
    const decoded = decodeContentSource(file, utf8('---\ntitle: a\u0008b\n---\n\nx\u001by\u000cz\n'));
    expect(decoded).toMatchObject({
      issue: {
        line: 2,
        column: 9,
        message: 'Line 2, column 9 holds an invisible control character (U+0008, backspace), which a content file cannot contain. The file holds 2 more.',
      },
    });
  });

  it('counts columns in characters and lines after CRLF, as the editor shows them', () => {
    expect(decodeContentSource(file, utf8('ligne\r\nété\u000b!\r\n'))).toMatchObject({ issue: { line: 2, column: 4 } });
    expect(decodeContentSource(file, utf8('a\rb\u007f\r'))).toMatchObject({ issue: { line: 2, column: 2 } });
  });

  it('names the character a C1 control probably stood for', () => {
    // U+0092: a Windows-1252 apostrophe converted to Unicode as if it were Latin-1.
    expect(decodeContentSource(file, utf8('---\ntitle: l\u0092OIM\n---\n'))).toEqual({
      issue: {
        file,
        line: 2,
        column: 9,
        field: 'encoding',
        message:
          'Line 2, column 9 holds an invisible control character (U+0092), which a content file cannot contain. It is probably a ’ that a program converted wrongly.',
        fix: 'Replace the invisible character at line 2, column 9 with ’ (put the cursor just after it, press Backspace and type ’).',
      },
    });
  });

  it('accepts tabs, line feeds and carriage returns', () => {
    expect(decodeContentSource(file, utf8('---\r\ntitle: x\r\n---\r\n\ta\tb\n'))).toEqual({ text: '---\ntitle: x\n---\n\ta\tb\n' });
  });
});
