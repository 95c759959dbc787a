import type { ContentIssue } from '../../content-issue.ts';
import { checkSafeMdx, parseContentFile } from '../../index.ts';
import type { CheckSafeMdxOptions } from '../../index.ts';

/** The file name every scenario uses, as the build would report it. */
export const file = 'content/releases/2016/iom-unhcr-train-libyan-partners/en.mdx';

/**
 * Parses and checks `body` under a two-field frontmatter block. The block is three lines, so the body's first line
 * is line 4 of the file: positions in assertions are positions in the file a translator has open.
 */
export function problemsIn(body: string, options?: CheckSafeMdxOptions): ContentIssue[] {
  const parsed = parseContentFile(file, `---\ntitle: Test\n---\n${body}`);
  return [...parsed.issues, ...checkSafeMdx(file, parsed.tree, options)];
}
