import * as z from 'zod';
import { localeCodes } from '../locales.ts';

/** A calendar date written `YYYY-MM-DD`, kept as text so that no time zone can shift it. */
export const IsoDateSchema = z.iso.date({
  error: 'Write the date as year-month-day with dashes, for example 2016-09-02.',
});

/** An ISO 3166-1 alpha-2 country code in capitals, for example `LY` for Libya. */
export const CountryCodeSchema = z
  .string({ error: 'Write a two-letter country code, for example LY.' })
  .regex(/^[A-Z]{2}$/, { error: 'Write a two-letter country code in capitals (ISO 3166), for example LY for Libya.' });

/** A URL slug: lowercase letters (any script), digits and single dashes. */
export const SlugSchema = z
  .string()
  .regex(/^[\p{Ll}\p{Lo}\p{Nd}\p{Mn}]+(?:-[\p{Ll}\p{Lo}\p{Nd}\p{Mn}]+)*$/u, {
    error: 'A slug uses lowercase letters, digits and single dashes only, for example saving-lives-at-sea.',
  })
  .max(80, { error: 'A slug has at most 80 characters; shorten it.' });

/** One of the site's locale codes. */
export const LocaleSchema = z.enum(localeCodes as [string, ...string[]], {
  error: `Write one of the site's language codes: ${localeCodes.join(', ')}.`,
});
