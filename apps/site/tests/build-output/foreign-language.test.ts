import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { findUnmarkedText } from '../support/foreign-text.ts';
import { listPages, readPage } from '../support/html.ts';
import { builtSiteDir } from '../support/paths.ts';

describe('words in another language carry their lang, so that screen readers switch voice', () => {
  it('on every page: office names and addresses, contacts, partners, language names, dashboard titles', () => {
    const pages = listPages(builtSiteDir);
    const found = pages.flatMap((page) => findUnmarkedText(readPage(builtSiteDir, page)).map((text) => `${page}: ${text.element} in ${text.lang}: ${text.text}`));
    expect(pages.length).toBeGreaterThan(1000);
    expect(found).toEqual([]);
  });

  it('catches English words on an Arabic page and Arabic words on an English page, and leaves marked words, acronyms and content alone', () => {
    const arabicPage = parse([
      '<html lang="ar"><body>',
      '<p><strong>IOM Libya</strong></p>',
      '<p><strong lang="en" dir="ltr">IOM Tunisia</strong></p>',
      '<p>موجز RSS</p>',
      '<div class="release__body"><p>Sample credit</p></div>',
      '</body></html>',
    ].join(''));
    expect(findUnmarkedText(arabicPage)).toEqual([{ lang: 'ar', text: 'IOM Libya', element: '<strong>' }]);

    const englishPage = parse('<html lang="en"><body><table><tr><th>العربية — News</th><th><span lang="ar">العربية</span> — News</th></tr></table></body></html>');
    expect(findUnmarkedText(englishPage)).toEqual([{ lang: 'en', text: 'العربية — News', element: '<th>' }]);
  });
});
