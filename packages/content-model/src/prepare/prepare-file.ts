import type { Root } from 'mdast';
import { sourceFingerprint } from '../content-hash.ts';
import type { ContentIssue } from '../content-issue.ts';
import type { FieldPosition } from '../frontmatter-issues.ts';
import { mediaReferences, type MediaReference } from '../media-references.ts';
import { checkSafeMdx, decodeContentSource, parseContentFile, plainText, renderSafeMdx, type RenderLabels } from '../mdx/index.ts';
import { withBase } from '../urls.ts';
import type { MdastNode } from '../mdx/mdx-node-types.ts';

/**
 * What the build needs to keep of one MDX content file once it has been read, checked and rendered. Plain data
 * (JSON), so it can come back from a worker thread and be cached by the file's hash: an unchanged file is never
 * parsed twice.
 */
export interface PreparedFile {
  /** Problems of the file itself: encoding, frontmatter syntax, MDX syntax, unsafe constructs. */
  issues: ContentIssue[];
  /** Parsed frontmatter fields, not yet validated. */
  frontmatter: Record<string, unknown> | undefined;
  /** Line and column of every frontmatter field, by dotted path (`''` is the top of the block). */
  positions: Record<string, { line: number; column: number }>;
  /** Fingerprint of the file's title, summary and body, as a translation records it. */
  fingerprint: string;
  /** The body's words without markup, for the search index. */
  text: string;
  /** Files of content/media/ the body names. */
  media: MediaReference[];
  /** The rendered body, when rendering was asked for and the file is safe. */
  html?: string | undefined;
}

function collectPaths(value: unknown, prefix: string, into: string[]): void {
  if (Array.isArray(value)) value.forEach((item, index) => {
    const path = prefix ? `${prefix}.${index}` : String(index);
    into.push(path);
    collectPaths(item, path, into);
  });
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    into.push(path);
    collectPaths(item, path, into);
  }
}

/** Block-level text of a body, one line per paragraph, heading or list item: what search indexes. */
function searchText(tree: Root): string {
  const parts: string[] = [];
  const walk = (node: MdastNode) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      parts.push(plainText(node));
      return;
    }
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && 'attributes' in node) {
      for (const attribute of node.attributes) {
        if (attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string' && ['caption', 'label', 'value', 'cite', 'title', 'alt'].includes(attribute.name)) parts.push(attribute.value);
      }
    }
    if ('children' in node) for (const child of node.children as MdastNode[]) walk(child);
  };
  for (const child of tree.children as MdastNode[]) walk(child);
  return parts.join('\n').replace(/[ \t]+/g, ' ').trim();
}

/**
 * Reads one MDX content file from its bytes: decode (UTF-8 only), parse, check the safe dialect, collect the media
 * it names, fingerprint it, and render it when `render` is given and the file is safe. Never throws for content.
 *
 * @example
 * prepareFile('content/releases/2016/x/en.mdx', bytes, { labels, base: '/' }).issues // [] for a good file
 */
export function prepareFile(file: string, bytes: Uint8Array, render?: { labels: RenderLabels; base: string; contactsMarker: string }): PreparedFile {
  const decoded = decodeContentSource(file, bytes);
  if ('issue' in decoded) return { issues: [decoded.issue], frontmatter: undefined, positions: {}, fingerprint: '', text: '', media: [] };
  const parsed = parseContentFile(file, decoded.text);
  const positions: Record<string, FieldPosition & object> = {};
  const paths: string[] = [''];
  collectPaths(parsed.frontmatter, '', paths);
  for (const path of paths) {
    const at = parsed.fieldLines(path);
    if (at) positions[path] = at;
  }
  const data = parsed.frontmatter ?? {};
  const fingerprint = sourceFingerprint({
    title: typeof data.title === 'string' ? data.title : '',
    summary: typeof data.summary === 'string' ? data.summary : undefined,
    body: parsed.body,
  });
  if (parsed.issues.length > 0) return { issues: parsed.issues, frontmatter: parsed.frontmatter, positions, fingerprint, text: '', media: [] };
  const issues = checkSafeMdx(file, parsed.tree);
  // Root-relative links and images get the deployment's base (the site may live under /mirror/).
  const rooted = (url: string) => url.startsWith('/') && !url.startsWith('//');
  return {
    issues,
    frontmatter: parsed.frontmatter,
    positions,
    fingerprint,
    text: searchText(parsed.tree),
    media: mediaReferences(parsed.tree),
    html:
      render && issues.length === 0
        ? renderSafeMdx(parsed.tree, {
            labels: render.labels,
            renderContacts: () => render.contactsMarker,
            linkRewriter: (url) => (rooted(url) ? withBase(url, render.base) : url),
            resolveImage: (src) => (rooted(src) ? { src: withBase(src, render.base) } : undefined),
          })
        : undefined,
  };
}
