import type { Root } from 'mdast';
import type { ContentIssue } from './content-issue.ts';
import { delimiterRunSides, kindOf } from './character-kind.ts';
import type { MdastNode } from './mdx-node-types.ts';

/**
 * How deeply a body may nest quotations, lists, footnotes, components and tags, emphasis and link texts inside one
 * another, all kinds counted together. Real texts stay under ten (a list in a list in a <Callout>, with a bold
 * link in it, is five); text pasted from an e-mail or a PDF can bring hundreds of ">" or "- ", on which the parsers
 * become slow and the recursive walks of the tree (check, render, search text) run out of stack.
 */
export const maxNestingDepth = 32;

/** What a level of nesting is, as a translator writes it. */
export type NestingKind = 'quote' | 'list' | 'footnote' | 'component' | 'emphasis' | 'link';

/** Levels of each kind open at one place of a body. */
export type NestingLevels = Record<NestingKind, number>;

const noLevels = (): NestingLevels => ({ quote: 0, list: 0, footnote: 0, component: 0, emphasis: 0, link: 0 });

/**
 * Refuses a body nested deeper than `maxNestingDepth` before any parser sees it: one linear pass over the text that
 * follows the containers line by line (`>`, list markers and the indentation that continues an item, `[^note]:`),
 * counts open JSX tags, and, within a paragraph, open emphasis runs and `[` brackets. It may count a level more than
 * the parsers build (a tag inside code, a `*` that never pairs), never one less for containers and tags; emphasis
 * follows micromark's flanking rules but not every detail, which `treeNestingIssue` makes up for on the tree.
 * Returns one issue, at the first place the limit is passed, or `undefined`.
 *
 * @example
 * bodyNestingIssue('content/a/en.mdx', '---\ntitle: x\n---\n' + '> '.repeat(40) + 'Quoted.\n', 17)
 * // { file: 'content/a/en.mdx', line: 4, column: 65, field: 'body', message: 'The text here is nested 33 levels deep (quotations 33); a page can have at most 32.', fix: 'Each ">" …' }
 */
export function bodyNestingIssue(file: string, text: string, bodyOffset: number): ContentIssue | undefined {
  const overflow = new BodyNestingScan(text).scan(bodyOffset);
  if (overflow === undefined) return undefined;
  const { line, column } = pointOf(text, overflow.offset);
  return nestingIssue(file, line, column, overflow.levels, overflow.kind);
}

/**
 * The exact check on a parsed tree, without recursion: the first node (in document order) at which more than
 * `maxNestingDepth` quotations, lists, footnotes, elements, emphasis and links are open, as an issue at its position.
 * Every recursive walk of a tree (the check, the renderer, search text, media, headings) runs only on trees that
 * passed it, so none goes deeper than about three nodes per level.
 *
 * @example
 * treeNestingIssue('content/a/en.mdx', parseContentFile(file, text).tree) // undefined for any real text
 */
export function treeNestingIssue(file: string, tree: Root): ContentIssue | undefined {
  const path: { node: MdastNode; next: number; kind: NestingKind | undefined }[] = [{ node: tree, next: 0, kind: undefined }];
  let depth = 0;
  while (path.length > 0) {
    const frame = path[path.length - 1] as (typeof path)[number];
    const children = 'children' in frame.node ? (frame.node.children as MdastNode[]) : [];
    const child = children[frame.next++];
    if (child === undefined) {
      path.pop();
      if (frame.kind) depth--;
      continue;
    }
    if (!('children' in child)) continue;
    const kind = nodeKinds.get(child.type);
    if (kind) depth++;
    if (depth > maxNestingDepth && kind) {
      const levels = noLevels();
      for (const { kind: open } of path) if (open) levels[open]++;
      levels[kind]++;
      const start = child.position?.start;
      return nestingIssue(file, start?.line, start?.column, levels, kind);
    }
    path.push({ node: child, next: 0, kind });
  }
  return undefined;
}

const nodeKinds: ReadonlyMap<string, NestingKind> = new Map([
  ['blockquote', 'quote'],
  ['list', 'list'],
  ['footnoteDefinition', 'footnote'],
  ['mdxJsxFlowElement', 'component'],
  ['mdxJsxTextElement', 'component'],
  ['emphasis', 'emphasis'],
  ['strong', 'emphasis'],
  ['delete', 'emphasis'],
  ['link', 'link'],
  ['linkReference', 'link'],
]);

const levelNames: Record<NestingKind, string> = {
  quote: 'quotations',
  list: 'lists',
  footnote: 'footnotes',
  component: 'components or tags',
  emphasis: 'emphasis',
  link: 'link texts',
};

// The fix for the kind of level that passed the limit: what the translator finds at the line and column.
const nestingFixes: Record<NestingKind, string> = {
  quote:
    'Each ">" at the start of a line puts the text in one more quotation. Write a single ">" before a quotation (or use <PullQuote>…</PullQuote>); if the text was pasted from an e-mail, delete the extra ">" signs.',
  list: 'Each "- " or "1. " at the start of an item, or inside another item, starts one more list. Write "- Item", and "  - Sub-item" (two spaces first) for a sub-item; if the text was pasted, delete the extra "- " signs.',
  footnote: 'Write each footnote on a line of its own, starting at the beginning of the line: [^1]: The text of the note.',
  component:
    'Close each component or tag before opening the next one: <Callout>…</Callout>. A tag without content ends with />, for example <Figure … /> or <br />.',
  emphasis:
    'Close each * or _ that starts emphasis in the same paragraph: *italic*, **bold**. To show an asterisk or an underscore as text, write \\* or \\_.',
  link: 'Close each [ with ]: [link text](https://…). To show a square bracket as text, write \\[ and \\].',
};

function nestingIssue(file: string, line: number | undefined, column: number | undefined, levels: NestingLevels, kind: NestingKind): ContentIssue {
  const parts = (Object.keys(levelNames) as NestingKind[]).filter((name) => levels[name] > 0).map((name) => `${levelNames[name]} ${levels[name]}`);
  const total = Object.values(levels).reduce((sum, count) => sum + count, 0);
  return {
    file,
    line,
    column,
    field: 'body',
    message: `The text here is nested ${total} levels deep (${parts.join(', ')}); a page can have at most ${maxNestingDepth}.`,
    fix: nestingFixes[kind],
  };
}

function pointOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return { line, column: offset - (text.lastIndexOf('\n', offset - 1) + 1) + 1 };
}

// ---------------------------------------------------------------------------------------------------------------
// The scan of the text

const Code = {
  tab: 9,
  lineFeed: 10,
  space: 32,
  hash: 35,
  rightParen: 41,
  asterisk: 42,
  plus: 43,
  dash: 45,
  dot: 46,
  slash: 47,
  digit0: 48,
  digit9: 57,
  colon: 58,
  lessThan: 60,
  greaterThan: 62,
  leftBracket: 91,
  backslash: 92,
  rightBracket: 93,
  caret: 94,
  underscore: 95,
  backtick: 96,
  leftBrace: 123,
  rightBrace: 125,
  tilde: 126,
  verticalBar: 124,
} as const;

interface Overflow {
  offset: number;
  levels: NestingLevels;
  kind: NestingKind;
}

/** An open container: a quotation, or a list item or footnote with the indentation (in columns) that continues it. */
interface OpenContainer {
  kind: 'quote' | 'list' | 'footnote';
  indent: number;
}

function isSpaceOrTab(code: number): boolean {
  return code === Code.space || code === Code.tab;
}

function isAsciiPunctuation(code: number): boolean {
  return (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126);
}

/** A character that can start a JSX name, as remark-mdx reads one (any non-ASCII letter included). */
function isNameStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 36 || code === Code.underscore || code >= 128;
}

// What the inline part of the scan stops at; everything else is plain text.
const inlineSpecial = /[*_~[\]<\\\n]/g;

class BodyNestingScan {
  private readonly text: string;
  private readonly containers: OpenContainer[] = [];
  private readonly levels: NestingLevels = noLevels();
  /** Open emphasis runs of each marker in the current paragraph (emphasis levels are their sum). */
  private stars = 0;
  private underscores = 0;
  private tildes = 0;
  private paragraph = false;
  /** The fence of the code block the scan is in (its character and length), which holds no Markdown. */
  private fence: { code: number; length: number } | undefined;
  private overflow: Overflow | undefined;
  /** What `isThematicBreak` found on the line ending at `breakLineEnd` for `breakCode`, from `breakFrom` on. */
  private breakLineEnd = -1;
  private breakCode = 0;
  private breakFrom = 0;
  private breakCount = 0;

  constructor(text: string) {
    this.text = text;
  }

  scan(start: number): Overflow | undefined {
    const { text } = this;
    let lineStart = start;
    while (lineStart < text.length && this.overflow === undefined) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd === -1) lineEnd = text.length;
      lineStart = this.line(lineStart, lineEnd);
    }
    return this.overflow;
  }

  private depth(): number {
    const { levels } = this;
    return levels.quote + levels.list + levels.footnote + levels.component + levels.emphasis + levels.link;
  }

  /** Adds `count` levels of `kind` opened at `offset`; records the first place the limit is passed. */
  private open(kind: NestingKind, offset: number, count = 1): void {
    this.levels[kind] += count;
    if (this.overflow === undefined && this.depth() > maxNestingDepth) this.overflow = { offset, levels: { ...this.levels }, kind };
  }

  /** Handles the line [start, end); returns where the next line starts (later, when a tag spans lines). */
  private line(start: number, end: number): number {
    const { text, containers } = this;
    // The containers this line continues: a quotation by its ">", an item or footnote by its indentation (any blank
    // line too, which is generous: micromark ends an item after two).
    let at = start;
    let matched = 0;
    for (; matched < containers.length; matched++) {
      const container = containers[matched] as OpenContainer;
      const content = this.skipSpaces(at, end);
      if (container.kind === 'quote') {
        if (text.charCodeAt(content) !== Code.greaterThan) break;
        at = content + 1;
        if (isSpaceOrTab(text.charCodeAt(at))) at++;
        continue;
      }
      if (content === end) continue;
      if (this.columns(at, content) < container.indent) break;
      at = this.advanceColumns(at, container.indent);
    }

    const continued = matched === containers.length;
    if (this.fence) {
      if (continued) {
        // Inside fenced code nothing is Markdown; a fence as long as the opening one, alone on its line, ends it.
        const content = this.skipSpaces(at, end);
        const length = this.fenceLength(content, end, this.fence.code);
        if (length >= this.fence.length && this.skipSpaces(content + length, end) === end) this.fence = undefined;
        return end + 1;
      }
      // The container holding the code block ends, and the code block with it.
      this.fence = undefined;
    }

    const opened = this.newContainers(at, end, matched);
    if (this.overflow) return end + 1;
    at = opened.at;
    const content = this.skipSpaces(at, end);
    if (content === end) {
      if (opened.count === 0) this.closeContainers(matched);
      this.endParagraph();
      return end + 1;
    }
    // A line that continues no container and opens none is a lazy continuation of the open paragraph; otherwise the
    // containers it does not continue end here, and so does the paragraph.
    if (opened.count > 0) {
      this.endParagraph();
    } else if (!continued && !this.paragraph) {
      this.closeContainers(matched);
      this.endParagraph();
    }

    const code = text.charCodeAt(content);
    if (code === Code.backtick || code === Code.tilde) {
      const length = this.fenceLength(content, end, code);
      if (length >= 3) {
        this.endParagraph();
        this.fence = { code, length };
        return end + 1;
      }
    }
    if (code === Code.hash && this.isHeading(content, end)) {
      this.endParagraph();
      const next = this.inline(content, end);
      this.endParagraph();
      return next;
    }
    this.paragraph = true;
    return this.inline(content, end);
  }

  /**
   * Opens the containers that start on this line (after those it continues): `>`, list markers, `[^note]:`. In MDX
   * any indentation may come before them (there are no indented code blocks). Containers not continued are closed
   * first, as the line opens new ones.
   */
  private newContainers(start: number, end: number, matched: number): { at: number; count: number } {
    const { text, containers } = this;
    let at = start;
    let count = 0;
    for (;;) {
      const marker = this.skipSpaces(at, end);
      if (marker >= end) break;
      const code = text.charCodeAt(marker);
      let kind: OpenContainer['kind'];
      let width: number;
      if (code === Code.greaterThan) {
        kind = 'quote';
        width = 1;
      } else if (code === Code.leftBracket && text.charCodeAt(marker + 1) === Code.caret) {
        const close = this.footnoteLabelEnd(marker + 2, end);
        if (close === undefined) break;
        kind = 'footnote';
        width = close + 2 - marker;
      } else {
        const listWidth = this.listMarkerWidth(marker, end);
        if (listWidth === 0) break;
        kind = 'list';
        width = listWidth;
      }
      if (count === 0) this.closeContainers(matched);
      count++;
      const after = marker + width;
      let contentAt = after;
      if (kind === 'quote') {
        if (isSpaceOrTab(text.charCodeAt(after))) contentAt++;
        containers.push({ kind, indent: 0 });
      } else {
        // An item's content starts after the marker and one to four spaces (one, when more or none follow); lines
        // indented that far from the marker's own indentation continue it. A footnote is continued by four spaces.
        const spaces = this.skipSpaces(after, end) - after;
        const gap = spaces >= 1 && spaces <= 4 && after + spaces < end ? spaces : 1;
        contentAt = Math.min(after + gap, end);
        const indent = kind === 'footnote' ? 4 : this.columns(at, marker) + width + gap;
        containers.push({ kind, indent });
      }
      this.open(kind, marker);
      if (this.overflow) return { at: end, count };
      at = contentAt;
    }
    return { at, count };
  }

  private closeContainers(keep: number): void {
    const { containers, levels } = this;
    while (containers.length > keep) levels[(containers.pop() as OpenContainer).kind]--;
  }

  private endParagraph(): void {
    this.paragraph = false;
    this.stars = 0;
    this.underscores = 0;
    this.tildes = 0;
    this.levels.emphasis = 0;
    this.levels.link = 0;
  }

  /**
   * The width of a list marker at `at` (`-`, `*`, `+`, or up to nine digits and `.` or `)`) followed by white space
   * or the end of the line, or 0. A line of three or more `-`, `*` or `_` and spaces is a thematic break, not a list.
   */
  private listMarkerWidth(at: number, end: number): number {
    const { text } = this;
    const code = text.charCodeAt(at);
    let after: number;
    if (code === Code.dash || code === Code.asterisk || code === Code.plus) {
      after = at + 1;
    } else if (code >= Code.digit0 && code <= Code.digit9) {
      after = at;
      while (after < end && after - at < 9 && text.charCodeAt(after) >= Code.digit0 && text.charCodeAt(after) <= Code.digit9) after++;
      const delimiter = text.charCodeAt(after);
      if (delimiter !== Code.dot && delimiter !== Code.rightParen) return 0;
      after++;
    } else {
      return 0;
    }
    if (after < end && !isSpaceOrTab(text.charCodeAt(after))) return 0;
    if ((code === Code.dash || code === Code.asterisk) && this.isThematicBreak(at, end, code)) return 0;
    return after - at;
  }

  /**
   * Is [at, end) only `code` and spaces, three times or more? Each line is looked at once from the right, so a line
   * of many markers (`- - - - …`) costs its length, not its length squared.
   */
  private isThematicBreak(at: number, end: number, code: number): boolean {
    if (this.breakLineEnd !== end || this.breakCode !== code) {
      this.breakLineEnd = end;
      this.breakCode = code;
      let index = end;
      let count = 0;
      while (index > at && (isSpaceOrTab(this.text.charCodeAt(index - 1)) || this.text.charCodeAt(index - 1) === code)) {
        index--;
        if (this.text.charCodeAt(index) === code) count++;
      }
      this.breakFrom = index;
      this.breakCount = count;
    }
    return at >= this.breakFrom && this.breakCount >= 3;
  }

  /** The offset of the `]` that ends a footnote label followed by `:`, or `undefined`. */
  private footnoteLabelEnd(from: number, end: number): number | undefined {
    const { text } = this;
    for (let index = from; index < end && index - from < 1000; index++) {
      const code = text.charCodeAt(index);
      if (code === Code.backslash) {
        index++;
        continue;
      }
      if (code === Code.leftBracket) return undefined;
      if (code === Code.rightBracket) return index > from && text.charCodeAt(index + 1) === Code.colon ? index : undefined;
    }
    return undefined;
  }

  private isHeading(at: number, end: number): boolean {
    let index = at;
    while (index < end && this.text.charCodeAt(index) === Code.hash) index++;
    return index - at <= 6 && (index === end || isSpaceOrTab(this.text.charCodeAt(index)));
  }

  private fenceLength(at: number, end: number, code: number): number {
    let index = at;
    while (index < end && this.text.charCodeAt(index) === code) index++;
    return index - at;
  }

  private skipSpaces(at: number, end: number): number {
    let index = at;
    while (index < end && isSpaceOrTab(this.text.charCodeAt(index))) index++;
    return index;
  }

  /** Columns of the white space [from, to), a tab counting four. */
  private columns(from: number, to: number): number {
    let columns = 0;
    for (let index = from; index < to; index++) columns += this.text.charCodeAt(index) === Code.tab ? 4 : 1;
    return columns;
  }

  private advanceColumns(from: number, columns: number): number {
    let index = from;
    let left = columns;
    while (left > 0 && isSpaceOrTab(this.text.charCodeAt(index))) {
      left -= this.text.charCodeAt(index) === Code.tab ? 4 : 1;
      index++;
    }
    return index;
  }

  /**
   * The inline content of the line [start, end): emphasis runs, brackets, tags. Returns where the next line starts,
   * which is after the end of a tag that spans lines (the lines inside a tag open no containers).
   */
  private inline(start: number, end: number): number {
    const { text } = this;
    let lineEnd = end;
    inlineSpecial.lastIndex = start;
    for (;;) {
      const match = inlineSpecial.exec(text);
      if (match === null || match.index >= lineEnd) return lineEnd + 1;
      const index = match.index;
      const code = text.charCodeAt(index);
      switch (code) {
        case Code.backslash:
          if (isAsciiPunctuation(text.charCodeAt(index + 1))) inlineSpecial.lastIndex = index + 2;
          break;
        case Code.asterisk:
        case Code.underscore:
        case Code.tilde: {
          let runEnd = index + 1;
          while (runEnd < lineEnd && text.charCodeAt(runEnd) === code) runEnd++;
          inlineSpecial.lastIndex = runEnd;
          this.delimiterRun(code, index, runEnd);
          break;
        }
        case Code.leftBracket:
          this.open('link', index);
          break;
        case Code.rightBracket:
          if (this.levels.link > 0) this.levels.link--;
          break;
        case Code.lessThan: {
          const tagEnd = this.tag(index);
          inlineSpecial.lastIndex = tagEnd;
          if (tagEnd > lineEnd) {
            lineEnd = text.indexOf('\n', tagEnd);
            if (lineEnd === -1) lineEnd = text.length;
          }
          break;
        }
        default:
          // A line feed: the end of the line.
          break;
      }
      if (this.overflow) return text.length;
    }
  }

  /**
   * A run of `*`, `_` or `~` in a paragraph. A run that can close takes back the levels opened by earlier runs of its
   * marker; what it cannot close, it opens if it can. `**` is one level (strong), `***` two; `~~` is one
   * (strikethrough), and other runs of `~` are text.
   */
  private delimiterRun(code: number, start: number, end: number): void {
    const length = end - start;
    if (code === Code.tilde && length !== 2) return;
    const levels = Math.ceil(length / 2);
    const before = kindOf(this.text, start - 1, 0, this.text.length);
    const after = kindOf(this.text, end, 0, this.text.length);
    const { canOpen, canClose } = delimiterRunSides(code === Code.underscore ? code : Code.asterisk, before, after);
    const open = code === Code.asterisk ? this.stars : code === Code.underscore ? this.underscores : this.tildes;
    const closed = canClose ? Math.min(open, levels) : 0;
    const opened = canOpen ? levels - closed : 0;
    const now = open - closed + opened;
    if (code === Code.asterisk) this.stars = now;
    else if (code === Code.underscore) this.underscores = now;
    else this.tildes = now;
    this.levels.emphasis -= closed;
    if (opened > 0) this.open('emphasis', start, opened);
  }

  /**
   * A JSX tag at `at` (`<Name …>`, `</Name>`, `<Name … />`, `<>`), read as far as its `>` with quoted values and
   * `{…}` skipped: an opening tag opens a level, a closing tag closes one. Returns where the scan goes on. A `<` that
   * starts no tag, or a tag broken by another `<`, is passed over (remark-mdx explains it); a tag that never ends
   * takes the rest of the text, so no character is read twice.
   */
  private tag(at: number): number {
    const { text } = this;
    let index = at + 1;
    const closing = text.charCodeAt(index) === Code.slash;
    if (closing) index++;
    const first = text.charCodeAt(index);
    if (first !== Code.greaterThan && !isNameStart(first)) return at + 1;
    let last = 0;
    for (; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code === 34 || code === 39) {
        const close = text.indexOf(String.fromCharCode(code), index + 1);
        if (close === -1) return text.length;
        index = close;
        last = code;
        continue;
      }
      if (code === Code.leftBrace) {
        let braces = 1;
        while (braces > 0 && ++index < text.length) {
          const inside = text.charCodeAt(index);
          if (inside === Code.leftBrace) braces++;
          else if (inside === Code.rightBrace) braces--;
        }
        last = Code.rightBrace;
        continue;
      }
      if (code === Code.lessThan) return index;
      if (code === Code.greaterThan) {
        if (closing) {
          if (this.levels.component > 0) this.levels.component--;
        } else if (last !== Code.slash) {
          this.open('component', at);
        }
        return index + 1;
      }
      if (!isSpaceOrTab(code) && code !== Code.lineFeed) last = code;
    }
    return text.length;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The scan of YAML

/**
 * Refuses YAML (a frontmatter block, a data file) nested deeper than `maxNestingDepth` before it is read: the YAML
 * readers and the walks over their result recurse once per level, so ten thousand nested fields or brackets end in a
 * stack overflow. One pass over the lines counts block levels by indentation (and each `- ` that starts a list in
 * a list, and a mapping in a list item) and flow levels by `[` and `{` outside quotes. It follows what YAML builds
 * closely but not exactly (a list written at the indentation of its key, for one, is not a level of its own here);
 * the readers cope with many more levels than the limit, what matters is stopping thousands. `firstLine` is the file
 * line of the first YAML line.
 *
 * @example
 * yamlNestingIssue('content/countries/ly/country.yaml', '[[[[…]]]]', 1, undefined) // an issue at line 1, column 32
 */
export function yamlNestingIssue(file: string, yaml: string, firstLine: number, field: string | undefined): ContentIssue | undefined {
  const indents: number[] = [];
  let flow = 0;
  /** Lines indented more than this belong to a block scalar (`summary: >-`) and are text. */
  let scalarIndent: number | undefined;
  let line = firstLine;
  for (let start = 0; start <= yaml.length; line++) {
    let end = yaml.indexOf('\n', start);
    if (end === -1) end = yaml.length;
    let at = start;
    while (at < end && yaml.charCodeAt(at) === Code.space) at++;
    const indent = at - start;
    const blank = at === end || yaml.charCodeAt(at) === Code.hash;
    if (scalarIndent !== undefined && (blank || indent > scalarIndent)) {
      start = end + 1;
      continue;
    }
    scalarIndent = undefined;
    if (!blank || flow > 0) {
      if (flow === 0) {
        // A block line: the levels indented more than it end, and a deeper one starts a level (a mapping, or a list
        // when the line starts with `- `). Each further `- ` starts a list in the list, and a `key:` after them a
        // mapping in the item.
        while (indents.length > 0 && (indents[indents.length - 1] as number) > indent) indents.pop();
        if (indents.length === 0 || (indents[indents.length - 1] as number) < indent) indents.push(indent);
        if (indents.length > maxNestingDepth) return yamlIssue(file, line, indent + 1, field);
        let dashes = 0;
        while (yaml.charCodeAt(at) === Code.dash && (at + 1 === end || yaml.charCodeAt(at + 1) === Code.space)) {
          if (dashes++ > 0) indents.push(at - start);
          if (indents.length > maxNestingDepth) return yamlIssue(file, line, at - start + 1, field);
          at++;
          while (at < end && yaml.charCodeAt(at) === Code.space) at++;
        }
        const value = yamlValueStart(yaml, at, end);
        if (dashes > 0 && value !== at) indents.push(at - start);
        if (indents.length > maxNestingDepth) return yamlIssue(file, line, at - start + 1, field);
        at = value;
        const code = yaml.charCodeAt(at);
        if (code === Code.verticalBar || code === Code.greaterThan) scalarIndent = indent;
        if (code !== Code.leftBracket && code !== Code.leftBrace) at = end;
      }
      // Flow collections: brackets and braces outside quoted scalars, up to a comment.
      for (let index = at; index < end; index++) {
        const code = yaml.charCodeAt(index);
        if (code === Code.leftBracket || code === Code.leftBrace) {
          flow++;
          if (indents.length + flow > maxNestingDepth) return yamlIssue(file, line, index - start + 1, field);
        } else if (code === Code.rightBracket || code === Code.rightBrace) {
          if (flow > 0) flow--;
        } else if ((code === 34 || code === 39) && isScalarStart(yaml.charCodeAt(index - 1))) {
          const close = closingQuote(yaml, index, end);
          if (close === -1) break;
          index = close;
        } else if (code === Code.hash && isSpaceOrTab(yaml.charCodeAt(index - 1))) {
          break;
        }
      }
    }
    start = end + 1;
  }
  return undefined;
}

/** Where the value of a block line starts: after `key:` and a space, or at `at` when the line has no key. */
function yamlValueStart(yaml: string, at: number, end: number): number {
  const first = yaml.charCodeAt(at);
  if (first === Code.leftBracket || first === Code.leftBrace || first === 34 || first === 39) return at;
  for (let index = at; index < end; index++) {
    if (yaml.charCodeAt(index) === Code.colon && (index + 1 === end || isSpaceOrTab(yaml.charCodeAt(index + 1)))) {
      let value = index + 1;
      while (value < end && isSpaceOrTab(yaml.charCodeAt(value))) value++;
      return value;
    }
  }
  return at;
}

/** A quote starts a quoted scalar only where a scalar can start, not inside a word (`it's`). */
function isScalarStart(before: number): boolean {
  return Number.isNaN(before) || isSpaceOrTab(before) || before === Code.lineFeed || before === Code.leftBracket || before === Code.leftBrace || before === 44 || before === Code.colon;
}

/** The closing quote of a quoted scalar on its line (`''` is a quote inside single quotes, `\"` inside double). */
function closingQuote(yaml: string, open: number, end: number): number {
  const quote = yaml.charCodeAt(open);
  for (let index = open + 1; index < end; index++) {
    const code = yaml.charCodeAt(index);
    if (quote === 34 && code === Code.backslash) index++;
    else if (code === quote) {
      if (quote === 39 && yaml.charCodeAt(index + 1) === 39) index++;
      else return index;
    }
  }
  return -1;
}

function yamlIssue(file: string, line: number, column: number, field: string | undefined): ContentIssue {
  return {
    file,
    line,
    column,
    field,
    message: `The fields here are nested more than ${maxNestingDepth} levels deep (fields inside fields, or lists inside lists); a file can have at most ${maxNestingDepth}.`,
    fix: 'Write each field on a line of its own as name: value, and a list as [A, B] or as lines starting with "- ", as in the English version of the file.',
  };
}
