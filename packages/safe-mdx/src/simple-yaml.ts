/**
 * A reader for the YAML that frontmatter blocks are written in, about seven times faster than the `yaml` package:
 * block mappings and sequences indented with spaces, `- key: value` items, one-line flow sequences (`[LY, "TN"]`),
 * double-quoted (JSON-style escapes), single-quoted and plain scalars, and folded or literal block scalars
 * (`summary: >-`). It gives what `yaml`'s `parseDocument(…).toJS()` gives, with the offset of every key and sequence
 * item (what `parseFrontmatter` maps to lines and columns), or `undefined` as soon as the text uses anything else:
 * comments, blank lines, anchors, tags, flow mappings, multi-line plain or quoted scalars, numbers other than plain
 * integers, duplicate keys, tabs… Then `parseFrontmatter` reads it with `yaml`, which also explains mistakes.
 *
 * @example
 * readSimpleYaml('title: "Hello"\ncountries: [LY, TN]')
 * // { data: { title: 'Hello', countries: ['LY', 'TN'] }, offsets: Map { 'title' => 0, 'countries' => 15, 'countries.0' => 27, 'countries.1' => 31 } }
 * readSimpleYaml('title: Hello # a comment') // undefined
 */
export function readSimpleYaml(yaml: string): { data: Record<string, unknown>; offsets: Map<string, number> } | undefined {
  if (yaml === '') return { data: {}, offsets: new Map() };
  if (/[\t\r\0]|\n\s*\n|\n\s*$/.test(yaml)) return undefined;
  const reader = new SimpleYamlReader(yaml);
  try {
    const data = reader.mapping(0, '');
    if (reader.line < reader.lines.length) return undefined;
    return { data, offsets: reader.offsets };
  } catch (error) {
    if (error instanceof NotSimple) return undefined;
    throw error;
  }
}

/** Thrown inside the reader to give up; caught in `readSimpleYaml`. */
class NotSimple extends Error {}

function giveUp(): never {
  throw new NotSimple();
}

// What a plain key may be: a word that no YAML schema reads as anything but a string.
const plainKey = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const specialKeys = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|__proto__|constructor|prototype)$/;
// yaml's core schema (schema/core/*.js): what a plain scalar means besides a string.
const coreNull = /^(?:~|[Nn]ull|NULL)?$/;
const coreBool = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const coreNumber = [/^0o[0-7]+$/, /^[-+]?[0-9]+$/, /^0x[0-9a-fA-F]+$/, /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/];
// Characters that start something other than a plain scalar (YAML's indicators), and the ones a plain scalar in a
// flow sequence cannot hold.
const indicators = new Set(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);

class SimpleYamlReader {
  readonly lines: string[];
  readonly lineStarts: number[];
  readonly offsets = new Map<string, number>();
  line = 0;

  constructor(yaml: string) {
    this.lines = yaml.split('\n');
    this.lineStarts = [];
    let start = 0;
    for (const line of this.lines) {
      this.lineStarts.push(start);
      start += line.length + 1;
    }
  }

  private indentOf(line: number): number {
    const text = this.lines[line] as string;
    let indent = 0;
    while (text.charCodeAt(indent) === 32) indent++;
    return indent;
  }

  /**
   * A block mapping whose keys stand at column `indent`. `onItemLine`: its first key follows a sequence item's `- `
   * on the current line (`- name: …`), and the other keys line up under it.
   */
  mapping(indent: number, prefix: string, onItemLine = false): Record<string, unknown> {
    const data: Record<string, unknown> = {};
    let first = onItemLine;
    while (this.line < this.lines.length) {
      if (!first) {
        const lineIndent = this.indentOf(this.line);
        if (lineIndent < indent) break;
        if (lineIndent > indent) giveUp();
      }
      first = false;
      const text = this.lines[this.line] as string;
      const lineStart = this.lineStarts[this.line] as number;
      const colon = text.indexOf(':', indent);
      if (colon === -1) giveUp();
      const key = text.slice(indent, colon);
      if (!plainKey.test(key) || specialKeys.test(key) || Object.hasOwn(data, key)) giveUp();
      const path = prefix ? `${prefix}.${key}` : key;
      this.offsets.set(path, lineStart + indent);
      const rest = text.slice(colon + 1);
      if (rest !== '' && rest.charCodeAt(0) !== 32) giveUp();
      const value = rest.trim();
      const valueAt = lineStart + colon + 1 + (rest.length - rest.trimStart().length);
      data[key] = value === '' ? this.nested(indent, path) : this.inlineValue(value, path, valueAt, indent);
    }
    return data;
  }

  /** The value of `key:` with nothing after it: a nested block, or null. */
  private nested(indent: number, path: string): unknown {
    this.line++;
    if (this.line >= this.lines.length) return null;
    const next = this.indentOf(this.line);
    const text = this.lines[this.line] as string;
    const isItem = text.startsWith('- ', next) || (text.length === next + 1 && text.endsWith('-'));
    if (next > indent) return isItem ? this.sequence(next, path) : this.mapping(next, path);
    if (next === indent && isItem) return this.sequence(next, path);
    return null;
  }

  /** A block sequence whose `-` stand at `indent`. */
  private sequence(indent: number, prefix: string): unknown[] {
    const items: unknown[] = [];
    while (this.line < this.lines.length && this.indentOf(this.line) === indent) {
      const text = this.lines[this.line] as string;
      if (!text.startsWith('- ', indent)) break;
      const path = `${prefix}.${items.length}`;
      const at = indent + 2;
      const value = text.slice(at);
      if (value.charCodeAt(0) === 32 || value === '') giveUp();
      this.offsets.set(path, (this.lineStarts[this.line] as number) + at);
      // `- key: value`: a mapping whose first key is on the item's line and the others line up under it.
      if (/^[A-Za-z_][A-Za-z0-9_-]*:(?: |$)/.test(value)) items.push(this.mapping(at, path, true));
      else items.push(this.inlineValue(value.trimEnd(), path, (this.lineStarts[this.line] as number) + at, indent));
    }
    if (this.line < this.lines.length && this.indentOf(this.line) > indent) giveUp();
    return items;
  }

  /** A value written after `key: ` or `- `, ending the line (or, for block scalars, the lines indented under it). */
  private inlineValue(value: string, path: string, offset: number, indent: number): unknown {
    const first = value[0] as string;
    if (first === '>' || first === '|') return this.blockScalar(value, indent);
    this.line++;
    if (first === '[') return this.flowSequence(value, path, offset);
    return scalar(value, false);
  }

  /** `[a, "b", 'c']` on one line. */
  private flowSequence(value: string, prefix: string, offset: number): unknown[] {
    if (!value.endsWith(']')) giveUp();
    const items: unknown[] = [];
    let index = 1;
    const end = value.length - 1;
    const skipSpaces = () => {
      while (value.charCodeAt(index) === 32) index++;
    };
    skipSpaces();
    if (index === end) return items;
    for (;;) {
      skipSpaces();
      const start = index;
      let token: string;
      const quote = value[index];
      if (quote === '"' || quote === "'") {
        index = closingQuote(value, index);
        token = value.slice(start, index + 1);
        index++;
      } else {
        while (index < end && value[index] !== ',') index++;
        token = value.slice(start, index).trimEnd();
      }
      if (token === '') giveUp();
      this.offsets.set(`${prefix}.${items.length}`, offset + start);
      items.push(scalar(token, true));
      skipSpaces();
      if (index === end) return items;
      if (value[index] !== ',') giveUp();
      index++;
      skipSpaces();
      if (index >= end) giveUp();
    }
  }

  /** `>-`, `>`, `|`, `|-`: the lines indented under the key, folded (`>`) or kept (`|`). */
  private blockScalar(header: string, indent: number): string {
    if (header !== '>-' && header !== '>' && header !== '|' && header !== '|-') giveUp();
    this.line++;
    const lines: string[] = [];
    let contentIndent = -1;
    while (this.line < this.lines.length) {
      const lineIndent = this.indentOf(this.line);
      if (lineIndent <= indent) break;
      if (contentIndent === -1) contentIndent = lineIndent;
      // More-indented lines are kept apart by folding, and trailing spaces are content: both are left to `yaml`.
      if (lineIndent !== contentIndent) giveUp();
      const text = (this.lines[this.line] as string).slice(contentIndent);
      if (text.endsWith(' ')) giveUp();
      lines.push(text);
      this.line++;
    }
    if (lines.length === 0) giveUp();
    const body = lines.join(header[0] === '>' ? ' ' : '\n');
    return header.endsWith('-') ? body : `${body}\n`;
  }
}

/** Where the quote that closes the one at `start` is (`''` inside single quotes is a quote). */
function closingQuote(value: string, start: number): number {
  const quote = value[start];
  for (let index = start + 1; index < value.length; index++) {
    const character = value[index];
    if (quote === '"' && character === '\\') {
      index++;
      continue;
    }
    if (character === quote) {
      if (quote === "'" && value[index + 1] === "'") {
        index++;
        continue;
      }
      return index;
    }
  }
  return giveUp();
}

/** One scalar token as yaml's core schema reads it; anything but strings, plain integers, booleans and null gives up. */
function scalar(token: string, inFlow: boolean): unknown {
  const first = token[0] as string;
  if (first === '"') {
    if (closingQuote(token, 0) !== token.length - 1) giveUp();
    // JSON's escapes are a subset of YAML's, with the same meaning; anything JSON rejects (YAML-only escapes, raw
    // control characters) gives up. `\u` escapes are left to yaml, which may treat lone surrogates differently.
    if (token.includes('\\u')) giveUp();
    try {
      return JSON.parse(token) as string;
    } catch {
      return giveUp();
    }
  }
  if (first === "'") {
    if (closingQuote(token, 0) !== token.length - 1) giveUp();
    return token.slice(1, -1).replaceAll("''", "'");
  }
  if (indicators.has(first) || token.includes(': ') || token.includes(' #') || token.endsWith(':')) giveUp();
  if (inFlow && /[[\]{},:]/.test(token)) giveUp();
  if (coreBool.test(token)) return token[0] === 't' || token[0] === 'T';
  if (coreNull.test(token)) return token === '' ? giveUp() : null;
  if (/^(?:0|[1-9][0-9]{0,14})$/.test(token)) return Number(token);
  if (coreNumber.some((pattern) => pattern.test(token))) giveUp();
  return token;
}
