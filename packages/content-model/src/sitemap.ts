import { defaultLocale, locales, type Locale } from './locales.ts';

/** One URL of the sitemap with the other languages it really exists in. */
export interface SitemapEntry {
  /** Absolute URL of the page. */
  loc: string;
  /** Last modification date, YYYY-MM-DD, from content (never the clock, so builds are reproducible). */
  lastmod?: string | undefined;
  /** Every language version that exists, this one included; empty when the page has no other language. */
  alternates: { lang: Locale; href: string }[];
}

const escapeXml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/**
 * A sitemap (sitemaps.org 0.9) with `xhtml:link` hreflang alternates for the real translations only, plus
 * `x-default` (the default language's version, else the first).
 *
 * @example
 * sitemapXml([{ loc: 'https://x.org/en/', alternates: [{ lang: 'en', href: 'https://x.org/en/' }, { lang: 'fr', href: 'https://x.org/fr/' }] }])
 */
export function sitemapXml(entries: readonly SitemapEntry[]): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
  ];
  for (const entry of entries) {
    lines.push('  <url>', `    <loc>${escapeXml(entry.loc)}</loc>`);
    if (entry.lastmod) lines.push(`    <lastmod>${escapeXml(entry.lastmod)}</lastmod>`);
    if (entry.alternates.length > 1) {
      for (const alternate of entry.alternates) {
        lines.push(`    <xhtml:link rel="alternate" hreflang="${locales[alternate.lang].lang}" href="${escapeXml(alternate.href)}"/>`);
      }
      const fallback = entry.alternates.find((alternate) => alternate.lang === defaultLocale) ?? entry.alternates[0]!;
      lines.push(`    <xhtml:link rel="alternate" hreflang="x-default" href="${escapeXml(fallback.href)}"/>`);
    }
    lines.push('  </url>');
  }
  lines.push('</urlset>', '');
  return lines.join('\n');
}

/** A sitemap index pointing at one sitemap per language. */
export function sitemapIndexXml(sitemaps: readonly string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...sitemaps.map((loc) => `  <sitemap><loc>${escapeXml(loc)}</loc></sitemap>`),
    '</sitemapindex>',
    '',
  ].join('\n');
}
