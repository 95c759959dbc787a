import { describe, expect, it } from 'vitest';
import { parseContentFile } from '../../index.ts';
import { file, problemsIn } from './problems-in.ts';

// Text that MDX cannot parse at all: the parser's developer-facing message becomes plain words, at the place the
// translator has to look (the `<` or `{` that started the problem, not the end of the file).

describe('a stray < or {', () => {
  it('explains a < that cannot start a tag', () => {
    expect(problemsIn('Scores went from 2 to <3 in most camps.\n')).toEqual([
      {
        file,
        line: 4,
        column: 23,
        field: '< sign',
        message: 'A "<" starts a tag here (like <Figure … />), but it is followed by "3", which cannot start a tag name.',
        fix: 'If you meant the sign < as text, write \\< instead (a backslash, then <).',
      },
    ]);
  });

  it('points at an unclosed { even when the parser stops much later', () => {
    expect(problemsIn('Intro.\n\nThe budget {USD 2 million was agreed.\n\nMore text.\n')).toEqual([
      {
        file,
        line: 6,
        column: 12,
        field: '{ } expression',
        message: 'A "{" starts program code in this format, and it is never closed with "}".',
        fix: 'If you meant the brace as text, write \\{ instead (a backslash, then {), and \\} for a closing brace.',
      },
    ]);
  });

  it('explains an address in angle brackets', () => {
    expect(problemsIn('Write to <press@iom.int>.\n')).toEqual([
      {
        file,
        line: 4,
        column: 10,
        field: '< sign',
        message: 'An address in angle brackets (<https://…> or <name@example.org>) is read as a tag in this format.',
        fix: 'Write links as [text](https://…) and e-mail addresses as [name@example.org](mailto:name@example.org).',
      },
    ]);
  });

  it('explains an HTML comment', () => {
    expect(problemsIn('Text.\n\n<!-- check this figure -->\n')).toEqual([
      {
        file,
        line: 6,
        column: 1,
        field: 'comment',
        message: 'HTML comments (<!-- … -->) cannot be used in content files.',
        fix: 'Remove the comment. Notes for other translators belong in the pull request or the translation ticket, not in the file.',
      },
    ]);
  });
});

describe('tags that do not close', () => {
  it('reports a component that is never closed at its opening tag', () => {
    expect(problemsIn('<PullQuote cite="A">\n\nWords.\n')).toEqual([
      {
        file,
        line: 4,
        column: 1,
        field: '<PullQuote>',
        message: 'The tag <PullQuote> is opened here but never closed.',
        fix: 'Add </PullQuote> after its content, or end the tag with /> if it has no content: <PullQuote … />.',
      },
    ]);
  });

  it('reports mismatched closing tags', () => {
    expect(problemsIn('<Callout>Note.</Calout>\n')).toEqual([
      {
        file,
        line: 4,
        column: 15,
        field: '<Callout>',
        message: 'The closing tag </Calout> does not match the tag <Callout> opened at line 4, column 1.',
        fix: 'Close tags in the reverse order they were opened, and check the spelling: <Callout> … </Callout>.',
      },
    ]);
  });

  it('reports a closing tag without an opening tag', () => {
    expect(problemsIn('Text.\n\n</PullQuote>\n')).toEqual([
      {
        file,
        line: 6,
        column: 1,
        field: 'closing tag',
        message: 'The closing tag </PullQuote> has no opening tag before it.',
        fix: 'Remove the closing tag, or add the opening tag before the content it closes.',
      },
    ]);
  });

  it('explains an attribute value without quotes', () => {
    expect(problemsIn('<Figure src=./a.jpg alt="A" />\n')).toEqual([
      {
        file,
        line: 4,
        column: 13,
        field: 'tag attribute',
        message: 'An attribute of this tag has a value without quotation marks.',
        fix: 'Write attribute values in double quotes, for example alt="Two women in Tripoli" or width="1200".',
      },
    ]);
  });
});

describe('sentences that look like code', () => {
  it('explains a sentence starting with "export"', () => {
    expect(problemsIn('export of goods rose by 4 per cent.\n')).toEqual([
      {
        file,
        line: 4,
        column: 1,
        field: 'import/export',
        message: 'A line that starts with the word "export" is read as program code, and this one is not valid code.',
        fix: 'Start the sentence differently, for example with a capital letter ("Exports rose …"). Content files cannot import or export code.',
      },
    ]);
  });
});

describe('after a syntax error', () => {
  it('still reads the frontmatter and returns an empty tree', () => {
    const parsed = parseContentFile(file, '---\ntitle: Test\n---\nA <3 B\n');
    expect(parsed.frontmatter).toEqual({ title: 'Test' });
    expect(parsed.tree).toEqual({ type: 'root', children: [] });
    expect(parsed.issues).toHaveLength(1);
  });
});
