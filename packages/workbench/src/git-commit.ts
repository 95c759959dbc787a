import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** The top folder of the git checkout holding `folder`, or `undefined` when it is not in one (or git is absent). */
export function gitTopLevel(folder: string): string | undefined {
  const result = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: folder, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** What committing one file gave: the commit's subject, or why nothing was committed. */
export type CommitResult = { committed: true; subject: string } | { committed: false; reason: 'unchanged' | 'failed'; detail: string };

/**
 * Commits one file, and only it (other staged or changed files stay as they are), with `subject` as the message.
 * The author is whoever git's configuration says, as for a commit made in a terminal.
 *
 * @example
 * commitOneFile('/repo', '/repo/content/releases/2016/x/es.mdx', 'Translate 2016/x into es')
 */
export function commitOneFile(gitRoot: string, file: string, subject: string): CommitResult {
  const relative = path.relative(gitRoot, file);
  const git = (args: string[]) => spawnSync('git', args, { cwd: gitRoot, encoding: 'utf8' });
  const status = git(['status', '--porcelain', '--', relative]);
  if (status.status === 0 && status.stdout.trim() === '') return { committed: false, reason: 'unchanged', detail: '' };
  const added = git(['add', '--', relative]);
  // A path given to commit commits that path only (git's --only), whatever else is staged.
  const commit = added.status === 0 ? git(['commit', '--quiet', '-m', subject, '--', relative]) : added;
  return commit.status === 0 ? { committed: true, subject } : { committed: false, reason: 'failed', detail: `${commit.stderr}${commit.stdout}`.trim() };
}
