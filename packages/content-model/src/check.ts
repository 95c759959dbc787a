/**
 * What a browser may import of the content model: checking one file's text as `pnpm check:content` does (the safe-MDX
 * check, and the frontmatter schemas of releases and section pages) and rendering its body as the site does, with no
 * Node built-in on the way. The translator workbench bundles it for the browser, so problems and the preview show as
 * the translator types.
 */
export { checkContentFile, type CheckedFile } from './prepare/check-file.ts';
export { type PrepareRender } from './prepare/render-body.ts';
export { validateReleaseFile, type ReleaseFileInput, type ValidatedReleaseFile } from './releases.ts';
export { validateSitePageFile, type SitePageInput, type ValidatedSitePageFile } from './site-pages.ts';
