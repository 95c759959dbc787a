import type { Element, ElementContent, Properties } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Heading, Image, ImageReference, Link, LinkReference, Root } from 'mdast';
import { defaultHandlers, toHast } from 'mdast-util-to-hast';
import type { Handler, Handlers, State } from 'mdast-util-to-hast';
import { isSiteComponent } from '@iom/safe-mdx';
import type { SiteComponentName } from '@iom/safe-mdx';
import { createSlugger, plainText } from '@iom/safe-mdx';
import { allowedHtmlTags, isAllowedHtmlTag } from '@iom/safe-mdx';
import type { MdxJsxElement } from '@iom/safe-mdx';
import type { RenderOptions } from '@iom/safe-mdx';
import { hostOf, nonEmpty, onlyPhrasing, positiveInteger, stringAttributes } from '@iom/safe-mdx';
import { classifyUrl } from '@iom/safe-mdx';

// `<Contacts />` becomes this comment, replaced after serialisation by the site's HTML: the site's block is trusted
// HTML, and this way the serialiser never needs `allowDangerousHtml`. Content cannot produce an HTML comment (MDX
// has no comment syntax but `{/* */}`, which the checker rejects, and raw HTML is dropped), so the marker is ours.
const contactsMarker = 'safe-mdx:contacts';
const contactsComment = `<!--${contactsMarker}-->`;

/**
 * The renderer as it was before the direct serializer: mdast → hast (mdast-util-to-hast) → HTML (hast-util-to-html).
 * Kept only as the oracle of the renderer tests: `renderSafeMdx` must give byte-identical HTML for every tree the
 * check accepts. Nothing at run time imports this file.
 *
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
 * @example
 * referenceRenderSafeMdx(parseContentFile(file, text).tree, { labels: { source: 'Source:', footnotes: 'Notes', backToContent: 'Back to content' } })
 * // '<h2 id="background">Background</h2>\n<p>…</p>\n<figure class="c-figure"><img src="./a.jpg" alt="…" loading="lazy" decoding="async">…'
 */
export function referenceRenderSafeMdx(tree: Root, options: RenderOptions): string {
  const slug = createSlugger();
  const siteHost = options.siteOrigin === undefined ? undefined : hostOf(options.siteOrigin);
  let imagesSoFar = 0;
  let usesContacts = false;

  const loading = (): 'eager' | 'lazy' => {
    const first = imagesSoFar === 0;
    imagesSoFar++;
    return first && options.eagerFirstImage === true ? 'eager' : 'lazy';
  };

  const image = (src: string, alt: string, extra: Properties = {}): Element | undefined => {
    if (classifyUrl(src).kind === 'forbidden') return undefined;
    const resolved = options.resolveImage?.(src);
    // Sizes written in the content win, as a pair: mixing a written width with the file's height would distort it.
    const written = extra.width !== undefined || extra.height !== undefined;
    return element('img', {
      src: resolved?.src ?? src,
      alt,
      width: written ? extra.width : resolved?.width,
      height: written ? extra.height : resolved?.height,
      title: extra.title,
      loading: loading(),
      decoding: 'async',
    });
  };

  const patchLink = (state: State, node: Link | LinkReference, result: Element): ElementContent | ElementContent[] => {
    const href = result.properties.href;
    if (typeof href !== 'string') return result;
    const kind = classifyUrl(href);
    if (kind.kind === 'forbidden') return state.all(node);
    if (kind.kind === 'relative' && options.linkRewriter) result.properties.href = options.linkRewriter(href);
    if (kind.kind === 'network' && kind.host !== siteHost) result.properties.rel = ['noopener', 'noreferrer'];
    return result;
  };

  const handlers: Handlers = {
    heading: (state: State, node: Heading) => {
      const result = defaultHandlers.heading(state, node);
      result.properties.id = slug(plainText(node).trim());
      return result;
    },
    link: (state: State, node: Link) => patchLink(state, node, defaultHandlers.link(state, node)),
    linkReference: (state: State, node: LinkReference) => {
      const result = defaultHandlers.linkReference(state, node);
      return isElement(result) ? patchLink(state, node, result) : result;
    },
    image: (state: State, node: Image) => {
      const result = image(node.url, node.alt ?? '', { title: node.title ?? undefined });
      if (result) state.patch(node, result);
      return result;
    },
    imageReference: (state: State, node: ImageReference) => {
      const definition = state.definitionById.get(node.identifier.toUpperCase());
      if (!definition) return defaultHandlers.imageReference(state, node);
      return image(definition.url, node.alt ?? '', { title: definition.title ?? undefined });
    },
    mdxJsxFlowElement: (state: State, node: MdxJsxElement) => renderElement(state, node, true),
    mdxJsxTextElement: (state: State, node: MdxJsxElement) => renderElement(state, node, false),
    // Code never reaches the HTML, even if the check was skipped.
    mdxjsEsm: ignore,
    mdxFlowExpression: ignore,
    mdxTextExpression: ignore,
    html: ignore,
  };

  const renderElement = (state: State, node: MdxJsxElement, flow: boolean): ElementContent | undefined => {
    const name = node.name ?? '';
    const attributes = stringAttributes(node);
    if (isSiteComponent(name)) return renderComponent(state, node, name, attributes);
    if (!isAllowedHtmlTag(name)) return undefined;
    const properties: Properties = {};
    for (const attribute of Object.keys(allowedHtmlTags[name].attributes)) {
      const value = attributes.get(attribute);
      if (value !== undefined) properties[attribute] = value;
    }
    const result = element(name, properties, state.all(node));
    // An inline tag alone in its paragraph was unravelled to a block by the parser (as MDX does); give it its
    // paragraph back so that the HTML stays valid.
    return flow && onlyPhrasing(node) ? element('p', {}, [result]) : result;
  };

  const renderComponent = (
    state: State,
    node: MdxJsxElement,
    name: SiteComponentName,
    attributes: ReadonlyMap<string, string>,
  ): ElementContent | undefined => {
    switch (name) {
      case 'Figure': {
        const src = attributes.get('src');
        if (src === undefined) return undefined;
        const img = image(src, attributes.has('decorative') ? '' : (attributes.get('alt') ?? ''), {
          width: positiveInteger(attributes.get('width')),
          height: positiveInteger(attributes.get('height')),
        });
        if (!img) return undefined;
        const caption = nonEmpty(attributes.get('caption'));
        const credit = nonEmpty(attributes.get('credit'));
        const captionChildren: ElementContent[] = [];
        if (caption) captionChildren.push(text(caption));
        if (caption && credit) captionChildren.push(text(' '));
        if (credit) captionChildren.push(element('span', { className: ['c-figure__credit'] }, [text(credit)]));
        const children: ElementContent[] = [img];
        if (captionChildren.length > 0) children.push(element('figcaption', {}, captionChildren));
        return element('figure', { className: ['c-figure'] }, children);
      }
      case 'PullQuote': {
        // The WHATWG pattern for a quotation with its attribution: the attribution is not part of the quote, so it
        // sits in a figcaption outside the blockquote. The dash before it is left to CSS (a typographic choice).
        const cite = nonEmpty(attributes.get('cite'));
        const children: ElementContent[] = [element('blockquote', { className: ['c-pull-quote__quote'] }, blockContent(state, node))];
        if (cite) children.push(element('figcaption', { className: ['c-pull-quote__cite'] }, [text(cite)]));
        return element('figure', { className: ['c-pull-quote'], lang: nonEmpty(attributes.get('lang')) }, children);
      }
      case 'Callout': {
        const toneValue = attributes.get('tone');
        const tone = toneValue === 'warning' || toneValue === 'note' ? toneValue : 'info';
        const title = nonEmpty(attributes.get('title'));
        // The title names the note; a heading here would enter the page outline and the list of sections.
        const heading = title ? [element('p', { className: ['c-callout__title'] }, [text(title)])] : [];
        return element('aside', { className: ['c-callout', `c-callout--${tone}`], role: 'note' }, blockContent(state, node, heading));
      }
      case 'Statistic': {
        const value = attributes.get('value') ?? '';
        const label = attributes.get('label') ?? '';
        const source = nonEmpty(attributes.get('source'));
        const children: ElementContent[] = [
          element('strong', { className: ['c-statistic__value'] }, [text(value)]),
          text(' '),
          element('span', { className: ['c-statistic__label'] }, [text(label)]),
        ];
        if (source) {
          children.push(text(' '), element('span', { className: ['c-statistic__source'] }, [text(`${options.labels.source} ${source}`)]));
        }
        return element('p', { className: ['c-statistic'] }, children);
      }
      case 'Contacts':
        if (!options.renderContacts) return undefined;
        usesContacts = true;
        return { type: 'comment', value: contactsMarker };
    }
  };

  const hast = toHast(tree, {
    handlers,
    unknownHandler: ignore,
    footnoteLabel: options.labels.footnotes,
    footnoteBackLabel: options.labels.backToContent,
  });
  // Trimmed: a left-out node (Contacts without a block, a definition) leaves the line break the root put after it.
  const html = toHtml(hast).trim();
  return usesContacts && options.renderContacts ? html.split(contactsComment).join(options.renderContacts()) : html;
}

const ignore: Handler = () => undefined;

function element(tagName: string, properties: Properties, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}

function isElement(node: unknown): node is Element {
  return typeof node === 'object' && node !== null && (node as { type?: unknown }).type === 'element';
}

/** The content of a block component: its paragraphs, or its words wrapped in one (`<PullQuote>Words</PullQuote>`). */
function blockContent(state: State, node: MdxJsxElement, before: ElementContent[] = []): ElementContent[] {
  const children = state.all(node);
  return state.wrap([...before, ...(onlyPhrasing(node) ? [element('p', {}, children)] : children)], true);
}

