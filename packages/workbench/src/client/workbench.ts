/**
 * The script of the UI strings page, served from the workbench's own server (bundled with esbuild when the server
 * starts). The editor page has its own (`editor.ts`), and the queue needs none. It asks only its own origin, with the
 * session token in a header.
 */

const token = document.querySelector<HTMLMetaElement>('meta[name="workbench-token"]')?.content ?? '';
const dataElement = document.getElementById('workbench-data');
if (dataElement?.textContent) {
  const data = JSON.parse(dataElement.textContent) as StringsData;
  if ('stringsLang' in data) startStringsEditor(data);
}

interface StringsData {
  stringsLang: string;
  version: string;
  messages: { saved: string; refused: string; conflict: string; requestFailed: string; placeholderMissing: string; placeholderExtra: string };
}

interface StringsAnswer {
  version?: string;
  values?: Record<string, string>;
  error?: string;
  message?: string;
  problems?: { key: string; missing: string[]; extra: string[] }[];
  conflicts?: { key: string; disk?: string; mine: string }[];
  conflictHtml?: string;
  diskVersion?: string;
}

/**
 * The UI strings page: Save sends the inputs that changed (an emptied one removes its key), with the texts the page
 * had for them; a refusal's placeholder problems appear beside their keys; a conflict with the file on disk shows
 * both texts of each key and saves the translator's choices; Commit (in a git checkout) saves first.
 */
function startStringsEditor(data: StringsData): void {
  const form = element<HTMLFormElement>('strings');
  const message = element('message');
  const conflict = element('strings-conflict');
  const conflictRows = element('strings-conflict-rows');
  let version = data.version;
  let conflicts: NonNullable<StringsAnswer['conflicts']> = [];
  const inputs = () => [...form.querySelectorAll<HTMLInputElement>('[data-string]')];
  // What the file holds for each key, as last read or written: an input that differs is an edit.
  const saved = new Map(inputs().map((input) => [input.name, input.value]));
  const edits = () => Object.fromEntries(inputs().filter((input) => input.value !== saved.get(input.name)).map((input) => [input.name, input.value]));
  const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
  const problemOf = (input: HTMLInputElement) => document.getElementById(`${input.id}-problem`);
  const post = async (path: string, payload: Record<string, unknown>): Promise<{ status: number; answer: StringsAnswer }> => {
    const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-workbench-token': token }, body: JSON.stringify({ lang: data.stringsLang, ...payload }) });
    return { status: response.status, answer: (await response.json()) as StringsAnswer };
  };

  const save = async (): Promise<boolean> => {
    // The last answer's words go at once: the next ones are about this save.
    message.textContent = '';
    const values = edits();
    const base = Object.fromEntries(Object.keys(values).map((key) => [key, saved.get(key) ?? '']));
    const { status, answer } = await post('/api/strings/save', { version, values, base });
    for (const input of inputs()) {
      const problem = problemOf(input);
      if (problem && input.name in values) problem.textContent = '';
    }
    if (status === 200 && answer.version) {
      version = answer.version;
      const file = answer.values ?? {};
      // The file's texts now: the keys sent, and those someone else changed that the translator did not touch.
      for (const input of inputs()) {
        if (!(input.name in values) && input.value === saved.get(input.name)) input.value = file[input.name] ?? '';
        if (input.name in values || input.value === (file[input.name] ?? '')) saved.set(input.name, file[input.name] ?? '');
      }
      conflict.hidden = true;
      message.textContent = data.messages.saved;
      return true;
    }
    if (status === 409 && answer.conflictHtml !== undefined) {
      conflicts = answer.conflicts ?? [];
      conflictRows.innerHTML = answer.conflictHtml;
      conflict.dataset.diskVersion = answer.diskVersion ?? '';
      conflict.hidden = false;
      message.textContent = data.messages.conflict;
      element('strings-conflict-heading').focus();
    } else if (status === 422 && answer.problems) {
      const names = (list: string[]) => list.map((name) => `{${name}}`).join(', ');
      for (const { key, missing, extra } of answer.problems) {
        const input = inputs().find((candidate) => candidate.name === key);
        const problem = input && problemOf(input);
        if (problem) problem.textContent = [missing.length > 0 ? fill(data.messages.placeholderMissing, { names: names(missing) }) : '', extra.length > 0 ? fill(data.messages.placeholderExtra, { names: names(extra) }) : ''].filter(Boolean).join(' ');
      }
      message.textContent = data.messages.refused;
    } else {
      message.textContent = fill(data.messages.requestFailed, { message: answer.error ?? String(status) });
    }
    return false;
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void save();
  });
  // Each conflicting key takes the version chosen; the file on disk becomes the base the next save is made on.
  element('strings-resolve').addEventListener('click', () => {
    for (const fieldset of conflictRows.querySelectorAll<HTMLFieldSetElement>('fieldset[data-key]')) {
      const key = fieldset.dataset.key ?? '';
      const found = conflicts.find((item) => item.key === key);
      const input = inputs().find((candidate) => candidate.name === key);
      if (!found || !input) continue;
      if (fieldset.querySelector<HTMLInputElement>('input[value="disk"]')?.checked) input.value = found.disk ?? '';
      saved.set(key, found.disk ?? '');
    }
    version = conflict.dataset.diskVersion ?? version;
    void save();
  });
  document.getElementById('strings-commit')?.addEventListener('click', () => {
    void (async () => {
      if (Object.keys(edits()).length > 0 && !(await save())) return;
      const { status, answer } = await post('/api/strings/commit', {});
      message.textContent = status === 200 ? (answer.message ?? '') : fill(data.messages.requestFailed, { message: answer.error ?? String(status) });
    })();
  });
}

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The page has no #${id}.`);
  return found as T;
}
