import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { checkSafeMdx, locateFrontmatter, parseContentFile, renderSafeMdx } from '@iom/safe-mdx';
import type { RenderOptions } from '@iom/safe-mdx';
import { quickParse } from '@iom/safe-mdx';
import { referenceRenderSafeMdx } from './reference-render.ts';
import { safeMdxTestFiles } from './safe-mdx-test-files.ts';

// The direct renderer must write, byte for byte, what mdast-util-to-hast + hast-util-to-html wrote (kept in
// reference-render.ts), under every kind of options the site passes.
const optionSets: [string, RenderOptions][] = [
  ['labels only', { labels: { source: 'Source:', footnotes: 'Footnotes', backToContent: 'Back to content' } }],
  [
    'everything the site passes, in Arabic',
    {
      labels: { source: 'المصدر:', footnotes: 'الحواشي', backToContent: 'العودة إلى النص' },
      siteOrigin: 'https://www.iom.int',
      eagerFirstImage: true,
      resolveImage: (src) => (src.startsWith('/') ? { src: `/newsroom${src}`, width: 1200, height: 800 } : undefined),
      linkRewriter: (url) => `/newsroom${url}`,
      renderContacts: () => '<section class="c-contacts">…</section>',
    },
  ],
  ['empty labels (the defaults of mdast-util-to-hast)', { labels: { source: '', footnotes: '', backToContent: '' }, resolveImage: () => ({ src: 'x.jpg', width: Number.NaN }) }],
];

function expectSameHtml(tree: Root): void {
  for (const [, options] of optionSets) {
    // Each renderer gets its own copy: the reference pipeline must not see anything the other did.
    expect(renderSafeMdx(structuredClone(tree), options)).toBe(referenceRenderSafeMdx(structuredClone(tree), options));
  }
}

describe('the renderer on the trees of the safe-mdx tests', () => {
  const cases = Object.entries(safeMdxTestFiles).flatMap(([from, texts]) => texts.map((text, index) => [`${from} #${index + 1}`, text] as const));

  it.each(cases)('%s', (_name, text) => {
    expectSameHtml(parseContentFile('content/releases/2016/x/en.mdx', text).tree);
  });

  it('covers trees the check accepts and trees it rejects', () => {
    const verdicts = cases.map(([, text]) => {
      const parsed = parseContentFile('content/releases/2016/x/en.mdx', text);
      return parsed.issues.length === 0 && checkSafeMdx('content/releases/2016/x/en.mdx', parsed.tree).length === 0;
    });
    expect(verdicts.filter(Boolean).length).toBeGreaterThan(10);
    expect(verdicts.filter((safe) => !safe).length).toBeGreaterThan(10);
  });
});

describe('the renderer on the content files, from either parser', () => {
  const contentDir = path.resolve(import.meta.dirname, '../../../../../content');
  const files = readdirSync(contentDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.mdx'))
    .map((entry) => path.join(entry.parentPath, entry.name));

  it.each(files.map((file) => [path.relative(contentDir, file), file]))('%s', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const remark = parseContentFile(file, text).tree;
    expectSameHtml(remark);
    const block = locateFrontmatter(text);
    const quick = block === undefined || block === 'unclosed' ? undefined : quickParse(text, block);
    expect(quick).toBeDefined();
    for (const [, options] of optionSets) expect(renderSafeMdx(quick as Root, options)).toBe(referenceRenderSafeMdx(remark, options));
  });
});

// Trees no test file writes but remark (or a hand-made tree) can hold: the rules of mdast-util-to-hast at their edges.
// Written as plain data: several of these trees are ones mdast's types would not let a parser build.
const text = (value: string) => ({ type: 'text', value });
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', children });
const synthetic: [string, unknown[]][] = [
  [
    'task list items, checked and not, tight and loose',
    [
      { type: 'list', ordered: false, spread: false, children: [{ type: 'listItem', checked: true, spread: false, children: [paragraph(text('done'))] }, { type: 'listItem', checked: false, spread: false, children: [] }] },
      { type: 'list', ordered: true, start: 0, spread: null, children: [{ type: 'listItem', checked: false, spread: null, children: [paragraph(text('a')), paragraph(text('b'))] }] },
    ],
  ],
  [
    'spaces after a hard break, in text and at the start of an element',
    [paragraph(text('a'), { type: 'break' }, text('  \tb'), { type: 'break' }, { type: 'emphasis', children: [text('   c')] }, { type: 'break' }, { type: 'link', url: '/x', title: null, children: [text(' d')] })],
  ],
  [
    'references without a definition are written back as text',
    [
      paragraph(
        { type: 'linkReference', identifier: 'a', label: 'A', referenceType: 'full', children: [text('one')] },
        text(' '),
        { type: 'linkReference', identifier: 'b', label: 'b', referenceType: 'collapsed', children: [{ type: 'emphasis', children: [text('two')] }] },
        { type: 'linkReference', identifier: 'c', referenceType: 'shortcut', children: [] },
        { type: 'imageReference', identifier: 'd', label: 'd', referenceType: 'full', alt: 'alt' },
        { type: 'imageReference', identifier: 'e', referenceType: 'shortcut', alt: null },
      ),
    ],
  ],
  [
    'definitions: the first one wins, case-insensitively, titles kept',
    [
      paragraph({ type: 'linkReference', identifier: 'r', label: 'R', referenceType: 'full', children: [text('report')] }, { type: 'imageReference', identifier: 'i', referenceType: 'full', alt: 'photo' }),
      { type: 'definition', identifier: 'R', url: 'https://example.org/a b', title: 'T "q"' },
      { type: 'definition', identifier: 'r', url: '/second', title: null },
      { type: 'definition', identifier: 'i', url: '/media/x.jpg', title: 'Photo' },
    ],
  ],
  [
    'footnotes: one referring to another, one whose last block is a list, one referred twice, one undefined',
    [
      paragraph(text('a'), { type: 'footnoteReference', identifier: 'x', label: 'x' }, text(' b'), { type: 'footnoteReference', identifier: 'y', label: 'Y' }, { type: 'footnoteReference', identifier: 'x', label: 'x' }, { type: 'footnoteReference', identifier: 'none', label: 'none' }),
      { type: 'footnoteDefinition', identifier: 'x', label: 'x', children: [paragraph(text('See'), { type: 'footnoteReference', identifier: 'z', label: 'z' })] },
      { type: 'footnoteDefinition', identifier: 'y', label: 'Y', children: [{ type: 'list', ordered: false, spread: false, children: [{ type: 'listItem', spread: false, children: [paragraph(text('item'))] }] }] },
      { type: 'footnoteDefinition', identifier: 'z', label: 'z', children: [paragraph({ type: 'emphasis', children: [text('deep')] })] },
      { type: 'footnoteDefinition', identifier: 'Ä ß', label: 'Ä ß', children: [] },
    ],
  ],
  [
    'tables with more and fewer cells than alignments',
    [
      {
        type: 'table',
        align: ['left', null, 'center'],
        children: [
          { type: 'tableRow', children: [{ type: 'tableCell', children: [text('a')] }, { type: 'tableCell', children: [text('b')] }] },
          { type: 'tableRow', children: [{ type: 'tableCell', children: [text('1')] }, { type: 'tableCell', children: [] }, { type: 'tableCell', children: [text('3')] }, { type: 'tableCell', children: [text('4')] }] },
        ],
      },
      { type: 'table', children: [{ type: 'tableRow', children: [{ type: 'tableCell', children: [text('only head')] }] }] },
    ],
  ],
  [
    'code, inline code, breaks, rules, quotes and deletions',
    [
      { type: 'code', lang: 'js', meta: 'title="x"', value: 'a < b && c' },
      { type: 'code', value: '' },
      paragraph({ type: 'inlineCode', value: 'a\nb' }, { type: 'delete', children: [text('old')] }),
      { type: 'thematicBreak' },
      { type: 'blockquote', children: [paragraph(text('quoted')), { type: 'blockquote', children: [] }] },
    ],
  ],
  [
    'escaping in text and attributes, and URLs that need encoding',
    [
      paragraph(text('<b> & "q" \'s\' `t`')),
      paragraph({ type: 'link', url: 'https://example.org/ä b?q=%20&r=%zz', title: 'a "b" & \'c\' `d` \u0000', children: [text('x')] }),
      paragraph({ type: 'link', url: '< https://example.org>', title: null, children: [text('odd')] }, { type: 'image', url: '/media/a b.jpg', alt: 'a & "b"', title: null }),
      paragraph({ type: 'link', url: '\uD83D\uDE00/\uD800', title: null, children: [text('emoji')] }),
    ],
  ],
  [
    'a void tag with content, unknown nodes and raw HTML',
    [
      { type: 'mdxJsxFlowElement', name: 'br', attributes: [], children: [text('x')] },
      { type: 'html', value: '<b>raw</b>' },
      { type: 'math', value: 'x' },
      { type: 'mdxJsxFlowElement', name: 'Contacts', attributes: [], children: [] },
    ],
  ],
];

describe('the renderer on trees at the edges of mdast-util-to-hast', () => {
  it.each(synthetic)('%s', (_name, children) => {
    expectSameHtml({ type: 'root', children } as Root);
  });
});
