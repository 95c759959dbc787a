import type { ContentIssue } from '../content-issue.ts';

/** The text of a content file, or the reason it could not be read. */
export type DecodedSource = { text: string } | { issue: ContentIssue };

// `fatal` makes invalid bytes an error instead of a silent U+FFFD: a translator's "é" must never turn into "�" on
// the published page. The default `ignoreBOM: false` also drops a leading byte order mark.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
// Only used to count the characters before a bad byte, on bytes already known to be valid.
const lenientUtf8 = new TextDecoder('utf-8');

const saveAsUtf8 = 'Save the file as UTF-8 (in your editor: File › Save with encoding › UTF-8), then check that accented letters still look right.';

/**
 * Reads the bytes of a content file as UTF-8 text: strips a leading byte order mark and turns Windows (CRLF) and old
 * Mac (CR) line endings into LF, so that line numbers in every later message match what the editor shows.
 * Bytes that are not UTF-8 are reported, with the line and column of the first bad one; they are never replaced.
 *
 * @example
 * decodeContentSource('content/a/fr.mdx', new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a]))
 * // { text: 'a\n' }
 * decodeContentSource('content/a/fr.mdx', new Uint8Array([0x63, 0x61, 0x66, 0xe9]))
 * // { issue: { file: 'content/a/fr.mdx', line: 1, column: 4, field: 'encoding', message: 'This file is not saved as UTF-8 …', fix: 'Save the file as UTF-8 …' } }
 */
export function decodeContentSource(file: string, bytes: Uint8Array): DecodedSource {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return { issue: invalidUtf8Issue(file, bytes) };
  }
  // TextDecoder already dropped one BOM; a second one would be an editor accident, and it is invisible, so drop it too.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  return { text };
}

function invalidUtf8Issue(file: string, bytes: Uint8Array): ContentIssue {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      file,
      line: 1,
      column: 1,
      field: 'encoding',
      message: 'This file is saved as UTF-16, but content files must be saved as UTF-8.',
      fix: saveAsUtf8,
    };
  }
  const offset = firstInvalidUtf8Offset(bytes);
  const { line, column } = bytePosition(bytes, offset);
  const byte = bytes[offset] ?? 0;
  const hex = byte.toString(16).toUpperCase().padStart(2, '0');
  return {
    file,
    line,
    column,
    field: 'encoding',
    message:
      `This file is not saved as UTF-8: the character at line ${line}, column ${column} (byte 0x${hex}) cannot be read. ` +
      'It was probably saved as Latin-1 or Windows-1252, which happens with letters like é, ñ or ü.',
    fix: saveAsUtf8,
  };
}

/**
 * Offset of the first byte that starts an invalid UTF-8 sequence (the rules of the WHATWG decoder: no overlong forms,
 * no surrogates, nothing above U+10FFFF). Only called once decoding has failed, so speed does not matter here.
 */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    let needed = 0;
    let lower = 0x80;
    let upper = 0xbf;
    if (lead <= 0x7f) needed = 0;
    else if (lead >= 0xc2 && lead <= 0xdf) needed = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      needed = 2;
      if (lead === 0xe0) lower = 0xa0;
      if (lead === 0xed) upper = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      needed = 3;
      if (lead === 0xf0) lower = 0x90;
      if (lead === 0xf4) upper = 0x8f;
    } else return i;
    for (let k = 1; k <= needed; k++) {
      const next = bytes[i + k];
      if (next === undefined) return i;
      const min = k === 1 ? lower : 0x80;
      const max = k === 1 ? upper : 0xbf;
      if (next < min || next > max) return i;
    }
    i += needed + 1;
  }
  return bytes.length;
}

/** 1-based line and column (in characters, as editors count them) of a byte offset that follows valid UTF-8. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const byte = bytes[i];
    // CR alone is a line break too (old Mac files); CR LF counts once, at the LF.
    if (byte === 0x0a || (byte === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  // The lenient decoder drops a BOM on line 1 the same way the strict one would have.
  const before = lenientUtf8.decode(bytes.subarray(lineStart, offset));
  return { line, column: [...before].length + 1 };
}
