/** A section of a body: the text under one heading (the part before the first heading has heading `''`). */
export interface BodySection {
  heading: string;
  text: string;
}

/**
 * Splits a Markdown/MDX body at its headings (`#` to `######`, outside fenced code), so that a changed source can be
 * reported section by section to translators.
 *
 * @example
 * sectionsOf('Intro.\n\n## Next steps\n\nMore.') // [{ heading: '', text: 'Intro.' }, { heading: 'Next steps', text: 'More.' }]
 */
export function sectionsOf(body: string): BodySection[] {
  const sections: BodySection[] = [];
  let current: BodySection = { heading: '', text: '' };
  let fence: string | undefined;
  const lines: string[] = [];
  const flush = () => {
    current.text = lines.join('\n').trim();
    if (current.heading || current.text) sections.push(current);
    lines.length = 0;
  };
  for (const line of body.split('\n')) {
    const fenceMatch = /^\s*(```|~~~)/.exec(line);
    if (fenceMatch) fence = fence === fenceMatch[1] ? undefined : (fence ?? fenceMatch[1]);
    const heading = fence ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      flush();
      current = { heading: heading[1]!, text: '' };
    } else {
      lines.push(line);
    }
  }
  flush();
  return sections;
}

/** What changed between two versions of a source body, by section: headings of changed, added and removed sections. */
export interface SectionChanges {
  changed: string[];
  added: string[];
  removed: string[];
}

/**
 * Compares two versions of a body section by section. Whitespace-only edits do not count. The untitled opening
 * section is reported as `(introduction)`.
 *
 * @example
 * changedSections('Intro.\n## A\nOne.', 'Intro!\n## A\nOne.\n## B\nTwo.') // { changed: ['(introduction)'], added: ['B'], removed: [] }
 */
export function changedSections(before: string, after: string): SectionChanges {
  const label = (heading: string) => heading || '(introduction)';
  const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();
  const old = new Map(sectionsOf(before).map((section) => [section.heading, normalize(section.text)]));
  const now = sectionsOf(after);
  const result: SectionChanges = { changed: [], added: [], removed: [] };
  for (const section of now) {
    const previous = old.get(section.heading);
    if (previous === undefined) result.added.push(label(section.heading));
    else if (previous !== normalize(section.text)) result.changed.push(label(section.heading));
  }
  const headings = new Set(now.map((section) => section.heading));
  for (const heading of old.keys()) if (!headings.has(heading)) result.removed.push(label(heading));
  return result;
}
