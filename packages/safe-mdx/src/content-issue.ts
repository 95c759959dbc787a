/**
 * A problem found in a content file, written for the translator or editor who has to fix it.
 *
 * Every check in content-model reports `ContentIssue`s instead of throwing, so that one run can list all problems
 * of all files together.
 *
 * @example
 * { file: 'content/releases/2016/iom-unhcr-train-libyan-partners/fr.mdx', line: 3, column: 1, field: 'titel',
 *   message: 'The field "titel" is not known.', fix: 'Did you mean "title"? Rename the line to "title: …".' }
 */
export interface ContentIssue {
  /** Path of the file from the repository root (or from the content folder's parent), with forward slashes. */
  file: string;
  /** 1-based line in the file, where the problem has one. */
  line?: number | undefined;
  /** 1-based column in the file, where the problem has one. */
  column?: number | undefined;
  /** The frontmatter field (dotted path, e.g. `contacts.0.email`) or the MDX construct concerned. */
  field?: string | undefined;
  /** What is wrong, in plain words. */
  message: string;
  /** What to write instead, in plain words. */
  fix: string;
}

/**
 * Formats one issue as a single block a person can act on: `file:line:column  field — message` then the fix.
 *
 * @example
 * formatContentIssue({ file: 'content/a/en.mdx', line: 2, column: 1, field: 'date', message: 'Not a date.', fix: 'Write 2016-09-02.' })
 * // 'content/a/en.mdx:2:1  date: Not a date.\n    Fix: Write 2016-09-02.'
 */
export function formatContentIssue(issue: ContentIssue): string {
  const where = [issue.file, issue.line, issue.line === undefined ? undefined : issue.column]
    .filter((part) => part !== undefined)
    .join(':');
  const field = issue.field ? `  ${issue.field}:` : '';
  return `${where}${field} ${issue.message}\n    Fix: ${issue.fix}`;
}

/** Formats a list of issues, grouped by file in path order, with a count line at the end. */
export function formatContentIssues(issues: readonly ContentIssue[]): string {
  const sorted = [...issues].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
  const files = new Set(sorted.map((issue) => issue.file)).size;
  const count = `${issues.length} problem${issues.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}.`;
  return [...sorted.map(formatContentIssue), count].join('\n');
}

/** Thrown by the site build when content has issues; its message is the formatted list. */
export class ContentError extends Error {
  readonly issues: readonly ContentIssue[];
  constructor(issues: readonly ContentIssue[]) {
    super(`Content has problems:\n${formatContentIssues(issues)}`);
    this.name = 'ContentError';
    this.issues = issues;
  }
}
