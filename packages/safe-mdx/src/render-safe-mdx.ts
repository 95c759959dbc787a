import type {
  Code,
  Definition,
  FootnoteDefinition,
  FootnoteReference,
  Heading,
  ImageReference,
  Link,
  LinkReference,
  List,
  ListItem,
  Root,
  Table,
  TableRow,
} from 'mdast';
import { isSiteComponent } from './components.ts';
import type { SiteComponentName } from './components.ts';
import { createSlugger, plainText } from './headings.ts';
import { allowedHtmlTags, isAllowedHtmlTag } from './html-tags.ts';
import type { MdastNode, MdxJsxElement } from './mdx-node-types.ts';
import { hostOf, nonEmpty, onlyPhrasing, positiveInteger, stringAttributes } from './component-attributes.ts';
import { classifyUrl } from './safe-url.ts';

/**
 * Visible words the renderer needs, in the page's language. The renderer holds no UI string of its own; the site
 * passes these from its translation files.
 */
export interface RenderLabels {
  /** Written before a statistic's source, with the language's punctuation: "Source:", "Source :", "المصدر:". */
  source: string;
  /** Heading of the footnotes section (read by screen readers): "Footnotes", "Notes". */
  footnotes: string;
  /** Label of the link from a footnote back to the text (read by screen readers): "Back to content". */
  backToContent: string;
}

/** What `resolveImage` returns: where the image is published and, when known, its size in pixels. */
export interface ResolvedImage {
  src: string;
  width?: number | undefined;
  height?: number | undefined;
}

/** How the site wants a body rendered. Everything is optional except the labels. */
export interface RenderOptions {
  labels: RenderLabels;
  /**
   * Maps an image path as written (`./training.jpg`) to its published URL and size, so that `<img>` gets the right
   * `src` and `width`/`height` (no layout shift). `undefined` keeps the path as written.
   */
  resolveImage?: ((src: string) => ResolvedImage | undefined) | undefined;
  /** Rewrites links to paths of this site (not `#anchors`), e.g. to add a base path when hosted under `/newsroom/`. */
  linkRewriter?: ((url: string) => string) | undefined;
  /** The HTML of the release's press contacts, inserted as is where `<Contacts />` is written. Absent: nothing. */
  renderContacts?: (() => string) | undefined;
  /**
   * The site's own origin (`https://www.iom.int`): links to it are not external. Without it, every http(s) link is
   * treated as external and gets `rel="noopener noreferrer"`.
   */
  siteOrigin?: string | undefined;
  /** Load the first image eagerly (it is often the lead photo, above the fold). Others are always lazy. */
  eagerFirstImage?: boolean | undefined;
}

// `<Contacts />` becomes this comment, replaced after serialisation by the site's HTML: the site's block is trusted
// HTML, and this way the serialiser never needs raw HTML from content. Content cannot produce an HTML comment (MDX
// has no comment syntax but `{/* */}`, which the checker rejects, and raw HTML is dropped), so the marker is ours.
const contactsComment = '<!--safe-mdx:contacts-->';

/**
 * Renders a body that passed `checkSafeMdx` to an HTML string: Markdown as usual, site components as plain semantic
 * HTML with `c-…` class names for the ui package's CSS, no inline style, no script, no visible word that does not
 * come from the content or from `options.labels`.
 *
 * The renderer is also safe on its own: anything not on the allow-list (unknown elements and attributes, `{…}`,
 * `import`, raw HTML, `javascript:` links) is left out of the HTML rather than rendered. Run the check first anyway:
 * it tells the translator, the renderer only stays silent.
 *
 * Headings get ids (`## Background` → `id="background"`), the same ones `extractHeadings` lists; links to other
 * websites get `rel="noopener noreferrer"`; images are `loading="lazy" decoding="async"`.
 *
 * The HTML is byte for byte what mdast-util-to-hast and hast-util-to-html made of the same tree (the line breaks
 * between blocks, the footnote section, escaping), which the renderer tests check against that pipeline, kept as
 * their oracle. Writing the string directly is three to four times faster (0.05 against 0.17 ms a release).
 *
 * @example
 * renderSafeMdx(parseContentFile(file, text).tree, { labels: { source: 'Source:', footnotes: 'Notes', backToContent: 'Back to content' } })
 * // '<h2 id="background">Background</h2>\n<p>…</p>\n<figure class="c-figure"><img src="./a.jpg" alt="…" loading="lazy" decoding="async">…'
 */
export function renderSafeMdx(tree: Root, options: RenderOptions): string {
  const renderer = new Renderer(tree, options);
  const body = renderer.root(tree);
  const foot = renderer.footer();
  let html = serialize(body);
  if (foot) html += '\n' + serializeNode(foot);
  // Trimmed as before: a left-out first or last node must not leave the line break that would have followed it.
  html = html.trim();
  return renderer.usesContacts && options.renderContacts ? html.split(contactsComment).join(options.renderContacts()) : html;
}

// ---------------------------------------------------------------------------------------------------------------
// A minimal HTML tree: the renderer keeps the shape of the hast it replaces, because several rules of
// mdast-util-to-hast act on that shape (a tight list item takes the words out of its paragraph, a footnote's back
// link goes inside its last paragraph, spaces after a hard break are dropped from the next text).

/** A text node (not yet escaped), an element, or trusted markup (only the Contacts comment). */
type HtmlNode = string | HtmlElement | { raw: string };

interface HtmlElement {
  tag: string;
  /** Serialized attributes, each with its leading space. */
  attributes: string;
  children: HtmlNode[];
}

type Rendered = HtmlNode | HtmlNode[] | undefined;

function element(tag: string, attributes: string, children: HtmlNode[] = []): HtmlElement {
  return { tag, attributes, children };
}

function isElement(node: HtmlNode | undefined): node is HtmlElement {
  return typeof node === 'object' && 'tag' in node;
}

/** ` name="value"`, with hast-util-to-html's rules: absent for null, undefined, false and NaN, bare for true. */
function attribute(name: string, value: string | number | boolean | readonly string[] | null | undefined): string {
  if (value === undefined || value === null || value === false || (typeof value === 'number' && Number.isNaN(value))) return '';
  if (value === true) return ` ${name}`;
  const text = typeof value === 'object' ? value.join(' ').trim() : String(value);
  return ` ${name}="${escapeAttribute(text)}"`;
}

// hast-util-to-html escapes `<` and `&` in text, and `"`, `&`, `'`, `` ` `` and NUL in double-quoted attribute values,
// as hexadecimal references in upper case (stringify-entities' defaults).
const textSpecials = /[<&]/g;
const attributeSpecials = /[\0"&'`]/g;
const reference = (character: string): string => `&#x${character.charCodeAt(0).toString(16).toUpperCase()};`;

function escapeText(value: string): string {
  textSpecials.lastIndex = 0;
  return textSpecials.test(value) ? value.replace(textSpecials, reference) : value;
}

function escapeAttribute(value: string): string {
  attributeSpecials.lastIndex = 0;
  return attributeSpecials.test(value) ? value.replace(attributeSpecials, reference) : value;
}

const voidElements = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

function serialize(nodes: readonly HtmlNode[]): string {
  let html = '';
  for (const node of nodes) html += serializeNode(node);
  return html;
}

function serializeNode(node: HtmlNode): string {
  if (typeof node === 'string') return escapeText(node);
  if (!('tag' in node)) return node.raw;
  const content = serialize(node.children);
  // A void element with content (`<br>x</br>` written in content) gets a closing tag, as hast-util-to-html does.
  if (content === '' && voidElements.has(node.tag)) return `<${node.tag}${node.attributes}>`;
  return `<${node.tag}${node.attributes}>${content}</${node.tag}>`;
}

/** mdast-util-to-hast's `wrap`: a line break between nodes, and around them when `loose`. */
function wrap(nodes: readonly HtmlNode[], loose = false): HtmlNode[] {
  const result: HtmlNode[] = [];
  if (loose) result.push('\n');
  for (let index = 0; index < nodes.length; index++) {
    if (index > 0) result.push('\n');
    result.push(nodes[index] as HtmlNode);
  }
  if (loose && nodes.length > 0) result.push('\n');
  return result;
}

/** trim-lines, as mdast-util-to-hast applies it to text: spaces and tabs around each line break go. */
function trimLines(value: string): string {
  if (!value.includes('\n') && !value.includes('\r')) return value;
  const search = /\r?\n|\r/g;
  const lines: string[] = [];
  let last = 0;
  let match = search.exec(value);
  while (match) {
    lines.push(trimLine(value.slice(last, match.index), last > 0, true), match[0]);
    last = match.index + match[0].length;
    match = search.exec(value);
  }
  lines.push(trimLine(value.slice(last), last > 0, false));
  return lines.join('');
}

function trimLine(value: string, start: boolean, end: boolean): string {
  let startIndex = 0;
  let endIndex = value.length;
  if (start) while (isSpaceOrTab(value.charCodeAt(startIndex))) startIndex++;
  if (end) while (endIndex > 0 && isSpaceOrTab(value.charCodeAt(endIndex - 1))) endIndex--;
  return endIndex > startIndex ? value.slice(startIndex, endIndex) : '';
}

function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9;
}

function trimSpaceStart(value: string): string {
  let index = 0;
  while (isSpaceOrTab(value.charCodeAt(index))) index++;
  return index === 0 ? value : value.slice(index);
}

// micromark-util-sanitize-uri's `normalizeUri`, which mdast-util-to-hast applies to link targets: percent-encodes
// what is not allowed in a URL, keeps valid `%xx` sequences.
const safeUri = /^[!#$&-;=?-Z_a-z~]*$/;
const safeAscii = /[!#$&-;=?-Z_a-z~]/;

function normalizeUri(value: string): string {
  if (safeUri.test(value)) return value;
  const result: string[] = [];
  let start = 0;
  let skip = 0;
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    let replace = '';
    if (code === 37 && isAlphanumeric(value.charCodeAt(index + 1)) && isAlphanumeric(value.charCodeAt(index + 2))) {
      skip = 2;
    } else if (code < 128) {
      if (!safeAscii.test(String.fromCharCode(code))) replace = String.fromCharCode(code);
    } else if (code > 55_295 && code < 57_344) {
      const next = value.charCodeAt(index + 1);
      if (code < 56_320 && next > 56_319 && next < 57_344) {
        replace = String.fromCharCode(code, next);
        skip = 1;
      } else {
        replace = '\uFFFD';
      }
    } else {
      replace = String.fromCharCode(code);
    }
    if (replace) {
      result.push(value.slice(start, index), encodeURIComponent(replace));
      start = index + skip + 1;
    }
    if (skip) {
      index += skip;
      skip = 0;
    }
  }
  return result.join('') + value.slice(start);
}

function isAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

// ---------------------------------------------------------------------------------------------------------------

/** Node types whose parent matters to their rendering. */
type Parent = MdastNode | undefined;

/**
 * One rendering: what mdast-util-to-hast keeps in its `state` (definitions, footnote order and counts) plus the
 * site's rules (slugs, the image counter, whether Contacts was used). Each handler returns the nodes hast would hold.
 */
class Renderer {
  usesContacts = false;
  private readonly options: RenderOptions;
  private readonly tree: Root;
  private readonly slug = createSlugger();
  private readonly siteHost: string | undefined;
  private imagesSoFar = 0;
  private definitions: Map<string, Definition> | undefined;
  private footnotes: Map<string, FootnoteDefinition> | undefined;
  private readonly footnoteOrder: string[] = [];
  private readonly footnoteCounts = new Map<string, number>();

  constructor(tree: Root, options: RenderOptions) {
    this.tree = tree;
    this.options = options;
    this.siteHost = options.siteOrigin === undefined ? undefined : hostOf(options.siteOrigin);
  }

  root(tree: Root): HtmlNode[] {
    return wrap(this.all(tree));
  }

  /** Definitions by upper-cased identifier (the first one wins), found only when a reference needs them. */
  private collect(): void {
    if (this.definitions) return;
    const definitions = new Map<string, Definition>();
    const footnotes = new Map<string, FootnoteDefinition>();
    const walk = (node: MdastNode): void => {
      if (node.type === 'definition' || node.type === 'footnoteDefinition') {
        const id = String(node.identifier).toUpperCase();
        if (node.type === 'definition') {
          if (!definitions.has(id)) definitions.set(id, node);
        } else if (!footnotes.has(id)) {
          footnotes.set(id, node);
        }
      }
      if ('children' in node) for (const child of node.children as MdastNode[]) walk(child);
    };
    walk(this.tree);
    this.definitions = definitions;
    this.footnotes = footnotes;
  }

  private definition(identifier: string): Definition | undefined {
    this.collect();
    return this.definitions?.get(identifier.toUpperCase());
  }

  /** mdast-util-to-hast's `all`: children in order, with the spaces after a hard break dropped. */
  all(parent: MdastNode): HtmlNode[] {
    const values: HtmlNode[] = [];
    if (!('children' in parent)) return values;
    const nodes = parent.children as MdastNode[];
    for (let index = 0; index < nodes.length; index++) {
      const result = this.one(nodes[index] as MdastNode, parent);
      if (result === undefined) continue;
      if (index > 0 && (nodes[index - 1] as MdastNode).type === 'break') {
        if (typeof result === 'string') {
          values.push(trimSpaceStart(result));
          continue;
        }
        if (isElement(result as HtmlNode)) {
          const head = (result as HtmlElement).children[0];
          if (typeof head === 'string') (result as HtmlElement).children[0] = trimSpaceStart(head);
        }
      }
      if (Array.isArray(result)) values.push(...result);
      else values.push(result);
    }
    return values;
  }

  one(node: MdastNode, parent: Parent): Rendered {
    switch (node.type) {
      case 'paragraph':
        return element('p', '', this.all(node));
      case 'text':
        return trimLines(node.value);
      case 'heading':
        return this.heading(node);
      case 'emphasis':
        return element('em', '', this.all(node));
      case 'strong':
        return element('strong', '', this.all(node));
      case 'delete':
        return element('del', '', this.all(node));
      case 'break':
        return [element('br', ''), '\n'];
      case 'inlineCode':
        return element('code', '', [node.value.replace(/\r?\n|\r/g, ' ')]);
      case 'code':
        return this.code(node);
      case 'blockquote':
        return element('blockquote', '', wrap(this.all(node), true));
      case 'thematicBreak':
        return element('hr', '');
      case 'list':
        return this.list(node);
      case 'listItem':
        return this.listItem(node, parent);
      case 'table':
        return this.table(node);
      case 'tableRow':
        return this.tableRow(node, parent);
      case 'tableCell':
        return element('td', '', this.all(node));
      case 'link':
        return this.link(node);
      case 'linkReference':
        return this.linkReference(node);
      case 'image':
        return this.image(node.url, node.alt ?? '', undefined, undefined, node.title ?? undefined);
      case 'imageReference':
        return this.imageReference(node);
      case 'footnoteReference':
        return this.footnoteReference(node);
      case 'mdxJsxFlowElement':
        return this.jsxElement(node, true);
      case 'mdxJsxTextElement':
        return this.jsxElement(node, false);
      // Code, raw HTML, frontmatter, definitions (used through their references) and anything unknown: nothing.
      default:
        return undefined;
    }
  }

  private heading(node: Heading): HtmlElement {
    const children = this.all(node);
    return element(`h${node.depth}`, attribute('id', this.slug(plainText(node).trim())), children);
  }

  private code(node: Code): HtmlElement {
    const language = node.lang ? node.lang.split(/\s+/) : [];
    const className = language.length > 0 ? attribute('class', [`language-${language[0]}`]) : '';
    return element('pre', '', [element('code', className, [node.value ? `${node.value}\n` : ''])]);
  }

  private list(node: List): HtmlElement {
    const results = this.all(node);
    let attributes = typeof node.start === 'number' && node.start !== 1 ? attribute('start', node.start) : '';
    if (results.some((child) => isElement(child) && child.tag === 'li' && child.attributes === taskListItemClass)) {
      attributes += attribute('class', ['contains-task-list']);
    }
    return element(node.ordered ? 'ol' : 'ul', attributes, wrap(results, true));
  }

  private listItem(node: ListItem, parent: Parent): HtmlElement {
    const results = this.all(node);
    const loose = parent ? listLoose(parent) : listItemLoose(node);
    let attributes = '';
    if (typeof node.checked === 'boolean') {
      const head = results[0];
      let paragraph: HtmlElement;
      if (isElement(head) && head.tag === 'p') {
        paragraph = head;
      } else {
        paragraph = element('p', '');
        results.unshift(paragraph);
      }
      if (paragraph.children.length > 0) paragraph.children.unshift(' ');
      paragraph.children.unshift(element('input', attribute('type', 'checkbox') + attribute('checked', node.checked) + attribute('disabled', true)));
      attributes = taskListItemClass;
    }
    const children: HtmlNode[] = [];
    for (let index = 0; index < results.length; index++) {
      const child = results[index] as HtmlNode;
      const paragraph = isElement(child) && child.tag === 'p';
      // A line break before each block, except before the first paragraph of a tight item, whose words stand alone.
      if (loose || index !== 0 || !paragraph) children.push('\n');
      if (paragraph && !loose) children.push(...child.children);
      else children.push(child);
    }
    const tail = results.at(-1);
    if (tail !== undefined && (loose || !isElement(tail) || tail.tag !== 'p')) children.push('\n');
    return element('li', attributes, children);
  }

  private table(node: Table): HtmlElement {
    const rows = this.all(node);
    const firstRow = rows.shift();
    const content: HtmlNode[] = [];
    if (firstRow !== undefined) content.push(element('thead', '', wrap([firstRow], true)));
    if (rows.length > 0) content.push(element('tbody', '', wrap(rows, true)));
    return element('table', '', wrap(content, true));
  }

  private tableRow(node: TableRow, parent: Parent): HtmlElement {
    const siblings = parent && 'children' in parent ? (parent.children as MdastNode[]) : undefined;
    const rowIndex = siblings ? siblings.indexOf(node) : 1;
    const tag = rowIndex === 0 ? 'th' : 'td';
    const align = parent && parent.type === 'table' ? parent.align : undefined;
    const length = align ? align.length : node.children.length;
    const cells: HtmlNode[] = [];
    for (let index = 0; index < length; index++) {
      const cell = node.children[index];
      const alignValue = align ? align[index] : undefined;
      cells.push(element(tag, alignValue ? attribute('align', alignValue) : '', cell ? this.all(cell) : []));
    }
    return element('tr', '', wrap(cells, true));
  }

  /** Links: the target normalised as a URL, left out when unsafe, rewritten when on this site, `rel` when external. */
  private link(node: Link): Rendered {
    const href = normalizeUri(node.url);
    const children = this.all(node);
    return this.patchLink(node, href, node.title, children);
  }

  private linkReference(node: LinkReference): Rendered {
    const definition = this.definition(String(node.identifier));
    if (!definition) return this.revert(node);
    const children = this.all(node);
    return this.patchLink(node, normalizeUri(definition.url || ''), definition.title, children);
  }

  private patchLink(node: Link | LinkReference, href: string, title: string | null | undefined, children: HtmlNode[]): Rendered {
    const kind = classifyUrl(href);
    // The words stay, the link goes. They are rendered a second time, as the hast pipeline did (it matters only for
    // counters inside such a link, in a tree the check rejects anyway).
    if (kind.kind === 'forbidden') return this.all(node);
    const target = kind.kind === 'relative' && this.options.linkRewriter ? this.options.linkRewriter(href) : href;
    const rel = kind.kind === 'network' && kind.host !== this.siteHost ? attribute('rel', ['noopener', 'noreferrer']) : '';
    return element('a', attribute('href', target) + attribute('title', title) + rel, children);
  }

  private imageReference(node: ImageReference): Rendered {
    const definition = this.definition(String(node.identifier));
    if (!definition) return this.revert(node);
    return this.image(definition.url, node.alt ?? '', undefined, undefined, definition.title ?? undefined);
  }

  /** A reference without definition is written back as text, as mdast-util-to-hast's `revert` does. */
  private revert(node: LinkReference | ImageReference): HtmlNode[] {
    let suffix = ']';
    if (node.referenceType === 'collapsed') suffix += '[]';
    else if (node.referenceType === 'full') suffix += `[${node.label || node.identifier}]`;
    if (node.type === 'imageReference') return [`![${String(node.alt)}${suffix}`];
    const contents = this.all(node);
    const head = contents[0];
    if (typeof head === 'string') contents[0] = `[${head}`;
    else contents.unshift('[');
    const tail = contents.at(-1);
    if (typeof tail === 'string') contents[contents.length - 1] = tail + suffix;
    else contents.push(suffix);
    return contents;
  }

  private image(src: string, alt: string, width: number | undefined, height: number | undefined, title: string | undefined): HtmlElement | undefined {
    if (classifyUrl(src).kind === 'forbidden') return undefined;
    const resolved = this.options.resolveImage?.(src);
    // Sizes written in the content win, as a pair: mixing a written width with the file's height would distort it.
    const written = width !== undefined || height !== undefined;
    const first = this.imagesSoFar === 0;
    this.imagesSoFar++;
    return element(
      'img',
      attribute('src', resolved?.src ?? src) +
        attribute('alt', alt) +
        attribute('width', written ? width : resolved?.width) +
        attribute('height', written ? height : resolved?.height) +
        attribute('title', title) +
        attribute('loading', first && this.options.eagerFirstImage === true ? 'eager' : 'lazy') +
        attribute('decoding', 'async'),
    );
  }

  private footnoteReference(node: FootnoteReference): HtmlElement {
    const id = String(node.identifier).toUpperCase();
    const safeId = normalizeUri(id.toLowerCase());
    const index = this.footnoteOrder.indexOf(id);
    let reuse = this.footnoteCounts.get(id);
    let counter: number;
    if (reuse === undefined) {
      reuse = 0;
      this.footnoteOrder.push(id);
      counter = this.footnoteOrder.length;
    } else {
      counter = index + 1;
    }
    reuse++;
    this.footnoteCounts.set(id, reuse);
    const link = element(
      'a',
      attribute('href', `#user-content-fn-${safeId}`) +
        attribute('id', `user-content-fnref-${safeId}${reuse > 1 ? `-${reuse}` : ''}`) +
        attribute('data-footnote-ref', true) +
        attribute('aria-describedby', ['footnote-label']),
      [String(counter)],
    );
    return element('sup', '', [link]);
  }

  /**
   * The footnotes section after the body, as mdast-util-to-hast builds it: the definitions in the order their
   * references were first rendered (references inside footnotes included), each with a back link per reference.
   */
  footer(): HtmlElement | undefined {
    if (this.footnoteOrder.length === 0) return undefined;
    this.collect();
    const footnotes = this.footnotes as Map<string, FootnoteDefinition>;
    const contents: (HtmlNode[] | undefined)[] = [];
    // The order may grow while footnotes are rendered (a footnote that refers to another).
    for (let index = 0; index < this.footnoteOrder.length; index++) {
      const definition = footnotes.get(this.footnoteOrder[index] as string);
      if (definition) contents[index] = this.all(definition);
    }
    const label = this.options.labels.footnotes || 'Footnotes';
    const backLabel = this.options.labels.backToContent;
    const listItems: HtmlNode[] = [];
    for (let index = 0; index < this.footnoteOrder.length; index++) {
      const definition = footnotes.get(this.footnoteOrder[index] as string);
      if (!definition) continue;
      const content = contents[index] as HtmlNode[];
      const id = String(definition.identifier).toUpperCase();
      const safeId = normalizeUri(id.toLowerCase());
      const counts = this.footnoteCounts.get(id);
      const backReferences: HtmlNode[] = [];
      for (let again = 1; counts !== undefined && again <= counts; again++) {
        if (backReferences.length > 0) backReferences.push(' ');
        const children: HtmlNode[] = ['↩'];
        if (again > 1) children.push(element('sup', '', [String(again)]));
        backReferences.push(
          element(
            'a',
            attribute('href', `#user-content-fnref-${safeId}${again > 1 ? `-${again}` : ''}`) +
              attribute('data-footnote-backref', '') +
              attribute('aria-label', backLabel || `Back to reference ${index + 1}${again > 1 ? `-${again}` : ''}`) +
              attribute('class', ['data-footnote-backref']),
            children,
          ),
        );
      }
      const tail = content.at(-1);
      if (isElement(tail) && tail.tag === 'p') {
        const last = tail.children.at(-1);
        if (typeof last === 'string') tail.children[tail.children.length - 1] = `${last} `;
        else tail.children.push(' ');
        tail.children.push(...backReferences);
      } else {
        content.push(...backReferences);
      }
      listItems.push(element('li', attribute('id', `user-content-fn-${safeId}`), wrap(content, true)));
    }
    if (listItems.length === 0) return undefined;
    return element('section', attribute('data-footnotes', true) + attribute('class', ['footnotes']), [
      element('h2', attribute('class', ['sr-only']) + attribute('id', 'footnote-label'), [label]),
      '\n',
      element('ol', '', wrap(listItems, true)),
      '\n',
    ]);
  }

  private jsxElement(node: MdxJsxElement, flow: boolean): Rendered {
    const name = node.name ?? '';
    const attributes = stringAttributes(node);
    if (isSiteComponent(name)) return this.component(node, name, attributes);
    if (!isAllowedHtmlTag(name)) return undefined;
    let written = '';
    for (const allowed of Object.keys(allowedHtmlTags[name].attributes)) written += attribute(allowed, attributes.get(allowed));
    const result = element(name, written, this.all(node));
    // An inline tag alone in its paragraph was unravelled to a block by the parser (as MDX does); give it its
    // paragraph back so that the HTML stays valid.
    return flow && onlyPhrasing(node) ? element('p', '', [result]) : result;
  }

  /** The content of a block component: its blocks, or its words wrapped in one paragraph. */
  private blockContent(node: MdxJsxElement, before: HtmlNode[] = []): HtmlNode[] {
    const children = this.all(node);
    return wrap([...before, ...(onlyPhrasing(node) ? [element('p', '', children)] : children)], true);
  }

  private component(node: MdxJsxElement, name: SiteComponentName, attributes: ReadonlyMap<string, string>): Rendered {
    switch (name) {
      case 'Figure': {
        const src = attributes.get('src');
        if (src === undefined) return undefined;
        const img = this.image(
          src,
          attributes.has('decorative') ? '' : (attributes.get('alt') ?? ''),
          positiveInteger(attributes.get('width')),
          positiveInteger(attributes.get('height')),
          undefined,
        );
        if (!img) return undefined;
        const caption = nonEmpty(attributes.get('caption'));
        const credit = nonEmpty(attributes.get('credit'));
        const captionChildren: HtmlNode[] = [];
        if (caption) captionChildren.push(caption);
        if (caption && credit) captionChildren.push(' ');
        if (credit) captionChildren.push(element('span', attribute('class', ['c-figure__credit']), [credit]));
        const children: HtmlNode[] = [img];
        if (captionChildren.length > 0) children.push(element('figcaption', '', captionChildren));
        return element('figure', attribute('class', ['c-figure']), children);
      }
      case 'PullQuote': {
        // The WHATWG pattern for a quotation with its attribution: the attribution is not part of the quote, so it
        // sits in a figcaption outside the blockquote. The dash before it is left to CSS (a typographic choice).
        const cite = nonEmpty(attributes.get('cite'));
        const children: HtmlNode[] = [element('blockquote', attribute('class', ['c-pull-quote__quote']), this.blockContent(node))];
        if (cite) children.push(element('figcaption', attribute('class', ['c-pull-quote__cite']), [cite]));
        return element('figure', attribute('class', ['c-pull-quote']) + attribute('lang', nonEmpty(attributes.get('lang'))), children);
      }
      case 'Callout': {
        const toneValue = attributes.get('tone');
        const tone = toneValue === 'warning' || toneValue === 'note' ? toneValue : 'info';
        const title = nonEmpty(attributes.get('title'));
        // The title names the note; a heading here would enter the page outline and the list of sections.
        const heading = title ? [element('p', attribute('class', ['c-callout__title']), [title])] : [];
        return element('aside', attribute('class', ['c-callout', `c-callout--${tone}`]) + attribute('role', 'note'), this.blockContent(node, heading));
      }
      case 'Statistic': {
        const value = attributes.get('value') ?? '';
        const label = attributes.get('label') ?? '';
        const source = nonEmpty(attributes.get('source'));
        const children: HtmlNode[] = [
          element('strong', attribute('class', ['c-statistic__value']), [value]),
          ' ',
          element('span', attribute('class', ['c-statistic__label']), [label]),
        ];
        if (source) children.push(' ', element('span', attribute('class', ['c-statistic__source']), [`${this.options.labels.source} ${source}`]));
        return element('p', attribute('class', ['c-statistic']), children);
      }
      case 'Contacts':
        if (!this.options.renderContacts) return undefined;
        this.usesContacts = true;
        return { raw: contactsComment };
    }
  }
}

const taskListItemClass = attribute('class', ['task-list-item']);

function listLoose(node: MdastNode): boolean {
  if (node.type !== 'list') return false;
  let loose = node.spread ?? false;
  for (let index = 0; !loose && index < node.children.length; index++) loose = listItemLoose(node.children[index] as ListItem);
  return loose;
}

function listItemLoose(node: ListItem): boolean {
  return node.spread === null || node.spread === undefined ? node.children.length > 1 : node.spread;
}
