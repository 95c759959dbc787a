/**
 * @iom/safe-mdx: the content dialect of the site. Markdown plus an allow-list of site components and a few inline HTML
 * tags, and no code. Content is parsed with remark-mdx (exactly what the MDX compiler would see), checked against
 * the allow-list, and rendered to HTML by us; the MDX compiler never runs, so nothing in a content file executes.
 *
 * The pipeline for one file: `decodeContentSource` → `parseContentFile` (or `quickParse` for the common subset, which
 * gives the same tree or gives up) → `checkSafeMdx` → `renderSafeMdx`. content-model's `prepareFile` runs it for the
 * build and `pnpm check:content`. No Node built-ins: the same checker and renderer can run in a browser.
 */
export { ContentError, formatContentIssue, formatContentIssues } from './content-issue.ts';
export type { ContentIssue } from './content-issue.ts';
export { bodyNestingIssue, maxNestingDepth, treeNestingIssue, yamlNestingIssue } from './nesting-limit.ts';
export type { NestingKind, NestingLevels } from './nesting-limit.ts';
export { imageExtensions, mediaPrefix, mediaReferences } from './media-references.ts';
export type { MediaReference } from './media-references.ts';
export { closestName } from './closest-name.ts';
export { hostOf, nonEmpty, onlyPhrasing, positiveInteger, stringAttributes } from './component-attributes.ts';
export type { MdastNode, MdastParent, MdxJsxAttribute, MdxJsxElement, MdxJsxFlowElement, MdxJsxTextElement } from './mdx-node-types.ts';
export { readSimpleYaml } from './simple-yaml.ts';
export { decodeContentSource } from './decode-source.ts';
export type { DecodedSource } from './decode-source.ts';
export { parseContentFile } from './parse-content-file.ts';
export type { ParsedContentFile } from './parse-content-file.ts';
export { quickParse } from './quick-parse.ts';
export { collectFieldOffsets, locateFrontmatter, parseFrontmatter } from './frontmatter.ts';
export type { FrontmatterBlock, ParsedFrontmatter, SourcePoint } from './frontmatter.ts';
export { checkSafeMdx } from './check-safe-mdx.ts';
export type { CheckSafeMdxOptions } from './check-safe-mdx.ts';
export { renderSafeMdx } from './render-safe-mdx.ts';
export type { RenderLabels, RenderOptions, ResolvedImage } from './render-safe-mdx.ts';
export { createSlugger, extractHeadings, plainText } from './headings.ts';
export type { HeadingInfo } from './headings.ts';
export { isSiteComponent, siteComponentNames, siteComponents } from './components.ts';
export type { AttributeSpec, ElementSpec, SiteComponentName } from './components.ts';
export { allowedHtmlTags, forbiddenHtmlTags, isAllowedHtmlTag, markdownAlternatives } from './html-tags.ts';
export type { AllowedHtmlTag } from './html-tags.ts';
export { classifyUrl, isSafeImageUrl, isSafeLinkUrl } from './safe-url.ts';
export type { UrlKind } from './safe-url.ts';
