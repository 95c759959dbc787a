import { sectionsOf, type BodySection } from '@iom/content-model';
import { wordDiff, type DiffPart } from './word-diff.ts';

/** A section of the source beside the section of the translation at the same place, paragraph by paragraph. */
export interface AlignedSection {
  /** The source's section heading (`''` for the text before the first heading); absent where the translation has more sections. */
  sourceHeading?: string | undefined;
  /** The translation's heading at the same place, when the translation has that many sections. */
  translationHeading?: string | undefined;
  /** Paragraph pairs at the same place in both; one side is `undefined` where the other has more paragraphs. */
  paragraphs: { source?: string | undefined; translation?: string | undefined }[];
  /**
   * How the source section changed since the version the translation was made from: `added` (no section with that
   * heading then) or `changed` (with the word-level diff). Absent when unchanged or when that version is unknown.
   */
  change?: { kind: 'added' | 'changed'; diff: DiffPart[] } | undefined;
}

/** The alignment of a source body with a translation body, and the source sections removed since the translation. */
export interface Alignment {
  sections: AlignedSection[];
  /** Sections the translated source version had and the current one has not: the translation should lose them. */
  removed: BodySection[];
}

/** Paragraphs of a section: blocks separated by blank lines. */
const paragraphsOf = (text: string) => text.split(/\n[ \t]*\n/).map((paragraph) => paragraph.trim()).filter(Boolean);
const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Aligns a translation with its source: by section (headings split a body, as `sectionsOf` does), then by paragraph
 * inside each section, by position (a translation keeps the source's structure; headings are in different words).
 * With `translatedSourceBody` (the source as it was when translated, see `sourceChangeSince`), each source section
 * that changed since is marked, with a word-level diff; sections are matched to their old version by heading, as
 * `changedSections` (and so `pnpm i18n:status`) does.
 *
 * @example
 * alignSections('Intro.\n\n## Aid\n\nFood.', 'Intro.\n\n## Ayuda\n\nComida.').sections[1]
 * // { sourceHeading: 'Aid', translationHeading: 'Ayuda', paragraphs: [{ source: 'Food.', translation: 'Comida.' }] }
 */
export function alignSections(sourceBody: string, translationBody: string, translatedSourceBody?: string): Alignment {
  const source = sectionsOf(sourceBody);
  const translation = sectionsOf(translationBody);
  const old = translatedSourceBody === undefined ? undefined : new Map(sectionsOf(translatedSourceBody).map((section) => [section.heading, section.text]));
  const sections: AlignedSection[] = [];
  for (let index = 0; index < Math.max(source.length, translation.length); index += 1) {
    const sourceSection = source[index];
    const translationSection = translation[index];
    const sourceParagraphs = sourceSection ? paragraphsOf(sourceSection.text) : [];
    const translationParagraphs = translationSection ? paragraphsOf(translationSection.text) : [];
    const paragraphs = Array.from({ length: Math.max(sourceParagraphs.length, translationParagraphs.length) }, (_, at) => ({ source: sourceParagraphs[at], translation: translationParagraphs[at] }));
    let change: AlignedSection['change'];
    if (old && sourceSection) {
      const before = old.get(sourceSection.heading);
      if (before === undefined) change = { kind: 'added', diff: [{ kind: 'added', text: sourceSection.text }] };
      else if (normalize(before) !== normalize(sourceSection.text)) change = { kind: 'changed', diff: wordDiff(before, sourceSection.text) };
    }
    sections.push({ sourceHeading: sourceSection?.heading, translationHeading: translationSection?.heading, paragraphs, change });
  }
  const headings = new Set(source.map((section) => section.heading));
  const removed = old ? [...old].filter(([heading]) => !headings.has(heading)).map(([heading, text]) => ({ heading, text })) : [];
  return { sections, removed };
}
