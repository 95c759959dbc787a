import { describe, expect, it } from 'vitest';
import { parseContentFile } from '../../index.ts';

const file = 'content/releases/2016/iom-unhcr-train-libyan-partners/en.mdx';

const release = `---
title: IOM, UNHCR Train Libyan Partners
date: 2016-09-02
contacts:
  - name: Joel Millman
    email: jmillman@iom.int
  - name: Leonard Doyle
    email: ldoyle@iom.int
---

## Background

Text.
`;

describe('field positions', () => {
  const parsed = parseContentFile(file, release);

  it('reads the fields, keeping dates as written', () => {
    expect(parsed.issues).toEqual([]);
    expect(parsed.frontmatter).toEqual({
      title: 'IOM, UNHCR Train Libyan Partners',
      date: '2016-09-02',
      contacts: [
        { name: 'Joel Millman', email: 'jmillman@iom.int' },
        { name: 'Leonard Doyle', email: 'ldoyle@iom.int' },
      ],
    });
  });

  it('maps dotted field paths to lines and columns of the original file', () => {
    expect(parsed.fieldLines('title')).toEqual({ line: 2, column: 1 });
    expect(parsed.fieldLines('date')).toEqual({ line: 3, column: 1 });
    expect(parsed.fieldLines('contacts')).toEqual({ line: 4, column: 1 });
    expect(parsed.fieldLines('contacts.0')).toEqual({ line: 5, column: 5 });
    expect(parsed.fieldLines('contacts.0.email')).toEqual({ line: 6, column: 5 });
    expect(parsed.fieldLines('contacts.1.name')).toEqual({ line: 7, column: 5 });
    expect(parsed.fieldLines('summary')).toBeUndefined();
  });

  it('gives the body and where it starts', () => {
    expect(parsed.bodyStartLine).toBe(10);
    expect(parsed.body).toBe('\n## Background\n\nText.\n');
  });

  it('gives tree positions in the original file, not in the body', () => {
    const heading = parsed.tree.children.find((node) => node.type === 'heading');
    expect(heading?.position?.start).toEqual({ line: 11, column: 1, offset: release.indexOf('## Background') });
  });
});

describe('YAML mistakes', () => {
  it('explains a colon inside a value and shows the quoted line', () => {
    expect(parseContentFile(file, '---\ntitle: Libya: training for officials\n---\n').issues).toEqual([
      {
        file,
        line: 2,
        column: 8,
        field: 'title',
        message: 'The value of "title" contains a colon followed by a space, which the frontmatter reads as the start of a new field.',
        fix: 'Put the whole value in double quotes: title: "Libya: training for officials"',
      },
    ]);
  });

  it('reports a field written twice at the second one', () => {
    expect(parseContentFile(file, '---\ntitle: A\ndate: 2016-09-02\ntitle: B\n---\n').issues).toEqual([
      { file, line: 4, column: 1, field: 'title', message: 'The field "title" is written twice in the frontmatter.', fix: 'Keep one "title:" line and delete the other.' },
    ]);
  });

  it('explains a value starting with a sign that YAML reads as syntax', () => {
    expect(parseContentFile(file, '---\ndate: 2016-09-02\ntitle: *Update* on Libya\n---\n').issues).toEqual([
      {
        file,
        line: 3,
        column: 8,
        field: 'title',
        message: 'The value of "title" starts with *, a sign that has a special meaning in the frontmatter unless the value is in quotes.',
        fix: 'Put the whole value in double quotes: title: "*Update* on Libya"',
      },
    ]);
  });

  it('explains an unclosed quotation mark', () => {
    expect(parseContentFile(file, '---\ntitle: "Training in Tunis\ndate: 2016-09-02\n---\n').issues).toMatchObject([
      {
        file,
        line: 3,
        field: 'title',
        message: 'A value starts with a quotation mark but the closing quotation mark is missing.',
        fix: 'Add the closing " at the end of the value. To write a quotation mark inside the value, write \\".',
      },
    ]);
  });

  it('rejects a tab used for indentation', () => {
    expect(parseContentFile(file, '---\ncontacts:\n\t- name: A\n---\n').issues[0]).toMatchObject({
      line: 3,
      column: 1,
      message: 'A tab is used to indent this line; the frontmatter only accepts spaces.',
    });
  });
});

describe('missing or misplaced frontmatter', () => {
  it('reports a file without frontmatter', () => {
    const parsed = parseContentFile(file, '## Background\n');
    expect(parsed.frontmatter).toBeUndefined();
    expect(parsed.bodyStartLine).toBe(1);
    expect(parsed.issues).toEqual([
      {
        file,
        line: 1,
        column: 1,
        field: 'frontmatter',
        message:
          'This file has no frontmatter: it must start with a line containing only ---, then the fields (title, date, …), then another line with only ---.',
        fix: 'Add at the very top of the file a line with only ---, then one line per field (title: "…", date: 2016-09-02, …), then a line with only ---. The easiest way is to copy the block from the English version and translate the values.',
      },
    ]);
  });

  it('reports empty lines above the frontmatter', () => {
    expect(parseContentFile(file, '\n---\ntitle: x\n---\n').issues[0]?.message).toBe(
      'The frontmatter must start on the very first line of the file, but there are empty lines or spaces before its ---.',
    );
  });

  it('reports a frontmatter block that is never closed', () => {
    expect(parseContentFile(file, '---\ntitle: x\n\nText.\n').issues[0]?.message).toBe(
      'The frontmatter starts with --- on line 1 but is never closed: the second line with only --- is missing.',
    );
  });

  it('accepts an empty block (the schema reports missing fields later)', () => {
    const parsed = parseContentFile(file, '---\n---\nText.\n');
    expect(parsed.issues).toEqual([]);
    expect(parsed.frontmatter).toEqual({});
    expect(parsed.bodyStartLine).toBe(3);
  });
});
