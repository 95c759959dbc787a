import { checkSafeMdx, decodeContentSource, parseContentFile, parseFrontmatter, type ContentIssue, type ParsedContentFile, type ParsedFrontmatter } from '@iom/safe-mdx';
import { renderBody, type PrepareRender } from './render-body.ts';

/** What checking a content file gives: its problems, and its frontmatter with where each field is written. */
export interface CheckedFile {
  /** Problems of the file itself: encoding, frontmatter syntax, MDX syntax, unsafe constructs. */
  issues: ContentIssue[];
  /** Parsed frontmatter fields, not yet validated. */
  frontmatter: Record<string, unknown> | undefined;
  /** Line and column of every frontmatter field, by dotted path (`''` is the top of the block). */
  positions: Record<string, { line: number; column: number }>;
  /** The body's HTML, as `prepareFile` renders it, when render settings were given and the file has no problem. */
  html?: string | undefined;
}

/**
 * The problems of one MDX content file, as `prepareFile` reports them, without fingerprinting it: what a translator's
 * browser runs as they type (no Node built-ins on the way). It always parses with remark, the parser of record:
 * `prepareFile` takes its quick path only for files without problems, and reports every problem from remark's tree,
 * so the issues are the same. Given `render`, a file without problems is also rendered as `prepareFile` renders it
 * (the quick parser builds remark's tree, so the HTML is the same): the workbench's live preview.
 *
 * @example
 * checkContentFile('content/releases/2016/x/fr.mdx', new TextEncoder().encode(text)).issues // [] for a good file
 * checkContentFile(file, bytes, bodyRenderSettings(strings.fr, '/')).html // '<p>…</p>'
 */
export function checkContentFile(file: string, bytes: Uint8Array, render?: PrepareRender): CheckedFile {
  const decoded = decodeContentSource(file, bytes);
  if ('issue' in decoded) return { issues: [decoded.issue], frontmatter: undefined, positions: {} };
  const frontmatter = parseFrontmatter(file, decoded.text);
  const { parsed, issues } = parseAndCheck(file, decoded.text, frontmatter);
  const html = render && issues.length === 0 ? renderBody(parsed.tree, render) : undefined;
  return { issues, frontmatter: frontmatter.data, positions: fieldPositions(frontmatter), ...(html === undefined ? {} : { html }) };
}

/**
 * remark's parse of a decoded file and its problems: the syntax problems (frontmatter, MDX, nesting), or when there
 * are none, what the safe-MDX check finds in the tree. `prepareFile`'s remark path and `checkContentFile` share it.
 */
export function parseAndCheck(file: string, text: string, frontmatter: ParsedFrontmatter): { parsed: ParsedContentFile; issues: ContentIssue[] } {
  const parsed = parseContentFile(file, text, frontmatter);
  return { parsed, issues: parsed.issues.length > 0 ? parsed.issues : checkSafeMdx(file, parsed.tree) };
}

/** Where each frontmatter field is written, by dotted path: `title`, `contacts.0.email`; `''` is the block. */
export function fieldPositions(frontmatter: ParsedFrontmatter): Record<string, { line: number; column: number }> {
  const positions: Record<string, { line: number; column: number }> = {};
  const paths: string[] = [''];
  collectPaths(frontmatter.data, '', paths);
  for (const path of paths) {
    const at = frontmatter.fieldLines(path);
    if (at) positions[path] = at;
  }
  return positions;
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
