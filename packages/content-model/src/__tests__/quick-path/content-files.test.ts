import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { preparedBothWays, treesOf } from './both-paths.ts';

// The real content: every release and country page, in every language. The quick parser exists for files like
// these, so each one must take the quick path, and give exactly what remark gives.
const contentDir = path.resolve(import.meta.dirname, '../../../../../content');
const files = readdirSync(contentDir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.mdx'))
  .map((entry) => path.relative(path.dirname(contentDir), path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
  .sort();
const textOf = (file: string) => readFileSync(path.join(path.dirname(contentDir), file), 'utf8');

/** Files the quick parser is expected to leave to remark, with the reason. None today; a new one is a decision. */
const expectedBails: Record<string, string> = {};

describe('every content file through both parsers', () => {
  it('finds the content folder with releases in all four languages', () => {
    expect(files.length).toBeGreaterThan(30);
    for (const lang of ['en', 'fr', 'es', 'ar']) expect(files.some((file) => file.endsWith(`/${lang}.mdx`))).toBe(true);
  });

  it('takes the quick path exactly for the files expected to', () => {
    const bails: Record<string, string> = {};
    for (const file of files) {
      const { quick, bail } = treesOf(textOf(file));
      if (!quick) bails[file] = bail ?? 'no frontmatter';
    }
    expect(bails).toEqual(expectedBails);
  });

  it.each(files)('%s: the quick tree is remark’s tree', (file) => {
    const { quick, remark } = treesOf(textOf(file));
    if (file in expectedBails) return;
    expect(quick).toEqual(remark);
  });

  it.each(files)('%s: the prepared file is the same (HTML, text, media, issues, fingerprint, frontmatter)', (file) => {
    const { quick, remark, auto } = preparedBothWays(file, textOf(file));
    expect(remark?.issues).toEqual([]);
    if (!(file in expectedBails)) expect(quick).toEqual(remark);
    expect(auto).toEqual(remark);
  });
});

describe('an Arabic release (right to left)', () => {
  const arabic = files.filter((file) => file.endsWith('/ar.mdx'));

  it('is read by the quick parser, with components, lists and Arabic headings', () => {
    expect(arabic.length).toBeGreaterThan(3);
    const file = 'content/releases/2017/mediterranean-rescue-partners-meet-in-tunis/ar.mdx';
    const { quick, remark } = preparedBothWays(file, textOf(file));
    expect(quick).toEqual(remark);
    expect(quick?.html).toContain('<h2 id="من-أول-نداء-استغاثة-إلى-رصيف-الميناء">من أول نداء استغاثة إلى رصيف الميناء</h2>');
    expect(quick?.html).toContain('<li>توفير الإمدادات الطبية الأساسية');
    expect(quick?.html).toContain('<span class="c-statistic__source">المصدر: المنظمة الدولية للهجرة في تونس</span>');
    expect(quick?.text).toMatch(/^اجتمع هذا الأسبوع في تونس العاصمة/);
  });

  it('reports the media an Arabic page names at remark’s line and column', () => {
    const file = 'content/releases/2024/cox-s-bazar-monsoon-volunteers/ar.mdx';
    const { quick, remark } = preparedBothWays(file, textOf(file));
    expect(quick?.media.length).toBeGreaterThan(0);
    expect(quick?.media).toEqual(remark?.media);
  });
});
