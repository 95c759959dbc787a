import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateFrontmatter, parseFrontmatter } from '@iom/safe-mdx';
import { maxNestingDepth, yamlNestingIssue } from '@iom/safe-mdx';
import { prepareFile } from '../../prepare/prepare-file.ts';
import { parseYamlFile } from '../../yaml-file.ts';

// YAML nested thousands of levels deep (in a frontmatter block or a data file) is one issue, not a stack overflow in
// the YAML readers or the walks over what they read.

const release = 'content/releases/2016/iom-unhcr-train-libyan-partners/en.mdx';
const country = 'content/countries/ly/country.yaml';
const message = `The fields here are nested more than ${maxNestingDepth} levels deep (fields inside fields, or lists inside lists); a file can have at most ${maxNestingDepth}.`;
const fix = 'Write each field on a line of its own as name: value, and a list as [A, B] or as lines starting with "- ", as in the English version of the file.';

/** `a:` fields, each indented one space more than the one before. */
const fields = (levels: number) => `${Array.from({ length: levels }, (_, level) => `${' '.repeat(level)}a:`).join('\n')} x\n`;

describe('a frontmatter block nested past the limit', () => {
  it('is one issue at the field that passes the limit', () => {
    const prepared = prepareFile(release, new TextEncoder().encode(`---\n${fields(1000)}---\n\nText.\n`));
    expect(prepared.issues).toEqual([{ file: release, line: 2 + maxNestingDepth, column: maxNestingDepth + 1, field: 'frontmatter', message, fix }]);
    expect(prepared.frontmatter).toBeUndefined();
  });

  it('does not run the YAML readers out of stack (5,000 nested fields)', () => {
    expect(parseFrontmatter(release, `---\n${fields(5000)}---\n`).issues).toEqual([{ file: release, line: 2 + maxNestingDepth, column: maxNestingDepth + 1, field: 'frontmatter', message, fix }]);
  });

  it('counts brackets and braces too', () => {
    const parsed = parseFrontmatter(release, `---\ntitle: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n---\n`);
    // The document's mapping is the first level; the 32nd bracket is the 33rd level.
    expect(parsed.issues).toEqual([{ file: release, line: 2, column: 'title: '.length + maxNestingDepth, field: 'frontmatter', message, fix }]);
    expect(parseFrontmatter(release, `---\ntitle: ${'{a: '.repeat(100_000)}1${'}'.repeat(100_000)}\n---\n`).issues).toHaveLength(1);
  });

  it('is accepted at the limit', () => {
    const parsed = parseFrontmatter(release, `---\n${fields(maxNestingDepth)}---\n`);
    expect(parsed.issues).toEqual([]);
    expect(parsed.fieldLines(Array.from({ length: maxNestingDepth }, () => 'a').join('.'))).toEqual({ line: 1 + maxNestingDepth, column: maxNestingDepth });
  });
});

describe('a data file nested past the limit', () => {
  it('is one issue with line and column', () => {
    expect(parseYamlFile(country, `code: LY\nregions:\n${'  - '.repeat(5000)}x\n`).issues).toEqual([
      { file: country, line: 3, column: 4 * (maxNestingDepth - 1) + 3, field: undefined, message, fix },
    ]);
  });

  it('is accepted at the limit', () => {
    const parsed = parseYamlFile(country, fields(maxNestingDepth));
    expect(parsed.issues).toEqual([]);
    expect(parsed.data).toBeTruthy();
  });
});

describe('the YAML of the content folder', () => {
  const contentDir = path.resolve(import.meta.dirname, '../../../../../content');
  const files = readdirSync(contentDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ya?ml|mdx)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));

  it.each(files.map((file) => [path.relative(contentDir, file), file]))('%s is far from the limit', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const block = file.endsWith('.mdx') ? locateFrontmatter(text) : undefined;
    const yaml = block === undefined || block === 'unclosed' ? text : block.yaml;
    expect(yamlNestingIssue(file, yaml, 1, undefined)).toBeUndefined();
  });
});
