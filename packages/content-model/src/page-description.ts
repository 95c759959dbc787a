/** Longest description a search engine shows in full; longer ones are cut at a word and end with "…". */
export const descriptionLength = 160;

const named: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The text of rendered body HTML: tags dropped, character references decoded, spaces collapsed. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:#x([0-9a-f]+)|#([0-9]+)|([a-z]+));/gi, (whole, hex?: string, decimal?: string, name?: string) => {
      if (hex !== undefined) return String.fromCodePoint(Number.parseInt(hex, 16));
      if (decimal !== undefined) return String.fromCodePoint(Number.parseInt(decimal, 10));
      return named[(name ?? '').toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * What a page says of itself to search engines and link previews (`<meta name="description">`): its summary when it
 * has one, else the opening paragraph of its body, cut at a word after at most `descriptionLength` characters. A
 * release published without a summary (the seed release, for one) then still describes itself in its own words,
 * and no words are made up for it.
 *
 * @example
 * pageDescription(undefined, '<p>IOM, in coordination with UNHCR, organized a workshop.</p><p>…</p>')
 * // 'IOM, in coordination with UNHCR, organized a workshop.'
 */
export function pageDescription(summary: string | undefined, bodyHtml: string): string | undefined {
  if (summary) return summary;
  for (const match of bodyHtml.matchAll(/<p(?:\s[^>]*)?>([\s\S]*?)<\/p>/g)) {
    const text = textOf(match[1]!);
    if (!text) continue;
    if (text.length <= descriptionLength) return text;
    const cut = text.slice(0, descriptionLength - 1);
    const atWord = cut.slice(0, Math.max(cut.lastIndexOf(' '), descriptionLength / 2));
    return `${atWord.replace(/[\s,;:.–-]+$/, '')}…`;
  }
  return undefined;
}
