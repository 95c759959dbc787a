import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '@iom/safe-mdx';
import { frontmatterFile, toYaml } from '../../corpus/yaml-writer.ts';

// Read back with the site's own frontmatter reader, so "valid YAML" means valid for the site.
const roundTrip = (data: Record<string, unknown>) => parseFrontmatter('x.mdx', frontmatterFile(data as never, '\nBody\n'));

describe('the YAML writer', () => {
  it('keeps strings as strings, whatever they look like', () => {
    const data = { a: 'NO', b: '2016-09-02', c: '000000000000', d: 'yes', e: '# not a comment', f: 'colon: inside', g: '"quoted"', h: '*star', i: '' };
    const parsed = roundTrip(data);
    expect(parsed.issues).toEqual([]);
    expect(parsed.data).toEqual(data);
  });

  it('writes nested mappings, lists of scalars and lists of mappings', () => {
    const data = {
      title: 'المنظمة الدولية للهجرة تساعد 1,240 من المهاجرين',
      dateline: { place: 'طرابلس', country: 'LY' },
      countries: ['LY', 'TN'],
      empty: [],
      contacts: [
        { name: 'Christine Petré', phone: '+216 29 240 448' },
        { name: 'Othman Belbeisi', organisation: 'IOM' },
      ],
      offices: [{ address: { value: ['Hay Al Andalus', 'Tripoli, Libya'], placeholder: true } }],
      count: 3,
      flag: false,
    };
    const parsed = roundTrip(data);
    expect(parsed.issues).toEqual([]);
    expect(parsed.data).toEqual(data);
  });

  it('leaves out undefined fields and lays out like the hand-written files', () => {
    expect(toYaml({ title: 'Hi', summary: undefined, countries: ['LY'], translationOf: { lang: 'en', hash: 'abc' } })).toBe(
      'title: "Hi"\ncountries: ["LY"]\ntranslationOf:\n  lang: "en"\n  hash: "abc"\n',
    );
    expect(toYaml({ contacts: [{ name: 'A', email: 'a@iom.int' }] })).toBe('contacts:\n  - name: "A"\n    email: "a@iom.int"\n');
  });

  it('puts the body right after the closing fence, so the body starts with its blank line', () => {
    const text = frontmatterFile({ title: 'x' }, '\nText\n');
    expect(text).toBe('---\ntitle: "x"\n---\n\nText\n');
    expect(text.slice(roundTrip({ title: 'x' }).bodyOffset)).toBe('\nText\n');
  });
});
