import type { Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { Point, Position } from 'unist';
import { delimiterRunSides, kindOf } from './character-kind.ts';
import { isSiteComponent } from './components.ts';
import type { FrontmatterBlock } from './frontmatter.ts';
import { isAllowedHtmlTag } from './html-tags.ts';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from './mdx-node-types.ts';
import { maxNestingDepth } from './nesting-limit.ts';
import { unravelJsxParagraphs } from './parse-content-file.ts';

/**
 * A parser for the part of the content dialect that real releases use, some fifty times faster than remark:
 * ATX headings, paragraphs, bullet and ordered lists, `*emphasis*`, `**strong**`, inline links and images,
 * backslash escapes, hard breaks, the site components and the allowed inline HTML tags written as JSX.
 *
 * It returns the tree `parseContentFile` would build (after its JSX unravelling), or `undefined` as soon as the body
 * uses anything it does not reproduce with certainty; the caller then uses remark. A wrong guess would publish a
 * wrong page, a bail only costs a few milliseconds, so every doubt is a bail: braces, code, tables, block quotes,
 * character references, reference links, footnotes, setext headings, thematic breaks, tabs, unusual indentation,
 * HTML that is not one of the known elements, and more (see the README and the edge-case tests).
 *
 * Positions: JSX elements, links and images carry remark's exact `position` (line, column, offset in the file),
 * because `mediaReferences` reports them. Other nodes have none: `checkSafeMdx` needs them only to report a problem,
 * and `prepareFile` re-parses with remark whenever the check finds one, so that messages carry remark's positions.
 *
 * @example
 * const text = '---\ntitle: x\n---\n\n## Background\n\nWords *here*.\n';
 * quickParse(text, locateFrontmatter(text) as FrontmatterBlock)
 * // { type: 'root', children: [{ type: 'yaml', … }, { type: 'heading', depth: 2, … }, { type: 'paragraph', … }] }
 * const table = '---\ntitle: x\n---\n\n| a | b |\n';
 * quickParse(table, locateFrontmatter(table) as FrontmatterBlock, (reason) => console.log(reason))
 * // undefined, after logging 'braces, code, tables, strikethrough, tabs or control characters'
 */
export function quickParse(text: string, frontmatter: FrontmatterBlock, onBail?: (reason: string) => void): Root | undefined {
  try {
    return new QuickParser(text, frontmatter).parse();
  } catch (error) {
    if (error instanceof QuickParseBail) {
      onBail?.(error.message);
      return undefined;
    }
    throw error;
  }
}

/** Thrown inside the parser to give up; caught in `quickParse`. Not an error of the content. */
class QuickParseBail extends Error {}

function bail(reason: string): never {
  throw new QuickParseBail(reason);
}

// Characters whose constructs the quick parser leaves to remark, wherever they appear: expressions, code, GFM
// strikethrough and tables, and characters that change how lines or columns are counted.
const unhandledCharacters = /[{}`~|\t\r\0\v\f]/g;

/** Character codes, by name. */
const Code = {
  lineFeed: 10,
  space: 32,
  exclamation: 33,
  quote: 34,
  hash: 35,
  ampersand: 38,
  apostrophe: 39,
  leftParen: 40,
  rightParen: 41,
  asterisk: 42,
  plus: 43,
  dash: 45,
  dot: 46,
  slash: 47,
  colon: 58,
  digit0: 48,
  digit1: 49,
  digit9: 57,
  lessThan: 60,
  equals: 61,
  greaterThan: 62,
  leftBracket: 91,
  backslash: 92,
  rightBracket: 93,
  caret: 94,
  underscore: 95,
  e: 101,
  i: 105,
} as const;

function isRuleCharacter(code: number): boolean {
  return code === Code.dash || code === Code.asterisk || code === Code.underscore || code === Code.equals || code === Code.plus || code === Code.colon;
}

function isAsciiPunctuation(code: number): boolean {
  return (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126);
}

function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isAsciiAlpha(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** A `&` that may start a character reference (`&amp;`, `&#39;`): remark decodes those, so they are left to it. */
function mayStartReference(text: string, index: number): boolean {
  const next = text.charCodeAt(index + 1);
  return next === Code.hash || isAsciiAlphanumeric(next);
}

// ---------------------------------------------------------------------------------------------------------------
// JSX tags

interface ParsedTag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  attributes: MdxJsxAttribute[];
  start: number;
  /** Offset just after the `>`. */
  end: number;
}

/**
 * Reads one JSX tag of a known element (`<Figure … />`, `<abbr title="…">`, `</PullQuote>`) starting at `start`,
 * as remark-mdx reads it: double- or single-quoted values, bare flags, white space (line breaks included) between
 * attributes and around `=`. Anything else (unknown names, expressions, `&` references in values, a line break inside
 * a value, attributes not separated by white space) is a bail.
 */
function parseTag(text: string, start: number, limit: number): ParsedTag {
  let index = start + 1;
  const closing = text.charCodeAt(index) === Code.slash;
  if (closing) index++;
  const nameStart = index;
  if (!isAsciiAlpha(text.charCodeAt(index))) bail('a "<" that does not start a tag name');
  while (index < limit && isAsciiAlphanumeric(text.charCodeAt(index))) index++;
  const name = text.slice(nameStart, index);
  if (!isSiteComponent(name) && !isAllowedHtmlTag(name)) bail(`the element <${name}>, which is not a site component or allowed tag`);
  if (closing) {
    if (text.charCodeAt(index) !== Code.greaterThan) bail('a closing tag with more than its name');
    return { name, closing, selfClosing: false, attributes: [], start, end: index + 1 };
  }
  const attributes: MdxJsxAttribute[] = [];
  for (;;) {
    const before = index;
    while (index < limit && (text.charCodeAt(index) === Code.space || text.charCodeAt(index) === Code.lineFeed)) index++;
    if (index >= limit) bail('a tag that is not closed');
    const code = text.charCodeAt(index);
    if (code === Code.greaterThan) return { name, closing, selfClosing: false, attributes, start, end: index + 1 };
    if (code === Code.slash) {
      if (text.charCodeAt(index + 1) !== Code.greaterThan) bail('a "/" inside a tag');
      return { name, closing, selfClosing: true, attributes, start, end: index + 2 };
    }
    if (index === before) bail('attributes not separated by white space');
    if (!isAsciiAlpha(code)) bail('an attribute name with unusual characters');
    const attributeStart = index;
    while (index < limit && (isAsciiAlphanumeric(text.charCodeAt(index)) || text.charCodeAt(index) === Code.dash)) index++;
    const attributeName = text.slice(attributeStart, index);
    let valueAt = index;
    while (valueAt < limit && text.charCodeAt(valueAt) === Code.space) valueAt++;
    if (text.charCodeAt(valueAt) !== Code.equals) {
      attributes.push({ type: 'mdxJsxAttribute', name: attributeName, value: null });
      continue;
    }
    valueAt++;
    while (valueAt < limit && text.charCodeAt(valueAt) === Code.space) valueAt++;
    const quote = text.charCodeAt(valueAt);
    if (quote !== Code.quote && quote !== Code.apostrophe) bail('an attribute value that is not in quotes');
    const valueStart = valueAt + 1;
    let valueEnd = valueStart;
    for (; valueEnd < limit; valueEnd++) {
      const inside = text.charCodeAt(valueEnd);
      if (inside === quote) break;
      if (inside === Code.lineFeed) bail('a line break inside an attribute value');
      if (inside === Code.ampersand && mayStartReference(text, valueEnd)) bail('a character reference in an attribute value');
    }
    if (valueEnd >= limit) bail('an attribute value that is not closed');
    attributes.push({ type: 'mdxJsxAttribute', name: attributeName, value: text.slice(valueStart, valueEnd) });
    index = valueEnd + 1;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Inline content

/** A node of the working list of the inline algorithm (CommonMark's "delimiter run" algorithm works on a list). */
interface Inline {
  kind: 'text' | 'emphasis' | 'strong' | 'break' | 'link' | 'image' | 'tag';
  value: string;
  prev: Inline | undefined;
  next: Inline | undefined;
  first: Inline | undefined;
  last: Inline | undefined;
  url?: string;
  title?: string | null;
  tag?: ParsedTag;
  start: number;
  end: number;
}

interface Delimiter {
  node: Inline;
  marker: number;
  length: number;
  canOpen: boolean;
  canClose: boolean;
  prev: Delimiter | undefined;
  next: Delimiter | undefined;
}

interface Bracket {
  node: Inline;
  image: boolean;
  /** The last delimiter before the bracket: emphasis inside the link text is resolved above it. */
  bottom: Delimiter | undefined;
  start: number;
}

function inline(kind: Inline['kind'], value: string, start = 0, end = 0): Inline {
  return { kind, value, prev: undefined, next: undefined, first: undefined, last: undefined, start, end };
}

// ---------------------------------------------------------------------------------------------------------------
// Blocks

/** A container the lines of the body are added to: the document, a JSX block component, or a list item. */
interface Container {
  kind: 'root' | 'jsx' | 'item';
  children: RootContent[];
  /** The item node, for `spread`. */
  item?: ListItem;
  /** The element, to set its end position when its closing tag comes. */
  element?: MdxJsxFlowElement;
  /** Column (0-based, in spaces) where the item's content starts; lines indented this far continue it. */
  contentIndent: number;
  /** The list that is the container's last child, while new items may still join it. */
  openList: OpenList | undefined;
}

interface OpenList {
  node: List;
  /** `-`, `*`, `+`, or `.`/`)` for ordered lists: a different marker starts a new list. */
  marker: number;
}

interface OpenParagraph {
  node: Paragraph;
  start: number;
  end: number;
}

interface ListMarker {
  marker: number;
  ordered: boolean;
  start: number | null;
  /** Offset of the item's content (after the marker and its one space). */
  contentStart: number;
  /** Width of marker and space. */
  width: number;
}

class QuickParser {
  private readonly text: string;
  private readonly frontmatter: FrontmatterBlock;
  private lineStarts: number[] = [];
  private readonly stack: Container[];
  private paragraph: OpenParagraph | undefined;
  private blank = false;
  /** The current line ends an open paragraph (it interrupts it, or it is a lazy line that starts a block). */
  private interrupting = false;

  constructor(text: string, frontmatter: FrontmatterBlock) {
    this.text = text;
    this.frontmatter = frontmatter;
    this.stack = [{ kind: 'root', children: [], contentIndent: 0, openList: undefined }];
  }

  parse(): Root {
    const { text } = this;
    const bodyStart = this.frontmatter.bodyOffset;
    unhandledCharacters.lastIndex = bodyStart;
    if (unhandledCharacters.test(text)) bail('braces, code, tables, strikethrough, tabs or control characters');
    const lineStarts = [0];
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
    this.lineStarts = lineStarts;

    let lineStart = bodyStart;
    while (lineStart < text.length) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd === -1) lineEnd = text.length;
      lineStart = this.line(lineStart, lineEnd);
    }
    this.closeParagraph();
    if (this.stack.some((container) => container.kind === 'jsx')) bail('a block component that is not closed');
    const root: Root = { type: 'root', children: [{ type: 'yaml', value: this.frontmatter.yaml }, ...(this.stack[0] as Container).children] };
    unravelJsxParagraphs(root);
    return root;
  }

  /** Handles the line [start, end); returns where the next line starts (a multi-line tag takes several). */
  private line(start: number, end: number): number {
    const { text, stack } = this;
    let indent = 0;
    while (start + indent < end && text.charCodeAt(start + indent) === Code.space) indent++;
    if (start + indent === end) {
      // A blank line ends a paragraph; whether it also makes a list loose depends on what comes next.
      this.closeParagraph();
      this.blank = true;
      return end + 1;
    }
    const content = start + indent;
    this.interrupting = this.paragraph !== undefined && !this.blank;

    // The containers this line continues: the document and components always, list items when indented enough.
    let matched = 0;
    while (matched + 1 < stack.length) {
      const next = stack[matched + 1] as Container;
      if (next.kind === 'item' && indent < next.contentIndent) break;
      matched++;
    }
    const base = (stack[matched] as Container).kind === 'item' ? (stack[matched] as Container).contentIndent : 0;
    const relative = indent - base;

    if (matched < stack.length - 1) {
      // Some list items are not continued. A marker like theirs makes a sibling item; otherwise the line is either a
      // lazy continuation of the open paragraph or a block that closes the items.
      if (relative !== 0) {
        if (relative >= 4) bail('a line indented four or more spaces');
        if (this.paragraph && !this.blank && !this.interrupts(content, end, true)) return this.continueParagraph(end);
        bail('a block indented by one to three spaces');
      }
      const marker = this.listMarker(content, end);
      const parentList = (stack[matched] as Container).openList;
      // The unmatched item's list is the open list of the container that was matched.
      if (marker && parentList && marker.marker === parentList.marker) {
        this.closeParagraph();
        stack.length = matched + 1;
        this.startItem(marker, end, indent);
        return end + 1;
      }
      if (this.paragraph && !this.blank && !this.interrupts(content, end, true)) return this.continueParagraph(end);
      this.closeParagraph();
      stack.length = matched + 1;
    } else if (this.paragraph && !this.blank) {
      if (relative >= 4) bail('a line indented four or more spaces');
      if (!this.interrupts(content, end)) return this.continueParagraph(end);
      this.closeParagraph();
    }

    if (relative !== 0) bail(relative >= 4 ? 'a line indented four or more spaces' : 'a block indented by one to three spaces');
    return this.blockStart(content, end, indent);
  }

  /** Starts a block at `content` (the first non-space character of the line) in the innermost container. */
  private blockStart(content: number, end: number, indent: number): number {
    const { text } = this;
    const container = this.stack[this.stack.length - 1] as Container;
    const code = text.charCodeAt(content);
    this.rejectUnhandledLine(content, end);

    if (code === Code.hash) {
      const heading = this.heading(content, end);
      if (heading) {
        this.add(container, heading);
        this.blank = false;
        return end + 1;
      }
    }
    const marker = this.listMarker(content, end);
    if (marker) {
      this.startItem(marker, end, indent);
      return end + 1;
    }
    if (code === Code.lessThan) {
      const next = this.flowTag(content, end, container);
      if (next !== undefined) return next;
    }
    this.openParagraph(container, content, end);
    return end + 1;
  }

  /** Lines that start a construct the quick parser leaves to remark. */
  private rejectUnhandledLine(content: number, end: number): void {
    const { text } = this;
    const code = text.charCodeAt(content);
    if (code === Code.greaterThan) bail('a block quote');
    // remark-mdx reads such lines as JavaScript (ESM) at the top level; wherever they are, they are not for us.
    if ((code === Code.i || code === Code.e) && /^(?:import|export)\b/.test(text.slice(content, content + 7))) bail('a line starting with import or export');
    // `---`, `***`, `___` (thematic breaks), `===`/`---` under a paragraph (setext headings), empty list items, and
    // `-:`/`:--` (the delimiter row of a GFM table, which needs no pipe when it has one column).
    if (isRuleCharacter(code)) {
      let index = content;
      while (index < end && (isRuleCharacter(text.charCodeAt(index)) || text.charCodeAt(index) === Code.space)) index++;
      if (index === end) bail('a thematic break, setext underline, table delimiter row or empty list item');
    }
    if (code >= Code.digit0 && code <= Code.digit9) {
      let index = content;
      while (index < end && text.charCodeAt(index) >= Code.digit0 && text.charCodeAt(index) <= Code.digit9) index++;
      const after = text.charCodeAt(index);
      if ((after === Code.dot || after === Code.rightParen) && (index + 1 === end || text.charCodeAt(index + 1) === Code.space)) {
        if (index + 1 === end || /^ *$/.test(text.slice(index + 1, end))) bail('an empty ordered list item');
      }
    }
  }

  /**
   * Would this line end the open paragraph? Headings, list items (bullets, and ordered items numbered 1, as
   * CommonMark says), and JSX block lines do; constructs the parser does not handle are bails. When the paragraph is
   * in a list item this line does not continue (`lazy`), micromark starts a list at any number (`- a` then `2. b`).
   */
  private interrupts(content: number, end: number, lazy = false): boolean {
    const { text } = this;
    this.rejectUnhandledLine(content, end);
    const code = text.charCodeAt(content);
    if (code === Code.hash && this.isHeading(content, end)) return true;
    const marker = this.listMarker(content, end);
    if (marker) {
      if (!marker.ordered || lazy) return true;
      if (text.charCodeAt(content) === Code.digit1 && marker.width === 3) return true;
      if (text.charCodeAt(content) === Code.digit0) bail('an ordered list number starting with 0 after a paragraph');
      return false;
    }
    if (code === Code.lessThan) return this.isFlowTagLine(content, end);
    return false;
  }

  private continueParagraph(end: number): number {
    (this.paragraph as OpenParagraph).end = end;
    return end + 1;
  }

  private isHeading(content: number, end: number): boolean {
    let index = content;
    while (index < end && this.text.charCodeAt(index) === Code.hash) index++;
    const depth = index - content;
    return depth >= 1 && depth <= 6 && (index === end || this.text.charCodeAt(index) === Code.space);
  }

  private heading(content: number, end: number): Heading | undefined {
    if (!this.isHeading(content, end)) return undefined;
    const { text } = this;
    let index = content;
    while (text.charCodeAt(index) === Code.hash) index++;
    const depth = (index - content) as Heading['depth'];
    let textStart = index;
    while (textStart < end && text.charCodeAt(textStart) === Code.space) textStart++;
    let textEnd = end;
    while (textEnd > textStart && text.charCodeAt(textEnd - 1) === Code.space) textEnd--;
    // A closing sequence of #s counts only after a space (or as the whole content): `## A ##` is "A", `## A#` is "A#".
    let hashes = textEnd;
    while (hashes > textStart && text.charCodeAt(hashes - 1) === Code.hash) hashes--;
    if (hashes < textEnd && (hashes === textStart || text.charCodeAt(hashes - 1) === Code.space)) {
      textEnd = hashes;
      while (textEnd > textStart && text.charCodeAt(textEnd - 1) === Code.space) textEnd--;
    }
    return { type: 'heading', depth, children: this.inlineContent(textStart, textEnd) };
  }

  /** `- `, `* `, `+ `, `1. `, `3) ` followed by content; anything else (no content, two spaces) is not handled. */
  private listMarker(content: number, end: number): ListMarker | undefined {
    const { text } = this;
    const code = text.charCodeAt(content);
    let after: number;
    let ordered = false;
    let start: number | null = null;
    let marker = code;
    if (code === Code.dash || code === Code.asterisk || code === Code.plus) {
      after = content + 1;
    } else if (code >= Code.digit0 && code <= Code.digit9) {
      let index = content;
      while (index < end && text.charCodeAt(index) >= Code.digit0 && text.charCodeAt(index) <= Code.digit9) index++;
      const delimiter = text.charCodeAt(index);
      if (delimiter !== Code.dot && delimiter !== Code.rightParen) return undefined;
      if (index - content > 9) return undefined;
      ordered = true;
      start = Number.parseInt(text.slice(content, index), 10);
      marker = delimiter;
      after = index + 1;
    } else {
      return undefined;
    }
    if (after >= end || text.charCodeAt(after) !== Code.space) return undefined;
    if (after + 1 >= end) bail('an empty list item');
    if (text.charCodeAt(after + 1) === Code.space) bail('a list item with more than one space after its marker');
    return { marker, ordered, start, contentStart: after + 1, width: after + 1 - content };
  }

  private startItem(marker: ListMarker, end: number, indent: number): void {
    const container = this.stack[this.stack.length - 1] as Container;
    let list = container.openList;
    if (list && list.marker === marker.marker) {
      if (this.blank) list.node.spread = true;
    } else {
      const node: List = { type: 'list', ordered: marker.ordered, start: marker.start, spread: false, children: [] };
      this.add(container, node);
      list = { node, marker: marker.marker };
      container.openList = list;
    }
    const item: ListItem = { type: 'listItem', spread: false, checked: null, children: [] };
    list.node.children.push(item);
    const itemContainer: Container = { kind: 'item', children: item.children, item, contentIndent: indent + marker.width, openList: undefined };
    this.stack.push(itemContainer);
    // The document is the first container of the stack, not a level.
    if (this.stack.length - 1 > maxNestingDepth) bail('lists or components nested too deeply');
    this.blank = false;
    // The rest of the line is the first block of the item.
    const first = marker.contentStart;
    const code = this.text.charCodeAt(first);
    this.rejectUnhandledLine(first, end);
    if (this.listMarker(first, end)) bail('a list item that starts with another list marker');
    if (code === Code.hash) {
      const heading = this.heading(first, end);
      if (heading) {
        this.add(itemContainer, heading);
        return;
      }
    }
    if (code === Code.lessThan && this.isFlowTagLine(first, end)) bail('a component inside a list item');
    this.openParagraph(itemContainer, first, end);
  }

  /** Adds a block to a container: it closes the container's open list, and makes an item loose after a blank line. */
  private add(container: Container, node: RootContent): void {
    container.openList = undefined;
    if (this.blank && container.item && container.children.length > 0) container.item.spread = true;
    container.children.push(node);
  }

  private openParagraph(container: Container, start: number, end: number): void {
    const node: Paragraph = { type: 'paragraph', children: [] };
    this.add(container, node);
    this.paragraph = { node, start, end };
    this.blank = false;
  }

  private closeParagraph(): void {
    const paragraph = this.paragraph;
    if (!paragraph) return;
    this.paragraph = undefined;
    let end = paragraph.end;
    while (end > paragraph.start && this.text.charCodeAt(end - 1) === Code.space) end--;
    paragraph.node.children = this.inlineContent(paragraph.start, end);
  }

  /** Is this line only a JSX tag (the form remark-mdx reads as a block)? */
  private isFlowTagLine(content: number, end: number): boolean {
    const tag = parseTag(this.text, content, this.text.length);
    return this.onlySpacesAfter(tag.end, end);
  }

  /** Is the rest of the line after a tag blank? Another tag there, or text after a tag spanning lines, is a bail. */
  private onlySpacesAfter(tagEnd: number, lineEnd: number): boolean {
    const { text } = this;
    // A tag spanning lines ends on a later line; what counts is the rest of that line.
    let end = tagEnd > lineEnd ? text.indexOf('\n', tagEnd) : lineEnd;
    if (end === -1) end = text.length;
    let index = tagEnd;
    while (index < end && text.charCodeAt(index) === Code.space) index++;
    if (index === end) return true;
    if (text.charCodeAt(index) === Code.lessThan) bail('several tags on one line');
    if (tagEnd > lineEnd) bail('a tag spanning lines followed by text');
    return false;
  }

  /**
   * A JSX tag that starts a block line: `<Figure … />`, `<Statistic … />`, `<Contacts />`, or the opening and closing
   * lines of `<PullQuote>`/`<Callout>` around their content. Returns the offset of the next line, or `undefined` when
   * the tag is followed by text on its line (then it is an inline tag at the start of a paragraph).
   */
  private flowTag(content: number, end: number, container: Container): number | undefined {
    const { text } = this;
    const tag = parseTag(text, content, text.length);
    if (!this.onlySpacesAfter(tag.end, end)) return undefined;
    if (container.kind === 'item') bail('a component inside a list item');
    let lineEnd = text.indexOf('\n', tag.end);
    if (lineEnd === -1) lineEnd = text.length;
    if (tag.closing) {
      if (container.kind !== 'jsx' || container.element?.name !== tag.name) bail(`a closing tag </${tag.name}> that closes nothing`);
      this.closeParagraph();
      container.element.position = this.position(this.elementStart(container.element), tag.end);
      this.stack.pop();
      this.blank = false;
      return lineEnd + 1;
    }
    if (tag.end > end) {
      // remark-mdx reads a tag spanning lines that follows a paragraph in a list item as part of the item (or as an
      // error); only a tag that starts a block of its own is certain.
      if (this.interrupting) bail('a tag spanning lines right after a paragraph');
      if (text.slice(tag.start, tag.end).includes('\n\n')) bail('a blank line inside a tag');
    }
    const element: MdxJsxFlowElement = { type: 'mdxJsxFlowElement', name: tag.name, attributes: tag.attributes, children: [] };
    if (tag.selfClosing) {
      if (tag.name !== 'Figure' && tag.name !== 'Statistic' && tag.name !== 'Contacts') bail(`<${tag.name} /> on a line of its own`);
      element.position = this.position(tag.start, tag.end);
      this.add(container, element);
      this.blank = false;
      return lineEnd + 1;
    }
    if (tag.name !== 'PullQuote' && tag.name !== 'Callout') bail(`<${tag.name}> opening a block`);
    // The start is kept in the position until the closing tag gives the end.
    element.position = this.position(tag.start, tag.start);
    this.add(container, element);
    this.stack.push({ kind: 'jsx', children: element.children, element, contentIndent: 0, openList: undefined });
    // The document is the first container of the stack, not a level.
    if (this.stack.length - 1 > maxNestingDepth) bail('lists or components nested too deeply');
    this.blank = false;
    return lineEnd + 1;
  }

  private elementStart(element: MdxJsxFlowElement): number {
    return (element.position as Position).start.offset as number;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Inline content: CommonMark's algorithm (as micromark implements it) on the range [start, end), where a line
  // break followed by spaces is a line ending.

  private inlineContent(start: number, end: number): PhrasingContent[] {
    const { text } = this;
    const head = inline('text', '');
    let tail = head;
    let firstDelimiter: Delimiter | undefined;
    let lastDelimiter: Delimiter | undefined;
    let bracket: Bracket | undefined;
    let buffer = '';
    let runStart = start;

    const append = (node: Inline): void => {
      node.prev = tail;
      tail.next = node;
      tail = node;
    };
    const flush = (until: number): void => {
      if (until > runStart) buffer += text.slice(runStart, until);
      if (buffer !== '') {
        append(inline('text', buffer));
        buffer = '';
      }
    };

    let index = start;
    while (index < end) {
      const code = text.charCodeAt(index);
      switch (code) {
        case Code.lineFeed: {
          buffer += text.slice(runStart, index);
          runStart = index;
          let spaces = 0;
          while (spaces < buffer.length && buffer.charCodeAt(buffer.length - 1 - spaces) === Code.space) spaces++;
          buffer = buffer.slice(0, buffer.length - spaces);
          if (spaces >= 2) {
            flush(index);
            append(inline('break', ''));
          } else {
            buffer += '\n';
          }
          index++;
          while (index < end && text.charCodeAt(index) === Code.space) index++;
          runStart = index;
          continue;
        }
        case Code.backslash: {
          const next = text.charCodeAt(index + 1);
          if (index + 1 < end && next === Code.lineFeed) {
            flush(index);
            append(inline('break', ''));
            index += 2;
            while (index < end && text.charCodeAt(index) === Code.space) index++;
            runStart = index;
            continue;
          }
          if (index + 1 < end && isAsciiPunctuation(next)) {
            buffer += text.slice(runStart, index) + text[index + 1];
            index += 2;
            runStart = index;
            continue;
          }
          index++;
          continue;
        }
        case Code.asterisk:
        case Code.underscore: {
          flush(index);
          let runEnd = index + 1;
          while (runEnd < end && text.charCodeAt(runEnd) === code) runEnd++;
          const node = inline('text', text.slice(index, runEnd));
          append(node);
          // micromark's attention tokenizer: `before`/`after` are the classes of the characters around the run.
          const before = kindOf(text, index - 1, start, end);
          const after = kindOf(text, runEnd, start, end);
          const { canOpen, canClose } = delimiterRunSides(code, before, after);
          if (canOpen || canClose) {
            const delimiter: Delimiter = { node, marker: code, length: runEnd - index, canOpen, canClose, prev: lastDelimiter, next: undefined };
            if (lastDelimiter) lastDelimiter.next = delimiter;
            else firstDelimiter = delimiter;
            lastDelimiter = delimiter;
          }
          index = runEnd;
          runStart = index;
          continue;
        }
        case Code.exclamation:
        case Code.leftBracket: {
          const image = code === Code.exclamation;
          if (image && text.charCodeAt(index + 1) !== Code.leftBracket) {
            index++;
            continue;
          }
          const open = image ? index + 2 : index + 1;
          if (text.charCodeAt(open) === Code.caret) bail('a footnote');
          if (bracket) bail('brackets inside link text');
          flush(index);
          const node = inline('text', image ? '![' : '[');
          append(node);
          bracket = { node, image, bottom: lastDelimiter, start: index };
          index = open;
          runStart = index;
          continue;
        }
        case Code.rightBracket: {
          if (!bracket) bail('a "]" without "["');
          const resource = this.resource(index + 1, end);
          flush(index);
          const opener = bracket;
          bracket = undefined;
          // Emphasis inside the link text is resolved there, and its leftover delimiters are plain text.
          this.resolveEmphasis(opener.bottom, opener.bottom ? opener.bottom.next : firstDelimiter);
          if (opener.bottom) opener.bottom.next = undefined;
          else firstDelimiter = undefined;
          lastDelimiter = opener.bottom;
          const link = inline(opener.image ? 'image' : 'link', '', opener.start, resource.end);
          link.url = resource.url;
          link.title = resource.title;
          // Move everything after the bracket into the link (resolving emphasis may have removed the old tail).
          let last = opener.node;
          while (last.next) last = last.next;
          link.first = opener.node.next;
          link.last = link.first ? last : undefined;
          if (link.first) link.first.prev = undefined;
          for (let node = link.first; node; node = node.next) if (node.kind === 'tag') bail('a tag inside link text');
          tail = opener.node.prev as Inline;
          tail.next = undefined;
          append(link);
          index = resource.end;
          runStart = index;
          continue;
        }
        case Code.lessThan: {
          const tag = parseTag(text, index, end);
          flush(index);
          const node = inline('tag', '', tag.start, tag.end);
          node.tag = tag;
          append(node);
          index = tag.end;
          runStart = index;
          continue;
        }
        case Code.ampersand:
          if (mayStartReference(text, index)) bail('a character reference');
          index++;
          continue;
        default:
          index++;
      }
    }
    flush(end);
    if (bracket) bail('a "[" without "]"');
    this.resolveEmphasis(undefined, firstDelimiter);
    return this.toPhrasing(head.next);
  }

  /** `(url)` or `(url "title")` right after `]`; anything else is a bail. */
  private resource(at: number, end: number): { url: string; title: string | null; end: number } {
    const { text } = this;
    if (text.charCodeAt(at) !== Code.leftParen) bail('link text not followed by "(" (a reference link, or brackets in text)');
    let index = at + 1;
    const urlStart = index;
    for (; index < end; index++) {
      const code = text.charCodeAt(index);
      if (code === Code.rightParen || code === Code.space) break;
      if (code === Code.leftParen || code === Code.lessThan || code === Code.backslash || code === Code.lineFeed || code < 32 || code === 127) {
        bail('a link destination with parentheses, angle brackets, escapes or line breaks');
      }
      if (code === Code.ampersand && mayStartReference(text, index)) bail('a character reference in a link destination');
    }
    const url = text.slice(urlStart, index);
    if (url === '') bail('a link without destination');
    let title: string | null = null;
    if (text.charCodeAt(index) === Code.space) {
      index++;
      if (text.charCodeAt(index) !== Code.quote) bail('a link title that is not in double quotes');
      const titleStart = index + 1;
      index = titleStart;
      for (; index < end; index++) {
        const code = text.charCodeAt(index);
        if (code === Code.quote) break;
        if (code === Code.backslash || code === Code.lineFeed) bail('a link title with escapes or line breaks');
        if (code === Code.ampersand && mayStartReference(text, index)) bail('a character reference in a link title');
      }
      if (index >= end) bail('a link title that is not closed');
      title = text.slice(titleStart, index);
      index++;
    }
    if (text.charCodeAt(index) !== Code.rightParen || index >= end) bail('a link destination that is not closed');
    return { url, title, end: index + 1 };
  }

  /**
   * micromark's `resolveAllAttention` on the delimiters after `bottom`: each closer, in order, takes the nearest
   * earlier opener with the same marker that the rule of three allows (on the lengths left, as micromark counts
   * them); the delimiters between them become text.
   */
  private resolveEmphasis(bottom: Delimiter | undefined, first: Delimiter | undefined): void {
    let closer = first;
    while (closer) {
      if (!closer.canClose) {
        closer = closer.next;
        continue;
      }
      let opener = closer.prev;
      while (opener && opener !== bottom) {
        if (opener.canOpen && opener.marker === closer.marker) {
          const ruleOfThree = (opener.canClose || closer.canOpen) && closer.length % 3 !== 0 && (opener.length + closer.length) % 3 === 0;
          if (!ruleOfThree) break;
        }
        opener = opener.prev;
      }
      if (!opener || opener === bottom) {
        closer = closer.next;
        continue;
      }
      const use = opener.length > 1 && closer.length > 1 ? 2 : 1;
      opener.length -= use;
      closer.length -= use;
      opener.node.value = opener.node.value.slice(0, opener.length);
      closer.node.value = closer.node.value.slice(use);
      // Everything between the two runs goes into the new node; the delimiters in between are text from now on.
      const group = inline(use === 2 ? 'strong' : 'emphasis', '');
      const inner = opener.node.next;
      if (inner !== closer.node) {
        group.first = inner;
        group.last = closer.node.prev;
        (inner as Inline).prev = undefined;
        (group.last as Inline).next = undefined;
      }
      opener.node.next = group;
      group.prev = opener.node;
      group.next = closer.node;
      closer.node.prev = group;
      opener.next = closer;
      closer.prev = opener;
      if (opener.length === 0) {
        this.unlinkNode(opener.node);
        this.unlinkDelimiter(opener);
      }
      if (closer.length === 0) {
        const next: Delimiter | undefined = closer.next;
        this.unlinkNode(closer.node);
        this.unlinkDelimiter(closer);
        closer = next;
      }
    }
  }

  private unlinkNode(node: Inline): void {
    if (node.prev) node.prev.next = node.next;
    if (node.next) node.next.prev = node.prev;
  }

  private unlinkDelimiter(delimiter: Delimiter): void {
    if (delimiter.prev) delimiter.prev.next = delimiter.next;
    if (delimiter.next) delimiter.next.prev = delimiter.prev;
  }

  /**
   * The working list as mdast: adjacent text merged, tags matched into elements (a mismatch is a bail). `depth` counts
   * the emphasis and links around it: deeper than `maxNestingDepth` is left to remark, which reports it.
   */
  private toPhrasing(first: Inline | undefined, depth = 0): PhrasingContent[] {
    if (depth > maxNestingDepth) bail('emphasis or links nested too deeply');
    const out: PhrasingContent[] = [];
    const open: { element: MdxJsxTextElement; parent: PhrasingContent[] }[] = [];
    let children = out;
    let text: string | undefined;
    const flushText = (): void => {
      if (text !== undefined && text !== '') children.push({ type: 'text', value: text });
      text = undefined;
    };
    for (let node = first; node; node = node.next) {
      switch (node.kind) {
        case 'text':
          text = text === undefined ? node.value : text + node.value;
          continue;
        case 'break':
          flushText();
          children.push({ type: 'break' });
          continue;
        case 'emphasis':
        case 'strong':
          flushText();
          children.push({ type: node.kind, children: this.toPhrasing(node.first, depth + 1) });
          continue;
        case 'link':
          flushText();
          children.push({ type: 'link', title: node.title ?? null, url: node.url ?? '', children: this.toPhrasing(node.first, depth + 1), position: this.position(node.start, node.end) });
          continue;
        case 'image':
          flushText();
          children.push({ type: 'image', title: node.title ?? null, url: node.url ?? '', alt: plainString(this.toPhrasing(node.first, depth + 1)), position: this.position(node.start, node.end) });
          continue;
        case 'tag': {
          flushText();
          const tag = node.tag as ParsedTag;
          if (tag.closing) {
            const top = open.pop();
            if (!top || top.element.name !== tag.name) bail(`a closing tag </${tag.name}> that does not match`);
            top.element.position = this.position(this.elementStartOf(top.element), tag.end);
            children = top.parent;
            continue;
          }
          const element: MdxJsxTextElement = { type: 'mdxJsxTextElement', name: tag.name, attributes: tag.attributes, children: [] };
          if (tag.selfClosing) {
            element.position = this.position(tag.start, tag.end);
            children.push(element);
            continue;
          }
          element.position = this.position(tag.start, tag.start);
          children.push(element);
          open.push({ element, parent: children });
          children = element.children;
          continue;
        }
      }
    }
    flushText();
    if (open.length > 0) bail('a tag that is not closed in its paragraph, or emphasis that crosses a tag');
    return out;
  }

  private elementStartOf(element: MdxJsxTextElement): number {
    return (element.position as Position).start.offset as number;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Positions

  private position(start: number, end: number): Position {
    return { start: this.point(start), end: this.point(end) };
  }

  private point(offset: number): Point {
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (starts[low] as number) + 1, offset };
  }
}

/** mdast-util-to-string on phrasing content: what remark stores as an image's `alt`. */
function plainString(nodes: readonly PhrasingContent[]): string {
  let out = '';
  for (const node of nodes) {
    if ('value' in node) out += node.value;
    else if (node.type === 'image') out += node.alt ?? '';
    else if ('children' in node) out += plainString(node.children);
  }
  return out;
}
