import { locales, type Locale } from './locales.ts';
import type { ReleasePage } from './releases.ts';

/** The publishing organisation, as schema.org describes it. */
export interface Publisher {
  name: string;
  url: string;
  logo: string;
}

/**
 * schema.org `NewsArticle` for a release page: headline, dates, language, where it happened, image and publisher.
 *
 * @example
 * newsArticleJsonLd(page, { url: 'https://www.iom.int/en/news/x/', publisher, countryName: 'Libya' })
 */
export function newsArticleJsonLd(
  page: ReleasePage,
  options: { url: string; publisher: Publisher; countryName: string; imageUrl?: string | undefined; translationUrls?: string[] },
): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: page.title,
    ...(page.summary ? { description: page.summary } : {}),
    datePublished: page.date,
    dateModified: page.updated ?? page.date,
    inLanguage: locales[page.lang].lang,
    url: options.url,
    mainEntityOfPage: options.url,
    contentLocation: {
      '@type': 'Place',
      name: page.dateline.place,
      address: { '@type': 'PostalAddress', addressCountry: page.dateline.country, addressLocality: page.dateline.place },
    },
    image: options.imageUrl ? [options.imageUrl] : [options.publisher.logo],
    author: { '@type': 'Organization', name: options.publisher.name, url: options.publisher.url },
    publisher: { '@type': 'Organization', name: options.publisher.name, url: options.publisher.url, logo: { '@type': 'ImageObject', url: options.publisher.logo } },
    ...(options.translationUrls?.length ? { workTranslation: options.translationUrls.map((url) => ({ '@id': url })) } : {}),
  };
}

/** schema.org `Organization` for the home page of a language. */
export function organizationJsonLd(publisher: Publisher, lang: Locale, description: string): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: publisher.name,
    url: publisher.url,
    logo: publisher.logo,
    description,
    inLanguage: locales[lang].lang,
  };
}

/**
 * Serializes JSON-LD for a `<script type="application/ld+json">` block: `<` is escaped so that no text in content
 * can close the block.
 */
export function serializeJsonLd(data: Record<string, unknown>): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
