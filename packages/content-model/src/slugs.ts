/** Longest slug we write; long enough for a headline's gist, short enough for a URL people can read out. */
export const maxSlugLength = 80;

// Bidi controls (LRM, RLM, ALM, embeddings, overrides, isolates) and other invisible format characters (Cf).
const invisible = /[\p{Cf}]/gu;
// Arabic diacritics (harakat, tanwin, shadda, sukun, superscript alef) and tatweel: not part of a readable slug.
const arabicMarks = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;

/**
 * Derives a URL slug from a title: NFC-normalized, lowercase, bidi and other invisible characters removed,
 * Latin accents dropped (`é` → `e`), other scripts kept as they are (Arabic titles give readable Arabic slugs,
 * without diacritics), words joined by single dashes, cut at a word boundary to at most 80 characters.
 *
 * @example
 * slugify('IOM, UNHCR Train Libyan Partners on Saving Lives at Sea') // 'iom-unhcr-train-libyan-partners-on-saving-lives-at-sea'
 * slugify('L’OIM et le HCR forment des partenaires libyens') // 'l-oim-et-le-hcr-forment-des-partenaires-libyens'
 * slugify('المنظمة الدولية للهجرة') // 'المنظمة-الدولية-للهجرة'
 */
export function slugify(title: string): string {
  const words = title
    .replace(invisible, '')
    .normalize('NFD')
    // Drop combining marks on Latin letters only, so that Arabic, Devanagari etc. keep theirs.
    .replace(/([A-Za-z])[\u0300-\u036f]+/g, '$1')
    .normalize('NFC')
    .replace(arabicMarks, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[œŒ]/g, 'oe')
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{Mn}]+/u)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxSlugLength) break;
    slug = next;
  }
  // A single word longer than the cap is cut rather than dropped.
  return slug || (words[0] ?? '').slice(0, maxSlugLength);
}
