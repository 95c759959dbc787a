import { checkContentFile } from '@iom/content-model/check';
import type { ContentIssue, SiteComponentName } from '@iom/safe-mdx';
import type { PreviewData } from '../preview-page.ts';
import { bodyLine, composeTranslation, draftProblems, fieldNames, pageFieldNames, type DraftFields, type DraftPlace } from '../translation-draft.ts';
import { renderProblems, type ProblemStrings } from '../views/problems-view.ts';
import { replaceTextarea, type LineProblem } from './body-editor.ts';
import { startPreview } from './live-preview.ts';

/*
 * The editor of one translation, loaded by workbench.ts on the editor page only (the queue and the UI strings page do
 * not load CodeMirror or the checker). Problems are found here, in the browser, by the same code as
 * `pnpm check:content` (`draftProblems` over `@iom/content-model/check`), as the translator types, and the same check
 * renders the text for the live preview as the site does; the server is asked for the source beside the translation
 * only, and checks again on Save.
 */

/** What the editor page hands its script (`#workbench-data`). */
export interface EditorData {
  /** What the editor translates, as requests name it: `{ release: '<year>/<folder>' }` or `{ page: '<key>' }`. */
  subject: { release: string } | { page: string };
  lang: string;
  version: string;
  /** Where the file is, as messages name it and as its frontmatter is validated. */
  place: DraftPlace;
  /** The file's text as opened (or as `pnpm i18n:new` would write it): the fields are put into it to check. */
  base: string;
  /** The nonce the page's Content-Security-Policy allows for CodeMirror's <style> element. */
  styleNonce: string;
  problemStrings: ProblemStrings;
  /** CodeMirror's own words, in the interface language. */
  phrases: Record<string, string>;
  messages: { saved: string; savedWithProblems: string; markedUpToDate: string; saveFirst: string; requestFailed: string };
  /** What the live preview shows besides the fields and the text, and how the site renders the text. */
  preview: PreviewData;
}

interface DraftResponse {
  problemCount: number;
  problemsHtml: string;
  alignmentHtml: string;
  version?: string;
  /** After Save or Mark up to date: the file's text as written. */
  text?: string;
  state?: string;
  stateHtml?: string;
  disk?: string;
  mine?: string;
  diskVersion?: string;
  error?: string;
  message?: string;
}

/** How long after the last key the text is checked (and the source beside it brought up to date). */
const checkDelay = 250;

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The page has no #${id}.`);
  return found as T;
}

/** Makes the editor live: the text in CodeMirror, problems as the translator types, Save, Mark up to date, Commit, conflicts. */
export function startEditor(data: EditorData, token: string): void {
  const form = element<HTMLFormElement>('draft');
  const problems = element('problems');
  const alignment = element('alignment');
  const message = element('message');
  const state = element('translation-state');
  const mark = element<HTMLButtonElement>('mark');
  const conflict = element('conflict');
  const label = element('body-label');
  let version = data.version;
  let base = data.base;
  let dirty = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let checks = 0;
  const names = data.place.kind === 'page' ? pageFieldNames : fieldNames;

  // The fields the editor shows (the image's only when the source has one), by name; the text is the hidden textarea's.
  const fields = () => Object.fromEntries([...form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('[data-field]')].map((field) => [field.name, field.value]));
  const post = async (path: string, payload: Record<string, unknown>): Promise<{ status: number; answer: DraftResponse }> => {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-workbench-token': token },
      body: JSON.stringify({ ...data.subject, lang: data.lang, ...payload }),
    });
    return { status: response.status, answer: (await response.json()) as DraftResponse };
  };
  const say = (text: string) => {
    message.textContent = text;
  };
  const failed = (answer: DraftResponse) => say(data.messages.requestFailed.replace('{message}', answer.error ?? '?'));

  /**
   * The file Save would write, its problems found here, and its preview: one parse gives both (`checkContentFile`
   * renders the body as the site does when it has no problem the build would stop on).
   */
  const checkHere = () => {
    const current = { title: '', summary: '', datelinePlace: '', imageAlt: '', imageCaption: '', ...fields() } as DraftFields;
    const text = composeTranslation(base, current, names) ?? current.body;
    let html: string | undefined;
    const found = draftProblems(data.place, text, (file, bytes) => {
      const checked = checkContentFile(file, bytes, data.preview.render);
      html = checked.html;
      return checked;
    });
    problems.innerHTML = renderProblems(data.problemStrings, text, found);
    editor.showProblems(lineProblems(text, found));
    preview.update(current, html);
  };

  const showAnswer = (answer: DraftResponse) => {
    problems.innerHTML = answer.problemsHtml;
    alignment.innerHTML = answer.alignmentHtml;
    if (answer.stateHtml) state.innerHTML = answer.stateHtml;
    if (answer.version) version = answer.version;
    if (answer.text !== undefined) base = answer.text;
  };

  /** The source beside the translation as typed: the server aligns them (it has the source and its history). */
  const align = async () => {
    const mine = (checks += 1);
    const { status, answer } = await post('/api/check', { fields: fields() });
    // An answer to an older request, arriving after a newer one was sent, is dropped.
    if (mine === checks && status === 200) alignment.innerHTML = answer.alignmentHtml;
  };

  const changed = () => {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(() => {
      checkHere();
      void align();
    }, checkDelay);
  };

  const preview = startPreview(data.preview, document.title);
  const editor = replaceTextarea(element<HTMLTextAreaElement>('body'), {
    labelledBy: label.id,
    fixLabel: data.problemStrings.fix,
    phrases: data.phrases,
    styleNonce: data.styleNonce,
    onChange: changed,
  });
  // The label named the textarea; it names the editor now (aria-labelledby), and a click on it goes to the text.
  label.removeAttribute('for');
  label.addEventListener('click', () => editor.view.focus());
  checkHere();

  const menu = document.getElementById('component-menu');
  if (menu) {
    menu.hidden = false;
    element('insert-component').addEventListener('click', () => editor.insertComponent(element<HTMLSelectElement>('component').value as SiteComponentName));
  }

  const save = async (expected: string): Promise<boolean> => {
    const { status, answer } = await post('/api/save', { fields: fields(), version: expected });
    if (status === 409 && answer.disk !== undefined) {
      showConflict(answer);
      return false;
    }
    if (status !== 200) {
      failed(answer);
      return false;
    }
    showAnswer(answer);
    dirty = false;
    conflict.hidden = true;
    mark.disabled = false;
    if (commit) commit.disabled = false;
    // The server checks again on Save: what it wrote is the authority.
    say(answer.problemCount > 0 ? data.messages.savedWithProblems : data.messages.saved);
    return true;
  };

  const showConflict = (answer: DraftResponse) => {
    element<HTMLTextAreaElement>('conflict-mine').value = answer.mine ?? '';
    element<HTMLTextAreaElement>('conflict-disk').value = answer.disk ?? '';
    conflict.dataset.diskVersion = answer.diskVersion ?? '';
    conflict.hidden = false;
    const heading = element('conflict-heading');
    heading.tabIndex = -1;
    heading.focus();
  };

  // The other fields; the text's changes come from the editor.
  form.addEventListener('input', (event) => {
    if ((event.target as HTMLElement).matches('[data-field]')) changed();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void save(version);
  });
  mark.addEventListener('click', () => {
    void (async () => {
      if (dirty && !(await save(version))) return say(conflict.hidden ? data.messages.saveFirst : message.textContent ?? '');
      const { status, answer } = await post('/api/mark', { version });
      if (status === 409 && answer.disk !== undefined) return showConflict(answer);
      if (status !== 200) return failed(answer);
      showAnswer(answer);
      say(data.messages.markedUpToDate);
    })();
  });
  // Commit exists only in a git checkout; it saves unsaved changes first.
  const commit = document.getElementById('commit') as HTMLButtonElement | null;
  commit?.addEventListener('click', () => {
    void (async () => {
      if (dirty && !(await save(version))) return;
      const { status, answer } = await post('/api/commit', {});
      if (status !== 200) return failed(answer);
      say(answer.message ?? '');
    })();
  });
  element('keep-mine').addEventListener('click', () => void save(conflict.dataset.diskVersion ?? ''));
  element('use-disk').addEventListener('click', () => window.location.reload());
  problems.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-line]');
    if (button) editor.goToLine(Number(button.dataset.line));
  });
}

/** The problems that have a line in the text (not in the frontmatter), at that line of the text. */
function lineProblems(text: string, found: readonly ContentIssue[]): LineProblem[] {
  return found.flatMap((problem) => {
    const line = problem.line === undefined ? undefined : bodyLine(text, problem.line);
    return line === undefined ? [] : [{ line, column: problem.column, message: problem.message, fix: problem.fix }];
  });
}
