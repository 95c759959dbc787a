import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseContentFile } from '@iom/safe-mdx';
import { bodyNestingIssue, maxNestingDepth, treeNestingIssue } from '@iom/safe-mdx';
import { prepareFile, prepareFileWith } from '../../prepare/prepare-file.ts';
import type { PrepareRender } from '../../prepare/prepare-file.ts';
import { withBase } from '../../urls.ts';
import { referenceRenderSafeMdx } from '../quick-path/reference-render.ts';

// A body nested too deeply (pasted e-mail quotations, a list of thousands of "- ") is one clear issue at the place
// the limit is passed, found before any parser sees it; a body at the limit is accepted and rendered as always.

const file = 'content/releases/2016/iom-unhcr-train-libyan-partners/en.mdx';
const render: PrepareRender = { labels: { source: 'Source:', footnotes: 'Footnotes', backToContent: 'Back to content' }, base: '/', contactsMarker: '<!--contacts-->' };
const utf8 = (text: string) => new TextEncoder().encode(text);
/** The body starts on line 4 of the file, under a two-field frontmatter block. */
const fileWith = (body: string) => `---\ntitle: Test\n---\n${body}`;
const prepare = (body: string) => prepareFile(file, utf8(fileWith(body)), render);

/** Bodies nested `levels` deep, one for each way a translator can nest. */
const nested: Record<string, (levels: number) => string> = {
  'lists, one line per level': (levels) => Array.from({ length: levels }, (_, level) => `${'  '.repeat(level)}- Level ${level + 1}\n`).join(''),
  'lists, all markers on one line': (levels) => `${'- '.repeat(levels)}Item\n`,
  'numbered lists': (levels) => Array.from({ length: levels }, (_, level) => `${'   '.repeat(level)}1. Level ${level + 1}\n`).join(''),
  quotations: (levels) => `${'> '.repeat(levels)}Quoted\n`,
  'quotations and lists in turn': (levels) => `${Array.from({ length: levels }, (_, level) => (level % 2 ? '- ' : '> ')).join('')}Text\n`,
  components: (levels) => `${'<Callout>\n\n'.repeat(levels)}Text\n\n${'</Callout>\n\n'.repeat(levels)}`,
  'inline tags': (levels) => `Text ${'<abbr title="T">'.repeat(levels)}IDP${'</abbr>'.repeat(levels)} more\n`,
  emphasis: (levels) => `${'*a '.repeat(levels)}b${' c*'.repeat(levels)}\n`,
  'bold and italic in turn': (levels) => {
    const marks = Array.from({ length: levels }, (_, level) => (level % 2 ? '**' : '*'));
    return `${marks.map((mark) => `${mark}a `).join('')}b${marks.reverse().map((mark) => ` c${mark}`).join('')}\n`;
  },
  'link texts': (levels) => `${'['.repeat(levels)}text${'](/en/news)'.repeat(levels)}\n`,
  footnotes: (levels) => `Text[^1]\n\n${'[^1]: '.repeat(levels)}Note\n`,
};

describe('a body nested past the limit', () => {
  it('is one issue at the quotation that passes the limit, with the limit and a fix', () => {
    expect(prepare(`Intro.\n\n${'> '.repeat(40)}Quoted\n`).issues).toEqual([
      {
        file,
        line: 6,
        column: 2 * maxNestingDepth + 1,
        field: 'body',
        message: `The text here is nested ${maxNestingDepth + 1} levels deep (quotations ${maxNestingDepth + 1}); a page can have at most ${maxNestingDepth}.`,
        fix: 'Each ">" at the start of a line puts the text in one more quotation. Write a single ">" before a quotation (or use <PullQuote>…</PullQuote>); if the text was pasted from an e-mail, delete the extra ">" signs.',
      },
    ]);
  });

  it('names the line of the list item that passes the limit, and what is nested', () => {
    const [issue, ...others] = prepare(nested['lists, one line per level']!(3000)).issues;
    expect(others).toEqual([]);
    expect(issue).toEqual({
      file,
      line: 4 + maxNestingDepth,
      column: 2 * maxNestingDepth + 1,
      field: 'body',
      message: `The text here is nested ${maxNestingDepth + 1} levels deep (lists ${maxNestingDepth + 1}); a page can have at most ${maxNestingDepth}.`,
      fix: 'Each "- " or "1. " at the start of an item, or inside another item, starts one more list. Write "- Item", and "  - Sub-item" (two spaces first) for a sub-item; if the text was pasted, delete the extra "- " signs.',
    });
  });

  it('counts every kind together, and gives the fix for the one that passes the limit', () => {
    const body = `<Callout>\n\n${'> '.repeat(20)}${'- '.repeat(8)}**a *b [c <abbr>d</abbr>](/en)*\n\n</Callout>\n`;
    expect(prepare(body).issues).toEqual([
      {
        file,
        line: 6,
        column: 67,
        field: 'body',
        message: `The text here is nested 33 levels deep (quotations 20, lists 8, components or tags 2, emphasis 2, link texts 1); a page can have at most ${maxNestingDepth}.`,
        fix: 'Close each component or tag before opening the next one: <Callout>…</Callout>. A tag without content ends with />, for example <Figure … /> or <br />.',
      },
    ]);
  });

  it.each(Object.entries(nested))('%s: one issue naming the limit, at the line where it is passed', (_name, body) => {
    const issues = prepare(`Intro.\n\n${body(3000)}`).issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file, field: 'body' });
    expect(issues[0]?.line).toBeGreaterThanOrEqual(6);
    expect(issues[0]?.column).toBeGreaterThanOrEqual(1);
    expect(issues[0]?.message).toContain(`a page can have at most ${maxNestingDepth}.`);
  });

  it.each(Object.entries(nested))('%s: the quick path and remark report the same', (_name, body) => {
    const bytes = utf8(fileWith(body(maxNestingDepth + 1)));
    expect(prepareFileWith('quick', file, bytes, render)).toBeUndefined();
    expect(prepareFile(file, bytes, render)).toEqual(prepareFileWith('remark', file, bytes, render));
    expect(parseContentFile(file, fileWith(body(maxNestingDepth + 1))).tree.children).toEqual([]);
  });
});

describe('a body at the limit', () => {
  // What prepareFile passes to the renderer, given to the reference renderer (the old hast pipeline) instead.
  const rooted = (url: string) => url.startsWith('/') && !url.startsWith('//');
  const referenceHtml = (text: string) =>
    referenceRenderSafeMdx(parseContentFile(file, text).tree, {
      labels: render.labels,
      renderContacts: () => render.contactsMarker,
      linkRewriter: (url) => (rooted(url) ? withBase(url, render.base) : url),
      resolveImage: (src) => (rooted(src) ? { src: withBase(src, render.base) } : undefined),
    });

  it.each(Object.entries(nested))('%s: is accepted and rendered as before the limit existed', (_name, body) => {
    const text = fileWith(body(maxNestingDepth));
    const prepared = prepareFile(file, utf8(text), render);
    expect(prepared.issues).toEqual([]);
    expect(prepared.html).toBe(referenceHtml(text));
    expect(prepared).toEqual(prepareFileWith('remark', file, utf8(text), render));
  });

  it('really is nested that deep', () => {
    const html = prepare(nested['lists, one line per level']!(maxNestingDepth)).html ?? '';
    expect(html.match(/<ul>/g)).toHaveLength(maxNestingDepth);
    expect(prepare(nested.quotations!(maxNestingDepth)).html?.match(/<blockquote>/g)).toHaveLength(maxNestingDepth);
    expect(prepare(nested.components!(maxNestingDepth)).html?.match(/<aside/g)).toHaveLength(maxNestingDepth);
    expect(prepare(nested.emphasis!(maxNestingDepth)).html?.match(/<em>/g)).toHaveLength(maxNestingDepth);
  });
});

describe('files of a megabyte nested past the limit', () => {
  // No time is asserted (the test's default timeout is the only bound); the figures are in packages/bench/README.md.
  const megabyte = (unit: string, tail = 'Text\n') => `${unit.repeat(Math.floor(1_000_000 / unit.length))}${tail}`;
  const pathological: [string, string][] = [
    ['"- " repeated', megabyte('- ')],
    ['"1. " repeated', megabyte('1. ')],
    ['"> " repeated', megabyte('> ')],
    ['">" repeated', megabyte('>')],
    ['"> - " repeated', megabyte('> - ')],
    ['lines indented one level more each', Array.from({ length: 1000 }, (_, level) => `${'  '.repeat(level)}- a\n`).join('')],
    ['<Callout> lines', megabyte('<Callout>\n')],
    ['<abbr> tags', megabyte('<abbr>')],
    ['"*a " repeated (never closed)', megabyte('*a ')],
    ['"*" repeated', megabyte('*', 'a\n')],
    ['"[" repeated', megabyte('[')],
    ['"![" repeated', megabyte('![')],
    ['"[^1]: " repeated', megabyte('[^1]: ')],
  ];

  it.each(pathological)('%s: returns the issue', (_name, body) => {
    expect(body.length).toBeGreaterThan(900_000);
    const issues = prepare(body).issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file, field: 'body' });
    expect(issues[0]?.line).toBeGreaterThanOrEqual(4);
    expect(issues[0]?.message).toContain(`a page can have at most ${maxNestingDepth}.`);
  });
});

describe('the check of a parsed tree', () => {
  /** A tree of `levels` nested block quotes, built without recursion, each at line `level + 1`. */
  function quotes(levels: number): Root {
    const root: Root = { type: 'root', children: [] };
    let parent: { children: unknown[] } = root;
    for (let level = 0; level < levels; level++) {
      const quote = { type: 'blockquote', children: [], position: { start: { line: level + 1, column: 1 }, end: { line: level + 1, column: 2 } } };
      parent.children.push(quote);
      parent = quote;
    }
    parent.children.push({ type: 'paragraph', children: [{ type: 'text', value: 'deep' }] });
    return root;
  }

  it('accepts a tree at the limit', () => {
    expect(treeNestingIssue(file, quotes(maxNestingDepth))).toBeUndefined();
  });

  it('reports the node that passes the limit, at its position, without recursing', () => {
    expect(treeNestingIssue(file, quotes(200_000))).toMatchObject({
      file,
      line: maxNestingDepth + 1,
      column: 1,
      field: 'body',
      message: `The text here is nested ${maxNestingDepth + 1} levels deep (quotations ${maxNestingDepth + 1}); a page can have at most ${maxNestingDepth}.`,
    });
  });

  it('counts siblings once: many short lists and quotes side by side are not deep', () => {
    const wide = fileWith('> a\n\n- b\n\n'.repeat(500));
    expect(bodyNestingIssue(file, wide, wide.indexOf('> a'))).toBeUndefined();
    expect(treeNestingIssue(file, parseContentFile(file, wide).tree)).toBeUndefined();
  });
});
