import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContentFile } from '../../prepare/check-file.ts';
import { prepareFile } from '../../prepare/prepare-file.ts';
import { bodyRenderSettings, contactsMarker } from '../../prepare/render-body.ts';
import { safeMdxTestFiles } from '../quick-path/safe-mdx-test-files.ts';

// checkContentFile is what a translator's browser runs (remark only, nothing rendered or fingerprinted); prepareFile
// is what the build and pnpm check:content run. They must find the same problems in the same places.
const contentDir = path.resolve(import.meta.dirname, '../../../../../content');
const contentFiles = readdirSync(contentDir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.mdx'))
  .map((entry) => path.relative(path.dirname(contentDir), path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
  .sort();
const encode = (text: string) => new TextEncoder().encode(text);

function bothChecks(file: string, bytes: Uint8Array) {
  const { issues, frontmatter, positions } = prepareFile(file, bytes);
  return { checked: checkContentFile(file, bytes), prepared: { issues, frontmatter, positions } };
}

describe('checkContentFile, the browser’s check, against prepareFile', () => {
  it.each(contentFiles)('%s: the same frontmatter, positions and (no) issues', (file) => {
    const { checked, prepared } = bothChecks(file, readFileSync(path.join(path.dirname(contentDir), file)));
    expect(prepared.issues).toEqual([]);
    expect(checked).toEqual(prepared);
  });

  const broken = Object.entries(safeMdxTestFiles).flatMap(([source, texts]) => texts.map((text, index) => [`${source} #${index + 1}`, text] as const));
  it.each(broken)('%s: the same issues, lines and columns', (_name, text) => {
    const file = 'content/releases/2016/x/fr.mdx';
    const { checked, prepared } = bothChecks(file, encode(text));
    expect(checked).toEqual(prepared);
  });

  it('finds problems in most of the safe-mdx test files, so the comparison is not of empty lists', () => {
    const withProblems = broken.filter(([, text]) => checkContentFile('content/x/en.mdx', encode(text)).issues.length > 0);
    expect(withProblems.length).toBeGreaterThan(broken.length / 2);
  });

  it('reports bytes that are not UTF-8 and an Arabic text with a forbidden expression at their places', () => {
    const file = 'content/releases/2016/x/ar.mdx';
    const notUtf8 = Uint8Array.from([...encode('---\ntitle: "نص"\n---\n\nنص '), 0xff, 0x0a]);
    expect(bothChecks(file, notUtf8).checked).toEqual(bothChecks(file, notUtf8).prepared);
    expect(checkContentFile(file, notUtf8).issues[0]).toMatchObject({ file, line: 5 });
    const expression = encode('---\ntitle: "نص"\n---\n\nفي عام {2016} درّبت المنظمة.\n');
    const { checked, prepared } = bothChecks(file, expression);
    expect(checked).toEqual(prepared);
    expect(checked.issues).toMatchObject([{ file, line: 5, column: 8 }]);
  });
});

describe('checkContentFile with render settings, the preview’s renderer, against prepareFile', () => {
  const strings = {
    en: { 'release.sourceLabel': 'Source:', 'release.footnotes': 'Footnotes', 'release.backToContent': 'Back to content' },
    ar: { 'release.sourceLabel': 'المصدر:', 'release.footnotes': 'الحواشي', 'release.backToContent': 'العودة إلى النص' },
  };
  it.each(contentFiles)('%s: the same HTML as the build', (file) => {
    const bytes = readFileSync(path.join(path.dirname(contentDir), file));
    const render = bodyRenderSettings(file.endsWith('/ar.mdx') ? strings.ar : strings.en, '/mirror/');
    const html = prepareFile(file, bytes, render).html;
    expect(html).toBeTypeOf('string');
    expect(checkContentFile(file, bytes, render).html).toBe(html);
  });

  it('renders nothing for a file with a problem, as prepareFile does', () => {
    const bytes = encode('---\ntitle: "نص"\n---\n\nفي عام {2016} درّبت المنظمة.\n');
    const render = bodyRenderSettings(strings.ar, '/');
    expect(prepareFile('content/releases/2016/x/ar.mdx', bytes, render).html).toBeUndefined();
    expect(checkContentFile('content/releases/2016/x/ar.mdx', bytes, render).html).toBeUndefined();
  });

  it('labels the footnotes from the language’s UI strings and marks the contacts’ place', () => {
    const bytes = encode('---\ntitle: "نص"\n---\n\nنص[^1]\n\n<Contacts />\n\n[^1]: حاشية\n');
    const html = checkContentFile('content/releases/2016/x/ar.mdx', bytes, bodyRenderSettings(strings.ar, '/')).html ?? '';
    expect(html).toContain('الحواشي');
    expect(html).toContain(contactsMarker);
  });
});
