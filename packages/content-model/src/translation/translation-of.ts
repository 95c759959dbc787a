/*
 * Kept apart from translation-file.ts, which fingerprints with node:crypto: section pages are validated in the
 * translator's browser too (`@iom/content-model/check`), and this is all that validation needs of translations.
 */

/**
 * Whether a file's frontmatter (parsed, not yet validated) could be the source of its page: anything that does not
 * say `translationOf`. A file that failed to read counts as a possible source, so that its translations are not also
 * reported as having none (one mistake, one message).
 *
 * @example
 * mayBeSource({ title: 'A', translationOf: { lang: 'en', hash: '…' } }) // false
 * mayBeSource(undefined) // true
 */
export function mayBeSource(frontmatter: unknown): boolean {
  return !(typeof frontmatter === 'object' && frontmatter !== null && 'translationOf' in frontmatter);
}
