import type { Root } from 'mdast';
import { locateFrontmatter, parseContentFile } from '@iom/safe-mdx';
import { quickParse } from '@iom/safe-mdx';
import { prepareFile, prepareFileWith } from '../../prepare/prepare-file.ts';
import type { PreparedFile, PrepareRender } from '../../prepare/prepare-file.ts';

/** Render labels in each language of the site, Arabic included, so that rendering is compared in all of them. */
export const renderFor: Readonly<Record<string, PrepareRender>> = {
  en: { labels: { source: 'Source:', footnotes: 'Footnotes', backToContent: 'Back to content' }, base: '/', contactsMarker: '<!--contacts-->' },
  fr: { labels: { source: 'Source :', footnotes: 'Notes', backToContent: 'Retour au texte' }, base: '/mirror/', contactsMarker: '<!--contacts-->' },
  es: { labels: { source: 'Fuente:', footnotes: 'Notas', backToContent: 'Volver al texto' }, base: '/', contactsMarker: '<!--contacts-->' },
  ar: { labels: { source: 'المصدر:', footnotes: 'الحواشي', backToContent: 'العودة إلى النص' }, base: '/newsroom/', contactsMarker: '<!--contacts-->' },
};

/** The language of a content path (`…/ar.mdx` → `ar`), English when unknown. */
export function languageOf(file: string): string {
  const match = /(?:^|\/)(en|fr|es|ar)\.mdx$/.exec(file);
  return match?.[1] ?? 'en';
}

// Node types whose position the quick tree carries (mediaReferences reports them); elsewhere it has none.
const positioned = new Set(['mdxJsxFlowElement', 'mdxJsxTextElement', 'link', 'image']);

/** remark's tree, with positions kept only where the quick tree has them too (and none on attributes). */
function comparable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(comparable);
  if (node === null || typeof node !== 'object') return node;
  const record = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'position' && !positioned.has(String(record.type))) continue;
    out[key] = comparable(value);
  }
  return out;
}

/** What each parser makes of a whole file: the quick tree (or `undefined` and why), and remark's comparable tree. */
export function treesOf(text: string): { quick: Root | undefined; bail: string | undefined; remark: unknown; remarkIssues: number } {
  const block = locateFrontmatter(text);
  let bail: string | undefined;
  const quick = block === undefined || block === 'unclosed' ? undefined : quickParse(text, block, (reason) => (bail = reason));
  const parsed = parseContentFile('content/x/en.mdx', text);
  return { quick, bail, remark: comparable(parsed.tree), remarkIssues: parsed.issues.length };
}

/** `prepareFile` through each parser, and as the site calls it. */
export function preparedBothWays(file: string, text: string): { quick: PreparedFile | undefined; remark: PreparedFile | undefined; auto: PreparedFile } {
  const bytes = new TextEncoder().encode(text);
  const render = renderFor[languageOf(file)];
  return {
    quick: prepareFileWith('quick', file, bytes, render),
    remark: prepareFileWith('remark', file, bytes, render),
    auto: prepareFile(file, bytes, render),
  };
}

/** A body under the two-line frontmatter the safe-mdx tests use (the body starts on line 4). */
export function fileWith(body: string): string {
  return `---\ntitle: Test\n---\n${body}`;
}
