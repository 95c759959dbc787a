import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateFrontmatter, parseFrontmatter } from '@iom/safe-mdx';
import { readSimpleYaml } from '@iom/safe-mdx';
import { safeMdxTestFiles } from './safe-mdx-test-files.ts';

// `parseFrontmatter` reads simple blocks itself and leaves the rest to the `yaml` package. Whichever reads a block,
// the fields, their lines and columns, and the issues must be the same.

function fieldPaths(value: unknown, prefix: string, into: string[]): string[] {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      const itemPath = prefix ? `${prefix}.${index}` : String(index);
      into.push(itemPath);
      fieldPaths(item, itemPath, into);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const itemPath = prefix ? `${prefix}.${key}` : key;
      into.push(itemPath);
      fieldPaths(item, itemPath, into);
    }
  }
  return into;
}

/** Both readings of a file's frontmatter, as plain data: fields, issues, and where every field is written. */
function bothReadings(text: string) {
  const reading = (simpleYaml: boolean) => {
    const parsed = parseFrontmatter('content/x/en.mdx', text, { simpleYaml });
    const positions = Object.fromEntries(fieldPaths(parsed.data, '', ['']).map((field) => [field, parsed.fieldLines(field)]));
    return { data: parsed.data, issues: parsed.issues, positions, bodyOffset: parsed.bodyOffset, bodyStartLine: parsed.bodyStartLine };
  };
  const block = locateFrontmatter(text);
  const simple = block !== undefined && block !== 'unclosed' && readSimpleYaml(block.yaml) !== undefined;
  return { simple, fast: reading(true), yaml: reading(false) };
}

const contentDir = path.resolve(import.meta.dirname, '../../../../../content');
const contentFiles = readdirSync(contentDir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.mdx'))
  .map((entry) => path.join(entry.parentPath, entry.name));

describe('the frontmatter of every content file', () => {
  it.each(contentFiles.map((file) => [path.relative(contentDir, file), file]))('%s is simple, and read as yaml reads it', (_name, file) => {
    const { simple, fast, yaml } = bothReadings(readFileSync(file, 'utf8'));
    expect(simple).toBe(true);
    expect(fast).toEqual(yaml);
  });
});

describe('the frontmatter of the safe-mdx tests (mistakes included)', () => {
  const texts = Object.values(safeMdxTestFiles).flat();
  it.each(texts.map((text, index) => [index + 1, text]))('#%s is read as yaml reads it', (_index, text) => {
    const { fast, yaml } = bothReadings(text);
    expect(fast).toEqual(yaml);
  });
});

const cases: [name: string, yaml: string, expected: 'simple' | 'yaml'][] = [
  ['quoted strings, as the corpus writes them', 'title: "IOM \\"Trains\\" 78 Officials"\ndate: "2019-04-27"\ncountries: ["KG", "RU"]\npartners: []', 'simple'],
  ['plain strings, as people write them', 'title: IOM, UNHCR Train Libyan Partners\ntype: press-release\ndate: 2016-09-02\ncountries: [LY]\npartners: [UNHCR]\nfunders: [ECHO, PRM]', 'simple'],
  ['nested mappings and lists of mappings', 'dateline:\n  place: Libya\n  country: LY\ncontacts:\n  - name: Othman Belbeisi\n    email: obelbeisi@iom.int\n  - name: Samer Haddadin\n    phone: "+21658335115"', 'simple'],
  ['a list at the same indentation as its key', 'contacts:\n- name: A\n- name: B', 'simple'],
  ['folded and literal block scalars', 'summary: >-\n  IOM, in coordination with the UN refugee agency (UNHCR),\n  organized the fourth technical workshop.\nnote: |\n  line one\n  line two', 'simple'],
  ['single quotes, booleans, null and integers', "title: 'IOM''s work'\nsample: true\ndraft: False\nimage: null\nother: ~\nempty:\ncount: 24", 'simple'],
  ['Arabic values and an Arabic slug', 'title: "المنظمة الدولية للهجرة تدرّب الشركاء"\nslug: تدريب-الشركاء-الليبيين\ndatelinePlace: طرابلس', 'simple'],
  ['an empty block', '', 'simple'],
  ['a comment', 'title: x # draft', 'yaml'],
  ['a blank line', 'title: x\n\ndate: 2016-09-02', 'yaml'],
  ['a colon in a plain value (a mistake)', 'title: Libya: training', 'yaml'],
  ['a duplicate field (a mistake)', 'title: A\ntitle: B', 'yaml'],
  ['an unclosed quote (a mistake)', 'title: "Training\ndate: 2016-09-02', 'yaml'],
  ['a tab (a mistake)', 'contacts:\n\t- name: A', 'yaml'],
  ['a value starting with * (a mistake)', 'title: *Update* on Libya', 'yaml'],
  ['numbers other than plain integers', 'a: 1.5\nb: 0x1F\nc: -3\nd: 007', 'yaml'],
  ['an escape only YAML knows', 'title: "a\\x41"', 'yaml'],
  ['a flow mapping', 'dateline: {place: Tripoli}', 'yaml'],
  ['an anchor and an alias', 'a: &x 1\nb: *x', 'yaml'],
  ['a plain scalar over two lines', 'title: IOM trains\n  officials', 'yaml'],
  ['a more-indented line in a folded scalar', 'summary: >-\n  a\n    b', 'yaml'],
  ['a kept block scalar', 'summary: |+\n  a', 'yaml'],
];

describe('frontmatter at the edges of the simple reader', () => {
  it.each(cases)('%s: %s', (_name, yaml, expected) => {
    const { simple, fast, yaml: reference } = bothReadings(`---\n${yaml}\n---\n\nText.\n`);
    expect(simple ? 'simple' : 'yaml').toBe(expected);
    expect(fast).toEqual(reference);
  });

  it('gives Arabic fields their lines and columns in characters', () => {
    const text = '---\ntitle: "تدريب"\ncontacts:\n  - name: "عثمان"\n    email: a@iom.int\n---\n';
    const parsed = parseFrontmatter('content/x/ar.mdx', text);
    expect(parsed.fieldLines('contacts.0')).toEqual({ line: 4, column: 5 });
    expect(parsed.fieldLines('contacts.0.email')).toEqual({ line: 5, column: 5 });
    expect(parsed.data).toEqual({ title: 'تدريب', contacts: [{ name: 'عثمان', email: 'a@iom.int' }] });
  });
});
