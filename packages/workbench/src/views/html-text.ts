import { formatString } from '../format-string.ts';
import type { InterfaceStrings } from '../interface-strings.ts';

// Apart from html.ts (which reads the locale table) so that the editor's script can render its problems list.

/** Text made safe to put in HTML content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** A string of the interface, filled in and escaped. */
export function say<Key extends keyof InterfaceStrings>(strings: Pick<InterfaceStrings, Key>, key: Key, values: Record<string, string | number> = {}): string {
  return escapeHtml(formatString(strings[key], values));
}
