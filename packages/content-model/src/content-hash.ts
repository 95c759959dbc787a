import { createHash } from 'node:crypto';

/**
 * Fingerprint of what a translator translates from a source file: its title, summary and body. A translation
 * records the fingerprint of the source it was made from; when they differ, the translation is stale.
 * Whitespace at line ends and trailing blank lines do not count, so re-saving a file in another editor does not
 * make every translation stale.
 *
 * @example
 * sourceFingerprint({ title: 'Hello', summary: undefined, body: 'Text\n' }) // 12 hex characters
 */
export function sourceFingerprint(source: { title: string; summary?: string | undefined; body: string }): string {
  const normalized = [source.title, source.summary ?? '', source.body]
    .map((part) => part.replace(/[ \t]+$/gm, '').replace(/\n+$/, ''))
    .join('\n\u0000\n');
  return createHash('sha256').update(normalized).digest('hex').slice(0, 12);
}
