import type { Random } from './random.ts';
import type { TextBank } from './text-banks/index.ts';

/** What a frame's fixed slots stand for in one release and language. */
export interface FrameContext {
  /** The dateline town, as this language writes it. */
  place: string;
  /** The release's main country, named in this language. */
  country: string;
  year: number;
  /** The month of the release, named in this language. */
  month: string;
  /** Formats a count the way this language writes numbers ("1,240", "1 240"). */
  formatNumber: (value: number) => string;
}

/**
 * A count of people as releases print them: anything from a dozen to a hundred thousand, spread evenly on a log
 * scale, large ones often rounded ("about 12,400").
 *
 * @example
 * drawCount(createRandom(1)) // 4_300, say
 */
export function drawCount(random: Random): number {
  const value = Math.exp(Math.log(12) + random.next() * (Math.log(120_000) - Math.log(12)));
  return value >= 1000 && random.chance(0.5) ? Math.round(value / 100) * 100 : Math.round(value);
}

/**
 * Fills the slots of a frame (see `TextBank`) with values drawn from the bank and the context, then applies the
 * language's contractions. Case is left as written (list items stay lower-case). An unknown slot is a bug in a bank, so it throws rather than leave a brace in content,
 * which the site's safe-MDX check would reject.
 *
 * @example
 * fillFrame('IOM assists {n} {group} in {place}.', en, context, random)
 * // 'IOM assists 1,240 displaced families in Tripoli.'
 */
export function fillFrame(frame: string, bank: TextBank, context: FrameContext, random: Random): string {
  const drawn = new Map<string, string>();
  const draw = (name: string, values: readonly string[]): string => {
    // A second use of a slot ({aid2}) should not repeat the first ("food and food").
    let value = random.pick(values);
    for (let attempt = 0; attempt < 4 && [...drawn.entries()].some(([key, v]) => key.startsWith(name) && v === value); attempt++) value = random.pick(values);
    return value;
  };
  const filled = frame.replace(/\{([a-zA-Z]+)(\d?)\}/g, (_whole, name: string, suffix: string) => {
    const key = `${name}${suffix}`;
    let value: string;
    switch (name) {
      case 'group':
        value = draw(name, bank.slots.group.map(([bare]) => bare));
        break;
      case 'theGroup':
        value = draw(name, bank.slots.group.map(([, withArticle]) => withArticle));
        break;
      case 'aid':
      case 'need':
      case 'activity':
      case 'partner':
        value = draw(name, bank.slots[name]);
        break;
      case 'place':
        value = context.place;
        break;
      case 'country':
        value = context.country;
        break;
      case 'year':
        value = String(context.year);
        break;
      case 'month':
        value = context.month;
        break;
      case 'n':
        value = context.formatNumber(drawCount(random));
        break;
      case 'small':
        value = context.formatNumber(random.int(3, 40));
        break;
      case 'pct':
        value = String(random.int(8, 92));
        break;
      case 'link': {
        const link = random.pick(bank.links);
        value = `[${link.text}](${link.href})`;
        break;
      }
      default:
        throw new Error(`Unknown slot {${key}} in a ${bank.lang} frame: ${frame}`);
    }
    drawn.set(key, value);
    return value;
  });
  let text = filled;
  for (const [written, corrected] of bank.contractions ?? []) text = text.split(written).join(corrected);
  return text;
}

/** Upper-cases the first letter (scripts without case, like Arabic, are left as they are). */
export function capitalizeFirst(text: string): string {
  return text.length === 0 ? text : text[0]!.toLocaleUpperCase() + text.slice(1);
}

const smallWords = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'with', 'per']);

/**
 * English headline case: every word capitalised except short function words after the first.
 *
 * @example
 * titleCase('IOM assists 1,240 displaced families in Tripoli') // 'IOM Assists 1,240 Displaced Families in Tripoli'
 */
export function titleCase(text: string): string {
  return text
    .split(' ')
    .map((word, index) => (index > 0 && smallWords.has(word) ? word : capitalizeFirst(word)))
    .join(' ');
}

/**
 * Wraps text at `width` columns like the hand-written content files, without ever starting a line with something
 * Markdown would read as a list, heading, quote or rule (a digit, `-`, `+`, `*`, `#`, `>`, `=`).
 *
 * @example
 * wrapText('one two three', 8) // 'one two\nthree'
 */
export function wrapText(text: string, width: number, indent = ''): string {
  const words = text.split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const unsafeStart = /^[\d\-+*#>=_|~`]/.test(word);
    if (line && line.length + 1 + word.length > width && !unsafeStart) {
      lines.push(line);
      line = indent + word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
