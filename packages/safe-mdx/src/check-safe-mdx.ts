import type { Root } from 'mdast';
import type { Position } from 'unist';
import type { ContentIssue } from './content-issue.ts';
import { closestName } from './closest-name.ts';
import { isSiteComponent, siteComponentNames, siteComponents } from './components.ts';
import type { AttributeSpec, ElementSpec } from './components.ts';
import { allowedHtmlTags, forbiddenHtmlTags, isAllowedHtmlTag, markdownAlternatives } from './html-tags.ts';
import type { MdastNode, MdxJsxAttribute, MdxJsxElement } from './mdx-node-types.ts';
import { classifyUrl } from './safe-url.ts';
import type { UrlKind } from './safe-url.ts';

/** Options of `checkSafeMdx`. */
export interface CheckSafeMdxOptions {
  /**
   * Accept images from other websites (`https://…`). Off by default: the site makes no third-party request, so
   * images must be files stored with the site.
   */
  allowRemoteImages?: boolean;
}

const componentList = listInWords(siteComponentNames);
const htmlTagList = Object.keys(allowedHtmlTags).join(', ');
const allowedLinkFix =
  'Use an address starting with https:// (or http://), an e-mail link like mailto:press@iom.int, a phone link like tel:+41227179111, or a path on this site like /en/news.';
const localImageFix =
  'Save the image with the release and point to it with a path, for example src="./photo.jpg" (or ![What the photo shows](./photo.jpg)).';
const blockTypes = new Set(['paragraph', 'heading', 'list', 'blockquote', 'code', 'table', 'thematicBreak', 'mdxJsxFlowElement']);

/**
 * Checks a parsed content body against the safe MDX dialect: Markdown plus the site components and a few inline
 * HTML tags, and nothing that is code. Reports every problem (not just the first), each with the line and column,
 * the construct, what is wrong and what to write instead, in words a translator can act on.
 *
 * Rejected: `import`/`export` lines, every `{…}` (text, attribute values, `{...spread}`), unknown components and
 * tags, `<script>`, `<iframe>` and the like, `on…` and `style` attributes, unknown or missing attributes, values of
 * the wrong kind, links with schemes other than http, https, mailto and tel, and images from other websites.
 *
 * @example
 * const { tree } = parseContentFile('content/a/en.mdx', '---\ntitle: x\n---\n\n<Figure src="./a.jpg" />\n');
 * checkSafeMdx('content/a/en.mdx', tree);
 * // [{ file: 'content/a/en.mdx', line: 5, column: 1, field: '<Figure> alt',
 * //    message: '<Figure> needs the attribute alt (what the image shows, for readers who cannot see it).', fix: 'Add alt="…" …' }]
 */
export function checkSafeMdx(file: string, tree: Root, options: CheckSafeMdxOptions = {}): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const allowRemoteImages = options.allowRemoteImages ?? false;
  // Images written `![alt][ref]` take their address from a `[ref]: url` definition anywhere in the file, so image
  // rules for definitions can only be applied once the whole tree has been seen.
  const definitions: { identifier: string; url: string; position: Position | undefined }[] = [];
  const imageReferences = new Set<string>();

  const report = (position: Position | undefined, field: string, message: string, fix: string): void => {
    issues.push({ file, line: position?.start.line, column: position?.start.column, field, message, fix });
  };

  const checkLink = (url: string, position: Position | undefined, field: string): void => {
    if (url.trim() === '') {
      report(position, field, 'This link has no address.', 'Write the address between the brackets: [text](https://…).');
      return;
    }
    const kind = classifyUrl(url);
    if (kind.kind === 'forbidden') report(position, field, forbiddenSchemeMessage('link', kind.scheme), allowedLinkFix);
  };

  const checkImage = (url: string, position: Position | undefined, field: string): void => {
    const kind = classifyUrl(url);
    const problem = imageProblem(kind, allowRemoteImages);
    if (problem) report(position, field, problem, localImageFix);
  };

  const walk = (node: MdastNode, parent: MdastNode | undefined): void => {
    switch (node.type) {
      case 'mdxjsEsm': {
        const word = /^\s*(import|export)/.exec(node.value)?.[1] ?? 'import';
        report(
          node.position,
          'import/export',
          `Content files cannot import or export code (this line starts with "${word}").`,
          `Remove this line. The site's components (${componentList}) can be used without importing them.`,
        );
        return;
      }
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const comment = /^\s*(\/\*|\/\/)/.test(node.value);
        report(
          node.position,
          '{ } expression',
          comment
            ? 'Comments written {/* … */} are program code in this format, and content files cannot contain code.'
            : 'Text in curly braces { } is program code in this format, and content files cannot contain code.',
          comment
            ? 'Remove the comment. Notes for other translators belong in the pull request or the translation ticket.'
            : 'Write the text without the braces. To show a brace as text, write \\{ and \\}.',
        );
        return;
      }
      case 'html': {
        const tag = /<\s*\/?\s*([a-z][a-z0-9-]*)/i.exec(node.value)?.[1]?.toLowerCase() ?? '';
        const reason = forbiddenHtmlTags[tag];
        report(
          node.position,
          tag ? `<${tag}>` : 'HTML',
          reason ?? 'HTML written directly in the text is not shown on the site.',
          `Remove it. Use Markdown or the site components (${componentList}) instead.`,
        );
        return;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        if (!checkElement(node, parent)) return;
        break;
      case 'link':
        checkLink(node.url, node.position, 'link');
        break;
      case 'image':
        checkImage(node.url, node.position, 'image');
        break;
      case 'definition':
        definitions.push({ identifier: node.identifier, url: node.url, position: node.position });
        return;
      case 'imageReference':
        imageReferences.add(node.identifier.toUpperCase());
        return;
      default:
        break;
    }
    if ('children' in node) for (const child of node.children as MdastNode[]) walk(child, node);
  };

  /** Reports problems of one element; returns whether its content is worth checking too. */
  const checkElement = (node: MdxJsxElement, parent: MdastNode | undefined): boolean => {
    const name = node.name;
    if (name === null) {
      report(node.position, '<>', 'An empty tag <> … </> is not allowed.', 'Remove <> and </>; the text inside works without them.');
      return true;
    }
    const tag = `<${name}>`;
    const forbidden = forbiddenHtmlTags[name.toLowerCase()];
    if (forbidden !== undefined) {
      const embed = /contact another website/.test(forbidden);
      report(
        node.position,
        tag,
        forbidden,
        `Remove the ${tag} tag${node.children.length > 0 ? ` and everything up to </${name}>` : ''}.` +
          (embed ? ' Link to the page instead: [Watch the video](https://…).' : ''),
      );
      checkDangerousAttributes(node, tag);
      return false;
    }

    const spec: ElementSpec | undefined = isSiteComponent(name)
      ? siteComponents[name]
      : isAllowedHtmlTag(name)
        ? allowedHtmlTags[name]
        : undefined;
    if (spec === undefined) {
      reportUnknownElement(node, name);
      checkDangerousAttributes(node, tag);
      return true;
    }

    if (spec.placement === 'block' && node.type === 'mdxJsxTextElement') {
      report(
        node.position,
        tag,
        `${tag} must stand on its own line, not inside a sentence${parent?.type === 'heading' ? ' or a heading' : ''}.`,
        `Put it on a line of its own, with an empty line before and after it: ${spec.example}`,
      );
    }
    if (spec.placement === 'inline' && node.type === 'mdxJsxFlowElement' && node.children.some((child) => blockTypes.has(child.type))) {
      report(
        node.position,
        tag,
        `${tag} can only wrap words inside a paragraph, not whole paragraphs.`,
        `Keep the tag and its words on the same line: ${spec.example}`,
      );
    }
    const hasContent = node.children.some((child) => child.type !== 'text' || child.value.trim() !== '');
    if (spec.children === 'none' && hasContent) {
      report(
        node.position,
        tag,
        `${tag} cannot contain text or other elements: it is a single tag that ends with />.`,
        Object.keys(spec.attributes).length === 0
          ? `Write it as one tag: ${spec.example}`
          : `Write it as one tag and put the text in its attributes: ${spec.example}`,
      );
    } else if (spec.children === 'required' && !hasContent) {
      report(node.position, tag, `${tag} is empty.`, `Put the text between ${tag} and </${name}>: ${spec.example}`);
    }
    checkAttributes(node, tag, spec);
    return true;
  };

  const reportUnknownElement = (node: MdxJsxElement, name: string): void => {
    const tag = `<${name}>`;
    const lower = name.toLowerCase();
    const sameLetters = siteComponentNames.find((component) => component.toLowerCase() === lower);
    const isComponentLike = /^[A-Z]/.test(name) || sameLetters !== undefined;
    if (isComponentLike) {
      const suggestion =
        sameLetters ??
        siteComponentNames.find((component) =>
          (siteComponents[component] as ElementSpec).aliases?.some((alias) => alias.toLowerCase() === lower),
        ) ??
        closestName(name, siteComponentNames);
      report(
        node.position,
        tag,
        sameLetters && sameLetters !== name
          ? `${tag} is written with the wrong capital letters.`
          : `${tag} is not one of the site's components.`,
        `${suggestion ? `Did you mean <${suggestion}>? ` : ''}The components you can use are ${componentList}.`,
      );
      return;
    }
    report(
      node.position,
      tag,
      `The HTML tag ${tag} cannot be used in content files.`,
      markdownAlternatives[lower] ??
        `Use Markdown instead (**bold**, *italic*, [link](https://…), ## Heading), or one of the tags you can use: ${htmlTagList}.`,
    );
  };

  /** The checks that apply to every element, known or not: nothing that runs code or sets styles. */
  const checkDangerousAttributes = (node: MdxJsxElement, tag: string, spec?: ElementSpec): MdxJsxAttribute[] => {
    const plain: MdxJsxAttribute[] = [];
    for (const attribute of node.attributes) {
      const position = attribute.position ?? node.position;
      if (attribute.type === 'mdxJsxExpressionAttribute') {
        report(
          position,
          `${tag} {…}`,
          `A group of attributes in curly braces {${attribute.value}} is program code, and content files cannot contain code.`,
          `Write each attribute on its own, with its value in double quotes${spec ? `: ${spec.example}` : ', like name="value"'}.`,
        );
        continue;
      }
      const field = `${tag} ${attribute.name}`;
      if (/^on/i.test(attribute.name)) {
        report(
          position,
          field,
          `The attribute ${attribute.name} would run code when a reader uses the page, and content files cannot contain code.`,
          `Remove ${attribute.name}="…". To send readers somewhere, use a link: [text](https://…).`,
        );
        continue;
      }
      if (attribute.value !== null && typeof attribute.value === 'object') {
        report(
          position,
          field,
          `The value of ${attribute.name} is written in curly braces { }, which is program code, and content files cannot contain code.`,
          `Write the value in double quotes instead: ${quotedSuggestion(attribute.name, attribute.value.value, spec)}.`,
        );
        continue;
      }
      if (attribute.name.toLowerCase() === 'style') {
        report(
          position,
          field,
          'The style attribute is not allowed: the look of every page comes from the site design, so that it works on every screen and in every language.',
          'Remove style="…". For a boxed note use <Callout>…</Callout>; for emphasis use *italic* or **bold**.',
        );
        continue;
      }
      plain.push(attribute);
    }
    return plain;
  };

  const checkAttributes = (node: MdxJsxElement, tag: string, spec: ElementSpec): void => {
    const names = Object.keys(spec.attributes);
    const seen = new Map<string, MdxJsxAttribute>();
    // Written in any form, even a rejected one (`alt={x}`): a missing-attribute message would then be a second,
    // confusing report of the same mistake.
    const written = new Set(node.attributes.map((attribute) => (attribute.type === 'mdxJsxAttribute' ? attribute.name : '')));
    // A `{...spread}` is already reported; what it was meant to supply is unknown, so no missing-attribute guesses.
    const hasSpread = node.attributes.some((attribute) => attribute.type === 'mdxJsxExpressionAttribute');
    for (const attribute of checkDangerousAttributes(node, tag, spec)) {
      const name = attribute.name;
      const field = `${tag} ${name}`;
      const position = attribute.position ?? node.position;
      const attributeSpec = Object.hasOwn(spec.attributes, name) ? spec.attributes[name] : undefined;
      if (attributeSpec === undefined) {
        const suggestion = closestName(name, names);
        report(
          position,
          field,
          `${tag} has no attribute "${name}".`,
          names.length === 0
            ? `${tag} takes no attributes: write ${spec.example}`
            : `${suggestion ? `Did you mean ${suggestion}? ` : ''}The attributes of ${tag} are: ${names.join(', ')}.`,
        );
        continue;
      }
      if (seen.has(name)) {
        report(position, field, `The attribute ${name} is written twice on ${tag}.`, `Keep one ${name}="…" and delete the other.`);
        continue;
      }
      seen.set(name, attribute);
      checkValue(attribute, attributeSpec, tag, position);
    }

    for (const [name, attributeSpec] of Object.entries(spec.attributes)) {
      const attribute = seen.get(name);
      if (attributeSpec.required && !written.has(name) && !hasSpread) {
        report(
          node.position,
          `${tag} ${name}`,
          `${tag} needs the attribute ${name} (${attributeSpec.description}).`,
          `Add ${attributeSpec.example}, for example: ${spec.example}`,
        );
      }
      if (attributeSpec.kind === 'text' && attributeSpec.emptyAllowedWith !== undefined && typeof attribute?.value === 'string') {
        const flag = attributeSpec.emptyAllowedWith;
        const empty = attribute.value.trim() === '';
        if (empty && !seen.has(flag)) {
          report(
            attribute.position ?? node.position,
            `${tag} ${name}`,
            `The ${name} attribute of ${tag} is empty (${attributeSpec.description}).`,
            `Write it, for example ${attributeSpec.example}. If the image is only decoration, say so by adding ${flag}: ${tag.slice(0, -1)} … ${name}="" ${flag} />.`,
          );
        } else if (!empty && seen.has(flag)) {
          report(
            seen.get(flag)?.position ?? node.position,
            `${tag} ${flag}`,
            `${tag} is marked ${flag}, but its ${name} is not empty ("${attribute.value}").`,
            `If the ${name} helps readers (it usually does), remove ${flag}. If the image is only decoration, empty it: ${name}="".`,
          );
        }
      }
    }
  };

  const checkValue = (attribute: MdxJsxAttribute, spec: AttributeSpec, tag: string, position: Position | undefined): void => {
    const name = attribute.name;
    const field = `${tag} ${name}`;
    const value = attribute.value;
    if (spec.kind === 'flag') {
      if (value !== null) {
        report(position, field, `${name} is written alone, without a value.`, `Write just ${name}, for example ${spec.example}.`);
      }
      return;
    }
    if (typeof value !== 'string') {
      report(position, field, `The attribute ${name} of ${tag} has no value.`, `Give it a value in double quotes: ${spec.example}.`);
      return;
    }
    switch (spec.kind) {
      case 'text':
        if (spec.required && spec.emptyAllowedWith === undefined && value.trim() === '') {
          report(position, field, `The ${name} attribute of ${tag} is empty (${spec.description}).`, `Write it, for example ${spec.example}.`);
        }
        return;
      case 'number':
        if (!/^[1-9][0-9]{0,4}$/.test(value.trim())) {
          report(
            position,
            field,
            `${name} must be a whole number of pixels, but it is "${value}".`,
            `Write only digits, in double quotes, for example ${spec.example}.`,
          );
        }
        return;
      case 'enum':
        if (!spec.values.includes(value)) {
          const suggestion = closestName(value, spec.values);
          report(
            position,
            field,
            `"${value}" is not one of the choices for ${name} on ${tag}: ${spec.values.join(', ')}.`,
            suggestion
              ? `Did you mean ${name}="${suggestion}"?`
              : `Write one of: ${spec.values.map((choice) => `${name}="${choice}"`).join(', ')}.`,
          );
        }
        return;
      case 'language':
        if (!/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(value)) {
          report(
            position,
            field,
            `"${value}" is not a language code.`,
            'Write a short language code, for example lang="fr", lang="ar", lang="es" or lang="en".',
          );
        }
        return;
      case 'url': {
        const kind = classifyUrl(value);
        if (kind.kind === 'forbidden') report(position, field, forbiddenSchemeMessage('link', kind.scheme), allowedLinkFix);
        return;
      }
      case 'image':
        checkImage(value, position, field);
        return;
    }
  };

  walk(tree, undefined);

  for (const definition of definitions) {
    if (imageReferences.has(definition.identifier.toUpperCase())) checkImage(definition.url, definition.position, 'image');
    else checkLink(definition.url, definition.position, 'link definition');
  }
  // Reading order: a translator fixes the file from top to bottom. (Attribute checks of one element, and definitions,
  // are found out of order.) The sort is stable, so issues at one place keep the order they were found in.
  return issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

function forbiddenSchemeMessage(what: 'link' | 'image', scheme: string): string {
  const address = `The ${what} address starts with "${scheme}:"`;
  if (scheme === 'file') return `${address}, which points to a file on your own computer; readers cannot open it.`;
  if (scheme === 'javascript' || scheme === 'vbscript' || scheme === 'data' || scheme === 'blob') {
    return `${address}, which is not allowed: such addresses run code or hide content.`;
  }
  return `${address}, which is not allowed on the site.`;
}

function imageProblem(kind: UrlKind, allowRemote: boolean): string | undefined {
  switch (kind.kind) {
    case 'relative':
      return undefined;
    case 'network':
      return allowRemote
        ? undefined
        : `The image is taken from another website${kind.host ? ` (${kind.host})` : ''}. Pages only show images stored with the site: loading them from elsewhere would make every reader's browser contact that website.`;
    case 'forbidden':
      return forbiddenSchemeMessage('image', kind.scheme);
    default:
      return 'An image address must be the path of an image file stored with the release.';
  }
}

/** `width={1200}` → `width="1200"`, `alt={"x"}` → `alt="x"`; anything else → the attribute's example. */
function quotedSuggestion(name: string, expression: string, spec: ElementSpec | undefined): string {
  const literal = /^\s*(?:(-?\d+(?:\.\d+)?)|"([^"]*)"|'([^']*)')\s*$/.exec(expression);
  const text = literal?.[1] ?? literal?.[2] ?? literal?.[3];
  if (text !== undefined) return `${name}="${text}"`;
  const known = spec && Object.hasOwn(spec.attributes, name) ? spec.attributes[name] : undefined;
  return known?.example ?? `${name}="…"`;
}

function listInWords(names: readonly string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
