import { describe, expect, it } from 'vitest';
import { bodyLine, composeTranslation, draftProblems, readDraftFields } from '../../translation-draft.ts';

const spanishNew = `---
# Translation into es of en.mdx. Translate the title, summary, place and the text below the
title: "Rescue training in Tripoli"
datelinePlace: "Tripoli"
translationOf:
  lang: en
  hash: "0123456789ab"
---

Four days of training.
`;
const place = { kind: 'release' as const, file: 'content/releases/2016/rescue/es.mdx', year: '2016', key: 'rescue', lang: 'es' as const };

describe('the fields of a translation file', () => {
  it('reads the translatable fields and the body', () => {
    expect(readDraftFields(spanishNew)).toEqual({ title: 'Rescue training in Tripoli', summary: '', datelinePlace: 'Tripoli', imageAlt: '', imageCaption: '', body: '\nFour days of training.\n' });
    expect(readDraftFields('no frontmatter')).toBeUndefined();
  });

  it('leaves the frontmatter byte for byte when only the body changed', () => {
    const fields = { ...readDraftFields(spanishNew)!, body: '\nCuatro días de formación.\n' };
    expect(composeTranslation(spanishNew, fields)).toBe(spanishNew.replace('Four days of training.', 'Cuatro días de formación.'));
  });

  it('rewrites changed fields, keeps comments and translationOf, and drops an emptied optional field', () => {
    const text = composeTranslation(spanishNew, { title: 'Formación en rescate: Trípoli', summary: '', datelinePlace: '', imageAlt: '', imageCaption: '', body: '\nCuatro días.\n' })!;
    expect(text).toContain('# Translation into es of en.mdx');
    expect(text).toContain('title: "Formación en rescate: Trípoli"');
    expect(text).not.toContain('datelinePlace');
    expect(text).toContain('translationOf:\n  lang: en\n  hash: "0123456789ab"\n---\n\nCuatro días.\n');
    expect(readDraftFields(text)).toMatchObject({ title: 'Formación en rescate: Trípoli', summary: '' });
  });

  it('writes right-to-left fields as they are typed', () => {
    const text = composeTranslation(spanishNew, { title: 'تدريب على الإنقاذ في طرابلس', summary: 'ملخص: أربعة أيام', datelinePlace: 'طرابلس', imageAlt: 'قارب إنقاذ', imageCaption: '', body: '\nأربعة أيام.\n' })!;
    expect(readDraftFields(text)).toEqual({ title: 'تدريب على الإنقاذ في طرابلس', summary: 'ملخص: أربعة أيام', datelinePlace: 'طرابلس', imageAlt: 'قارب إنقاذ', imageCaption: '', body: '\nأربعة أيام.\n' });
    expect(draftProblems({ ...place, lang: 'ar', file: 'content/releases/2016/rescue/ar.mdx' }, text)).toEqual([]);
  });
});

describe('the problems of a draft', () => {
  it('reports a forbidden expression at its line of the text box, with the checker’s message and fix', () => {
    const text = composeTranslation(spanishNew, { ...readDraftFields(spanishNew)!, body: '\nCuatro días.\n\nUn total de {total} personas.\n' })!;
    const problems = draftProblems(place, text);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.fix).toBeTruthy();
    expect(bodyLine(text, problems[0]!.line!)).toBe(4);
  });

  it('reports frontmatter problems by field, and none for a good file', () => {
    expect(draftProblems(place, spanishNew)).toEqual([]);
    const problems = draftProblems(place, composeTranslation(spanishNew, { ...readDraftFields(spanishNew)!, title: '' })!);
    expect(problems.map((problem) => problem.field)).toContain('title');
  });
});
