import * as z from 'zod';
import { TranslationOfSchema } from './release.ts';

/** A page key: the folder name, lowercase words joined by dashes, which is also its URL segment in every language. */
export const PageKeySchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'Write the folder name of a page, lowercase words joined by dashes, for example our-work.' });

/** Where a page sits in the main menu. */
export const MenuPlaceSchema = z.strictObject({
  /** Position among its siblings, from 1. */
  order: z.number().int().min(1, { error: 'Write a whole number from 1: the position of the page in the menu.' }),
  /** The page it sits under (folder name), for a second-level entry; left out for a top-level one. */
  parent: PageKeySchema.optional(),
});

/**
 * Frontmatter of the file a section page was first written in, `content/pages/<key>/<lang>.mdx`: the words, and
 * where the page sits in the menu (the same in every language).
 */
export const SitePageSourceSchema = z.strictObject({
  /** Title, as it appears on the page and in the menu. */
  title: z.string().min(1, { error: 'Write the title of the page.' }).max(120),
  /** One or two sentences: what search engines and shared links show. */
  summary: z.string().min(1).max(300).optional(),
  /** Where the page sits in the main menu. */
  menu: MenuPlaceSchema,
  /** True for text written for demonstration, not the organisation's own: the page says so. */
  sample: z.boolean().default(false),
});

/** Frontmatter of a translation of a section page: its words, and which version of the source it translates. */
export const SitePageTranslationSchema = z.strictObject({
  /** Title in this language, as the page and the menu show it. */
  title: z.string().min(1, { error: 'Write the title of the page.' }).max(120),
  /** Summary in this language. */
  summary: z.string().min(1).max(300).optional(),
  /** Which source version this translation was made from (written by `pnpm i18n:new` and `pnpm i18n:done`). */
  translationOf: TranslationOfSchema,
});

export type SitePageSource = z.output<typeof SitePageSourceSchema>;
export type SitePageTranslation = z.output<typeof SitePageTranslationSchema>;
