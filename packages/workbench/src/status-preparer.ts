import { readFile } from 'node:fs/promises';
import { sourceFingerprint } from '@iom/content-model';
import type { PrepareContent, PreparedContent } from '@iom/content-model/node';
import { decodeContentSource, parseFrontmatter } from '@iom/safe-mdx';

/** How many files are read at once: enough to keep the disk busy, few enough to stay under open-file limits. */
const concurrency = 64;

/**
 * A preparer for `readSiteContent` that reads what the translation status needs (the frontmatter and the
 * fingerprint of title, summary and body) and does not parse or check the bodies: the queue needs states, and the
 * editor checks the one file it opens with the full checker. The fingerprint is computed as `prepareFile` computes
 * it, which a test checks on every content file. Body problems are left to `pnpm check:content`; frontmatter
 * problems are reported as the full preparer reports them, without positions.
 */
export const prepareForStatus: PrepareContent = async (tasks) => {
  const results: PreparedContent[] = new Array<PreparedContent>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next;
      next += 1;
      const task = tasks[index]!;
      const decoded = decodeContentSource(task.file, await readFile(task.path));
      if ('issue' in decoded) {
        results[index] = { issues: [decoded.issue], frontmatter: undefined, positions: {}, fingerprint: '', media: [] };
        continue;
      }
      const frontmatter = parseFrontmatter(task.file, decoded.text);
      const data = frontmatter.data ?? {};
      const fingerprint = sourceFingerprint({ title: typeof data.title === 'string' ? data.title : '', summary: typeof data.summary === 'string' ? data.summary : undefined, body: decoded.text.slice(frontmatter.bodyOffset) });
      results[index] = { issues: frontmatter.issues, frontmatter: frontmatter.data, positions: {}, fingerprint, media: [] };
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
};
