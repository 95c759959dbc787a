import type { Root } from 'mdast';

/** A file of content/media/ named by a content file, with where it is named. */
export interface MediaReference {
  /** Path from content/media/, e.g. `sample/coastal-village.jpg`. */
  path: string;
  line?: number | undefined;
  column?: number | undefined;
}

/** The prefix that points into content/media/ from a content file. */
export const mediaPrefix = '/media/';

/**
 * Every `/media/…` file a body names: Figure sources, Markdown images and links (a PDF, say).
 *
 * @example
 * mediaReferences(tree) // [{ path: 'sample/coastal-village.jpg', line: 35, column: 1 }]
 */
export function mediaReferences(tree: Root): MediaReference[] {
  const references: MediaReference[] = [];
  const add = (url: unknown, node: { position?: { start: { line: number; column: number } } | undefined }) => {
    if (typeof url !== 'string' || !url.startsWith(mediaPrefix)) return;
    const path = decodeURI(url.slice(mediaPrefix.length).split(/[?#]/)[0]!);
    references.push({ path, line: node.position?.start.line, column: node.position?.start.column });
  };
  // A plain walk in document order (what unist-util-visit did, at a tenth of the cost: this runs on every file).
  type Walked = { type: string; children?: unknown[]; position?: { start: { line: number; column: number } } | undefined };
  const walk = (node: Walked): void => {
    // A plain string: the MDX node types are known only where remark-mdx's type augmentation is loaded.
    const type: string = node.type;
    if (type === 'image' || type === 'link' || type === 'definition') add((node as { url?: unknown }).url, node);
    if (type === 'mdxJsxFlowElement' || type === 'mdxJsxTextElement') {
      for (const attribute of (node as { attributes?: { type: string; name?: string; value?: unknown }[] }).attributes ?? []) {
        if (attribute.type === 'mdxJsxAttribute' && (attribute.name === 'src' || attribute.name === 'href')) add(attribute.value, node);
      }
    }
    if (node.children) for (const child of node.children as Walked[]) walk(child);
  };
  walk(tree);
  return references;
}
