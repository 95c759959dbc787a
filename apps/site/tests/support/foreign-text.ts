import { HTMLElement, NodeType, TextNode, parse } from 'node-html-parser';

/** Text a page shows in another script than its language's, without a `lang` saying so. */
export interface UnmarkedText {
  /** The language in force where the text is (the nearest `lang`). */
  lang: string;
  text: string;
  /** The element holding it, e.g. `<strong class="…">`. */
  element: string;
}

/** Elements whose text is not in a human language (code, keys) or is an address, not words. */
const notWords = new Set(['script', 'style', 'title', 'code', 'kbd', 'samp', 'pre', 'svg']);
const notWordsClasses = ['u-email', 'p-tel'];
/** Words written in content: translators mark other languages there themselves; not checked here. */
const contentClasses = ['release__body', 'country__overview'];
/**
 * Latin words that Arabic text writes as they are: acronyms read letter by letter (RSS, JSON, IOM) and the names of
 * technologies. Anything else in Latin script on an Arabic page is a name or a phrase that needs its `lang`.
 */
const latinInArabic = /^(?:\p{Lu}{2,}|JavaScript)$/u;

/**
 * Finds words in the wrong script for the language in force around them: Latin words (two letters or more, other
 * than acronyms) where the nearest `lang` is Arabic, Arabic letters where it is not. Screen readers pick their voice from `lang`, so such
 * words are read with the wrong voice, usually unintelligibly. A heuristic for the site's four languages (three in
 * Latin script, one in Arabic script), checking page chrome and data shown by components, not the text of content.
 *
 * @example
 * findUnmarkedText(parse('<html lang="ar"><p>IOM Libya</p></html>')) // [{ lang: 'ar', text: 'IOM Libya', element: '<p>' }]
 */
export function findUnmarkedText(root: HTMLElement): UnmarkedText[] {
  const found: UnmarkedText[] = [];
  const walk = (element: HTMLElement, lang: string) => {
    const tag = element.tagName?.toLowerCase() ?? '';
    if (notWords.has(tag) || notWordsClasses.some((name) => element.classList?.contains(name)) || contentClasses.some((name) => element.classList?.contains(name))) return;
    const here = element.getAttribute?.('lang') ?? lang;
    // The parser keeps what is inside <noscript> as raw text: read it as the markup it is.
    if (tag === 'noscript') return walk(parse(element.rawText), here);
    for (const child of element.childNodes) {
      if (child instanceof TextNode) {
        const text = child.text.trim();
        const wrongScript = here.startsWith('ar')
          ? (text.match(/\p{Script=Latin}{2,}/gu) ?? []).some((word) => !latinInArabic.test(word))
          : /\p{Script=Arabic}/u.test(text);
        if (wrongScript) {
          found.push({ lang: here, text: text.slice(0, 80), element: `<${tag}${element.getAttribute('class') ? ` class="${element.getAttribute('class')}"` : ''}>` });
        }
      } else if (child.nodeType === NodeType.ELEMENT_NODE && child instanceof HTMLElement) {
        walk(child, here);
      }
    }
  };
  walk(root, '');
  return found;
}
