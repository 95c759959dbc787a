import type { AttributeSpec, ElementSpec } from './components.ts';

/**
 * Plain HTML tags allowed inside content, written in lowercase. Kept to inline tags that Markdown cannot express and
 * that carry no behaviour: everything else has a Markdown form (see `markdownAlternatives`) or a site component.
 * `lang` and `dir` are allowed on all of them (except `br`) because releases quote names and phrases in other
 * scripts, and right-to-left text inside left-to-right text needs them.
 */
const languageAttributes = {
  lang: { kind: 'language', description: 'the language of the words inside', example: 'lang="fr"' },
  dir: { kind: 'enum', description: 'the writing direction of the words inside', values: ['ltr', 'rtl', 'auto'], example: 'dir="rtl"' },
} as const satisfies Record<string, AttributeSpec>;

export const allowedHtmlTags = {
  /** An abbreviation; `title` spells it out: `<abbr title="Internally Displaced Persons">IDPs</abbr>`. */
  abbr: {
    attributes: { ...languageAttributes, title: { kind: 'text', description: 'the words the abbreviation stands for', example: 'title="Internally Displaced Persons"' } },
    children: 'required',
    placement: 'inline',
    example: '<abbr title="Internally Displaced Persons">IDPs</abbr>',
  },
  /** Isolates text whose direction may differ, such as an Arabic name in an English sentence. */
  bdi: { attributes: languageAttributes, children: 'required', placement: 'inline', example: '<bdi>محمد</bdi>' },
  /** A line break inside a paragraph (addresses, poems). */
  br: { attributes: {}, children: 'none', placement: 'inline', example: '<br />' },
  /** Keyboard input, for instructions such as dialling codes. */
  kbd: { attributes: languageAttributes, children: 'required', placement: 'inline', example: '<kbd>*123#</kbd>' },
  /** Highlighted text. */
  mark: { attributes: languageAttributes, children: 'required', placement: 'inline', example: '<mark>…</mark>' },
  /** Side comments and small print. */
  small: { attributes: languageAttributes, children: 'required', placement: 'inline', example: '<small>…</small>' },
  /** Only to mark the language or direction of a phrase: `<span lang="fr">…</span>`. */
  span: { attributes: languageAttributes, children: 'required', placement: 'inline', example: '<span lang="fr">…</span>' },
  /** Subscript: CO<sub>2</sub>. */
  sub: { attributes: languageAttributes, children: 'required', placement: 'inline', example: 'CO<sub>2</sub>' },
  /** Superscript: km<sup>2</sup>, 1<sup>st</sup>. */
  sup: { attributes: languageAttributes, children: 'required', placement: 'inline', example: 'km<sup>2</sup>' },
} as const satisfies Record<string, ElementSpec>;

/** An allowed plain HTML tag name. */
export type AllowedHtmlTag = keyof typeof allowedHtmlTags;

/** Type guard: is `name` an allowed plain HTML tag? */
export function isAllowedHtmlTag(name: string): name is AllowedHtmlTag {
  return Object.hasOwn(allowedHtmlTags, name);
}

/**
 * Tags that are always rejected, with the reason in plain words. Matched case-insensitively, so `<Script>` and
 * `<SCRIPT>` get the same message. These either run code, load something from another website (no third-party
 * request ever), or change the page around the content.
 */
export const forbiddenHtmlTags: Readonly<Record<string, string>> = {
  script: 'Scripts cannot be added to content files: pages must not run code written in content.',
  noscript: 'Scripts and their replacements cannot be added to content files.',
  style: 'Styles cannot be set in content files: the look of every page comes from the site design.',
  link: 'A <link> tag changes the page itself (styles, icons); this comes from the site, not from content files.',
  meta: 'A <meta> tag changes the page itself; page information comes from the frontmatter, not from tags in the text.',
  base: 'A <base> tag would change where every link on the page points, and cannot be used in content files.',
  iframe: "Embedding another page (a video, a map, a form) is not allowed: it would make readers' browsers contact another website.",
  frame: "Embedding another page is not allowed: it would make readers' browsers contact another website.",
  frameset: "Embedding another page is not allowed: it would make readers' browsers contact another website.",
  object: "Embedding a player or plug-in is not allowed: it can run code and contact another website.",
  embed: "Embedding a player or plug-in is not allowed: it can run code and contact another website.",
  applet: 'Embedding a program is not allowed.',
  portal: "Embedding another page is not allowed: it would make readers' browsers contact another website.",
  form: 'Forms cannot be added to content files: the site has no way to receive what readers would type.',
  input: 'Form fields cannot be added to content files.',
  button: 'Buttons cannot be added to content files: nothing on a release page reacts to a click except links.',
  textarea: 'Form fields cannot be added to content files.',
  select: 'Form fields cannot be added to content files.',
  template: 'Templates are program code and cannot be used in content files.',
  svg: 'Drawings written as code (<svg>) cannot be added to content files; they can contain scripts.',
  math: 'Formulas written as code (<math>) cannot be added to content files.',
};

/** What to write instead of common HTML tags that are not allowed: the Markdown way, or a component. */
export const markdownAlternatives: Readonly<Record<string, string>> = {
  a: 'Write links in Markdown: [text of the link](https://www.example.org/page).',
  img: 'Use a figure: <Figure src="./photo.jpg" alt="What the photo shows" />, or Markdown: ![What the photo shows](./photo.jpg).',
  picture: 'Use a figure: <Figure src="./photo.jpg" alt="What the photo shows" />.',
  figure: 'Use the site component, with a capital F: <Figure src="./photo.jpg" alt="…" caption="…" />.',
  figcaption: 'Put the caption in the figure: <Figure … caption="The caption" />.',
  b: 'Write bold text with two asterisks on each side: **bold**.',
  strong: 'Write bold text with two asterisks on each side: **bold**.',
  i: 'Write italic text with one asterisk on each side: *italic*.',
  em: 'Write italic text with one asterisk on each side: *italic*.',
  u: 'Underlined text is not used on the site (it looks like a link); use *italic* or **bold** instead.',
  s: 'Write struck-through text with two tildes on each side: ~~text~~.',
  del: 'Write struck-through text with two tildes on each side: ~~text~~.',
  p: 'Separate paragraphs with an empty line; no tag is needed.',
  div: 'Separate paragraphs with an empty line; for a boxed note use <Callout>…</Callout>.',
  h1: 'Write headings with # signs at the start of the line: ## Heading.',
  h2: 'Write headings with # signs at the start of the line: ## Heading.',
  h3: 'Write headings with # signs at the start of the line: ### Heading.',
  h4: 'Write headings with # signs at the start of the line: #### Heading.',
  h5: 'Write headings with # signs at the start of the line: ##### Heading.',
  h6: 'Write headings with # signs at the start of the line: ###### Heading.',
  ul: 'Write a list with "- " at the start of each line.',
  ol: 'Write a numbered list with "1. ", "2. " at the start of each line.',
  li: 'Write a list with "- " at the start of each line.',
  blockquote: 'Start each line of a quotation with "> ", or use <PullQuote cite="…">…</PullQuote>.',
  q: 'Write the quotation marks of your language as text: “…”, « … », „…“.',
  cite: 'Put the name in the quote: <PullQuote cite="Name, Role">…</PullQuote>.',
  table: 'Write tables in Markdown: | Column | Column | on the first line, | --- | --- | on the second.',
  hr: 'Write a separator line as --- on its own line, with empty lines around it.',
  code: 'Write code with backticks: `code`.',
  pre: 'Write a block of code between lines of three backticks: ```.',
  aside: 'Use <Callout>…</Callout>.',
  video: "Videos cannot be embedded; link to the video page instead: [Watch the video](https://…).",
  audio: 'Audio cannot be embedded; link to the recording instead: [Listen](https://…).',
  time: 'Write the date as text.',
  font: 'Fonts and colours come from the site design; write the text without the tag.',
  center: 'Alignment comes from the site design; write the text without the tag.',
};
