import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Processor } from 'unified';

/**
 * The parts of GitHub-flavoured Markdown that press releases use: tables, footnotes and ~~strikethrough~~. Left out:
 * bare-URL autolinking (`www.example.org` turning into a link by itself), which measured at about 40 % of all
 * parsing time on release-sized files (2.44 → 1.48 ms a file), and task lists, which releases never have. Links are
 * written `[text](https://…)`, which the safe-MDX check also verifies.
 */
export function remarkGfmLite(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmFootnote(), gfmStrikethrough({ singleTilde: false }));
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown());
}
