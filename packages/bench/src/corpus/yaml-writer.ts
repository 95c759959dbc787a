/**
 * Just enough YAML to write frontmatter and country records, laid out like the hand-written files (block mappings,
 * lists of scalars on one line). Every string is written with `JSON.stringify`: a JSON string is a valid YAML
 * double-quoted scalar, so no value can be misread as a number, a date, a boolean (`NO` for Norway) or a comment,
 * whatever it contains.
 */

/** A value the writer accepts. `undefined` fields are left out. */
export type YamlValue = string | number | boolean | null | undefined | readonly YamlValue[] | { readonly [key: string]: YamlValue };

const plainKey = /^[A-Za-z_][A-Za-z0-9_-]*$/;

function scalar(value: string | number | boolean | null): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Cannot write ${value} as YAML`);
    return String(value);
  }
  return String(value);
}

const isScalar = (value: YamlValue): value is string | number | boolean | null => value === null || typeof value !== 'object';

function key(name: string): string {
  return plainKey.test(name) ? name : JSON.stringify(name);
}

function mappingLines(object: { readonly [key: string]: YamlValue }, indent: string): string[] {
  const lines: string[] = [];
  for (const [name, value] of Object.entries(object)) {
    if (value === undefined) continue;
    if (isScalar(value)) lines.push(`${indent}${key(name)}: ${scalar(value)}`);
    else if (Array.isArray(value) && value.every(isScalar)) lines.push(`${indent}${key(name)}: [${value.map((item) => scalar(item)).join(', ')}]`);
    else if (Array.isArray(value)) lines.push(`${indent}${key(name)}:`, ...sequenceLines(value as readonly YamlValue[], indent + '  '));
    else lines.push(`${indent}${key(name)}:`, ...mappingLines(value as { readonly [key: string]: YamlValue }, indent + '  '));
  }
  return lines;
}

function sequenceLines(items: readonly YamlValue[], indent: string): string[] {
  const lines: string[] = [];
  for (const item of items) {
    if (item === undefined) continue;
    if (isScalar(item)) {
      lines.push(`${indent}- ${scalar(item)}`);
    } else if (Array.isArray(item)) {
      lines.push(`${indent}-`, ...sequenceLines(item as readonly YamlValue[], indent + '  '));
    } else {
      // "- first: value" then the other fields aligned under "first".
      const nested = mappingLines(item as { readonly [key: string]: YamlValue }, indent + '  ');
      if (nested.length === 0) lines.push(`${indent}- {}`);
      else lines.push(`${indent}- ${nested[0]!.slice(indent.length + 2)}`, ...nested.slice(1));
    }
  }
  return lines;
}

/**
 * Writes a mapping as YAML lines, each ending in a newline.
 *
 * @example
 * toYaml({ title: 'Hello: world', countries: ['LY', 'NO'], dateline: { place: 'Tripoli' } })
 * // 'title: "Hello: world"\ncountries: ["LY", "NO"]\ndateline:\n  place: "Tripoli"\n'
 */
export function toYaml(object: { readonly [key: string]: YamlValue }): string {
  const lines = mappingLines(object, '');
  return lines.length ? `${lines.join('\n')}\n` : '{}\n';
}

/**
 * A content file: frontmatter between `---` lines, then the body as given (it starts with its blank line).
 *
 * @example
 * frontmatterFile({ title: 'Hi' }, '\nText\n') // '---\ntitle: "Hi"\n---\n\nText\n'
 */
export function frontmatterFile(frontmatter: { readonly [key: string]: YamlValue }, body: string): string {
  return `---\n${toYaml(frontmatter)}---\n${body}`;
}
