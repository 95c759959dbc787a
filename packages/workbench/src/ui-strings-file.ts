import { defaultLocale, localeCodes, type Locale } from '@iom/content-model';
import { isMap, isScalar, parseDocument, Scalar, type Document } from 'yaml';

/** The languages whose UI strings the workbench edits: every language but the source, English. */
export const uiStringLanguages: readonly Locale[] = localeCodes.filter((lang) => lang !== defaultLocale);

/** Whether a request's language is one whose UI strings may be written (never English, never a path). */
export const isUiStringLanguage = (value: unknown): value is Locale => typeof value === 'string' && (uiStringLanguages as readonly string[]).includes(value);

/**
 * Writes edited UI strings into the text of `content/i18n/<lang>.yaml`. Only the values of the edited keys change:
 * comments, order and quoting of everything else are kept, because translators and reviewers read these files as
 * text. A key the file lacks is added where English's order puts it. A key English does not have is refused, so a
 * request cannot add keys the site never reads.
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
    const existing = map.items.find((pair) => keyOf(pair) === key);
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
