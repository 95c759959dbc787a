import { readFile } from 'node:fs/promises';
import { prepareFile, type PrepareRender, type PreparedFile } from './prepare-file.ts';

/** One MDX file to prepare. */
export interface PrepareTask {
  /** Path shown in messages (from the content folder's parent). */
  file: string;
  /** Absolute path on disk. */
  path: string;
  /** Language whose render settings apply; no rendering when undefined. */
  lang?: string | undefined;
}

/**
 * A prepared file as reading content needs it: its problems, frontmatter, positions, fingerprint and media, and its
 * rendered body either as `html` or as `stored`, a reference a preparer with a cache gives instead (opaque here).
 */
export type PreparedContent = Omit<PreparedFile, 'text' | 'html'> & { html?: string | undefined; stored?: unknown };

/**
 * Prepares many files, in the order given: what `readSiteContent` calls. The site build passes one with a cache and
 * worker threads (@iom/site-build's `cachedPreparer`); the default prepares each file in this process.
 */
export type PrepareContent = (tasks: readonly PrepareTask[], options: { render?: Record<string, PrepareRender> | undefined }) => Promise<PreparedContent[]>;

/** Prepares every file in this process, one after the other: enough for checking content (`pnpm check:content`). */
export const prepareInProcess: PrepareContent = async (tasks, options) => {
  const results: PreparedContent[] = [];
  for (const task of tasks) {
    const spec = task.lang ? options.render?.[task.lang] : undefined;
    const { text: _text, ...prepared } = prepareFile(task.file, await readFile(task.path), spec);
    results.push(prepared);
  }
  return results;
};
