import { siteComponentNames, siteComponents, type ElementSpec } from '@iom/safe-mdx';
import { describe, expect, it } from 'vitest';
import { componentInsertion, componentSnippet } from '../../component-snippets.ts';
import { draftProblems } from '../../translation-draft.ts';

const head = `---
title: "Formación en rescate"
translationOf:
  lang: en
  hash: "0123456789ab"
---
`;
const place = { kind: 'release' as const, file: 'content/releases/2016/rescue/es.mdx', year: '2016', key: 'rescue', lang: 'es' as const };
const arabicPlace = { ...place, lang: 'ar' as const, file: 'content/releases/2016/rescue/ar.mdx' };
const apply = (text: string, change: { from: number; to: number; insert: string }) => text.slice(0, change.from) + change.insert + text.slice(change.to);

/** A required attribute's value as the component table's example writes it (`src="./training-tripoli.jpg"`). */
function exampleValue(spec: ElementSpec, attribute: string): string {
  return /="([^"]*)"/.exec(spec.attributes[attribute]!.example)![1]!;
}

describe('the component menu’s snippets, from safe-mdx’s table', () => {
  it('offers every site component, and writes each one’s required attributes', () => {
    expect(siteComponentNames.length).toBeGreaterThan(4);
    for (const name of siteComponentNames) {
      const spec: ElementSpec = siteComponents[name];
      const { text } = componentSnippet(name);
      expect(text.startsWith(`<${name}`)).toBe(true);
      expect(text.endsWith(spec.children === 'required' ? `</${name}>` : ' />')).toBe(true);
      for (const [attribute, attributeSpec] of Object.entries(spec.attributes)) expect(text.includes(` ${attribute}=""`)).toBe(attributeSpec.required === true);
    }
    expect(componentSnippet('Statistic')).toEqual({ text: '<Statistic value="" label="" />', cursor: 18 });
    expect(componentSnippet('Callout')).toEqual({ text: '<Callout></Callout>', cursor: 9 });
    expect(componentSnippet('Contacts')).toEqual({ text: '<Contacts />', cursor: 12 });
  });

  it.each(siteComponentNames)('%s: once its values are filled in, the checker accepts it, and before, names what is missing', (name) => {
    const body = '\nLa OIM formó a los guardacostas.\n';
    const change = componentInsertion(body, body.length, body.length, name);
    const inserted = apply(body, change);
    const spec: ElementSpec = siteComponents[name];
    const required = Object.keys(spec.attributes).filter((attribute) => spec.attributes[attribute]!.required);
    let filled = inserted;
    for (const attribute of required) filled = filled.replace(`${attribute}=""`, `${attribute}="${exampleValue(spec, attribute)}"`);
    if (spec.children === 'required') filled = filled.replace(`></${name}>`, `>Palabras.</${name}>`);
    expect(draftProblems(place, head + filled)).toEqual([]);
    const problems = draftProblems(place, head + inserted);
    if (required.length > 0 || spec.children === 'required') {
      expect(problems.length).toBeGreaterThan(0);
      // At the snippet's line: the frontmatter's 6 lines, then the body's lines up to it.
      const snippetLine = 6 + inserted.slice(0, change.from + change.insert.indexOf('<')).split('\n').length;
      expect(problems.every((problem) => problem.line === snippetLine)).toBe(true);
    } else {
      expect(problems).toEqual([]);
    }
  });
});

describe('where a component goes in the text', () => {
  it('after a paragraph’s last word: a blank line before, and the cursor in its first value', () => {
    const text = '\nWords.\n';
    const change = componentInsertion(text, 7, 7, 'Statistic');
    expect(apply(text, change)).toBe('\nWords.\n\n<Statistic value="" label="" />\n');
    expect(change.cursor).toBe(9 + 18);
  });

  it('in the middle of a paragraph: splits it, with blank lines on both sides', () => {
    const text = 'One. Two.\n';
    expect(apply(text, componentInsertion(text, 5, 5, 'Contacts'))).toBe('One. \n\n<Contacts />\n\nTwo.\n');
  });

  it('on an empty line between paragraphs: adds only the blank lines that are missing', () => {
    expect(apply('A.\n\nB.\n', componentInsertion('A.\n\nB.\n', 3, 3, 'Contacts'))).toBe('A.\n\n<Contacts />\n\nB.\n');
    expect(apply('A.\n\n\n\nB.\n', componentInsertion('A.\n\n\n\nB.\n', 4, 4, 'Contacts'))).toBe('A.\n\n<Contacts />\n\nB.\n');
  });

  it('replaces a selection, and ends a text without a final line break with one', () => {
    const text = 'Keep. Replace me';
    expect(apply(text, componentInsertion(text, 6, text.length, 'Callout'))).toBe('Keep. \n\n<Callout></Callout>\n');
    expect(apply('', componentInsertion('', 0, 0, 'Contacts'))).toBe('<Contacts />\n');
  });

  it('in an Arabic text, right to left: the same lines, and the checker accepts the result once filled', () => {
    const body = '\nدرّبت المنظمة خفر السواحل. وتستمر الدورة أربعة أيام.\n';
    const at = body.indexOf(' وتستمر') + 1;
    const change = componentInsertion(body, at, at, 'PullQuote');
    const inserted = apply(body, change);
    expect(inserted).toBe('\nدرّبت المنظمة خفر السواحل. \n\n<PullQuote></PullQuote>\n\nوتستمر الدورة أربعة أيام.\n');
    expect(inserted.slice(change.cursor, change.cursor + 2)).toBe('</');
    expect(draftProblems(arabicPlace, head + inserted.replace('<PullQuote></PullQuote>', '<PullQuote>كلمات.</PullQuote>'))).toEqual([]);
  });
});
