/**
 * The site components that content files may use, as data: the checker validates against this table, the renderer
 * renders what it describes, and error messages quote its examples. Adding a component is one entry here plus its
 * case in `render-safe-mdx.ts`.
 */

interface AttributeBase {
  /** What the attribute is for, in a few plain words, quoted in error messages. */
  description: string;
  /** Must the attribute be written? */
  required?: boolean;
  /** How the attribute is written correctly, quoted in error messages. */
  example: string;
}

/**
 * What an attribute holds. Every value is written in double quotes: `{…}` would be program code, which content
 * files cannot contain, so numbers too are written `width="1200"`.
 */
export type AttributeSpec =
  /** Free text shown to readers. `emptyAllowedWith` names a flag that must be present for `""` to be accepted. */
  | (AttributeBase & { kind: 'text'; emptyAllowedWith?: string })
  /** A link: https, http, mailto, tel, or a path on this site. */
  | (AttributeBase & { kind: 'url' })
  /** An image stored with the site: a relative path like `./photo.jpg` or `/images/…`. */
  | (AttributeBase & { kind: 'image' })
  /** A whole number of pixels, 1 to 99999. */
  | (AttributeBase & { kind: 'number' })
  /** One of a few words. */
  | (AttributeBase & { kind: 'enum'; values: readonly string[]; default?: string })
  /** Written alone, without a value: `decorative`. */
  | (AttributeBase & { kind: 'flag' })
  /** A language tag such as `fr` or `ar-LY`. */
  | (AttributeBase & { kind: 'language' });

/** An element that content may use: a site component or an allowed plain HTML tag. */
export interface ElementSpec {
  /** Attributes by name; any other attribute is rejected. */
  attributes: Readonly<Record<string, AttributeSpec>>;
  /** `'required'`: must wrap content; `'none'`: must be self-closing (`<Figure … />`); `'optional'`: either. */
  children: 'required' | 'none' | 'optional';
  /** Block components stand on their own line(s); inline tags sit inside a sentence. */
  placement: 'block' | 'inline';
  /** A complete correct use, quoted in error messages. */
  example: string;
  /** Names translators might try instead (`Image`, `Quote`), so the error can point to this one. */
  aliases?: readonly string[];
}

/**
 * The site's components. Each renders to plain semantic HTML with `c-…` class names styled by the ui package.
 */
export const siteComponents = {
  /**
   * A photo or chart stored with the release, with its description for readers who cannot see it, an optional
   * caption and a credit. `alt` is always required; it may be `alt=""` only together with `decorative`, so that an
   * empty description is a decision someone made, never an accident.
   */
  Figure: {
    attributes: {
      src: { kind: 'image', required: true, description: 'the image file', example: 'src="./training-tripoli.jpg"' },
      alt: {
        kind: 'text',
        required: true,
        emptyAllowedWith: 'decorative',
        description: 'what the image shows, for readers who cannot see it',
        example: 'alt="Two IOM staff members train coast guard officers in Tripoli"',
      },
      decorative: { kind: 'flag', description: 'the image is only decoration and needs no description', example: 'alt="" decorative' },
      caption: { kind: 'text', description: 'the caption shown under the image', example: 'caption="Training session in Tripoli, September 2016."' },
      credit: { kind: 'text', description: 'who took or owns the image', example: 'credit="© IOM 2016 / Name Surname"' },
      width: { kind: 'number', description: 'the width of the image in pixels', example: 'width="1200"' },
      height: { kind: 'number', description: 'the height of the image in pixels', example: 'height="800"' },
    },
    children: 'none',
    placement: 'block',
    example: '<Figure src="./training-tripoli.jpg" alt="Two IOM staff members train coast guard officers" caption="…" credit="© IOM 2016 / Name" />',
    aliases: ['Image', 'Img', 'Picture', 'Photo', 'Photograph'],
  },
  /** A quotation set apart from the text; `cite` names who said it. `lang` marks a quote in another language. */
  PullQuote: {
    attributes: {
      cite: { kind: 'text', description: 'who said it', example: 'cite="William Lacy Swing, IOM Director General"' },
      lang: { kind: 'language', description: 'the language of the quote, when it differs from the page', example: 'lang="ar"' },
    },
    children: 'required',
    placement: 'block',
    example: '<PullQuote cite="Name, Role">The words of the quote.</PullQuote>',
    aliases: ['Quote', 'Blockquote', 'BlockQuote', 'Citation'],
  },
  /** A boxed note beside the text. `tone` sets its look: info (default), warning or note. */
  Callout: {
    attributes: {
      tone: { kind: 'enum', description: 'how the note looks', values: ['info', 'warning', 'note'], default: 'info', example: 'tone="warning"' },
      title: { kind: 'text', description: 'a short title above the note', example: 'title="Background"' },
    },
    children: 'required',
    placement: 'block',
    example: '<Callout tone="info" title="Background">The text of the note.</Callout>',
    aliases: ['Note', 'Notice', 'Alert', 'Warning', 'Info', 'Box', 'Aside'],
  },
  /** One key figure, shown large: `value` (as written, e.g. "1,200"), what it counts, and optionally its source. */
  Statistic: {
    attributes: {
      value: { kind: 'text', required: true, description: 'the number, as it should appear', example: 'value="1,200"' },
      label: { kind: 'text', required: true, description: 'what the number counts', example: 'label="migrants assisted to return home"' },
      source: { kind: 'text', description: 'where the number comes from', example: 'source="IOM Displacement Tracking Matrix"' },
    },
    children: 'none',
    placement: 'block',
    example: '<Statistic value="1,200" label="migrants assisted to return home" source="IOM DTM" />',
    aliases: ['Stat', 'Stats', 'Number', 'Figures', 'KeyFigure', 'Fact'],
  },
  /** Where the release's press contacts (from the frontmatter) are shown. No attributes, no content. */
  Contacts: {
    attributes: {},
    children: 'none',
    placement: 'block',
    example: '<Contacts />',
    aliases: ['Contact', 'PressContacts', 'MediaContacts', 'ContactList'],
  },
} as const satisfies Record<string, ElementSpec>;

/** The name of a site component: `Figure`, `PullQuote`, `Callout`, `Statistic`, `Contacts`. */
export type SiteComponentName = keyof typeof siteComponents;

/** All component names, in table order, for messages ("You can use Figure, PullQuote, …"). */
export const siteComponentNames = Object.keys(siteComponents) as SiteComponentName[];

/** Type guard: is `name` one of the site components? */
export function isSiteComponent(name: string): name is SiteComponentName {
  return Object.hasOwn(siteComponents, name);
}
