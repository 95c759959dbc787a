import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { YAMLError } from 'yaml';
import type { ContentIssue } from './content-issue.ts';
import { yamlNestingIssue } from './nesting-limit.ts';
import { readSimpleYaml } from './simple-yaml.ts';

/** A 1-based line and column in the original file. */
export interface SourcePoint {
  line: number;
  column: number;
}

/** Where the frontmatter block sits in a file, before its YAML is read. */
export interface FrontmatterBlock {
  /** The YAML between the two `---` lines (without them). */
  yaml: string;
  /** File line of the first YAML line (the line after the opening `---`). */
  yamlStartLine: number;
  /** Offset in the file where the body starts (after the closing `---` line). */
  bodyOffset: number;
  /** File line where the body starts. */
  bodyStartLine: number;
}

/** The frontmatter of one file: its fields, where each field is written, and what is wrong with it. */
export interface ParsedFrontmatter {
  /** The fields as plain values, or `undefined` when the block is missing or cannot be read. */
  data: Record<string, unknown> | undefined;
  /** Line and column of a field's name in the original file; `path` is dotted: `title`, `contacts.0.email`. */
  fieldLines: (path: string) => SourcePoint | undefined;
  /** Offset in the file where the body starts. */
  bodyOffset: number;
  /** File line where the body starts. */
  bodyStartLine: number;
  issues: ContentIssue[];
}

const frontmatterExample =
  'Add at the very top of the file a line with only ---, then one line per field (title: "…", date: 2016-09-02, …), then a line with only ---. ' +
  'The easiest way is to copy the block from the English version and translate the values.';

/**
 * Finds the `---` … `---` block at the top of a file, with the same rule as remark-frontmatter (which parses the body
 * later): the first line is exactly `---` (trailing spaces allowed), and so is the closing line.
 *
 * @example
 * locateFrontmatter('---\ntitle: Hi\n---\n\nBody')
 * // { yaml: 'title: Hi', yamlStartLine: 2, bodyOffset: 18, bodyStartLine: 4 }
 */
export function locateFrontmatter(text: string): FrontmatterBlock | 'unclosed' | undefined {
  const open = /^---[ \t]*(?:\n|$)/.exec(text);
  if (!open) return undefined;
  const yamlStart = open[0].length;
  // `m`: `^` and `$` match at every line start and end, so the first line that is only `---` closes the block;
  // searching from yamlStart (a line start) also finds the closing fence of an empty block.
  const close = /^---[ \t]*$/gm;
  close.lastIndex = yamlStart;
  const match = close.exec(text);
  if (!match) return 'unclosed';
  const fenceEnd = match.index + match[0].length;
  const bodyOffset = text[fenceEnd] === '\n' ? fenceEnd + 1 : fenceEnd;
  return {
    // Without the line break before the closing fence.
    yaml: text.slice(yamlStart, Math.max(yamlStart, match.index - 1)),
    yamlStartLine: 2,
    bodyOffset,
    bodyStartLine: countLines(text, bodyOffset),
  };
}

/**
 * Reads the frontmatter of a content file and keeps, for each field, where it is written, so that a later schema
 * check can say "line 4, column 1, field `date`" about the original file. Simple blocks are read by
 * `readSimpleYaml`, all others (and every mistake) by the `yaml` package, with the same result.
 * YAML mistakes become issues in plain words with the line and column of the mistake.
 *
 * @example
 * const fm = parseFrontmatter('content/a/en.mdx', '---\ntitle: Hi\ncontacts:\n  - email: a@iom.int\n---\nBody');
 * fm.data; // { title: 'Hi', contacts: [{ email: 'a@iom.int' }] }
 * fm.fieldLines('contacts.0.email'); // { line: 4, column: 5 }
 */
export function parseFrontmatter(file: string, text: string, options: { simpleYaml?: boolean } = {}): ParsedFrontmatter {
  const block = locateFrontmatter(text);
  if (block === undefined || block === 'unclosed') {
    return {
      data: undefined,
      fieldLines: () => undefined,
      bodyOffset: 0,
      bodyStartLine: 1,
      issues: [missingFrontmatterIssue(file, text, block)],
    };
  }

  // Both YAML readers recurse once per level, and so do the walks over what they return.
  const tooDeep = yamlNestingIssue(file, block.yaml, block.yamlStartLine, 'frontmatter');
  if (tooDeep) {
    return { data: undefined, fieldLines: () => undefined, bodyOffset: block.bodyOffset, bodyStartLine: block.bodyStartLine, issues: [tooDeep] };
  }

  // Most blocks are simple YAML, which `readSimpleYaml` reads for a fraction of what the `yaml` package costs (it
  // was a third of preparing a release); anything else, mistakes included, goes to `yaml`. The frontmatter tests
  // compare both on every content file. `simpleYaml: false` is for those tests.
  const simple = options.simpleYaml === false ? undefined : readSimpleYaml(block.yaml);
  if (simple) {
    const lineStarts = [0];
    for (let at = block.yaml.indexOf('\n'); at !== -1; at = block.yaml.indexOf('\n', at + 1)) lineStarts.push(at + 1);
    const fieldLines = (path: string): SourcePoint | undefined => {
      const offset = simple.offsets.get(path);
      if (offset === undefined) return undefined;
      let line = 0;
      while (line + 1 < lineStarts.length && (lineStarts[line + 1] as number) <= offset) line++;
      return { line: line + block.yamlStartLine, column: offset - (lineStarts[line] as number) + 1 };
    };
    return { data: simple.data, fieldLines, bodyOffset: block.bodyOffset, bodyStartLine: block.bodyStartLine, issues: [] };
  }

  const lineCounter = new LineCounter();
  const doc = parseDocument(block.yaml, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const lineOffset = block.yamlStartLine - 1;
  const offsets = new Map<string, number>();
  collectFieldOffsets(doc.contents, '', offsets);
  const toPoint = (offset: number): SourcePoint => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  const fieldLines = (path: string): SourcePoint | undefined => {
    const offset = offsets.get(path);
    return offset === undefined ? undefined : toPoint(offset);
  };
  const fieldAt = (line: number): string | undefined => {
    // The field whose name is on this line (the outermost one, for `title: Libya: x`), or else the last field that
    // starts before it.
    let found: string | undefined;
    let foundAt: SourcePoint = { line: 0, column: 0 };
    for (const [path, offset] of offsets) {
      const at = toPoint(offset);
      if (at.line <= line && (at.line > foundAt.line || (at.line === foundAt.line && at.column < foundAt.column))) {
        found = path;
        foundAt = at;
      }
    }
    return found;
  };

  const issues: ContentIssue[] = [];
  const problems = [...doc.errors, ...doc.warnings];
  // Split only when needed: nearly every file has no YAML problem, and the site reads 20,000 of them per build.
  const yamlLines = problems.length > 0 ? block.yaml.split('\n') : [];
  for (const error of problems) {
    const start = error.linePos?.[0];
    const line = (start?.line ?? 1) + lineOffset;
    const column = start?.col ?? 1;
    const lineText = yamlLines[line - lineOffset - 1] ?? '';
    const explained = explainYamlError(error, lineText);
    issues.push({
      file,
      line,
      column: explained.column ?? column,
      field: fieldAt(line) ?? 'frontmatter',
      message: explained.message,
      fix: explained.fix,
    });
  }

  let data: Record<string, unknown> | undefined;
  if (doc.errors.length === 0) {
    try {
      const value: unknown = doc.toJS({ maxAliasCount: 100 });
      if (value === null || value === undefined) data = {};
      else if (typeof value === 'object' && !Array.isArray(value)) data = value as Record<string, unknown>;
      else {
        issues.push({
          file,
          line: block.yamlStartLine,
          column: 1,
          field: 'frontmatter',
          message: 'The frontmatter must be a list of fields, one per line, each written name: value.',
          fix: 'Write each field on its own line, for example title: "…" then date: 2016-09-02.',
        });
      }
    } catch (error) {
      // toJS throws for an alias (`*name`) that points nowhere; in content this is nearly always text starting with *.
      issues.push({
        file,
        line: block.yamlStartLine,
        column: 1,
        field: 'frontmatter',
        message: `A value in the frontmatter cannot be read (${error instanceof Error ? error.message : String(error)}).`,
        fix: 'Put values that start with * or & in double quotes, for example title: "*Update* on Libya".',
      });
    }
  }

  return { data, fieldLines, bodyOffset: block.bodyOffset, bodyStartLine: block.bodyStartLine, issues };
}

function missingFrontmatterIssue(file: string, text: string, block: 'unclosed' | undefined): ContentIssue {
  if (block === 'unclosed') {
    return {
      file,
      line: 1,
      column: 1,
      field: 'frontmatter',
      message: 'The frontmatter starts with --- on line 1 but is never closed: the second line with only --- is missing.',
      fix: 'Add a line with only --- after the last field (title, date, …), before the text of the release.',
    };
  }
  const firstContent = /^\s*---[ \t]*\n/.exec(text);
  if (firstContent) {
    return {
      file,
      line: 1,
      column: 1,
      field: 'frontmatter',
      message: 'The frontmatter must start on the very first line of the file, but there are empty lines or spaces before its ---.',
      fix: 'Delete everything above the first --- line, so that --- is the first thing in the file.',
    };
  }
  return {
    file,
    line: 1,
    column: 1,
    field: 'frontmatter',
    message: 'This file has no frontmatter: it must start with a line containing only ---, then the fields (title, date, …), then another line with only ---.',
    fix: frontmatterExample,
  };
}

/**
 * Records the offset of every field name (maps) and item (lists) of a parsed YAML document under its dotted path
 * (`contacts.0.email`): the one walker that gives frontmatter and data files (country records, UI strings) their
 * line and column.
 */
export function collectFieldOffsets(node: unknown, prefix: string, out: Map<string, number>): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const path = prefix ? `${prefix}.${key}` : key;
      const range = isScalar(pair.key) ? pair.key.range : undefined;
      if (range) out.set(path, range[0]);
      collectFieldOffsets(pair.value, path, out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const path = prefix ? `${prefix}.${index}` : String(index);
      const range = (item as { range?: [number, number, number] } | null)?.range;
      if (range) out.set(path, range[0]);
      collectFieldOffsets(item, path, out);
    });
  }
}

/** Turns a YAML parser error into words for a translator, with a fix built from the line they wrote. */
function explainYamlError(error: YAMLError, lineText: string): { message: string; fix: string; column?: number } {
  const field = /^\s*(?:-\s+)?([^\s:#][^:#]*?)\s*:(?:\s|$)/.exec(lineText);
  const key = field?.[1];
  const value = key === undefined ? undefined : lineText.slice(lineText.indexOf(':') + 1).trim();
  const quoted = value === undefined ? '"…"' : `"${value.replace(/^["']|["']$/g, '').replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const quoteFix = key === undefined ? 'Put the whole value in double quotes: name: "…".' : `Put the whole value in double quotes: ${key}: ${quoted}`;

  if (value !== undefined && /^[*&!%@`[{]/.test(value) && error.code !== 'DUPLICATE_KEY') {
    return {
      message: `The value of "${key}" starts with ${value[0]}, a sign that has a special meaning in the frontmatter unless the value is in quotes.`,
      fix: quoteFix,
      // The parser stops somewhere inside the value; the translator needs to look at where it starts.
      column: lineText.indexOf(value, lineText.indexOf(':')) + 1,
    };
  }
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return {
        message: `The field "${key ?? 'this field'}" is written twice in the frontmatter.`,
        fix: `Keep one "${key ?? 'name'}:" line and delete the other.`,
      };
    case 'TAB_AS_INDENT':
      return {
        message: 'A tab is used to indent this line; the frontmatter only accepts spaces.',
        fix: 'Replace the tab with spaces (two spaces per level, like the lines around it).',
      };
    case 'BAD_DQ_ESCAPE':
      return {
        message: 'Inside double quotes, a backslash \\ starts a special code, and the one written here does not exist.',
        fix: 'Write \\\\ for a backslash, or put the value in single quotes instead: \'…\'.',
      };
    case 'MISSING_CHAR':
      if (/quote/i.test(error.message)) {
        return {
          message: 'A value starts with a quotation mark but the closing quotation mark is missing.',
          fix: 'Add the closing " at the end of the value. To write a quotation mark inside the value, write \\".',
        };
      }
      break;
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (value !== undefined && /:\s/.test(value)) {
        return {
          message: `The value of "${key}" contains a colon followed by a space, which the frontmatter reads as the start of a new field.`,
          fix: quoteFix,
        };
      }
      break;
    case 'BAD_SCALAR_START':
    case 'TAG_RESOLVE_FAILED':
      return {
        message: 'This value starts with a sign that has a special meaning in the frontmatter (such as * & ! % @ or `).',
        fix: quoteFix,
      };
    default:
      break;
  }
  const reason = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? error.code;
  return {
    message: `The frontmatter cannot be read here: ${reason}.`,
    fix:
      'Each field is written name: value on its own line; list items start with "- " and line up with each other. ' +
      'Values that contain a colon, # or quotation marks go in double quotes. Compare with the same lines in the English file.',
  };
}

function countLines(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
