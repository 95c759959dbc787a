import { createHash } from 'node:crypto';

/**
 * Fingerprint of what a translator translates from a source file: its title, summary and body. A translation
 * records the fingerprint of the source it was made from; when they differ, the translation is stale.
 * Whitespace at line ends and trailing blank lines do not count, so re-saving a file in another editor does not
 * make every translation stale.
 *
 * @example
 * sourceFingerprint({ title: 'Hello', summary: undefined, body: 'Text\n' }) // 12 hex characters
 */
export function sourceFingerprint(source: { title: string; summary?: string | undefined; body: string }): string {
  const normalized = [source.title, source.summary ?? '', source.body].map(withoutTrailingWhitespace).join('\n\u0000\n');
  return createHash('sha256').update(normalized).digest('hex').slice(0, 12);
}

// Where JavaScript's multiline `$` matches: before each of these, and at the end.
const lineTerminator = /[\n\r\u2028\u2029]/g;
// Most texts have no space or tab at a line end; this finds one in linear time (one character is looked at ahead).
const spaceBeforeLineEnd = /[ \t](?=[\n\r\u2028\u2029]|$)/;

/**
 * What `part.replace(/[ \t]+$/gm, '').replace(/\n+$/, '')` gives (the fingerprints translations record were made so),
 * in linear time: those two regular expressions retry at every character of a run of spaces or line feeds that does
 * not end a line or the text, which takes minutes on a long run.
 */
function withoutTrailingWhitespace(part: string): string {
  if (!spaceBeforeLineEnd.test(part)) return withoutTrailingLineFeeds(part);
  let out = '';
  let lineStart = 0;
  for (;;) {
    lineTerminator.lastIndex = lineStart;
    const match = lineTerminator.exec(part);
    const lineEnd = match ? match.index : part.length;
    let end = lineEnd;
    while (end > lineStart && (part.charCodeAt(end - 1) === 32 || part.charCodeAt(end - 1) === 9)) end--;
    out += part.slice(lineStart, end);
    if (!match) break;
    out += match[0];
    lineStart = lineEnd + 1;
  }
  return withoutTrailingLineFeeds(out);
}

function withoutTrailingLineFeeds(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  return text.slice(0, end);
}
