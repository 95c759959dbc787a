import { LineCounter, parseDocument, isMap, isSeq, type Node as YamlNode } from 'yaml';
import type { ContentIssue } from './content-issue.ts';
import type { FieldPosition } from './frontmatter-issues.ts';
import { yamlNestingIssue } from './mdx/nesting-limit.ts';

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
    const position = error.linePos?.[0];
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
  const positions = new Map<string, { line: number; column: number }>();
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  const walk = (node: unknown, path: string) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key: unknown = (pair.key as YamlNode | null)?.toJSON?.() ?? pair.key;
        const childPath = path ? `${path}.${String(key)}` : String(key);
        const range = (pair.key as YamlNode | null)?.range;
        if (range) positions.set(childPath, at(range[0]));
        walk(pair.value, childPath);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const childPath = path ? `${path}.${index}` : String(index);
        const range = (item as YamlNode | null)?.range;
        if (range) positions.set(childPath, at(range[0]));
        walk(item, childPath);
      });
    }
  };
  walk(document.contents, '');
  const top = document.contents?.range ? at(document.contents.range[0]) : { line: 1 + lineOffset, column: 1 };
  return {
    data: issues.length ? undefined : document.toJS(),
    fieldPosition: (path) => (path === '' ? top : positions.get(path)),
    issues,
  };
}
