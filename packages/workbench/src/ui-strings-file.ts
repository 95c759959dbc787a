import { existsSync, readFileSync } from 'node:fs';
import { defaultLocale, localeCodes, type Locale } from '@iom/content-model';
import { decodeContentSource, type ContentIssue } from '@iom/safe-mdx';
import { isMap, isScalar, LineCounter, parseDocument, Scalar, type Document } from 'yaml';

/** The languages whose UI strings the workbench edits: every language but the source, English. */
export const uiStringLanguages: readonly Locale[] = localeCodes.filter((lang) => lang !== defaultLocale);

/** Whether a request's language is one whose UI strings may be written (never English, never a path). */
export const isUiStringLanguage = (value: unknown): value is Locale => typeof value === 'string' && (uiStringLanguages as readonly string[]).includes(value);

/** The text of a UI string a language file may hold: an empty (or blank) text is no text, the key is removed. */
export const isClearedText = (text: string) => text.trim() === '';

/**
 * Writes edited UI strings into the text of `content/i18n/<lang>.yaml`. Only the values of the edited keys change:
 * comments, order and quoting of everything else are kept, because translators and reviewers read these files as
 * text. A key the file lacks is added where English's order puts it. A key English does not have is refused, so a
 * request cannot add keys the site never reads.
 *
 * An empty text removes the key: the site shows English for a missing key (`resolveUiStrings`, reported as missing
 * by the build) but would show an empty label for an empty one. A comment written above a removed key is kept,
 * above the next key.
 *
 * @example
 * updateUiStringsFile('# Spanish\nnav.news: Noticias\n', { 'site.name': 'IOM', 'nav.news': 'News' }, { 'site.name': 'OIM' })
 * // '# Spanish\nsite.name: OIM\nnav.news: Noticias\n'
 */
export function updateUiStringsFile(text: string, english: Readonly<Record<string, string>>, edits: Readonly<Record<string, string>>): string {
  const unknown = Object.keys(edits).filter((key) => !Object.hasOwn(english, key));
  if (unknown.length > 0) throw new Error(`Not keys of content/i18n/en.yaml: ${unknown.join(', ')}.`);
  // Widened from Document.Parsed: new nodes are added, which the parsed type does not allow.
  const doc: Document = parseDocument(text);
  if (doc.errors.length > 0) throw new Error(`The strings file cannot be read: ${doc.errors[0]!.message}`);
  if (doc.contents === null) doc.contents = doc.createNode({});
  const map = doc.contents;
  if (!isMap(map)) throw new Error('The strings file is not a list of `key: text` lines.');
  const order = Object.keys(english);
  const keyOf = (pair: (typeof map.items)[number]) => String(isScalar(pair.key) ? pair.key.value : pair.key);
  // English's order, not the request's: new keys land where a reader of en.yaml expects them.
  for (const key of order.filter((name) => Object.hasOwn(edits, name))) {
    const value = edits[key]!;
    const at = map.items.findIndex((pair) => keyOf(pair) === key);
    const existing = map.items[at];
    if (isClearedText(value)) {
      if (!existing) continue;
      map.items.splice(at, 1);
      const comment = isScalar(existing.key) ? existing.key.commentBefore : undefined;
      const next = map.items[at];
      if (comment && next && isScalar(next.key)) next.key.commentBefore = next.key.commentBefore ? `${comment}\n${next.key.commentBefore}` : comment;
      else if (comment) map.comment = map.comment ? `${comment}\n${map.comment}` : comment;
      continue;
    }
    if (existing && isScalar(existing.value)) {
      // Changing the node's value, not replacing the node, keeps a comment written beside or above it.
      if (existing.value.value !== value) existing.value.value = value;
      continue;
    }
    if (existing) {
      existing.value = new Scalar(value);
      continue;
    }
    const rank = order.indexOf(key);
    const before = map.items.findIndex((pair) => order.indexOf(keyOf(pair)) > rank);
    const pair = doc.createPair(key, value);
    if (before === -1) map.items.push(pair);
    else map.items.splice(before, 0, pair);
  }
  return doc.toString({ lineWidth: 0 });
}

/** The line (1-based) of the first `key: "text` whose quote is not closed on that line, if any. */
function lineOfUnclosedQuote(text: string): number | undefined {
  const index = text.split('\n').findIndex((line) => {
    const opened = /^[^#\s][^:]*:\s+(["'])(.*)$/.exec(line);
    if (!opened) return false;
    const [, quote, rest = ''] = opened;
    // Escaped quotes do not close: \" in double quotes, '' in single quotes.
    return quote === '"' ? !rest.replace(/\\./g, '').includes('"') : !rest.replace(/''/g, '').includes("'");
  });
  return index === -1 ? undefined : index + 1;
}

/** A UI strings file as the page and the save read it: its text (undefined when absent) and its plain-text values. */
export type UiStringsFile = { text: string | undefined; values: Record<string, string> } | { issue: ContentIssue };

/**
 * Reads `content/i18n/<lang>.yaml` (`shown` is how messages name it) for the UI strings page: the values that are
 * plain text; or the first problem that keeps it from being read, with its line and a fix, as `pnpm check:content`
 * words them. With `strict` (English, whose texts the page shows), a value that is not plain text is a problem too;
 * in a translation it is left out, so the page lists the key as missing and Save writes it as text.
 */
export function readUiStringsFile(file: string, shown: string, strict = false): UiStringsFile {
  if (!existsSync(file)) return strict ? { issue: { file: shown, message: 'The file is missing: the site’s interface texts in English are read from it.', fix: 'Restore it from git: git checkout -- ' + shown } } : { text: undefined, values: {} };
  const bytes = readFileSync(file);
  const decoded = decodeContentSource(shown, bytes);
  if ('issue' in decoded) return decoded;
  const lines = new LineCounter();
  const doc = parseDocument(decoded.text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    // YAML finds a quote left open only at the end of the file: the line where it was opened is the one to correct.
    const unclosed = error.code === 'MISSING_CHAR' && /quote/.test(error.message) ? lineOfUnclosedQuote(decoded.text) : undefined;
    const at = unclosed !== undefined ? { line: unclosed, col: 1 } : lines.linePos(error.pos[0]);
    return {
      issue: {
        file: shown,
        line: at.line,
        column: at.col,
        message: `The YAML is not valid: ${error.message.split('\n')[0]}`,
        fix: error.code === 'DUPLICATE_KEY' ? 'Each key may appear only once: remove or rename the repeated one.' : 'Write one `key: text` per line, a colon and a space after the key, and put the text in quotes when it contains ": " or starts with a special character.',
      },
    };
  }
  if (doc.contents !== null && !isMap(doc.contents)) return { issue: { file: shown, line: 1, message: 'The file is not a list of `key: text` lines.', fix: 'Write one `key: text` per line, for example nav.news: Noticias' } };
  const values: Record<string, string> = {};
  for (const pair of isMap(doc.contents) ? doc.contents.items : []) {
    const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    if (typeof value === 'string') values[key] = value;
    else if (strict) {
      const offset = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
      const at = offset === undefined ? undefined : lines.linePos(offset);
      return { issue: { file: shown, line: at?.line, column: at?.col, field: key, message: `The text of "${key}" is not plain text.`, fix: 'Write the text on the same line after the colon, in quotes if it contains a colon.' } };
    }
  }
  // The text as on disk (not decoded's, whose line ends are normalized): its version is what a conflict compares.
  return { text: bytes.toString('utf8'), values };
}
