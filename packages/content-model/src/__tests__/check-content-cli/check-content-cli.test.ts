import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `pnpm check:content` as a translator runs it, on a copy of the content folder with broken files: every problem is
// printed as file:line:column, field, message and fix, the exit code is 1, and there is never a stack trace.

const repoRoot = path.resolve(import.meta.dirname, '../../../../..');
const work = mkdtempSync(path.join(tmpdir(), 'iom-check-content-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Replaces the body of a release (everything after its frontmatter); returns the file line where the body starts. */
function replaceBody(file: string, body: string): number {
  const text = readFileSync(file, 'utf8');
  const bodyOffset = text.indexOf('\n---\n', 4) + 5;
  writeFileSync(file, text.slice(0, bodyOffset) + body);
  return text.slice(0, bodyOffset).split('\n').length;
}

describe('pnpm check:content on deeply nested and invisible characters', () => {
  it('prints each problem at its file, line and column, and exits with 1 without a stack trace', () => {
    const contentDir = path.join(work, 'content');
    cpSync(path.resolve(repoRoot, 'content'), contentDir, { recursive: true });
    const lists = 'releases/2019/central-asia-pre-departure-orientation/en.mdx';
    const listsLine = replaceBody(path.join(contentDir, lists), `\nIntro.\n\n${'- '.repeat(3000)}Deep\n`) + 3;
    const quotes = 'releases/2022/horn-of-africa-drought-displacement/en.mdx';
    const quotesLine = replaceBody(path.join(contentDir, quotes), `\n${'> '.repeat(10_000)}Quoted\n`) + 1;
    // Before the limit, this one ended check:content with a RangeError and its stack trace.
    const callouts = 'releases/2026/fiji-communities-plan-relocation/en.mdx';
    const calloutsLine = replaceBody(path.join(contentDir, callouts), `\n${'<Callout>\n\n'.repeat(10_000)}Text\n\n${'</Callout>\n\n'.repeat(10_000)}`) + 1 + 2 * 32;
    const strings = path.join(contentDir, 'i18n/fr.yaml');
    writeFileSync(strings, readFileSync(strings, 'utf8').replace('site.shortName: OIM', 'site.shortName: O\0IM'));

    const result = spawnSync(process.execPath, [path.join(repoRoot, 'packages/content-model/src/cli/check-content.ts')], {
      cwd: repoRoot,
      env: { ...process.env, SITE_CONTENT_DIR: contentDir },
      encoding: 'utf8',
    });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `content/${lists}:${listsLine}:65  body: The text here is nested 33 levels deep (lists 33); a page can have at most 32.\n` +
        '    Fix: Each "- " or "1. " at the start of an item, or inside another item, starts one more list.',
    );
    expect(result.stderr).toContain(`content/${quotes}:${quotesLine}:65  body: The text here is nested 33 levels deep (quotations 33); a page can have at most 32.`);
    expect(result.stderr).toContain(`content/${callouts}:${calloutsLine}:1  body: The text here is nested 33 levels deep (components or tags 33); a page can have at most 32.`);
    expect(result.stderr).toContain(
      'content/i18n/fr.yaml:3:18  encoding: Line 3, column 18 holds an invisible control character (U+0000, NUL), which a content file cannot contain.\n' +
        '    Fix: Delete the invisible character at line 3, column 18',
    );
    expect(result.stderr).not.toMatch(/\n\s+at .*:\d+:\d+\)?\n/);
    expect(result.stderr).not.toMatch(/RangeError|Maximum call stack/);
  }, 60_000);
});
