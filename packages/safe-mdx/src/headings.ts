import type { Root } from 'mdast';
import type { MdastNode } from './mdx-node-types.ts';

/** A heading of a content body, with the `id` the renderer gives it. */
export interface HeadingInfo {
  /** 1 for `#`, 2 for `##`, … */
  depth: 1 | 2 | 3 | 4 | 5 | 6;
  /** The heading's text, without formatting. */
  text: string;
  /** The anchor: `## Background` → `background`, so `#background` links to it. */
  id: string;
}

/**
 * Makes heading ids: lowercase, spaces to hyphens, punctuation dropped, letters of every script kept (an Arabic
 * heading gets an Arabic id, which browsers handle in `#…` links), and a `-1`, `-2` suffix when one repeats.
 * One slugger per document, so that ids are unique within it.
 *
 * @example
 * const slug = createSlugger();
 * slug('Background'); // 'background'
 * slug('Background'); // 'background-1'
 * slug('خلفية عامة'); // 'خلفية-عامة'
 */
export function createSlugger(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const base =
      text
        .normalize('NFC')
        .toLowerCase()
        .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
        .trim()
        .replace(/\s+/g, '-') || 'section';
    let id = base;
    let count = seen.get(base) ?? 0;
    // A generated `background-1` must not collide with a heading that is literally "Background 1".
    while (seen.has(id)) id = `${base}-${++count}`;
    seen.set(base, count);
    seen.set(id, seen.get(id) ?? 0);
    return id;
  };
}

/**
 * The text of a node without formatting: text, inline code, image descriptions and the content of inline tags.
 *
 * @example
 * plainText(heading) // for `## *Key* figures` → 'Key figures'
 */
export function plainText(node: MdastNode): string {
  if ('value' in node && (node.type === 'text' || node.type === 'inlineCode')) return node.value;
  if (node.type === 'image') return node.alt ?? '';
  if (!('children' in node)) return '';
  let text = '';
  for (const child of node.children as MdastNode[]) text += plainText(child);
  return text;
}

/**
 * The headings of a body in document order, with the ids `renderSafeMdx` gives them. Used to build a table of
 * contents and to tell which sections of a translation changed.
 *
 * @example
 * extractHeadings(parseContentFile(file, '---\ntitle: x\n---\n## Background\n').tree)
 * // [{ depth: 2, text: 'Background', id: 'background' }]
 */
export function extractHeadings(tree: Root): HeadingInfo[] {
  const slug = createSlugger();
  const headings: HeadingInfo[] = [];
  const walk = (node: MdastNode): void => {
    if (node.type === 'heading') {
      const text = plainText(node).trim();
      headings.push({ depth: node.depth, text, id: slug(text) });
      return;
    }
    // The renderer places footnotes after the body, so their headings (if anyone ever writes one) come last there;
    // leaving them out here keeps every other id identical to the rendered one.
    if (node.type === 'footnoteDefinition' || !('children' in node)) return;
    for (const child of node.children as MdastNode[]) walk(child);
  };
  walk(tree);
  return headings;
}
