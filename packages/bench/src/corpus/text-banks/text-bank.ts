import type { Locale } from '@iom/content-model';

/**
 * The words of one language, from which the generator writes titles, summaries and bodies. Texts are frames with
 * slots in braces, filled when a release is written (see `fill-frame.ts`); braces never reach a content file.
 *
 * Slots: `{group}` people helped, bare plural ("displaced families"); `{theGroup}` the same with its article;
 * `{aid}` what is given; `{need}` what people lack; `{activity}` work done; `{partner}` an organisation;
 * `{place}` the dateline town; `{country}` the release's country, named in this language; `{n}` a count of people;
 * `{small}` a small count; `{pct}` a percentage; `{month}` and `{year}` of the release; `{link}` a Markdown link.
 * A digit after a slot name (`{aid2}`) draws a second value from the same list.
 *
 * Frames are written so that any filler fits grammatically (articles inside the fillers where a language needs
 * them, no elision in front of a slot), so that the corpus reads like text to a tokenizer and a stemmer.
 */
export interface TextBank {
  lang: Locale;
  /** Values of the list slots. */
  slots: {
    group: readonly (readonly [bare: string, withArticle: string])[];
    aid: readonly string[];
    need: readonly string[];
    activity: readonly string[];
    partner: readonly string[];
  };
  /** Body sentences. */
  sentences: readonly string[];
  /** Sentences that hold `{link}`; one or two per release. */
  linkSentences: readonly string[];
  /** Markdown links: text and address. Relative addresses are pages the site writes. */
  links: readonly { text: string; href: string }[];
  /** Title frames by kind of publication. Every frame holds `{n}`, which keeps titles (and slugs) apart. */
  titles: {
    news: readonly string[];
    statement: readonly string[];
    briefing: readonly string[];
    story: readonly string[];
  };
  summaries: readonly string[];
  headings: readonly string[];
  listItems: readonly string[];
  statisticLabels: readonly string[];
  quotes: readonly string[];
  /** Roles of the person quoted: "{name}, {role}". */
  roles: readonly string[];
  figureAlts: readonly string[];
  figureCaptions: readonly string[];
  calloutTitles: readonly string[];
  /** Who holds the copyright in figure credits: "© {credit} 2016 / Name". */
  creditOrganisation: string;
  /** Person names written in this language's script: [given names, family names]. */
  names?: readonly [readonly string[], readonly string[]];
  /** Town names in this language where they differ from the English ones. */
  places: Readonly<Record<string, string>>;
  /** Contractions applied after filling ("à Le Caire" → "au Caire"), as [written, corrected]. */
  contractions?: readonly (readonly [string, string])[];
  /** Whether titles are written in title case (English). */
  titleCase: boolean;
}
