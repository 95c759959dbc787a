import * as z from 'zod';
import { TranslationOfSchema } from './release.ts';

/**
 * Frontmatter of a country overview, `content/countries/<code>/<lang>.mdx`: the text of the country page in one
 * language. The language it was first written in has no `translationOf`; translations record the source version.
 */
export const CountryOverviewSchema = z.strictObject({
  /** Which source version this translation was made from (written by the translation tools). */
  translationOf: TranslationOfSchema.optional(),
  /** True (in the source) for demonstration text that is not the office's own: pages say so, `SITE_SAMPLES=exclude` leaves it out. */
  sample: z.boolean().default(false),
});

export type CountryOverviewFrontmatter = z.output<typeof CountryOverviewSchema>;
