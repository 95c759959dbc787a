import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import { remarkGfmLite } from './remark-gfm-lite.ts';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { ContentIssue } from './content-issue.ts';
import { parseFrontmatter } from './frontmatter.ts';
import type { ParsedFrontmatter, SourcePoint } from './frontmatter.ts';
import { mdxSyntaxIssue } from './mdx-syntax-issue.ts';
import { bodyNestingIssue, treeNestingIssue } from './nesting-limit.ts';
import type { MdastNode } from './mdx-node-types.ts';

/** A content file split into its frontmatter and its body, both parsed, with every problem found on the way. */
export interface ParsedContentFile {
  /** The frontmatter fields, or `undefined` when the block is missing or cannot be read (see `issues`). */
  frontmatter: Record<string, unknown> | undefined;
  /** Line and column of a frontmatter field in the original file; `path` is dotted: `title`, `contacts.0.email`. */
  fieldLines: (path: string) => SourcePoint | undefined;
  /** The text after the frontmatter. */
  body: string;
  /** The file line where `body` starts. */
  bodyStartLine: number;
  /**
   * The body as the MDX compiler would see it, with positions in the original file (the frontmatter is part of the
   * tree as a `yaml` node). Empty when the body has a syntax error or nests too deeply: the problem is in `issues`.
   */
  tree: Root;
  /** Frontmatter and MDX syntax problems. Safety problems come from `checkSafeMdx`. */
  issues: ContentIssue[];
}

// Built once: the site parses about 20,000 files per build, and freezing a processor is not free. `parse` keeps no
// state between calls, so sharing it is safe. remark-mdx is what the MDX compiler uses, so we see exactly what it
// would see; we never run the compiler itself, so nothing in a content file is ever executed.
const parser = unified().use(remarkParse).use(remarkFrontmatter).use(remarkMdx).use(remarkGfmLite).freeze();

/**
 * Parses a decoded content file (see `decodeContentSource`): YAML frontmatter between `---` lines, then an MDX body.
 * Never throws for bad content; problems come back as issues with positions in the original file. A body nested
 * deeper than `maxNestingDepth` is not parsed (or its tree not kept): one issue says where, and the tree is empty. `frontmatter` is
 * the result of `parseFrontmatter(file, text)` when the caller already has it (it is not read twice).
 *
 * @example
 * const parsed = parseContentFile('content/releases/2016/x/en.mdx', '---\ntitle: Training\n---\n\n## Background\n');
 * parsed.frontmatter;          // { title: 'Training' }
 * parsed.fieldLines('title');  // { line: 2, column: 1 }
 * parsed.bodyStartLine;        // 4
 * parsed.tree.children[1];     // { type: 'heading', depth: 2, position: { start: { line: 5, column: 1 … } … } … }
 */
export function parseContentFile(file: string, text: string, frontmatter: ParsedFrontmatter = parseFrontmatter(file, text)): ParsedContentFile {
  const issues = [...frontmatter.issues];
  let tree: Root = { type: 'root', children: [] };
  // Nesting first: remark slows down more than linearly on deep nesting, and the tree walks here and after recurse.
  const tooDeep = bodyNestingIssue(file, text, frontmatter.bodyOffset);
  if (tooDeep) {
    issues.push(tooDeep);
  } else {
    try {
      // The whole file, not just the body: remark-frontmatter takes the `---` block out, and every position in the
      // tree is then a position in the file the translator has open.
      const parsed = parser.parse(text);
      const deepTree = treeNestingIssue(file, parsed);
      if (deepTree) {
        issues.push(deepTree);
      } else {
        unravelJsxParagraphs(parsed);
        tree = parsed;
      }
    } catch (error) {
      issues.push(mdxSyntaxIssue(file, text, error));
    }
  }
  return {
    frontmatter: frontmatter.data,
    fieldLines: frontmatter.fieldLines,
    body: text.slice(frontmatter.bodyOffset),
    bodyStartLine: frontmatter.bodyStartLine,
    tree,
    issues,
  };
}

/**
 * Does what the MDX compiler's `remark-mark-and-unravel` does: a paragraph that holds only JSX elements and
 * expressions (and white space) is replaced by them, as flow nodes. So `<PullQuote>Words</PullQuote>` on one line is
 * a block, as it would be when compiled, and not a quote inside a paragraph. Exported for `quickParse`, which must
 * build the same tree.
 *
 * @example
 * const tree = parser.parse('<PullQuote>Words</PullQuote>'); // root > paragraph > mdxJsxTextElement
 * unravelJsxParagraphs(tree);                                 // root > mdxJsxFlowElement
 */
export function unravelJsxParagraphs(parent: { children: MdastNode[] }): void {
  const children = parent.children;
  for (let index = 0; index < children.length; index++) {
    const node = children[index];
    if (node === undefined) continue;
    if (node.type === 'paragraph' && onlyJsx(node.children)) {
      const replacement: MdastNode[] = [];
      for (const child of node.children) {
        if (child.type === 'mdxJsxTextElement') replacement.push({ ...child, type: 'mdxJsxFlowElement' } as MdastNode);
        else if (child.type === 'mdxTextExpression') replacement.push({ ...child, type: 'mdxFlowExpression' });
        // Only HTML white space is dropped, as the MDX compiler does; anything else would have failed `onlyJsx`.
        else if (child.type !== 'text') replacement.push(child);
      }
      children.splice(index, 1, ...replacement);
      // Look at the unravelled elements too: their content may hold paragraphs of its own.
      index--;
      continue;
    }
    if ('children' in node) unravelJsxParagraphs(node);
  }
}

function onlyJsx(children: readonly MdastNode[]): boolean {
  let jsx = false;
  for (const child of children) {
    if (child.type === 'mdxJsxTextElement' || child.type === 'mdxTextExpression') jsx = true;
    // HTML white space only, like the MDX compiler: a no-break space is text, and keeps the paragraph.
    else if (child.type !== 'text' || !/^[\t\n\f\r ]*$/.test(child.value)) return false;
  }
  return jsx;
}
