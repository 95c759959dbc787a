/**
 * The workbench's only script, served from its own server (compiled from this file with esbuild when the server
 * starts). It makes the editor live: checks the draft as the translator types (on the server, 300 ms after the last
 * key), saves, marks up to date, and shows both versions when the file changed on disk. The queue needs no script.
 * It imports nothing and asks only its own origin, with the session token in a header.
 */

interface EditorData {
  /** What the editor translates, as requests name it: `{ release: '<year>/<folder>' }` or `{ page: '<key>' }`. */
  subject: { release: string } | { page: string };
  lang: string;
  version: string;
  messages: { saved: string; savedWithProblems: string; markedUpToDate: string; saveFirst: string; requestFailed: string };
}

interface DraftResponse {
  problemCount: number;
  problemsHtml: string;
  alignmentHtml: string;
  version?: string;
  state?: string;
  stateHtml?: string;
  disk?: string;
  mine?: string;
  diskVersion?: string;
  error?: string;
  message?: string;
}

const token = document.querySelector<HTMLMetaElement>('meta[name="workbench-token"]')?.content ?? '';
const dataElement = document.getElementById('workbench-data');
if (dataElement?.textContent) {
  const data = JSON.parse(dataElement.textContent) as EditorData | StringsData;
  if ('stringsLang' in data) startStringsEditor(data);
  else startEditor(data);
}

interface StringsData {
  stringsLang: string;
  version: string;
  messages: { saved: string; refused: string; conflict: string; requestFailed: string; placeholderMissing: string; placeholderExtra: string };
}

/** The UI strings page: Save sends the inputs that changed; a refusal's placeholder problems appear beside their keys. */
function startStringsEditor(data: StringsData): void {
  const form = element<HTMLFormElement>('strings');
  const message = element('message');
  let version = data.version;
  const inputs = () => [...form.querySelectorAll<HTMLInputElement>('[data-string]')];
  const saved = new Map(inputs().map((input) => [input.name, input.value]));
  const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
  const problemOf = (input: HTMLInputElement) => document.getElementById(`${input.id}-problem`);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = Object.fromEntries(inputs().filter((input) => input.value !== saved.get(input.name)).map((input) => [input.name, input.value]));
    void (async () => {
      const response = await fetch('/api/strings/save', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-workbench-token': token },
        body: JSON.stringify({ lang: data.stringsLang, version, values }),
      });
      const answer = (await response.json()) as { version?: string; error?: string; problems?: { key: string; missing: string[]; extra: string[] }[] };
      for (const input of inputs()) {
        const problem = problemOf(input);
        if (problem && input.name in values) problem.textContent = '';
      }
      if (response.status === 200 && answer.version) {
        version = answer.version;
        for (const [key, value] of Object.entries(values)) saved.set(key, value);
        message.textContent = data.messages.saved;
      } else if (response.status === 422 && answer.problems) {
        const names = (list: string[]) => list.map((name) => `{${name}}`).join(', ');
        for (const { key, missing, extra } of answer.problems) {
          const input = inputs().find((candidate) => candidate.name === key);
          const problem = input && problemOf(input);
          if (problem) problem.textContent = [missing.length > 0 ? fill(data.messages.placeholderMissing, { names: names(missing) }) : '', extra.length > 0 ? fill(data.messages.placeholderExtra, { names: names(extra) }) : ''].filter(Boolean).join(' ');
        }
        message.textContent = data.messages.refused;
      } else if (response.status === 409) {
        message.textContent = data.messages.conflict;
      } else {
        message.textContent = fill(data.messages.requestFailed, { message: answer.error ?? String(response.status) });
      }
    })();
  });
}

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The page has no #${id}.`);
  return found as T;
}

function startEditor(data: EditorData): void {
  const form = element<HTMLFormElement>('draft');
  const body = element<HTMLTextAreaElement>('body');
  const problems = element('problems');
  const alignment = element('alignment');
  const message = element('message');
  const state = element('translation-state');
  const mark = element<HTMLButtonElement>('mark');
  const conflict = element('conflict');
  let version = data.version;
  let dirty = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let checks = 0;

  // The fields the editor shows (the image's only when the source has one), by name.
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
  const show = (answer: DraftResponse) => {
    problems.innerHTML = answer.problemsHtml;
    alignment.innerHTML = answer.alignmentHtml;
    if (answer.stateHtml) state.innerHTML = answer.stateHtml;
    if (answer.version) version = answer.version;
  };

  const check = async () => {
    const mine = (checks += 1);
    const { status, answer } = await post('/api/check', { fields: fields() });
    // An answer to an older check, arriving after a newer one was sent, is dropped.
    if (mine === checks && status === 200) show(answer);
  };

  const save = async (base: string): Promise<boolean> => {
    const { status, answer } = await post('/api/save', { fields: fields(), version: base });
    if (status === 409 && answer.disk !== undefined) {
      showConflict(answer);
      return false;
    }
    if (status !== 200) {
      failed(answer);
      return false;
    }
    show(answer);
    dirty = false;
    conflict.hidden = true;
    mark.disabled = false;
    if (commit) commit.disabled = false;
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

  form.addEventListener('input', () => {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(() => void check(), 300);
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
      show(answer);
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
    if (!button) return;
    const line = Number(button.dataset.line);
    const lines = body.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((offset, text) => offset + text.length + 1, 0);
    body.focus();
    body.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
  });
}
