// Apart from interface-strings.ts so that the editor's script can fill strings without bundling every language.

/**
 * Fills the `{name}` placeholders of a string.
 *
 * @example
 * formatString('Page {page} of {pages}', { page: 2, pages: 40 }) // 'Page 2 of 40'
 */
export function formatString(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
