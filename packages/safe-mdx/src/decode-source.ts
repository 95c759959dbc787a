import type { ContentIssue } from './content-issue.ts';

/** The text of a content file, or the reason it could not be read. */
export type DecodedSource = { text: string } | { issue: ContentIssue };

// `fatal` makes invalid bytes an error instead of a silent U+FFFD: a translator's "é" must never turn into "�" on
// the published page. The default `ignoreBOM: false` also drops a leading byte order mark.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
// Only used to count the characters before a bad byte, on bytes already known to be valid.
const lenientUtf8 = new TextDecoder('utf-8');

const saveAsUtf8 = 'Save the file as UTF-8 (in your editor: File › Save with encoding › UTF-8), then check that accented letters still look right.';

// What HTML calls control characters, less the white space a text may hold (tab, line feed; carriage returns are
// line endings and gone by then): the C0 controls, DEL and the C1 controls. None can be typed on purpose, every one is
// invisible in most editors, and a page holding one is not valid HTML; a NUL also ends a string in many tools.
const controlCharacter = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const controlCharacters = new RegExp(controlCharacter.source, 'g');
const controlNames: Readonly<Record<number, string>> = { 0x00: 'NUL', 0x08: 'backspace', 0x0b: 'vertical tab', 0x0c: 'form feed', 0x1b: 'escape', 0x7f: 'delete' };
// A C1 control in a UTF-8 file is nearly always a Windows-1252 character (’ “ ” – € …) that a program read as
// Latin-1; the WHATWG windows-1252 decoder says which (and gives the control back for the five unassigned bytes).
const windows1252 = new TextDecoder('windows-1252');

/**
 * Reads the bytes of a content file as UTF-8 text: strips a leading byte order mark and turns Windows (CRLF) and old
 * Mac (CR) line endings into LF, so that line numbers in every later message match what the editor shows.
 * Bytes that are not UTF-8 are reported, with the line and column of the first bad one; they are never replaced.
 * So are invisible control characters (NUL, backspace, escape, U+0080–U+009F …; tab and line endings are fine): the
 * first one with its line and column, and how many more the file holds.
 *
 * @example
 * decodeContentSource('content/a/fr.mdx', new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a]))
 * // { text: 'a\n' }
 * decodeContentSource('content/a/fr.mdx', new Uint8Array([0x63, 0x61, 0x66, 0xe9]))
 * // { issue: { file: 'content/a/fr.mdx', line: 1, column: 4, field: 'encoding', message: 'This file is not saved as UTF-8 …', fix: 'Save the file as UTF-8 …' } }
 * decodeContentSource('content/a/fr.mdx', new TextEncoder().encode('a\0b'))
 * // { issue: { file: 'content/a/fr.mdx', line: 1, column: 2, field: 'encoding', message: 'Line 1, column 2 holds an invisible control character (U+0000, NUL) …', fix: 'Delete …' } }
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
  const control = controlCharacter.exec(text);
  if (control) return { issue: controlCharacterIssue(file, text, control.index) };
  return { text };
}

function controlCharacterIssue(file: string, text: string, offset: number): ContentIssue {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < lineStart; at = text.indexOf('\n', at + 1)) line++;
  // Characters, as editors count them (an emoji is one), like the position of a byte that is not UTF-8.
  const column = [...text.slice(lineStart, offset)].length + 1;
  const code = text.charCodeAt(offset);
  const name = controlNames[code];
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const more = (text.match(controlCharacters)?.length ?? 1) - 1;
  const meant = code >= 0x80 ? windows1252.decode(Uint8Array.of(code)) : undefined;
  const guess = meant !== undefined && meant.charCodeAt(0) !== code ? meant : undefined;
  const where = `line ${line}, column ${column}`;
  return {
    file,
    line,
    column,
    field: 'encoding',
    message:
      `Line ${line}, column ${column} holds an invisible control character (${name ? `${hex}, ${name}` : hex}), which a content file cannot contain.` +
      (guess ? ` It is probably a ${guess} that a program converted wrongly.` : '') +
      (more > 0 ? ` The file holds ${more} more.` : ''),
    fix: guess
      ? `Replace the invisible character at ${where} with ${guess} (put the cursor just after it, press Backspace and type ${guess}).`
      : `Delete the invisible character at ${where} (put the cursor just after it and press Backspace). It usually comes from copying text out of a PDF or a word processor.`,
  };
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
