import { z } from 'astro/zod';
import { TranslationOfSchema } from './release.ts';

/**
 * Frontmatter of a country overview, `content/countries/<code>/<lang>.mdx`: the text of the country page in one
 * language. The language it was first written in has no `translationOf`; translations record the source version.
 */
export const CountryOverviewSchema = z.strictObject({
  /** Which source version this translation was made from (written by the translation tools). */
  translationOf: TranslationOfSchema.optional(),
});

export type CountryOverviewFrontmatter = z.output<typeof CountryOverviewSchema>;
