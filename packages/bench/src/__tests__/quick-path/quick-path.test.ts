import { describe, expect, it } from 'vitest';
import { locateFrontmatter, parseFrontmatter, readSimpleYaml } from '@iom/safe-mdx';
import { prepareFile, prepareFileWith } from '@iom/content-model/prepare';
import type { PrepareRender } from '@iom/content-model/prepare';
import { generateCorpus } from '../../corpus/generate-corpus.ts';

// The benchmark corpus is what the site's build time is measured on, so it is where the fast paths must pay off:
// nearly every page takes the quick parser, and every page gives the same prepared file (HTML, search text, media,
// issues, fingerprint, frontmatter positions) as remark, in all four languages, Arabic included; every frontmatter
// block is read by the simple YAML reader, with the fields and positions the yaml package gives.
const files = [...generateCorpus({ seed: 7, size: { releases: 200 }, themes: ['health', 'displacement', 'migrant-protection'] })]
  .filter((file) => file.path.endsWith('.mdx'))
  .map((file) => ({ ...file, lang: /\/(en|fr|es|ar)\.mdx$/.exec(file.path)?.[1] ?? 'en', bytes: new TextEncoder().encode(file.text) }));

const render: Record<string, PrepareRender> = {
  en: { labels: { source: 'Source:', footnotes: 'Footnotes', backToContent: 'Back to content' }, base: '/', contactsMarker: '<!--contacts-->' },
  fr: { labels: { source: 'Source :', footnotes: 'Notes', backToContent: 'Retour au texte' }, base: '/', contactsMarker: '<!--contacts-->' },
  es: { labels: { source: 'Fuente:', footnotes: 'Notas', backToContent: 'Volver al texto' }, base: '/', contactsMarker: '<!--contacts-->' },
  ar: { labels: { source: 'المصدر:', footnotes: 'الحواشي', backToContent: 'العودة إلى النص' }, base: '/mirror/', contactsMarker: '<!--contacts-->' },
};

/** Every dotted path of a frontmatter value (`contacts.0.email`), as `prepareFile` lists positions. */
function fieldPaths(value: unknown, prefix: string): string[] {
  const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : value !== null && typeof value === 'object' ? Object.entries(value) : [];
  return entries.flatMap(([key, item]) => {
    const field = prefix ? `${prefix}.${key}` : key;
    return [field, ...fieldPaths(item, field)];
  });
}

const results = files.map((file) => ({
  ...file,
  quick: prepareFileWith('quick', file.path, file.bytes, render[file.lang]),
  remark: prepareFileWith('remark', file.path, file.bytes, render[file.lang]),
}));

describe('the benchmark corpus through both parsers', () => {
  it('has pages in all four languages', () => {
    for (const lang of ['en', 'fr', 'es', 'ar']) expect(files.filter((file) => file.lang === lang).length).toBeGreaterThan(20);
  });

  it('takes the quick path for at least 99 % of the pages', () => {
    const quick = results.filter((result) => result.quick !== undefined).length;
    expect(quick / results.length).toBeGreaterThanOrEqual(0.99);
  });

  it('gives the same prepared file either way, for every page', () => {
    const read = results.filter((result) => result.quick !== undefined);
    expect(read.map((result) => ({ path: result.path, ...result.quick }))).toEqual(read.map((result) => ({ path: result.path, ...result.remark })));
  });

  it('gives the same prepared file through prepareFile, whichever path it takes', () => {
    for (const result of results) expect(prepareFile(result.path, result.bytes, render[result.lang])).toEqual(result.remark);
  });

  it('renders Arabic pages through the quick path with their right-to-left text intact', () => {
    const arabic = results.filter((result) => result.lang === 'ar');
    expect(arabic.every((result) => result.quick !== undefined)).toBe(true);
    for (const result of arabic) {
      expect(result.remark?.issues).toEqual([]);
      expect(result.quick?.html).toMatch(/\p{Script=Arabic}{3,}/u);
      expect(result.quick?.text).toMatch(/\p{Script=Arabic}{3,}/u);
    }
  });

  it('reads every frontmatter block with the simple YAML reader, as the yaml package reads it', () => {
    for (const result of results) {
      const block = locateFrontmatter(result.text);
      expect(block !== undefined && block !== 'unclosed' && readSimpleYaml(block.yaml) !== undefined).toBe(true);
      const yaml = parseFrontmatter(result.path, result.text, { simpleYaml: false });
      expect(yaml.issues).toEqual([]);
      expect(result.remark?.frontmatter).toEqual(yaml.data);
      const expected = Object.fromEntries(
        fieldPaths(yaml.data, '').flatMap((field) => {
          const at = yaml.fieldLines(field);
          return at ? [[field, at]] : [];
        }),
      );
      expect(result.remark?.positions).toEqual(expected);
      expect(Object.keys(expected).length).toBeGreaterThan(3);
    }
  });
});
