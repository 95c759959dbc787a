/**
 * The content model: schemas, the locale table, URLs and slugs, safe MDX, translation status.
 * Pure TypeScript: functions take what they need as arguments; nothing here imports Astro's virtual modules.
 */
export { ContentError, formatContentIssue, formatContentIssues, type ContentIssue } from '@iom/safe-mdx';
export * from './locales.ts';
export * from './slugs.ts';
export * from './urls.ts';
export * from './formatting.ts';
export * from './country-names.ts';
export * from './ui-strings.ts';
export { bodyRenderSettings, contactsMarker, type PrepareRender } from './prepare/render-body.ts';
export * from './content-hash.ts';
export * from './schemas/common.ts';
export * from './schemas/release.ts';
export * from './schemas/country.ts';
export * from './releases.ts';
export * from './countries.ts';
export * from './contact-points.ts';
export * from './listings.ts';
export * from './sitemap.ts';
export * from './translation/sections.ts';
export * from './translation/translation-status.ts';
export * from './translation/translation-file.ts';
export * from './translation/translation-of.ts';
export * from './search-facets.ts';
export * from './pagination.ts';
export * from './feeds.ts';
export * from './structured-data.ts';
export { imageExtensions, mediaPrefix, mediaReferences, type MediaReference } from '@iom/safe-mdx';
export * from './page-description.ts';
export * from './country-overviews.ts';
export * from './site-pages.ts';
export * from './schemas/site-page.ts';
export * from './schemas/country-overview.ts';
