import type { UnconfirmedValue } from '../contact-points.ts';

/**
 * One line for editors about contact values still to confirm, or a line saying there are none.
 *
 * @example
 * unconfirmedSummary(values) // 'To confirm: 3 contact values in 2 records are placeholders and not published; pnpm content:todo lists them.'
 */
export function unconfirmedSummary(values: readonly UnconfirmedValue[]): string {
  if (values.length === 0) return 'Every contact value is confirmed.';
  const records = new Set(values.map((value) => value.owner)).size;
  return `To confirm: ${values.length} contact value${values.length === 1 ? '' : 's'} in ${records} record${records === 1 ? '' : 's'} are placeholders and not published; pnpm content:todo lists them.`;
}
