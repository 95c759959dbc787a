import { describe, expect, it } from 'vitest';
import { file, problemsIn } from './problems-in.ts';

// Each case shows the exact words a translator reads: these messages are part of the product, so a change to them
// should show up in review as a change to this file.

const componentsFix = 'The components you can use are Figure, PullQuote, Callout, Statistic and Contacts.';
const linkFix =
  'Use an address starting with https:// (or http://), an e-mail link like mailto:press@iom.int, a phone link like tel:+41227179111, or a path on this site like /en/news.';
const imageFix =
  'Save the image with the release and point to it with a path, for example src="./photo.jpg" (or ![What the photo shows](./photo.jpg)).';

describe('import and export', () => {
  it('rejects an import line, naming the line and saying components need no import', () => {
    expect(problemsIn('\nimport Chart from "./chart.js"\n\nText.\n')).toEqual([
      {
        file,
        line: 5,
        column: 1,
        field: 'import/export',
        message: 'Content files cannot import or export code (this line starts with "import").',
        fix: "Remove this line. The site's components (Figure, PullQuote, Callout, Statistic and Contacts) can be used without importing them.",
      },
    ]);
  });

  it('rejects an export line', () => {
    expect(problemsIn('Text.\n\nexport const year = 2016\n')).toEqual([
      {
        file,
        line: 6,
        column: 1,
        field: 'import/export',
        message: 'Content files cannot import or export code (this line starts with "export").',
        fix: "Remove this line. The site's components (Figure, PullQuote, Callout, Statistic and Contacts) can be used without importing them.",
      },
    ]);
  });
});

describe('{…} expressions', () => {
  it('rejects an expression inside a sentence', () => {
    expect(problemsIn('In {2016}, IOM trained 25 officials.\n')).toEqual([
      {
        file,
        line: 4,
        column: 4,
        field: '{ } expression',
        message: 'Text in curly braces { } is program code in this format, and content files cannot contain code.',
        fix: 'Write the text without the braces. To show a brace as text, write \\{ and \\}.',
      },
    ]);
  });

  it('rejects an expression on its own line, and a {/* comment */}', () => {
    expect(problemsIn('{new Date().getFullYear()}\n\n{/* translate later */}\n')).toEqual([
      {
        file,
        line: 4,
        column: 1,
        field: '{ } expression',
        message: 'Text in curly braces { } is program code in this format, and content files cannot contain code.',
        fix: 'Write the text without the braces. To show a brace as text, write \\{ and \\}.',
      },
      {
        file,
        line: 6,
        column: 1,
        field: '{ } expression',
        message: 'Comments written {/* … */} are program code in this format, and content files cannot contain code.',
        fix: 'Remove the comment. Notes for other translators belong in the pull request or the translation ticket.',
      },
    ]);
  });

  it('accepts an escaped brace as text', () => {
    expect(problemsIn('Write \\{ and \\} to show braces.\n')).toEqual([]);
  });

  it('rejects attribute values in braces, suggesting the quoted form', () => {
    expect(problemsIn('<Figure src="./a.jpg" alt={"Coast guard officers"} width={1200} />\n')).toEqual([
      {
        file,
        line: 4,
        column: 23,
        field: '<Figure> alt',
        message: 'The value of alt is written in curly braces { }, which is program code, and content files cannot contain code.',
        fix: 'Write the value in double quotes instead: alt="Coast guard officers".',
      },
      {
        file,
        line: 4,
        column: 52,
        field: '<Figure> width',
        message: 'The value of width is written in curly braces { }, which is program code, and content files cannot contain code.',
        fix: 'Write the value in double quotes instead: width="1200".',
      },
    ]);
  });

  it('rejects a {...spread} of attributes', () => {
    expect(problemsIn('<Statistic {...stats} />\n')).toEqual([
      {
        file,
        line: 4,
        column: 12,
        field: '<Statistic> {…}',
        message: 'A group of attributes in curly braces {...stats} is program code, and content files cannot contain code.',
        fix: 'Write each attribute on its own, with its value in double quotes: <Statistic value="1,200" label="migrants assisted to return home" source="IOM DTM" />.',
      },
    ]);
  });
});

describe('elements that are not allowed', () => {
  it('rejects an unknown component, suggesting the closest one', () => {
    expect(problemsIn('<PullQoute cite="A">Words.</PullQoute>\n')).toEqual([
      {
        file,
        line: 4,
        column: 1,
        field: '<PullQoute>',
        message: "<PullQoute> is not one of the site's components.",
        fix: `Did you mean <PullQuote>? ${componentsFix}`,
      },
    ]);
  });

  it('points from a familiar name (Image) to the component (Figure)', () => {
    expect(problemsIn('<Image src="./a.jpg" alt="A" />\n')[0]).toEqual({
      file,
      line: 4,
      column: 1,
      field: '<Image>',
      message: "<Image> is not one of the site's components.",
      fix: `Did you mean <Figure>? ${componentsFix}`,
    });
  });

  it('lists the components when nothing is close', () => {
    expect(problemsIn('<Video id="x" />\n')).toEqual([
      { file, line: 4, column: 1, field: '<Video>', message: "<Video> is not one of the site's components.", fix: componentsFix },
    ]);
  });

  it('explains wrong capitals on a component name', () => {
    expect(problemsIn('<pullquote>Words.</pullquote>\n')).toEqual([
      {
        file,
        line: 4,
        column: 1,
        field: '<pullquote>',
        message: '<pullquote> is written with the wrong capital letters.',
        fix: `Did you mean <PullQuote>? ${componentsFix}`,
      },
    ]);
  });

  it('rejects an HTML tag with a Markdown alternative', () => {
    expect(problemsIn('Read <a href="https://www.iom.int">the report</a>.\n')).toEqual([
      {
        file,
        line: 4,
        column: 6,
        field: '<a>',
        message: 'The HTML tag <a> cannot be used in content files.',
        fix: 'Write links in Markdown: [text of the link](https://www.example.org/page).',
      },
    ]);
  });

  it('rejects an HTML tag without a known alternative, listing the allowed tags', () => {
    expect(problemsIn('<details>More</details>\n')).toEqual([
      {
        file,
        line: 4,
        column: 1,
        field: '<details>',
        message: 'The HTML tag <details> cannot be used in content files.',
        fix: 'Use Markdown instead (**bold**, *italic*, [link](https://…), ## Heading), or one of the tags you can use: abbr, bdi, br, kbd, mark, small, span, sub, sup.',
      },
    ]);
  });

  it('rejects an empty <> fragment', () => {
    expect(problemsIn('<>Words</>\n')).toEqual([
      { file, line: 4, column: 1, field: '<>', message: 'An empty tag <> … </> is not allowed.', fix: 'Remove <> and </>; the text inside works without them.' },
    ]);
  });
});

describe('always-forbidden tags', () => {
  const cases: [string, string, string, string][] = [
    ['<script>alert(1)</script>', '<script>', 'Scripts cannot be added to content files: pages must not run code written in content.', 'Remove the <script> tag and everything up to </script>.'],
    ['<style>p {}</style>', '<style>', 'Styles cannot be set in content files: the look of every page comes from the site design.', 'Remove the <style> tag and everything up to </style>.'],
    ['<iframe src="https://www.youtube.com/embed/x" />', '<iframe>', "Embedding another page (a video, a map, a form) is not allowed: it would make readers' browsers contact another website.", 'Remove the <iframe> tag. Link to the page instead: [Watch the video](https://…).'],
    ['<object data="x.swf" />', '<object>', 'Embedding a player or plug-in is not allowed: it can run code and contact another website.', 'Remove the <object> tag. Link to the page instead: [Watch the video](https://…).'],
    ['<embed src="x.swf" />', '<embed>', 'Embedding a player or plug-in is not allowed: it can run code and contact another website.', 'Remove the <embed> tag. Link to the page instead: [Watch the video](https://…).'],
    ['<form action="/x">Name</form>', '<form>', 'Forms cannot be added to content files: the site has no way to receive what readers would type.', 'Remove the <form> tag and everything up to </form>.'],
    ['<link rel="stylesheet" href="x.css" />', '<link>', 'A <link> tag changes the page itself (styles, icons); this comes from the site, not from content files.', 'Remove the <link> tag.'],
    ['<meta name="robots" content="noindex" />', '<meta>', 'A <meta> tag changes the page itself; page information comes from the frontmatter, not from tags in the text.', 'Remove the <meta> tag.'],
    ['<base href="https://evil.example/" />', '<base>', 'A <base> tag would change where every link on the page points, and cannot be used in content files.', 'Remove the <base> tag.'],
    ['<SCRIPT />', '<SCRIPT>', 'Scripts cannot be added to content files: pages must not run code written in content.', 'Remove the <SCRIPT> tag.'],
  ];
  it.each(cases)('rejects %s with its own message', (body, field, message, fix) => {
    expect(problemsIn(`Text.\n\n${body}\n`)).toEqual([{ file, line: 6, column: 1, field, message, fix }]);
  });

  it('also reports event handlers on a forbidden tag', () => {
    expect(problemsIn('<iframe onload="steal()" />\n').map((issue) => [issue.field, issue.column])).toEqual([
      ['<iframe>', 1],
      ['<iframe> onload', 9],
    ]);
  });
});

describe('attributes', () => {
  it('rejects on* event handlers on any element', () => {
    expect(problemsIn('Hello <span onMouseOver="alert(1)">world</span>.\n')).toEqual([
      {
        file,
        line: 4,
        column: 13,
        field: '<span> onMouseOver',
        message: 'The attribute onMouseOver would run code when a reader uses the page, and content files cannot contain code.',
        fix: 'Remove onMouseOver="…". To send readers somewhere, use a link: [text](https://…).',
      },
    ]);
  });

  it('rejects style', () => {
    expect(problemsIn('<Callout style="color: red">Note.</Callout>\n')).toEqual([
      {
        file,
        line: 4,
        column: 10,
        field: '<Callout> style',
        message:
          'The style attribute is not allowed: the look of every page comes from the site design, so that it works on every screen and in every language.',
        fix: 'Remove style="…". For a boxed note use <Callout>…</Callout>; for emphasis use *italic* or **bold**.',
      },
    ]);
  });

  it('rejects an unknown attribute on a component, suggesting the closest and listing the rest', () => {
    expect(problemsIn('<Figure src="./a.jpg" alt="A" captoin="Tripoli" />\n')).toEqual([
      {
        file,
        line: 4,
        column: 31,
        field: '<Figure> captoin',
        message: '<Figure> has no attribute "captoin".',
        fix: 'Did you mean caption? The attributes of <Figure> are: src, alt, decorative, caption, credit, width, height.',
      },
    ]);
  });

  it('rejects any attribute on a tag that takes none', () => {
    expect(problemsIn('<Contacts type="press" />\n')).toEqual([
      { file, line: 4, column: 11, field: '<Contacts> type', message: '<Contacts> has no attribute "type".', fix: '<Contacts> takes no attributes: write <Contacts />' },
    ]);
  });

  it('allows only lang and dir on span', () => {
    expect(problemsIn('<span class="big" lang="fr">Bonjour</span>\n')).toEqual([
      { file, line: 4, column: 7, field: '<span> class', message: '<span> has no attribute "class".', fix: 'The attributes of <span> are: lang, dir.' },
    ]);
  });

  it('reports a missing required attribute at the element', () => {
    expect(problemsIn('<Figure src="./a.jpg" />\n')).toEqual([
      {
        file,
        line: 4,
        column: 1,
        field: '<Figure> alt',
        message: '<Figure> needs the attribute alt (what the image shows, for readers who cannot see it).',
        fix: 'Add alt="Two IOM staff members train coast guard officers in Tripoli", for example: <Figure src="./training-tripoli.jpg" alt="Two IOM staff members train coast guard officers" caption="…" credit="© IOM 2016 / Name" />',
      },
    ]);
  });

  it('reports each missing required attribute of a Statistic', () => {
    expect(problemsIn('<Statistic source="DTM" />\n').map((issue) => issue.field)).toEqual(['<Statistic> value', '<Statistic> label']);
  });

  it('accepts alt="" only with decorative', () => {
    expect(problemsIn('<Figure src="./line.png" alt="" decorative />\n')).toEqual([]);
    expect(problemsIn('<Figure src="./a.jpg" alt="" />\n')).toEqual([
      {
        file,
        line: 4,
        column: 23,
        field: '<Figure> alt',
        message: 'The alt attribute of <Figure> is empty (what the image shows, for readers who cannot see it).',
        fix: 'Write it, for example alt="Two IOM staff members train coast guard officers in Tripoli". If the image is only decoration, say so by adding decorative: <Figure … alt="" decorative />.',
      },
    ]);
  });

  it('rejects decorative together with a description', () => {
    expect(problemsIn('<Figure src="./a.jpg" alt="Officers" decorative />\n')).toEqual([
      {
        file,
        line: 4,
        column: 38,
        field: '<Figure> decorative',
        message: '<Figure> is marked decorative, but its alt is not empty ("Officers").',
        fix: 'If the alt helps readers (it usually does), remove decorative. If the image is only decoration, empty it: alt="".',
      },
    ]);
  });

  it('checks numbers written in quotes', () => {
    expect(problemsIn('<Figure src="./a.jpg" alt="A" width="1200px" height="800" />\n')).toEqual([
      {
        file,
        line: 4,
        column: 31,
        field: '<Figure> width',
        message: 'width must be a whole number of pixels, but it is "1200px".',
        fix: 'Write only digits, in double quotes, for example width="1200".',
      },
    ]);
  });

  it('checks enum values, suggesting the intended one', () => {
    expect(problemsIn('<Callout tone="warn">Roads are closed.</Callout>\n')).toEqual([
      {
        file,
        line: 4,
        column: 10,
        field: '<Callout> tone',
        message: '"warn" is not one of the choices for tone on <Callout>: info, warning, note.',
        fix: 'Did you mean tone="warning"?',
      },
    ]);
  });

  it('rejects an attribute written twice', () => {
    expect(problemsIn('<Statistic value="1" value="2" label="x" />\n')).toEqual([
      { file, line: 4, column: 22, field: '<Statistic> value', message: 'The attribute value is written twice on <Statistic>.', fix: 'Keep one value="…" and delete the other.' },
    ]);
  });
});

describe('component placement and content', () => {
  it('rejects a block component inside a sentence', () => {
    expect(problemsIn('In total <Statistic value="1,200" label="returns" /> people went home.\n')).toEqual([
      {
        file,
        line: 4,
        column: 10,
        field: '<Statistic>',
        message: '<Statistic> must stand on its own line, not inside a sentence.',
        fix: 'Put it on a line of its own, with an empty line before and after it: <Statistic value="1,200" label="migrants assisted to return home" source="IOM DTM" />',
      },
    ]);
  });

  it('rejects content inside a component that takes none', () => {
    expect(problemsIn('<Figure src="./a.jpg" alt="A">Caption here</Figure>\n')).toEqual([
      {
        file,
        line: 4,
        column: 1,
        field: '<Figure>',
        message: '<Figure> cannot contain text or other elements: it is a single tag that ends with />.',
        fix: 'Write it as one tag and put the text in its attributes: <Figure src="./training-tripoli.jpg" alt="Two IOM staff members train coast guard officers" caption="…" credit="© IOM 2016 / Name" />',
      },
    ]);
  });

  it('rejects an empty PullQuote', () => {
    expect(problemsIn('<PullQuote cite="A"></PullQuote>\n')).toEqual([
      {
        file,
        line: 4,
        column: 1,
        field: '<PullQuote>',
        message: '<PullQuote> is empty.',
        fix: 'Put the text between <PullQuote> and </PullQuote>: <PullQuote cite="Name, Role">The words of the quote.</PullQuote>',
      },
    ]);
  });
});

describe('link and image addresses', () => {
  it('rejects javascript:, data:, vbscript: and file: links', () => {
    const issues = problemsIn(
      '[a](javascript:alert(1)) [b](data:text/html,hi) [c](VBScript:x) [d](file:///C:/report.pdf)\n',
    );
    expect(issues.map((issue) => [issue.column, issue.field, issue.message])).toEqual([
      [1, 'link', 'The link address starts with "javascript:", which is not allowed: such addresses run code or hide content.'],
      [26, 'link', 'The link address starts with "data:", which is not allowed: such addresses run code or hide content.'],
      [49, 'link', 'The link address starts with "vbscript:", which is not allowed: such addresses run code or hide content.'],
      [65, 'link', 'The link address starts with "file:", which points to a file on your own computer; readers cannot open it.'],
    ]);
    expect(new Set(issues.map((issue) => issue.fix))).toEqual(new Set([linkFix]));
  });

  it('sees through character references and control characters', () => {
    expect(problemsIn('[a](&#106;avascript:alert(1))\n')[0]?.message).toBe(
      'The link address starts with "javascript:", which is not allowed: such addresses run code or hide content.',
    );
    // A tab inside the scheme, and a leading space: browsers ignore both, so the check must too.
    expect(problemsIn('<Figure src=" JaVa\tScript:alert(1)" alt="A" />\n')).toEqual([
      {
        file,
        line: 4,
        column: 9,
        field: '<Figure> src',
        message: 'The image address starts with "javascript:", which is not allowed: such addresses run code or hide content.',
        fix: imageFix,
      },
    ]);
  });

  it('checks link definitions, and image rules for definitions used by images', () => {
    expect(problemsIn('![Officers][photo] and [report][r]\n\n[photo]: https://cdn.example.org/a.jpg\n[r]: javascript:void(0)\n')).toEqual([
      {
        file,
        line: 6,
        column: 1,
        field: 'image',
        message:
          "The image is taken from another website (cdn.example.org). Pages only show images stored with the site: loading them from elsewhere would make every reader's browser contact that website.",
        fix: imageFix,
      },
      {
        file,
        line: 7,
        column: 1,
        field: 'link definition',
        message: 'The link address starts with "javascript:", which is not allowed: such addresses run code or hide content.',
        fix: linkFix,
      },
    ]);
  });

  it('rejects images from other websites unless allowed', () => {
    const body = '![Officers in Tripoli](https://cdn.example.org/a.jpg)\n';
    expect(problemsIn(body).map((issue) => issue.field)).toEqual(['image']);
    expect(problemsIn(body, { allowRemoteImages: true })).toEqual([]);
  });

  it('accepts https, http, mailto, tel, paths and anchors', () => {
    expect(
      problemsIn(
        '[a](https://www.iom.int) [b](http://x.org) [c](mailto:press@iom.int) [d](tel:+41227179111) [e](/en/news) [f](./annex.pdf) [g](../2015/x) [h](#background)\n\n![A](./a.jpg)\n',
      ),
    ).toEqual([]);
  });

  it('rejects a link without an address', () => {
    expect(problemsIn('[the report]()\n')).toEqual([
      { file, line: 4, column: 1, field: 'link', message: 'This link has no address.', fix: 'Write the address between the brackets: [text](https://…).' },
    ]);
  });
});
