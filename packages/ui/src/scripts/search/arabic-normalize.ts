/**
 * Arabic normalization for search, shared by the build (index time) and the search page (query time), so that both
 * sides of a match go through the same rules.
 *
 * What Pagefind 1.6 already does for Arabic (measured, see README.md): its Snowball Arabic stemmer and its query
 * clean-up ignore tashkeel and tatweel, fold أ/إ/آ to ا, ى to ي and ة to ه, and strip the prefixes ال, ب, ل, لل, ك
 * and a lone و or ف. What it misses, and what this module adds:
 *
 * - A conjunction و/ف in front of a word that begins with an alef (والمفوضية, فالحكومة, وأكد, واستمر): the stemmer
 *   deliberately keeps و/ف before ا, so "المفوضية" does not find "والمفوضية". We separate the conjunction.
 * - Persian and Urdu letters that Arabic readers type on those keyboards (ی, ک): folded to ي and ك.
 * - Presentation forms (ﻻ and the like, from copied PDF text): folded to the base letters.
 *
 * Everything else is left to Pagefind so that excerpts keep the text as it was written.
 */

/** Tashkeel, Quranic marks and tatweel: never part of a word's identity for search. */
const MARKS = '\\u0610-\\u061A\\u064B-\\u065F\\u0670\\u06D6-\\u06DC\\u06DF-\\u06E8\\u06EA-\\u06ED\\u0640';
/** Arabic-script letters (hamza to yeh, and the extended letters of Persian and Urdu). */
const LETTERS = '\\u0621-\\u063A\\u0641-\\u064A\\u066E\\u066F\\u0671-\\u06D3\\u06D5\\u06EE\\u06EF\\u06FA-\\u06FC\\u06FF';

const marks = new RegExp(`[${MARKS}]`, 'g');
const mark = new RegExp(`^[${MARKS}]$`);
// A word: an Arabic letter not preceded by another one, then letters and marks. (No lookbehind: the search page
// must run on older phone browsers too, so the preceding character is captured instead.)
const word = new RegExp(`(^|[^${LETTERS}${MARKS}])([${LETTERS}][${LETTERS}${MARKS}]*)`, 'g');
const presentationForms = /[\uFB50-\uFDFF\uFE70-\uFEFF]/g;

/**
 * What the index-time normalization puts between a conjunction and its word: a space. (Pagefind turns every kind of
 * whitespace into a plain space in what it stores, so an invisible separator would gain nothing;
 * {@link restoreArabicDisplay} joins the two again for display.)
 */
export const ARABIC_INDEX_SEPARATOR = ' ';

/**
 * Folds letters that are typed or copied in other forms onto the Arabic letters the content uses.
 *
 * @example
 * foldArabicLetters('لیبیا') // 'ليبيا' (Persian yeh typed on a Persian keyboard)
 * foldArabicLetters('ﻻجئين') // 'لاجئين' (lam-alef ligature copied from a PDF)
 */
export function foldArabicLetters(text: string): string {
  return text
    .replace(presentationForms, (form) => form.normalize('NFKC'))
    .replace(/\u06CC/g, '\u064A')
    .replace(/\u06A9/g, '\u0643');
}

/**
 * Removes tashkeel (fatha, damma, kasra, shadda, sukun, tanwin…), Quranic marks and tatweel.
 *
 * @example
 * stripArabicMarks('الْمُنَظَّمَةُ') // 'المنظمة'
 */
export function stripArabicMarks(text: string): string {
  return text.replace(marks, '');
}

/**
 * How many characters of `word` (letters and marks) are a conjunction that the stemmer would not remove: و or ف
 * followed by the article ال (at least two letters after it), و or ف followed by a hamza on alef (أ إ آ, at least
 * three letters in all), or و followed by a plain alef with at least five letters (hamzat al-wasl verbs such as
 * واستمر). Shorter words are left whole: و is part of واحد, والد or والي, and ف of فاطمة. Returns 0 when there is none.
 *
 * @example
 * conjunctionLength('والمفوضية') // 1
 * conjunctionLength('وَأكد') // 2 (the conjunction and its fatha)
 * conjunctionLength('واحد') // 0
 */
export function conjunctionLength(word: string): number {
  const first = word[0];
  if (first !== '\u0648' && first !== '\u0641') return 0;
  let end = 1;
  while (end < word.length && mark.test(word[end]!)) end++;
  const rest = stripArabicMarks(word.slice(end));
  const article = rest.startsWith('\u0627\u0644') || rest.startsWith('\u0671\u0644');
  if (article && rest.length >= 4) return end;
  if (/^[\u0623\u0625\u0622]/.test(rest) && rest.length >= 3) return end;
  if (first === '\u0648' && /^[\u0627\u0671]/.test(rest) && rest.length >= 5) return end;
  return 0;
}

/**
 * Puts `separator` between a conjunction و/ف and the word it is attached to (see {@link conjunctionLength}), or
 * drops the conjunction when `separator` is empty.
 *
 * @example
 * separateArabicConjunctions('المنظمة والمفوضية', ' ') // 'المنظمة و المفوضية'
 * separateArabicConjunctions('والمفوضية', '') // 'المفوضية'
 */
export function separateArabicConjunctions(text: string, separator: string): string {
  return text.replace(word, (_whole, before: string, letters: string) => {
    const length = conjunctionLength(letters);
    if (length === 0) return before + letters;
    return separator === '' ? before + letters.slice(length) : before + letters.slice(0, length) + separator + letters.slice(length);
  });
}

/**
 * The index-time normalization of Arabic text: letters folded, conjunctions separated by
 * {@link ARABIC_INDEX_SEPARATOR}. Tashkeel is kept, so that titles and excerpts show the text as written.
 *
 * @example
 * normalizeArabicForIndex('المنظمة والمفوضية') // 'المنظمة و المفوضية'
 */
export function normalizeArabicForIndex(text: string): string {
  return separateArabicConjunctions(foldArabicLetters(text), ARABIC_INDEX_SEPARATOR);
}

/**
 * The query-time normalization: letters folded, marks removed, conjunctions dropped, spaces collapsed. Safe on any
 * query: only Arabic-script characters change.
 *
 * @example
 * normalizeArabicQuery('وَالْمُفَوَّضِيَّة') // 'المفوضية'
 * normalizeArabicQuery('Libya') // 'Libya'
 */
export function normalizeArabicQuery(query: string): string {
  return separateArabicConjunctions(stripArabicMarks(foldArabicLetters(query)), '').replace(/\s+/g, ' ').trim();
}

// Tags, comments, and elements whose content is not text: left exactly as they are.
const markup = /(<!--[\s\S]*?-->|<script\b[\s\S]*?<\/script\s*>|<style\b[\s\S]*?<\/style\s*>|<(?:[^>"']|"[^"]*"|'[^']*')*>)/gi;

/**
 * Applies {@link normalizeArabicForIndex} to the text of an HTML page, never to its tags or attributes (URLs,
 * Pagefind attributes and ids stay byte for byte the same).
 *
 * @example
 * normalizeArabicHtml('<p title="والمفوضية">المنظمة والمفوضية</p>') // '<p title="والمفوضية">المنظمة و المفوضية</p>'
 */
export function normalizeArabicHtml(html: string): string {
  return html
    .split(markup)
    .map((part, index) => (index % 2 === 1 ? part : normalizeArabicForIndex(part)))
    .join('');
}

// The next word may open a highlight (`و <mark>المفوضية</mark>` in a Pagefind excerpt).
const separated = new RegExp(`(^|[^${LETTERS}${MARKS}])([\\u0648\\u0641][${MARKS}]*) (<mark>)?([${LETTERS}][${LETTERS}${MARKS}]*)`, 'g');

/**
 * Undoes the index-time separation for display: joins a lone و or ف to the next word again wherever the index-time
 * rule would have separated them, so that a title or excerpt read from the index shows "والمفوضية". (A lone
 * conjunction that the author wrote apart is joined too, which is how it should have been written.) Works on
 * Pagefind excerpts too, where the word may start a `<mark>`.
 *
 * @example
 * restoreArabicDisplay('المنظمة و المفوضية') // 'المنظمة والمفوضية'
 * restoreArabicDisplay('و <mark>المفوضية</mark>') // 'و<mark>المفوضية</mark>'
 * restoreArabicDisplay('و هو') // 'و هو' (not a case the index-time rule separates)
 */
export function restoreArabicDisplay(text: string): string {
  return text.replace(separated, (whole, before: string, conjunction: string, mark: string | undefined, next: string) =>
    conjunctionLength(conjunction + next) > 0 ? before + conjunction + (mark ?? '') + next : whole,
  );
}
