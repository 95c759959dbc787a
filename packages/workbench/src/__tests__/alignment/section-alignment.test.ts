import { describe, expect, it } from 'vitest';
import { alignSections } from '../../section-alignment.ts';

const sourceV1 = 'Intro.\n\nSecond intro paragraph.\n\n## Training\n\nFour days.\n\n## Next steps\n\nEquipment.\n';
const sourceV2 = 'Intro.\n\nSecond intro paragraph.\n\n## Training\n\nFive days, not four.\n\n## Next steps\n\nEquipment.\n\n## Funding\n\nThe EU.\n';
const spanish = 'Introducción.\n\nSegundo párrafo.\n\n## Formación\n\nCuatro días.\n\n## Próximos pasos\n\nEquipos.\n';
const arabic = 'مقدمة.\n\nفقرة ثانية.\n\n## التدريب\n\nأربعة أيام.\n\n## الخطوات التالية\n\nمعدات.\n';

describe('aligning a translation with its source', () => {
  it('pairs sections by position (headings, then paragraphs), whatever the headings say', () => {
    const { sections } = alignSections(sourceV1, spanish);
    expect(sections.map((section) => [section.sourceHeading, section.translationHeading])).toEqual([
      ['', ''],
      ['Training', 'Formación'],
      ['Next steps', 'Próximos pasos'],
    ]);
    expect(sections[0]!.paragraphs).toEqual([
      { source: 'Intro.', translation: 'Introducción.' },
      { source: 'Second intro paragraph.', translation: 'Segundo párrafo.' },
    ]);
  });

  it('pairs a right-to-left translation the same way', () => {
    const { sections } = alignSections(sourceV1, arabic);
    expect(sections[1]).toMatchObject({ sourceHeading: 'Training', translationHeading: 'التدريب', paragraphs: [{ source: 'Four days.', translation: 'أربعة أيام.' }] });
  });

  it('leaves a side empty where the other has more sections or paragraphs', () => {
    const { sections } = alignSections(sourceV2, 'Introducción.\n\n## Formación\n\nCuatro días.\n');
    expect(sections).toHaveLength(4);
    expect(sections[0]!.paragraphs[1]).toEqual({ source: 'Second intro paragraph.', translation: undefined });
    expect(sections[3]).toMatchObject({ sourceHeading: 'Funding', translationHeading: undefined });
    expect(alignSections('Intro.', 'Intro.\n\n## Extra\n\nMore.').sections[1]).toMatchObject({ sourceHeading: undefined, translationHeading: 'Extra' });
  });

  it('marks the source sections changed since the translated version, with the word diff, as i18n:status names them', () => {
    const { sections, removed } = alignSections(sourceV2, arabic, sourceV1);
    expect(sections.map((section) => section.change?.kind)).toEqual([undefined, 'changed', undefined, 'added']);
    const diff = sections[1]!.change!.diff;
    expect(diff.filter((part) => part.kind !== 'added').map((part) => part.text).join('')).toBe('Four days.');
    expect(diff.filter((part) => part.kind !== 'removed').map((part) => part.text).join('')).toBe('Five days, not four.');
    expect(diff.filter((part) => part.kind === 'removed').map((part) => part.text).join(' ')).toContain('Four');
    expect(sections[3]!.change!.diff).toEqual([{ kind: 'added', text: 'The EU.' }]);
    expect(removed).toEqual([]);
  });

  it('lists sections removed from the source, and ignores whitespace-only edits', () => {
    const { sections, removed } = alignSections('Intro.\n\nSecond intro paragraph.\n\n## Training\n\nFour   days.\n', spanish, sourceV1);
    expect(sections.every((section) => section.change === undefined)).toBe(true);
    expect(removed).toEqual([{ heading: 'Next steps', text: 'Equipment.' }]);
  });
});
