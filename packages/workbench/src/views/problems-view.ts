import type { ContentIssue } from '@iom/safe-mdx';
import type { InterfaceStrings } from '../interface-strings.ts';
import { bodyLine } from '../translation-draft.ts';
import { escapeHtml, say } from './html-text.ts';

/*
 * The server renders the list when the editor opens and after Save; the editor's script renders it again from the
 * browser's check as the translator types. One renderer, so both show the same list.
 */

/** The interface strings the list of problems needs: what the server hands the editor's script. */
export const problemStringKeys = ['noProblems', 'problemsStopBuild', 'textLine', 'fileLine', 'fix', 'title', 'summary', 'datelinePlace', 'imageAlt', 'imageCaption'] as const;

/** The strings of `problemStringKeys`, in the interface language. */
export type ProblemStrings = Pick<InterfaceStrings, (typeof problemStringKeys)[number]>;

/** A problem in a field of the editor is named by the field's label. */
const fieldLabels: Partial<Record<string, keyof ProblemStrings>> = { title: 'title', summary: 'summary', datelinePlace: 'datelinePlace', imageAlt: 'imageAlt', imageCaption: 'imageCaption' };

/** The problems of a draft, each with where (the text box's line, or the field), the message and the fix. */
export function renderProblems(strings: ProblemStrings, text: string, problems: readonly ContentIssue[]): string {
  if (problems.length === 0) return `<p class="no-problems">${say(strings, 'noProblems')}</p>`;
  const items = problems.map((problem) => {
    const line = problem.line === undefined ? undefined : bodyLine(text, problem.line);
    const label = problem.field ? fieldLabels[problem.field] : undefined;
    const where = line !== undefined ? say(strings, 'textLine', { line }) : label ? say(strings, label) : problem.line !== undefined ? say(strings, 'fileLine', { line: problem.line }) : escapeHtml(problem.field ?? '');
    // A body problem's place is a button that puts the cursor on that line of the text box.
    const place = line !== undefined ? `<button type="button" class="go-to-line" data-line="${line}">${where}</button>` : `<strong>${where}</strong>`;
    // The checker's messages are in English, as `pnpm check:content` prints them.
    return `<li>${place}: <span lang="en" dir="ltr">${escapeHtml(problem.message)}</span><br><span class="fix">${say(strings, 'fix')} <span lang="en" dir="ltr">${escapeHtml(problem.fix)}</span></span></li>`;
  });
  return `<p class="problems-summary">${say(strings, 'problemsStopBuild', { count: problems.length })}</p><ul class="problems">${items.join('')}</ul>`;
}
