import { capitalizeFirst, drawCount, fillFrame, wrapText, type FrameContext } from './fill-frame.ts';
import type { Random } from './random.ts';
import type { TextBank } from './text-banks/index.ts';

/**
 * One block of a release body. A release's blocks are planned once and written in every language, so a translation
 * has the shape of its source (same headings, components and length), as a real translation would.
 */
export type BodyBlock =
  | { kind: 'paragraph'; sentences: number; link: boolean }
  | { kind: 'heading'; index: number }
  | { kind: 'list'; items: number }
  | { kind: 'statistic'; value: number; withSource: boolean }
  | { kind: 'quote'; sentences: number; person: number; role: number }
  | { kind: 'figure'; number: number; photographer: number }
  | { kind: 'callout'; sentences: number; tone: 'info' | 'note' }
  | { kind: 'contacts' };

/** How often a release carries each component (per release, not per page). */
export const componentRates = { figure: 0.2, quote: 0.3, statistic: 0.3, list: 0.55, callout: 0.12, link: 0.7, contacts: 0.95 } as const;

/** Body length in words of the source, by kind of publication. */
export const bodyWords = { statement: [250, 600], other: [600, 1400] } as const;

// Measured on the English bank: sentences average about 16 words (links, lists and quotes included).
const wordsPerSentence = 16;

/**
 * Plans the blocks of a body: a two-sentence lead, paragraphs of two to five sentences with a heading every two to
 * four paragraphs, and the components at random places after the lead.
 *
 * @example
 * planBody(createRandom(1, 'body', 0), 'press-release')
 * // [{ kind: 'paragraph', sentences: 2, link: false }, { kind: 'paragraph', … }, { kind: 'heading', index: 3 }, …]
 */
export function planBody(random: Random, type: string): BodyBlock[] {
  const [minWords, maxWords] = type === 'statement' ? bodyWords.statement : bodyWords.other;
  let sentences = Math.round(random.int(minWords, maxWords) / wordsPerSentence);
  const blocks: BodyBlock[] = [{ kind: 'paragraph', sentences: 2, link: false }];
  sentences -= 2;
  const headings = random.sample([...Array(14).keys()], 14);
  let sinceHeading = 0;
  let nextHeadingAfter = random.int(1, 3);
  while (sentences > 0) {
    if (sinceHeading >= nextHeadingAfter && headings.length > 0 && sentences > 3) {
      blocks.push({ kind: 'heading', index: headings.shift()! });
      sinceHeading = 0;
      nextHeadingAfter = random.int(2, 4);
    }
    const count = Math.min(sentences, random.int(2, 5));
    blocks.push({ kind: 'paragraph', sentences: count, link: false });
    sentences -= count;
    sinceHeading++;
  }

  const insert = (block: BodyBlock) => blocks.splice(random.int(2, blocks.length), 0, block);
  if (random.chance(componentRates.list)) insert({ kind: 'list', items: random.int(3, 6) });
  if (random.chance(componentRates.statistic)) insert({ kind: 'statistic', value: drawCount(random), withSource: random.chance(0.5) });
  if (random.chance(componentRates.quote)) insert({ kind: 'quote', sentences: random.int(1, 3), person: random.int(0, 999), role: random.int(0, 999) });
  if (random.chance(componentRates.figure)) insert({ kind: 'figure', number: random.int(1, 40), photographer: random.int(0, 999) });
  if (random.chance(componentRates.callout)) insert({ kind: 'callout', sentences: random.int(2, 3), tone: random.chance(0.7) ? 'info' : 'note' });
  if (random.chance(componentRates.link)) {
    const paragraphs = blocks.filter((block): block is Extract<BodyBlock, { kind: 'paragraph' }> => block.kind === 'paragraph');
    for (const paragraph of random.sample(paragraphs.slice(1), random.int(1, 2))) paragraph.link = true;
  }
  if (random.chance(componentRates.contacts)) blocks.push({ kind: 'contacts' });
  return blocks;
}

/** What the body writer needs besides the blocks. */
export interface BodyContext extends FrameContext {
  /** Person names in this language's script: [given names, family names]. */
  names: readonly [readonly string[], readonly string[]];
  /** Year printed in photo credits. */
  year: number;
}

const lineWidth = 110;

/** Double quotes would end a component attribute early; content uses typographic quotes anyway. */
function attribute(value: string): string {
  return value.replace(/"/g, '”');
}

/**
 * Writes planned blocks as safe MDX in one language: Markdown plus the site components, and nothing the site's
 * check rejects (no braces, no `<` outside components, no import or export). Starts with the blank line that
 * follows the frontmatter, as hand-written files do, and ends with a newline.
 *
 * @example
 * writeBody(planBody(random, 'news'), en, context, createRandom(1, 'body', 0, 'en'))
 * // '\nIOM has provided hygiene kits to 1,240 migrants in Tripoli since the beginning of 2016. …\n\n## Background\n…'
 */
export function writeBody(blocks: readonly BodyBlock[], bank: TextBank, context: BodyContext, random: Random): string {
  const fill = (frame: string) => fillFrame(frame, bank, context, random);
  const sentence = () => capitalizeFirst(fill(random.pick(bank.sentences)));
  const person = (index: number) => {
    const [given, family] = context.names;
    return `${given[index % given.length]} ${family[Math.floor(index / given.length) % family.length]}`;
  };
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'paragraph': {
        const parts = Array.from({ length: block.sentences }, sentence);
        if (block.link) parts.push(fill(random.pick(bank.linkSentences)));
        out.push(wrapText(parts.join(' '), lineWidth));
        break;
      }
      case 'heading':
        out.push(`## ${bank.headings[block.index % bank.headings.length]}`);
        break;
      case 'list':
        out.push(random.sample(bank.listItems, block.items).map((item) => `- ${wrapText(fill(item), lineWidth - 2, '  ')}`).join('\n'));
        break;
      case 'statistic': {
        const source = block.withSource ? ` source="${attribute(bank.lang === 'en' ? 'IOM Displacement Tracking Matrix' : 'DTM')}"` : '';
        out.push(`<Statistic value="${context.formatNumber(block.value)}" label="${attribute(fill(random.pick(bank.statisticLabels)))}"${source} />`);
        break;
      }
      case 'quote': {
        const words = random.sample(bank.quotes, block.sentences).map(fill).join(' ');
        const cite = `${person(block.person)}, ${fill(bank.roles[block.role % bank.roles.length]!)}`;
        out.push(`<PullQuote cite="${attribute(cite)}">\n${wrapText(words, lineWidth)}\n</PullQuote>`);
        break;
      }
      case 'figure': {
        const alt = capitalizeFirst(fill(random.pick(bank.figureAlts)));
        const caption = capitalizeFirst(fill(random.pick(bank.figureCaptions)));
        const credit = `© ${bank.creditOrganisation} ${context.year} / ${person(block.photographer)}`;
        out.push(
          `<Figure src="/images/bench/figure-${block.number}.jpg" alt="${attribute(alt)}" caption="${attribute(caption)}" credit="${attribute(credit)}" width="1200" height="800" />`,
        );
        break;
      }
      case 'callout': {
        const title = bank.calloutTitles[random.int(0, bank.calloutTitles.length - 1)]!;
        const tone = block.tone === 'info' ? '' : ` tone="${block.tone}"`;
        const text = Array.from({ length: block.sentences }, sentence).join(' ');
        out.push(`<Callout${tone} title="${attribute(title)}">\n${wrapText(text, lineWidth)}\n</Callout>`);
        break;
      }
      case 'contacts':
        out.push('<Contacts />');
        break;
    }
  }
  return `\n${out.join('\n\n')}\n`;
}

/**
 * Words in a body, counting what a reader reads (component markup and link addresses left out).
 *
 * @example
 * countWords('\nTwo words.\n\n<Contacts />\n') // 2
 */
export function countWords(body: string): number {
  const text = body
    .replace(/<\/?[A-Z][A-Za-z]*[^>]*>/g, ' ')
    .replace(/\]\([^)]*\)/g, ' ')
    .replace(/^#+ /gm, '');
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
