import type { Root } from 'mdast';
import { classifyUrl } from './safe-url.ts';

/**
 * A file a content file names: a file of content/media/ (`/media/…`: Figure sources, Markdown images, links to a
 * PDF), or an image beside the content file, named by a path relative to its folder (`./photo.jpg`).
 */
export interface MediaReference {
  /** `media`: the path is from content/media/. `folder`: the path is from the content file's own folder. */
  from: 'media' | 'folder';
  /** `sample/coastal-village.jpg` (from content/media/), or `./photo.jpg` as written (from the file's folder). */
  path: string;
  line?: number | undefined;
  column?: number | undefined;
}

/** The prefix that points into content/media/ from a content file. */
export const mediaPrefix = '/media/';

/** Image files the site publishes in responsive sizes: what a relative image may be. */
export const imageExtensions = ['jpg', 'jpeg', 'png', 'webp', 'avif'] as const;

type Walked = { type: string; children?: unknown[]; position?: { start: { line: number; column: number } } | undefined };

/** A path relative to the content file (not `/…`, not `#…`, no scheme). */
const isRelativePath = (url: string) => !url.startsWith('/') && !url.startsWith('#') && !url.startsWith('\\') && classifyUrl(url).kind === 'relative';

/**
 * Every file a body names: `/media/…` files (Figure sources, Markdown images and links), and images given by a path
 * relative to the content file's folder (Figure sources, Markdown images, image references), in document order.
 *
 * @example
 * mediaReferences(tree) // [{ from: 'media', path: 'sample/coastal-village.jpg', line: 35, column: 1 }]
 */
export function mediaReferences(tree: Root): MediaReference[] {
  const references: MediaReference[] = [];
  const imageDefinitions: { identifier: string; url: string; node: Walked }[] = [];
  const imageReferences = new Set<string>();
  const add = (url: unknown, node: Walked, isImage: boolean) => {
    if (typeof url !== 'string') return;
    const at = { line: node.position?.start.line, column: node.position?.start.column };
    if (url.startsWith(mediaPrefix)) references.push({ from: 'media', path: decodeURI(url.slice(mediaPrefix.length).split(/[?#]/)[0]!), ...at });
    else if (isImage && isRelativePath(url)) references.push({ from: 'folder', path: url, ...at });
  };
  // A plain walk in document order (what unist-util-visit did, at a tenth of the cost: this runs on every file).
  const walk = (node: Walked): void => {
    // A plain string: the MDX node types are known only where remark-mdx's type augmentation is loaded.
    const type: string = node.type;
    if (type === 'image') add((node as { url?: unknown }).url, node, true);
    if (type === 'link') add((node as { url?: unknown }).url, node, false);
    if (type === 'imageReference') imageReferences.add(String((node as { identifier?: unknown }).identifier).toUpperCase());
    if (type === 'definition') {
      const { url, identifier } = node as { url?: unknown; identifier?: unknown };
      add(url, node, false);
      if (typeof url === 'string' && !url.startsWith(mediaPrefix)) imageDefinitions.push({ identifier: String(identifier).toUpperCase(), url, node });
    }
    if (type === 'mdxJsxFlowElement' || type === 'mdxJsxTextElement') {
      for (const attribute of (node as { attributes?: { type: string; name?: string; value?: unknown }[] }).attributes ?? []) {
        if (attribute.type === 'mdxJsxAttribute' && (attribute.name === 'src' || attribute.name === 'href')) add(attribute.value, node, attribute.name === 'src');
      }
    }
    if (node.children) for (const child of node.children as Walked[]) walk(child);
  };
  walk(tree);
  // A definition is an image's address only when an image reference uses it (`![alt][photo]`).
  for (const definition of imageDefinitions) {
    if (imageReferences.has(definition.identifier)) add(definition.url, definition.node, true);
  }
  return references;
}
