/**
 * Names for the MDX node types that remark-mdx adds to mdast.
 *
 * The types live in `mdast-util-mdx-jsx` and friends, which are not direct dependencies of this package (pnpm would
 * not let us import them by name). They register themselves on mdast's content maps when TypeScript loads
 * `remark-mdx`'s types, so we derive the names from mdast instead of importing them.
 */
// Loading remark-mdx's types is what registers the MDX node types on mdast; nothing is imported at run time.
import type {} from 'remark-mdx';
import type { Nodes, Parents, RootContent } from 'mdast';

/** `<Figure … />` on its own line(s). */
export type MdxJsxFlowElement = Extract<RootContent, { type: 'mdxJsxFlowElement' }>;
/** `<abbr>…</abbr>` inside a paragraph. */
export type MdxJsxTextElement = Extract<RootContent, { type: 'mdxJsxTextElement' }>;
/** Either kind of JSX element. */
export type MdxJsxElement = MdxJsxFlowElement | MdxJsxTextElement;
/** One entry of an element's `attributes`: `alt="…"`, `alt={…}` or `{...spread}`. */
export type MdxJsxAttributeOrSpread = MdxJsxElement['attributes'][number];
/** `name="value"`, `name={expression}` or a bare `name`. */
export type MdxJsxAttribute = Extract<MdxJsxAttributeOrSpread, { type: 'mdxJsxAttribute' }>;

/** Any mdast node, MDX nodes included. */
export type MdastNode = Nodes;
/** Any mdast node that has children, MDX elements included. */
export type MdastParent = Parents;
