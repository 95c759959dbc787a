/**
 * Reading the attributes and content of site components (`<Figure src="…" width="640" />`) in a parsed MDX tree: the
 * same rules for the renderer (render-safe-mdx.ts) and the reference renderer its tests compare it with.
 */
import type { MdxJsxElement } from './mdx-node-types.ts';
import { classifyUrl } from './safe-url.ts';

const phrasingTypes = new Set([
  'text', 'emphasis', 'strong', 'delete', 'inlineCode', 'break', 'link', 'linkReference', 'image', 'imageReference',
  'footnoteReference', 'mdxJsxTextElement', 'mdxTextExpression', 'html',
]);

/** Does the element hold only words (and inline formatting), as in `<PullQuote>Words</PullQuote>` on one line? */
export function onlyPhrasing(node: MdxJsxElement): boolean {
  return node.children.every((child) => phrasingTypes.has(child.type));
}

/** The attributes written as `name="value"` (and bare flags as `''`); expressions and spreads are never read. */
export function stringAttributes(node: MdxJsxElement): Map<string, string> {
  const map = new Map<string, string>();
  for (const written of node.attributes) {
    if (written.type !== 'mdxJsxAttribute' || map.has(written.name)) continue;
    if (typeof written.value === 'string') map.set(written.name, written.value);
    else if (written.value === null || written.value === undefined) map.set(written.name, '');
  }
  return map;
}

/** An attribute's value, unless it is missing or blank. */
export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** An attribute's value as a whole number from 1 to 99,999 (image sizes), or undefined. */
export function positiveInteger(value: string | undefined): number | undefined {
  return value !== undefined && /^[1-9][0-9]{0,4}$/.test(value.trim()) ? Number(value) : undefined;
}

/** The host of the site's origin, which links are compared with (undefined for anything but a web address). */
export function hostOf(origin: string): string | undefined {
  const kind = classifyUrl(origin);
  return kind.kind === 'network' ? kind.host : undefined;
}
