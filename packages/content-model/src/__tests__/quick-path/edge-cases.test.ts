import { describe, expect, it } from 'vitest';
import { locateFrontmatter } from '@iom/safe-mdx';
import { maxNestingDepth } from '@iom/safe-mdx';
import { quickParse } from '@iom/safe-mdx';
import { prepareFile, prepareFileWith } from '../../prepare/prepare-file.ts';
import { fileWith, preparedBothWays, treesOf } from './both-paths.ts';

/**
 * Small bodies at the edges of what the quick parser handles. Each row says what it does: `quick` (then its tree and
 * its prepared file must be exactly remark's) or the reason it gives up (then remark prepares the file). The table is
 * the documentation of the quick path: changing what it handles changes a row here.
 */
const cases: [name: string, body: string, expected: 'quick' | `bail: ${string}`][] = [
  // Emphasis: CommonMark's delimiter rules as micromark applies them.
  ['strong around an unmatched star', '**a*b**\n', 'quick'],
  ['emphasis around strong', '*a **b** c*\n', 'quick'],
  ['triple stars', '***a*** and ***b** c*\n', 'quick'],
  ['rule of three: *foo**bar*', '*foo**bar*\n', 'quick'],
  ['rule of three: *foo**bar**baz*', '*foo**bar**baz*\n', 'quick'],
  ['rule of three: foo***bar***baz', 'foo***bar***baz\n', 'quick'],
  ['rule of three: **foo*bar*baz**', '**foo*bar*baz**\n', 'quick'],
  ['a star between spaces is text', 'a * b * c\n', 'quick'],
  ['left-flanking only after punctuation: a*"b"*c', 'a*"b"*c\n', 'quick'],
  ['emphasis of punctuation', '*(a)* and **"b"**\n', 'quick'],
  ['Unicode punctuation around emphasis', '“*a*” «**b**» ¿*c*?\n', 'quick'],
  ['intraword underscores are text', 'snake_case_word and __init__ and a_b_ c\n', 'quick'],
  ['underscores at word edges', '_a_b and _c_ d_e_\n', 'quick'],
  ['intraword stars are emphasis', 'un*frigging*believable\n', 'quick'],
  ['emphasis across a soft line break', '*one\ntwo*\n', 'quick'],
  ['a closing star before a line end that opens nothing', '*a *\nb*\n', 'quick'],
  ['emphasis next to an emoji (micromark reads UTF-16 units)', '😀*a*😀 and 😀_b_\n', 'quick'],
  ['emphasis inside link text stays inside', '*a [b* c](/en) d*\n', 'quick'],
  ['emphasis around an inline tag', '*<abbr title="T">IDP</abbr>*\n', 'quick'],
  ['emphasis crossing a tag', '<abbr title="a">*x</abbr>*\n', 'bail: a closing tag </abbr> that does not match'],

  // Headings.
  ['ATX headings with closing #s', '## A ##\n\n## B#\n\n# C ## d\n\n###### Six\n', 'quick'],
  ['seven #s are text', '####### seven\n', 'quick'],
  ['an empty heading', '##\n\n## ##\n', 'quick'],
  ['an escaped closing #', '## A \\#\n', 'quick'],
  ['a heading right after a paragraph line', 'Text\n## Heading\n', 'quick'],
  ['a setext heading', 'Title\n=====\n', 'bail: a thematic break, setext underline, table delimiter row or empty list item'],
  ['a setext heading with dashes', 'Title\n---\n', 'bail: a thematic break, setext underline, table delimiter row or empty list item'],

  // Paragraphs and line breaks.
  ['soft line breaks keep the line break', 'one\ntwo\nthree\n', 'quick'],
  ['a hard break with two spaces', 'one  \ntwo\n', 'quick'],
  ['a hard break with a backslash', 'one\\\ntwo\n', 'quick'],
  ['one trailing space is dropped', 'one \ntwo \n', 'quick'],
  ['trailing spaces at the end of a paragraph', 'one   \n\ntwo\n', 'quick'],
  ['a hard break before emphasis', 'x  \n*y*\n', 'quick'],
  ['continuation lines indented 1–3 spaces', 'one\n   two\n', 'quick'],
  ['a line indented four spaces', 'one\n    two\n', 'bail: a line indented four or more spaces'],
  ['a block indented four spaces', '    code?\n', 'bail: a line indented four or more spaces'],
  ['a block indented two spaces', '  Text\n', 'bail: a block indented by one to three spaces'],

  // Escapes, references and special characters.
  ['backslash escapes', '\\*not\\* \\_em\\_ \\[x\\] \\<b> \\\\ \\# \\& a\\b\n', 'quick'],
  ['an ampersand alone is text', 'Antigua & Barbuda, São Tomé & Príncipe\n', 'quick'],
  ['a named character reference', 'Tom &amp; Jerry\n', 'bail: a character reference'],
  ['a numeric character reference', 'IOM&#39;s\n', 'bail: a character reference'],
  ['a lone < in text', 'a < b\n', 'bail: a "<" that does not start a tag name'],
  ['a > inside a sentence is text', 'a > b\n', 'quick'],
  ['brackets in text', 'He said [sic] it.\n', 'bail: link text not followed by "(" (a reference link, or brackets in text)'],
  ['a tab', 'a\tb\n', 'bail: braces, code, tables, strikethrough, tabs or control characters'],
  ['a CR line ending (the decoder makes it LF before parsing)', 'a\r\nb\n', 'bail: braces, code, tables, strikethrough, tabs or control characters'],

  // Links and images.
  ['a link with a title', '[IOM](https://www.iom.int "The UN Migration Agency")\n', 'quick'],
  ['link text with emphasis', '[a *b* **c**](/en/news) d\n', 'quick'],
  ['a link across a line break', '[the DTM\nreport](https://dtm.iom.int/)\n', 'quick'],
  ['an image with emphasis in its alt', '![A *boat* at sea](/media/sample/boat.jpg "Boat")\n', 'quick'],
  ['parentheses in a destination', '[a](https://x.org/(b))\n', 'bail: a link destination with parentheses, angle brackets, escapes or line breaks'],
  ['angle brackets around a destination', '[a](<https://x.org/a b>)\n', 'bail: a link destination with parentheses, angle brackets, escapes or line breaks'],
  ['a title in single quotes', "[a](/x 'T')\n", 'bail: a link title that is not in double quotes'],
  ['a reference link', '[report][r]\n\n[r]: /en/report\n', 'bail: link text not followed by "(" (a reference link, or brackets in text)'],
  ['a footnote', 'Text[^1].\n\n[^1]: Note.\n', 'bail: a footnote'],

  // Lists.
  ['a tight list', '- a\n- b\n', 'quick'],
  ['a loose list', '- a\n\n- b\n', 'quick'],
  ['a loose item (two paragraphs)', '- a\n\n  b\n- c\n', 'quick'],
  ['an ordered list starting at 3', '3. a\n4. b\n', 'quick'],
  ['a change of delimiter starts a new list', '3. a\n4) b\n', 'quick'],
  ['nested lists', '- a\n  - b\n    - c\n- d\n', 'quick'],
  ['a blank line inside a nested list', '- a\n  - b\n\n  - c\n', 'quick'],
  ['a blank line before a paragraph of the outer item', '- a\n  - b\n\n  c\n', 'quick'],
  ['lazy continuation lines', '- a\nlazy\n  - b\nlazier\n', 'quick'],
  ['continuation lines of wrapped items', '- **Protection** for migrants in vulnerable situations, including\n  unaccompanied children.\n- Data\n', 'quick'],
  ['an ordered 2 does not interrupt a paragraph', 'Hello\n2. a\n', 'quick'],
  ['an ordered 1 does', 'Hello\n1. a\n', 'quick'],
  ['an ordered item after a bullet item', '- a\n2. b\n', 'quick'],
  ['a heading in a list item', '- ## a\n  b\n', 'quick'],
  ['an inline tag in a list item', '- Referral of <abbr title="Unaccompanied and Separated Children">UASC</abbr>\n', 'quick'],
  ['an empty list item', '- a\n-\n- c\n', 'bail: a thematic break, setext underline, table delimiter row or empty list item'],
  ['two spaces after a marker', '-  a\n', 'bail: a list item with more than one space after its marker'],
  ['a thematic break', 'a\n\n***\n', 'bail: a thematic break, setext underline, table delimiter row or empty list item'],

  // Components and inline tags written as JSX.
  ['a Figure on one line', '<Figure src="/media/sample/a.jpg" alt="A boat" caption="At sea." credit="© IOM" width="1200" height="800" />\n', 'quick'],
  ['a Figure spanning lines', '<Figure\n  src="/media/sample/a.jpg"\n  alt="A boat"\n  decorative />\n', 'quick'],
  ['a PullQuote around a paragraph', '<PullQuote cite="Name, Role">\nWords of the\nquote.\n</PullQuote>\n', 'quick'],
  ['a PullQuote on one line (unravelled, as MDX does)', '<PullQuote lang="fr" cite="A">Nous *continuerons*.</PullQuote>\n', 'quick'],
  ['a Callout with a list and blank lines', '<Callout tone="note" title="What IOM asks">\n\nGovernments should:\n\n- include migrants\n- keep borders open\n\n</Callout>\n', 'quick'],
  ['a Statistic and Contacts interrupting a paragraph', 'Text\n<Statistic value="3,167" label="people" />\n<Contacts />\n', 'quick'],
  ['an attribute value with > and quotes', '<Statistic value="> 1,000" label=\'the "blue" boats\' source="IOM" />\n', 'quick'],
  ['single-quoted attributes and spaces around =', "<Figure src = '/media/a.jpg' alt='A' />\n", 'quick'],
  ['inline tags in a sentence', 'CO<sub>2</sub> and km<sup>2</sup>, <bdi>محمد</bdi>, <span lang="fr">mot</span><br />next\n', 'quick'],
  ['a tag with a line break between attributes', 'Text <abbr\ntitle="T">IDP</abbr> more\n', 'quick'],
  ['a block component inside a sentence (the check reports it)', 'Text <Contacts /> text\n', 'quick'],
  ['two tags on one line', '<Contacts /> <Contacts />\n', 'bail: several tags on one line'],
  ['a line break alone on its line', '<br />\n', 'bail: <br /> on a line of its own'],
  ['an unknown component', '<Video src="x" />\n', 'bail: the element <Video>, which is not a site component or allowed tag'],
  ['an expression', 'In {2016}\n', 'bail: braces, code, tables, strikethrough, tabs or control characters'],
  ['an import', 'import X from "./x.js"\n\nText\n', 'bail: a line starting with import or export'],
  ['an export after a paragraph', 'Text\nexport const year = 2016\n', 'bail: a line starting with import or export'],
  ['a block quote', '> quoted\n', 'bail: a block quote'],
  ['a table', '| a | b |\n| - | - |\n', 'bail: braces, code, tables, strikethrough, tabs or control characters'],
  ['a one-column table without pipes', 'a\n-:\n', 'bail: a thematic break, setext underline, table delimiter row or empty list item'],
  ['code', 'Use `x`\n', 'bail: braces, code, tables, strikethrough, tabs or control characters'],
  ['strikethrough', '~~old~~ new\n', 'bail: braces, code, tables, strikethrough, tabs or control characters'],
  ['an HTML comment', '<!-- note -->\n', 'bail: a "<" that does not start a tag name'],
  ['an unclosed component', '<Callout>\nText\n', 'bail: a block component that is not closed'],

  // Nesting: at the limit the quick parser reads it; past it, it gives up (and the scan before it refuses the file).
  ['lists nested as deep as the limit', Array.from({ length: maxNestingDepth }, (_, level) => `${'  '.repeat(level)}- a\n`).join(''), 'quick'],
  ['lists nested past the limit', Array.from({ length: maxNestingDepth + 1 }, (_, level) => `${'  '.repeat(level)}- a\n`).join(''), 'bail: lists or components nested too deeply'],
  ['emphasis nested as deep as the limit', `${'*a '.repeat(maxNestingDepth)}b${' c*'.repeat(maxNestingDepth)}\n`, 'quick'],
  ['emphasis nested past the limit', `${'*a '.repeat(maxNestingDepth + 1)}b${' c*'.repeat(maxNestingDepth + 1)}\n`, 'bail: emphasis or links nested too deeply'],

  // Right to left.
  ['Arabic text with right-to-left marks and emphasis', '## خلفية\n\nاختتمت \u200Fالمنظمة *الدولية* للهجرة دورة **تدريبية** في تونس لـ<bdi>٢٥</bdi> مسؤولاً.\n\n- أولاً\n- ثانياً\n', 'quick'],
  ['an Arabic PullQuote and Statistic', '<PullQuote cite="عثمان البلبيسي، رئيس البعثة">\nبناء قدرات السلطات الليبية جزء أساسي من استجابتنا.\n</PullQuote>\n\n<Statistic value="٣٬١٦٧" label="شخصاً" source="المنظمة" />\n', 'quick'],
];

describe('edge cases: the quick parser gives remark’s tree, or gives up', () => {
  it.each(cases)('%s', (_name, body, expected) => {
    const text = fileWith(body);
    const { quick, bail, remark } = treesOf(text);
    if (expected === 'quick') {
      expect(bail).toBeUndefined();
      expect(quick).toEqual(remark);
    } else {
      expect(quick).toBeUndefined();
      expect(`bail: ${bail}`).toBe(expected);
    }
    // Either way, the site gets exactly what remark gives.
    const prepared = preparedBothWays('content/releases/2016/x/en.mdx', text);
    if (expected === 'quick' && prepared.quick) expect(prepared.quick).toEqual(prepared.remark);
    expect(prepared.auto).toEqual(prepared.remark);
  });
});

describe('files with a problem go through remark', () => {
  it.each([
    ['a Figure without alt', '<Figure src="/media/a.jpg" />\n'],
    ['a link to javascript:', '[x](javascript:alert)\n'],
    ['a block component inside a sentence', 'Text <Contacts /> text\n'],
    ['an Arabic link with a hidden right-to-left mark in its scheme', '[التقرير](java\u200Fscript:alert)\n'],
  ])('%s: issues at remark’s positions', (_name, body) => {
    const text = fileWith(body);
    const block = locateFrontmatter(text);
    expect(block !== undefined && block !== 'unclosed' && quickParse(text, block)).toBeTruthy();
    const bytes = new TextEncoder().encode(text);
    expect(prepareFileWith('quick', 'content/x/en.mdx', bytes)).toBeUndefined();
    const prepared = prepareFile('content/x/en.mdx', bytes);
    expect(prepared.issues.length).toBeGreaterThan(0);
    expect(prepared.issues.every((issue) => issue.line === 4 && typeof issue.column === 'number')).toBe(true);
    expect(prepared).toEqual(prepareFileWith('remark', 'content/x/en.mdx', bytes));
  });

  it('decodes CRLF files to LF first, so they take the quick path', () => {
    const bytes = new TextEncoder().encode('---\r\ntitle: Test\r\n---\r\n\r\nOne\r\ntwo  \r\nthree\r\n');
    const quick = prepareFileWith('quick', 'content/x/en.mdx', bytes, { labels: { source: 'S', footnotes: 'F', backToContent: 'B' }, base: '/', contactsMarker: '' });
    expect(quick?.html).toBe('<p>One\ntwo<br>\nthree</p>');
    expect(quick).toEqual(prepareFileWith('remark', 'content/x/en.mdx', bytes, { labels: { source: 'S', footnotes: 'F', backToContent: 'B' }, base: '/', contactsMarker: '' }));
  });

  it('leaves a file with a broken frontmatter to remark', () => {
    const bytes = new TextEncoder().encode('---\ntitle: "unclosed\n---\n\nText\n');
    expect(prepareFileWith('quick', 'content/x/en.mdx', bytes)).toBeUndefined();
    expect(prepareFile('content/x/en.mdx', bytes)).toEqual(prepareFileWith('remark', 'content/x/en.mdx', bytes));
  });
});
