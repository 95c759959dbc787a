import { LineCounter, parseDocument } from 'yaml';
import { collectFieldOffsets, yamlNestingIssue, type ContentIssue } from '@iom/safe-mdx';
import type { FieldPosition } from './frontmatter-issues.ts';

/** A YAML data file parsed with the position of every field, so errors can name the line. */
export interface ParsedYamlFile {
  data: unknown;
  fieldPosition: (path: string) => FieldPosition;
  issues: ContentIssue[];
}

/**
 * Parses a YAML data file (country records, UI strings, themes). `lineOffset` shifts positions when the YAML sits
 * inside another file (frontmatter starts on line 2).
 *
 * @example
 * parseYamlFile('content/countries/ly/country.yaml', 'code: LY\nregion: x\n').fieldPosition('region') // { line: 2, column: 1 }
 */
export function parseYamlFile(file: string, text: string, lineOffset = 0): ParsedYamlFile {
  // The reader and the walk below recurse once per level.
  const tooDeep = yamlNestingIssue(file, text, 1 + lineOffset, undefined);
  if (tooDeep) return { data: undefined, fieldPosition: () => undefined, issues: [tooDeep] };
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const issues: ContentIssue[] = document.errors.map((error) => {
    // With prettyErrors off the parser sets no linePos: the line comes from the error's offset.
    const position = error.linePos?.[0] ?? (error.pos[0] >= 0 ? lineCounter.linePos(error.pos[0]) : undefined);
    return {
      file,
      line: position ? position.line + lineOffset : undefined,
      column: position?.col,
      message: `The YAML is not valid: ${error.message.split('\n')[0]}`,
      fix:
        error.code === 'DUPLICATE_KEY'
          ? 'Each field may appear only once: remove or rename the repeated one.'
          : 'Check indentation (spaces, not tabs), a colon and a space after each field name, and quotes around text containing ": " or starting with a special character.',
    };
  });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  const offsets = new Map<string, number>();
  collectFieldOffsets(document.contents, '', offsets);
  const top = document.contents?.range ? at(document.contents.range[0]) : { line: 1 + lineOffset, column: 1 };
  return {
    data: issues.length ? undefined : document.toJS(),
    fieldPosition: (path) => {
      if (path === '') return top;
      const offset = offsets.get(path);
      return offset === undefined ? undefined : at(offset);
    },
    issues,
  };
}
