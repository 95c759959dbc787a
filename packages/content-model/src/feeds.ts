/** The most recent items a feed carries: enough for any reader, small enough for a metered connection. */
export const feedItemLimit = 50;

/** What a feed says about itself and each item; built by the site from a listing. */
export interface FeedInput {
  title: string;
  description: string;
  /** BCP 47 language of the feed. */
  language: string;
  /** Absolute URL of the listing page. */
  homePageUrl: string;
  /** Absolute URL of the JSON Feed itself. */
  feedUrl: string;
  items: {
    id: string;
    url: string;
    title: string;
    summary?: string | undefined;
    /** YYYY-MM-DD */
    date: string;
    updated?: string | undefined;
    tags: string[];
  }[];
}

/**
 * A JSON Feed 1.1 document (https://jsonfeed.org/version/1.1) as an object, to be serialized with JSON.stringify.
 *
 * @example
 * JSON.stringify(jsonFeed({ title: 'News', description: '…', language: 'fr', homePageUrl, feedUrl, items: [] }))
 */
export function jsonFeed(input: FeedInput): Record<string, unknown> {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: input.title,
    description: input.description,
    language: input.language,
    home_page_url: input.homePageUrl,
    feed_url: input.feedUrl,
    items: input.items.map((item) => ({
      id: item.id,
      url: item.url,
      title: item.title,
      content_text: item.summary ?? item.title,
      ...(item.summary ? { summary: item.summary } : {}),
      date_published: `${item.date}T00:00:00Z`,
      ...(item.updated ? { date_modified: `${item.updated}T00:00:00Z` } : {}),
      language: input.language,
      tags: item.tags,
    })),
  };
}
