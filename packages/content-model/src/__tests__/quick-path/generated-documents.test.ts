import { describe, expect, it } from 'vitest';
import { fileWith, treesOf } from './both-paths.ts';

// Random documents built from the pieces content is made of (and a few it is not), in English, French and Arabic:
// whatever the mix, the quick parser must give remark's tree or give up. A fixed seed keeps the test repeatable; the
// same generator with other seeds and larger counts was run while writing the parser.

/** mulberry32: small, fast, good enough to shuffle text. */
function createRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = createRandom(20160902);
const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const words = ['IOM', 'migrants', 'l’OIM', 'café', '1 240', '12,400', 'مهاجر', 'المنظمة', '\u200Fالدولية\u200F', 'São', '😀', 'end.', '(paren)', '"q"', '«fr»', '-', '#', '1.', '!', '&', ':', "'", '“x”', '_', '*', '\\'];
const inlinePieces = [
  '*', '**', '***', '_', '__', ' ', ' ', ' ', '  ', '\\*', '\\_', '\\\\', '\\[',
  '[link](https://www.iom.int/x)', '[t *e*](/en/news "Title")', '![alt *x*](/media/a.jpg)',
  '<abbr title="T">IDP</abbr>', '<bdi>محمد</bdi>', '<sup>2</sup>', '<br />', "<span lang='fr'>mot</span>",
];

function inlineText(count: number): string {
  let text = '';
  for (let index = 0; index < count; index++) {
    const draw = random();
    if (draw < 0.45) text += pick(words);
    else if (draw < 0.9) text += pick(inlinePieces);
    else text += pick(['\n', '  \n', '\\\n', ' \n', '\n  ']);
  }
  return text;
}

function block(depth: number): string {
  const draw = random();
  if (draw < 0.35) return inlineText(1 + Math.floor(random() * 12));
  if (draw < 0.45) return `${'#'.repeat(1 + Math.floor(random() * 6))} ${inlineText(1 + Math.floor(random() * 5))}${pick(['', ' ##', '#'])}`;
  if (draw < 0.7 && depth < 2) {
    const marker = pick(['-', '*', '1.', '3.', '1)']);
    const pad = ' '.repeat(marker.length + 1);
    const items: string[] = [];
    for (let index = 0, count = 1 + Math.floor(random() * 4); index < count; index++) {
      let item = `${marker} ${inlineText(1 + Math.floor(random() * 6))}`;
      if (random() < 0.3) item += `\n${pick([pad, ''])}${inlineText(1 + Math.floor(random() * 4))}`;
      if (random() < 0.25) item += pick(['\n', '\n\n']) + block(depth + 1).split('\n').map((line) => (line ? pad + line : line)).join('\n');
      items.push(item);
      if (random() < 0.2) items.push('');
    }
    return items.join('\n');
  }
  if (draw < 0.8) {
    return pick([
      '<Contacts />',
      '<Figure src="/media/a.jpg" alt="A" caption="C" credit="© IOM" width="1200" height="800" />',
      '<Statistic value="٣٬١٦٧" label="شخصاً" source="المنظمة" />',
      '<Figure\n  src="/media/b.jpg"\n  alt="B" />',
    ]);
  }
  if (draw < 0.9) {
    const [open, name] = pick([['PullQuote cite="A, B"', 'PullQuote'], ['Callout title="T"', 'Callout'], ["PullQuote cite='عثمان'", 'PullQuote']] as const);
    return `<${open}>\n${pick(['', '\n'])}${block(depth + 1)}${pick(['', '\n'])}\n</${name}>`;
  }
  return pick(['<PullQuote cite="A">Words *x*.</PullQuote>', '<Callout>One line.</Callout>']);
}

const documents = Array.from({ length: 400 }, () => {
  const blocks = Array.from({ length: 1 + Math.floor(random() * 5) }, () => block(0));
  return fileWith(`\n${blocks.map((text) => text + pick(['\n\n', '\n', '\n\n\n'])).join('')}`);
});

describe('generated documents (seeded)', () => {
  const results = documents.map((text) => ({ text, ...treesOf(text) }));

  it('are often read by the quick parser, Arabic ones included, so the comparison means something', () => {
    const read = results.filter((result) => result.quick);
    expect(read.length).toBeGreaterThan(documents.length * 0.3);
    expect(read.filter((result) => /\p{Script=Arabic}/u.test(result.text)).length).toBeGreaterThan(50);
  });

  it('give remark’s tree whenever the quick parser does not give up', () => {
    const read = results.filter((result) => result.quick);
    expect(read.map((result) => result.remarkIssues)).toEqual(read.map(() => 0));
    expect(read.map((result) => result.quick)).toEqual(read.map((result) => result.remark));
  });
});
