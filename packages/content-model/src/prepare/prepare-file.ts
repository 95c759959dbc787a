import type { Root } from 'mdast';
import { sourceFingerprint } from '../content-hash.ts';
import type { ContentIssue } from '@iom/safe-mdx';
import { fieldPositions, parseAndCheck } from './check-file.ts';
import { mediaReferences, type MediaReference } from '@iom/safe-mdx';
import { checkSafeMdx, decodeContentSource, locateFrontmatter, parseFrontmatter, plainText } from '@iom/safe-mdx';
import type { ParsedFrontmatter } from '@iom/safe-mdx';
import { renderBody, type PrepareRender } from './render-body.ts';
import type { MdastNode } from '@iom/safe-mdx';
import { bodyNestingIssue, treeNestingIssue } from '@iom/safe-mdx';
import { quickParse } from '@iom/safe-mdx';

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

/** Attributes whose words readers see, so search finds them. */
const searchedAttributes = new Set(['caption', 'label', 'value', 'cite', 'title', 'alt']);

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
        if (attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string' && searchedAttributes.has(attribute.name)) parts.push(attribute.value);
      }
    }
    if ('children' in node) for (const child of node.children as MdastNode[]) walk(child);
  };
  for (const child of tree.children as MdastNode[]) walk(child);
  // Runs of spaces and tabs become one space. Matching only runs of two or more (and lone tabs) gives the same text
  // as replacing every run, without rewriting each of the thousand single spaces of a release.
  return parts.join('\n').replace(/[ \t]{2,}|\t/g, ' ').trim();
}

export type { PrepareRender } from './render-body.ts';

/** Which parser prepared a file: `quick` (the common subset, see `quickParse`) or `remark` (everything). */
export type PrepareParser = 'quick' | 'remark';

/**
 * Reads one MDX content file from its bytes: decode (UTF-8 only), parse, check the safe dialect, collect the media
 * it names, fingerprint it, and render it when `render` is given and the file is safe. Never throws for content.
 *
 * Most files are parsed by `quickParse`, some fifty times faster than remark; a file it does not handle with
 * certainty, or in which the check finds a problem (so that messages carry remark's exact positions), goes through
 * remark. The result is the same either way, which the differential tests check on every content file.
 *
 * @example
 * prepareFile('content/releases/2016/x/en.mdx', bytes, { labels, base: '/', contactsMarker }).issues // [] for a good file
 */
export function prepareFile(file: string, bytes: Uint8Array, render?: PrepareRender): PreparedFile {
  const decoded = decodeContentSource(file, bytes);
  if ('issue' in decoded) return undecodable(decoded.issue);
  const frontmatter = parseFrontmatter(file, decoded.text);
  return prepareQuick(file, decoded.text, frontmatter, render) ?? prepareWithRemark(file, decoded.text, frontmatter, render);
}

/**
 * `prepareFile` with one parser only, for the differential tests and the benchmark: `'remark'` always prepares the
 * file; `'quick'` returns `undefined` when `prepareFile` would have fallen back to remark.
 *
 * @example
 * prepareFileWith('quick', file, bytes) ?? 'left to remark'
 */
export function prepareFileWith(parser: PrepareParser, file: string, bytes: Uint8Array, render?: PrepareRender): PreparedFile | undefined {
  const decoded = decodeContentSource(file, bytes);
  if ('issue' in decoded) return undecodable(decoded.issue);
  const frontmatter = parseFrontmatter(file, decoded.text);
  return parser === 'quick' ? prepareQuick(file, decoded.text, frontmatter, render) : prepareWithRemark(file, decoded.text, frontmatter, render);
}

function undecodable(issue: ContentIssue): PreparedFile {
  return { issues: [issue], frontmatter: undefined, positions: {}, fingerprint: '', text: '', media: [] };
}

function prepareQuick(file: string, text: string, frontmatter: ParsedFrontmatter, render: PrepareRender | undefined): PreparedFile | undefined {
  // A broken frontmatter block is reported with the body's syntax problems, which only remark can tell.
  if (frontmatter.issues.length > 0) return undefined;
  const block = locateFrontmatter(text);
  if (block === undefined || block === 'unclosed') return undefined;
  // Too deep a body is reported by the remark path, which does not parse it either.
  if (bodyNestingIssue(file, text, block.bodyOffset)) return undefined;
  const tree = quickParse(text, block);
  if (tree === undefined || treeNestingIssue(file, tree)) return undefined;
  // The quick tree has no positions on most nodes; a problem is reported from remark's tree instead.
  if (checkSafeMdx(file, tree).length > 0) return undefined;
  return prepared(frontmatter, text.slice(frontmatter.bodyOffset), tree, [], render);
}

function prepareWithRemark(file: string, text: string, frontmatter: ParsedFrontmatter, render: PrepareRender | undefined): PreparedFile {
  const { parsed, issues } = parseAndCheck(file, text, frontmatter);
  if (parsed.issues.length > 0) {
    const { positions, fingerprint } = describeSource(frontmatter, parsed.body);
    return { issues, frontmatter: parsed.frontmatter, positions, fingerprint, text: '', media: [] };
  }
  return prepared(frontmatter, parsed.body, parsed.tree, issues, render);
}

/** Where each frontmatter field is written, and the fingerprint a translation records. */
function describeSource(frontmatter: ParsedFrontmatter, body: string): Pick<PreparedFile, 'positions' | 'fingerprint'> {
  const positions = fieldPositions(frontmatter);
  const data = frontmatter.data ?? {};
  const fingerprint = sourceFingerprint({
    title: typeof data.title === 'string' ? data.title : '',
    summary: typeof data.summary === 'string' ? data.summary : undefined,
    body,
  });
  return { positions, fingerprint };
}

function prepared(frontmatter: ParsedFrontmatter, body: string, tree: Root, issues: ContentIssue[], render: PrepareRender | undefined): PreparedFile {
  const { positions, fingerprint } = describeSource(frontmatter, body);
  return {
    issues,
    frontmatter: frontmatter.data,
    positions,
    fingerprint,
    text: searchText(tree),
    media: mediaReferences(tree),
    html: render && issues.length === 0 ? renderBody(tree, render) : undefined,
  };
}
