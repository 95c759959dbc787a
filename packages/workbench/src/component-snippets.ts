import { siteComponents, type ElementSpec, type SiteComponentName } from '@iom/safe-mdx';

/*
 * The editor's menu of components is safe-mdx's table of site components (`siteComponents`), so a component added
 * there is in the menu, and one whose attributes change is inserted with its new required attributes. Runs in the
 * editor's script (no Node built-in).
 */

/** A component as the menu inserts it: its tag, with every required attribute empty, and where the cursor goes. */
export interface ComponentSnippet {
  text: string;
  /** Offset in `text`: inside the first empty attribute, or else inside the element, or else after it. */
  cursor: number;
}

/**
 * The tag of a site component with its required attributes to fill in (flags are never required): an element that
 * must wrap content is written open and closed on one line, which the checker reads as a block.
 *
 * @example
 * componentSnippet('Statistic') // { text: '<Statistic value="" label="" />', cursor: 18 }
 * componentSnippet('Callout')   // { text: '<Callout></Callout>', cursor: 9 }
 */
export function componentSnippet(name: SiteComponentName): ComponentSnippet {
  const spec: ElementSpec = siteComponents[name];
  const required = Object.entries(spec.attributes).filter(([, attribute]) => attribute.required === true && attribute.kind !== 'flag');
  const open = `<${name}${required.map(([attribute]) => ` ${attribute}=""`).join('')}`;
  const text = spec.children === 'required' ? `${open}></${name}>` : `${open} />`;
  const firstEmpty = text.indexOf('=""');
  const cursor = firstEmpty >= 0 ? firstEmpty + 2 : spec.children === 'required' ? open.length + 1 : text.length;
  return { text, cursor };
}

/** A change to the text: replace `from`–`to` with `insert`, then put the cursor at `cursor` (an offset in the new text). */
export interface TextChange {
  from: number;
  to: number;
  insert: string;
  cursor: number;
}

const blank = (line: string) => line.trim() === '';

/**
 * Where and how a component goes into `text` when the selection is `from`–`to`. A block component (all of them so
 * far) gets lines of its own with a blank line before and after, as Markdown needs to read it as a block and not
 * as a tag inside a paragraph; the selection is replaced. An inline one is put where the selection is.
 *
 * @example
 * componentInsertion('Words.\n', 6, 6, 'Contacts') // { from: 6, to: 6, insert: '\n\n<Contacts />', cursor: 20 }
 */
export function componentInsertion(text: string, from: number, to: number, name: SiteComponentName): TextChange {
  const snippet = componentSnippet(name);
  const spec: ElementSpec = siteComponents[name];
  if (spec.placement === 'inline') return { from, to, insert: snippet.text, cursor: from + snippet.cursor };
  const lineStart = text.lastIndexOf('\n', from - 1) + 1;
  const lineEndAt = text.indexOf('\n', to);
  const lineEnd = lineEndAt < 0 ? text.length : lineEndAt;
  const before = text.slice(lineStart, from);
  const after = text.slice(to, lineEnd);
  // Spaces alone around the selection are replaced: a component indented by four would be read as code.
  const start = blank(before) ? lineStart : from;
  const end = blank(after) ? lineEnd : to;
  const lineFrom = (start: number) => {
    const end = text.indexOf('\n', start);
    return text.slice(start, end < 0 ? undefined : end);
  };
  const previousLine = lineStart === 0 ? undefined : lineFrom(text.lastIndexOf('\n', lineStart - 2) + 1);
  const nextLine = lineEndAt < 0 ? undefined : lineFrom(lineEnd + 1);
  const prefix = !blank(before) ? '\n\n' : previousLine !== undefined && !blank(previousLine) ? '\n' : '';
  // At the end of a text without a final line break, one is added: the file ends with one.
  const suffix = !blank(after) ? '\n\n' : nextLine === undefined ? '\n' : blank(nextLine) ? '' : '\n';
  return { from: start, to: end, insert: prefix + snippet.text + suffix, cursor: start + prefix.length + snippet.cursor };
}
